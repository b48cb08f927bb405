import { NotFoundError } from '@backstage/errors';
import {
  BoardTenant,
  FreezeStatus,
  freezeStatuses,
  NextAction,
  RolloutGate,
  RolloutState,
  RolloutSummary,
  RolloutView,
  RolloutWave,
  WaveView,
} from '@waybill/plugin-tenant-rollouts-common';
import type { Tenant } from '@waybill/plugin-waybill-common';
import { CatalogReadAccess } from '@waybill/plugin-waybill-node';
import {
  RolloutRecord,
  RolloutStore,
  TenantStatusRecord,
} from '../database/RolloutStore';
import { blockerShownTo } from './blockers';
import { TenantRolloutsConfig } from './config';
import { FailureAnalysisCache } from './failureAnalysisCache';
import { askingOnce, GateClient } from './gate';
import {
  nextActionsOf,
  nextDeliverySegments,
  waveHealth,
} from './preconditions';
import { readableRollout } from './rolloutAccess';

/** The world a board is read from: every tenant status, and every tenant's freeze at `now`. */
interface BoardWorld {
  statuses: TenantStatusRecord[];
  freezes: Map<string, FreezeStatus>;
  now: Date;
}

/** The states in which a rollout can still deploy a wave, so its board shows the gate. */
const LIVE_STATES: readonly RolloutState[] = ['planned', 'running', 'paused'];

/** A wave's tenants the reader may read, as the board shows them. */
function boardTenants(
  record: RolloutRecord,
  wave: RolloutRecord['plan']['waves'][number],
  visible: ReadonlySet<string>,
  inputs: {
    byRef: Map<string, TenantStatusRecord>;
    tenantByRef: Map<string, Tenant>;
    freezes: Map<string, FreezeStatus>;
  },
): BoardTenant[] {
  return wave.tenants
    .filter(({ ref }) => visible.has(ref))
    .map(({ ref, reason }): BoardTenant => {
      const { deployables: _deployables, ...tenant } =
        inputs.tenantByRef.get(ref)!;
      const status = inputs.byRef.get(ref);
      return {
        ...tenant,
        placement: reason,
        status: status?.status ?? 'pending',
        detail: status?.detail ?? null,
        updatedAt: status?.updatedAt ?? record.createdAt,
        freeze: inputs.freezes.get(ref)!,
      };
    });
}

/** Where a wave is: before, at or past the rollout's current wave. */
function phaseOf(record: RolloutRecord, index: number): WaveView['phase'] {
  if (record.state === 'planned') return 'upcoming';
  if (index < record.currentWave) return 'done';
  if (index === record.currentWave) {
    return record.state === 'completed' ? 'done' : 'current';
  }
  return 'upcoming';
}

/** The waves of a board, of the tenants the reader may read. */
function waveViews(
  record: RolloutRecord,
  visible: ReadonlySet<string>,
  statuses: TenantStatusRecord[],
  tenantByRef: Map<string, Tenant>,
  freezes: Map<string, FreezeStatus>,
): WaveView[] {
  const byRef = new Map(statuses.map(s => [s.tenantRef, s]));
  return record.plan.waves.map((wave, index) => {
    const tenants = boardTenants(record, wave, visible, {
      byRef,
      tenantByRef,
      freezes,
    });
    const health = waveHealth(statuses.filter(s => s.waveIndex === index));
    return {
      index,
      name: wave.name,
      bakeMinutes: wave.bakeMinutes,
      healthThreshold: wave.healthThreshold,
      phase: phaseOf(record, index),
      total: tenants.length,
      healthy: health.healthy,
      frozen: tenants.filter(t => t.freeze.frozen).length,
      lastChangeAt: health.lastChangeAt,
      tenants,
    };
  });
}

/**
 * The rollout board read model: lists, boards and waves, each of what the reader may read. A
 * rollout of an entity they may not read is not there (404, not listed), and a tenant they may
 * not read is left out of boards, counts and failure analyses.
 */
export class RolloutBoard {
  private readonly analyses = new FailureAnalysisCache();

  constructor(
    private readonly options: {
      store: RolloutStore;
      config: TenantRolloutsConfig;
      /** Asked once per board while the rollout is live. */
      gate: GateClient;
      now: () => Date;
    },
  ) {}

  async get(id: number, access: CatalogReadAccess): Promise<RolloutView> {
    return this.view(
      await readableRollout(this.options.store, id, access),
      access,
    );
  }

  /** One wave of a rollout and where the rollout is; with `cloud`, only that cloud's tenants. */
  async wave(
    id: number,
    index: number,
    filter: { cloud?: string },
    access: CatalogReadAccess,
  ): Promise<RolloutWave> {
    const record = await readableRollout(this.options.store, id, access);
    // The waves alone: a pipeline's wave job asks neither the gate nor the trail.
    const { waves } = await this.read(record, access);
    const wave = waves[index];
    if (!wave) {
      throw new NotFoundError(
        `Rollout ${id} has ${waves.length} waves; there is no wave ${index}`,
      );
    }
    const { entityRef, version, environment, state, currentWave, lockVersion } =
      record;
    return {
      rollout: {
        id,
        entityRef,
        version,
        environment,
        state,
        currentWave,
        lockVersion,
      },
      wave: filter.cloud
        ? {
            ...wave,
            tenants: wave.tenants.filter(t => t.cloud === filter.cloud),
          }
        : wave,
    };
  }

  async list(
    filter: { entityRef?: string; version?: string; limit?: number },
    access: CatalogReadAccess,
  ): Promise<RolloutSummary[]> {
    const { store } = this.options;
    const records = await store.listRollouts({
      ...filter,
      ...(access.restricted
        ? { entityRefs: await access.readable(await store.listEntityRefs()) }
        : {}),
    });
    const tenants = await access.readable(
      records.flatMap(r => r.plan.tenants.map(t => t.ref)),
    );
    return records.map(
      ({ plan, strategy: _strategy, strategySource: _source, ...rest }) => ({
        ...rest,
        waveCount: plan.waves.length,
        tenantCount: plan.tenants.filter(t => tenants.has(t.ref)).length,
      }),
    );
  }

  /**
   * What can happen next and the gate, on one read of the world: the actions the state allows
   * with their blockers (as the reader may see them) and, while the rollout is live, the gate,
   * asked once for all of them.
   */
  private async next(
    record: RolloutRecord,
    world: BoardWorld,
    asked: GateClient,
    visible: ReadonlySet<string>,
    access: CatalogReadAccess,
  ): Promise<{ nextActions: NextAction[]; gate?: RolloutGate }> {
    const gate = LIVE_STATES.includes(record.state)
      ? await asked.check(
          record.entityRef,
          record.version,
          record.environment,
          nextDeliverySegments(record),
        )
      : undefined;
    const actions = await nextActionsOf({ record, ...world }, asked);
    const nextActions = access.restricted
      ? actions.map(a => ({
          ...a,
          blockers: a.blockers.map(b => blockerShownTo(b, visible)),
        }))
      : actions;
    return { nextActions, ...(gate ? { gate } : {}) };
  }

  /**
   * The waves of a rollout's board and the world they were read from (statuses once, freezes
   * of every tenant at `now`).
   */
  private async read(record: RolloutRecord, access: CatalogReadAccess) {
    const [allStatuses, visible] = await Promise.all([
      this.options.store.tenantStatuses(record.id),
      access.readable(record.plan.tenants.map(t => t.ref)),
    ]);
    const statuses = allStatuses.filter(s => visible.has(s.tenantRef));
    const planned = record.plan.tenants.filter(t => visible.has(t.ref));
    const now = this.options.now();
    const tenantByRef = new Map(planned.map(t => [t.ref, t]));
    // Every tenant's: the next actions are decided on all of them.
    const freezes = freezeStatuses(
      record.plan.tenants,
      now,
      this.options.config.freezeWindows,
    );
    return {
      world: { statuses: allStatuses, freezes, now },
      visible,
      statuses,
      tenantByRef,
      waves: waveViews(record, visible, statuses, tenantByRef, freezes),
    };
  }

  /** The board of a rollout, of the tenants the reader may read. */
  async view(
    record: RolloutRecord,
    access: CatalogReadAccess,
  ): Promise<RolloutView> {
    const [read, events] = await Promise.all([
      this.read(record, access),
      this.options.store.events(record.id),
    ]);
    const next = await this.next(
      record,
      read.world,
      askingOnce(this.options.gate),
      read.visible,
      access,
    );
    const { plan: _plan, strategySource, ...rest } = record;
    return {
      ...rest,
      // Not recorded for rollouts planned before the source was.
      ...(strategySource === null ? {} : { strategySource }),
      waves: read.waves,
      analysis: this.analyses.analysis(
        record.id,
        read.statuses,
        read.tenantByRef,
      ),
      events,
      evaluatedAt: read.world.now.toISOString(),
      ...next,
    };
  }
}
