import { ConflictError } from '@backstage/errors';
import type {
  Blocker,
  RolloutConflict,
} from '@waybill/plugin-tenant-rollouts-common';

/** A 409 that carries the rollout's current position and, for preconditions, what blocks it. */
export class RolloutConflictError extends ConflictError {
  constructor(
    message: string,
    readonly rollout: RolloutConflict['rollout'],
    readonly blockers: Blocker[] = [],
  ) {
    super(message);
  }
}
