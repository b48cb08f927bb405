import { ConflictError } from '@backstage/errors';

/** Why an action may not happen now: a failing gate, an unhealthy or unbaked wave, a freeze. */
export interface Blocker {
  kind: 'gate' | 'health' | 'bake' | 'freeze';
  message: string;
  /** For `freeze`: the tenants held back, with the windows and when they open. */
  tenants?: Array<{
    ref: string;
    windows: Array<{ id: string; title: string; start: string; end: string }>;
    opensAt: string;
  }>;
}

/** A 409 that carries the rollout's current position and, for preconditions, what blocks it. */
export class RolloutConflictError extends ConflictError {
  constructor(
    message: string,
    readonly rollout: {
      id: number;
      state: string;
      currentWave: number;
      lockVersion: number;
    },
    readonly blockers: Blocker[] = [],
  ) {
    super(message);
  }
}
