import { InputError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  freezeStatuses,
  RolloutAction,
  RolloutActionResult,
  transition,
} from '@waybill/plugin-tenant-rollouts-common';
import { RolloutRecord, RolloutStore } from '../database/RolloutStore';
import { TenantRolloutsConfig } from './config';
import { RolloutConflictError } from './errors';
import { blockerShownTo } from './blockers';
import { askingOnce, GateClient } from './gate';
import { blockersOf } from './preconditions';
import {
  accessOf,
  Actor,
  assertActorMayActFor,
  readableRollout,
} from './rolloutAccess';

export interface ActionOptions {
  override?: boolean;
  reason?: string;
}

/** An applied action: the rollout after it, and what an override went past. */
export interface ActionOutcome {
  /** The rollout after the action. */
  record: RolloutRecord;
  /** The blockers an override went past, as `kind: message`; empty without an override. */
  overridden: string[];
}

/** The state machine's position of a rollout, as a conflict reports it. */
export function positionOf(record: RolloutRecord) {
  return {
    id: record.id,
    state: record.state,
    currentWave: record.currentWave,
    lockVersion: record.lockVersion,
  };
}

/**
 * What an applied action answers: the rollout's position after it (as a 409 carries it, with
 * when it changed), the action and what an override went past; never the board.
 */
export function actionResultOf(
  action: RolloutAction,
  outcome: ActionOutcome,
): RolloutActionResult {
  return {
    rollout: {
      ...positionOf(outcome.record),
      updatedAt: outcome.record.updatedAt,
    },
    action,
    overridden: outcome.overridden,
  };
}

/**
 * Rollout actions: the state machine decides whether the state allows one, the preconditions
 * whether the world does (an override with a reason goes past them), and the store's
 * conditional update whether nobody else got there first.
 */
export class RolloutActions {
  constructor(
    private readonly options: {
      store: RolloutStore;
      catalog: CatalogService;
      gate: GateClient;
      config: TenantRolloutsConfig;
      now: () => Date;
    },
  ) {}

  /** Applies an action; see the class. */
  async act(
    id: number,
    action: RolloutAction,
    actor: Actor,
    options: ActionOptions = {},
  ): Promise<ActionOutcome> {
    const { store, catalog, gate, config } = this.options;
    const access = accessOf(actor);
    const record = await readableRollout(store, id, access);
    await assertActorMayActFor(catalog, record.entityRef, actor);
    const position = positionOf(record);
    const next = transition(
      { ...record, waveCount: record.plan.waves.length },
      action,
    );
    if (!next.ok) throw new RolloutConflictError(next.message, position);
    if (options.override && !options.reason) {
      throw new InputError('An override needs a reason');
    }
    const statuses = await store.tenantStatuses(id);
    const now = this.options.now();
    const freezes = freezeStatuses(
      record.plan.tenants,
      now,
      config.freezeWindows,
    );
    const asked = askingOnce(gate);
    const blockers = await blockersOf(
      { record, action, statuses, freezes, now },
      asked,
    );
    if (blockers.length > 0 && !options.override) {
      const named = access.restricted
        ? await access.readable(record.plan.tenants.map(t => t.ref))
        : undefined;
      const shown = blockers.map(b => blockerShownTo(b, named));
      throw new RolloutConflictError(
        `Cannot ${action} rollout ${id}: ${shown
          .map(b => b.message)
          .join('; ')}`,
        position,
        shown,
      );
    }
    const applied = await store.applyTransition(id, {
      action,
      expectedLockVersion: record.lockVersion,
      to: { state: next.state, currentWave: next.currentWave },
      actor: actor.caller.subject,
      reason: options.reason,
      override: Boolean(options.override && blockers.length > 0),
    });
    const overridden = options.override
      ? blockers.map(b => `${b.kind}: ${b.message}`)
      : [];
    return { record: applied, overridden };
  }

  /**
   * The running rollouts the scheduler tries to move on: each current wave advances, or the
   * last one completes (when its preconditions allow; never with an override).
   */
  async dueForAdvance(): Promise<
    Array<{ record: RolloutRecord; action: RolloutAction }>
  > {
    const running = await this.options.store.listRollouts({
      states: ['running'],
      limit: 1000,
    });
    return running.map(record => ({
      record,
      action:
        record.currentWave < record.plan.waves.length - 1
          ? 'advance'
          : 'complete',
    }));
  }
}
