import { NotFoundError } from '@backstage/errors';
import {
  BoardQuery,
  FreezeStatus,
  NextAction,
  RolloutGate,
  RolloutState,
  RolloutSummary,
  RolloutView,
  RolloutWave,
} from '@waybill/plugin-tenant-rollouts-common';
import { CatalogReadAccess } from '@waybill/plugin-waybill-node';
import { RolloutRecord, RolloutStore } from '../database/RolloutStore';
import { blockerShownTo } from './blockers';
import { boardTenant, tenantPage, waveSummaries } from './boardPage';
import { BoardSnapshot, boardSnapshot, updatedSnapshot } from './boardSnapshot';
import { BoardSnapshots } from './boardSnapshots';
import { readableRolloutHead } from './rolloutAccess';
import { RolloutPlans } from './rolloutPlans';
import { askingOnce, GateClient } from './gate';
import { nextActionsOf, nextDeliverySegments } from './preconditions';

/** The states in which a rollout can still deploy a wave, so its board shows the gate. */
const LIVE_STATES: readonly RolloutState[] = ['planned', 'running', 'paused'];

/** A board's read of the world: its snapshot, and every freeze group's status at `now`. */
interface BoardRead {
  record: RolloutRecord;
  snapshot: BoardSnapshot;
  /** The freeze status of each freeze group at `now` (see BoardSnapshot.freezeGroups). */
  freezes: FreezeStatus[];
  /** The tenants the reader may read; every tenant when absent. */
  visible?: ReadonlySet<string>;
  now: Date;
}

/**
 * The rollout board read model: lists, boards and waves, each of what the reader may read. A
 * rollout of an entity they may not read is not there (404, not listed), and a tenant they may
 * not read is left out of boards, counts and failure analyses.
 */
export class RolloutBoard {
  private readonly kept = new BoardSnapshots();

  constructor(
    private readonly options: {
      store: RolloutStore;
      /** The rollouts' plans, kept (shared with status ingestion). */
      plans: RolloutPlans;
      /** Asked once per board while the rollout is live. */
      gate: GateClient;
      now: () => Date;
    },
  ) {}

  /** The board of a rollout, with the page of its tenants `query` asks for. */
  async get(
    id: number,
    access: CatalogReadAccess,
    query: BoardQuery = {},
  ): Promise<RolloutView> {
    const [read, events] = await Promise.all([
      this.read(id, access),
      this.options.store.events(id),
    ]);
    return this.answer(read, events, query);
  }

  /** One wave of a rollout and where the rollout is; with `cloud`, only that cloud's tenants. */
  async wave(
    id: number,
    index: number,
    filter: { cloud?: string },
    access: CatalogReadAccess,
  ): Promise<RolloutWave> {
    // The wave alone: a pipeline's wave job asks neither the gate nor the trail.
    const { record, snapshot, freezes } = await this.read(id, access);
    const waves = waveSummaries(record, snapshot, freezes);
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
      wave: {
        ...wave,
        tenants: snapshot.lines
          .filter(
            l =>
              l.wave === index && (!filter.cloud || l.cloud === filter.cloud),
          )
          .map(l => boardTenant(l, freezes)),
      },
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

  /** The board of a rollout just planned, with its first page of tenants. */
  async view(
    record: RolloutRecord,
    access: CatalogReadAccess,
  ): Promise<RolloutView> {
    return this.get(record.id, access);
  }

  /**
   * A rollout, if the reader may read its entity (else 404), and its board's snapshot at its
   * status version (see BoardSnapshots): kept, caught up from the statuses reported since, or
   * computed from all of them when none is kept; the plan read once. Every freeze group is
   * evaluated at `now`.
   */
  private async read(
    id: number,
    access: CatalogReadAccess,
  ): Promise<BoardRead> {
    const { store, plans } = this.options;
    const head = await readableRolloutHead(store, id, access);
    const { createdAt } = head.record;
    const kept = await plans.get(head.record);
    const { plan } = kept;
    const record: RolloutRecord = { ...head.record, plan };
    const visible = access.restricted
      ? await access.readable(plan.tenants.map(t => t.ref))
      : undefined;
    const { statusVersion } = head;
    const snapshot = await this.kept.snapshot(
      { id, createdAt, statusVersion, visible },
      async previous =>
        (previous &&
          updatedSnapshot(
            previous,
            await store.tenantStatuses(id, previous.version),
            statusVersion,
          )) ??
        boardSnapshot(
          record,
          await store.tenantStatuses(id),
          kept.freezeGroups,
          statusVersion,
          visible,
        ),
    );
    const now = this.options.now();
    const freezes = kept.freezes.at(now);
    return { record, snapshot, freezes, visible, now };
  }

  /**
   * What can happen next and the gate, on one read of the world: the actions the state allows
   * with their blockers (as the reader may see them) and, while the rollout is live, the gate,
   * asked once for all of them.
   */
  private async next(
    read: BoardRead,
  ): Promise<{ nextActions: NextAction[]; gate?: RolloutGate }> {
    const { record, snapshot, visible, now } = read;
    const asked = askingOnce(this.options.gate);
    const gate = LIVE_STATES.includes(record.state)
      ? await asked.check(
          record.entityRef,
          record.version,
          record.environment,
          nextDeliverySegments(record),
        )
      : undefined;
    const actions = await nextActionsOf(
      {
        record,
        statuses: snapshot.statuses,
        freezes: nextWaveFreezes(read),
        now,
      },
      asked,
    );
    const nextActions = actions.map(a => ({
      ...a,
      blockers: a.blockers.map(b => blockerShownTo(b, visible)),
    }));
    return { nextActions, ...(gate ? { gate } : {}) };
  }

  /** The board: the rollout, its wave summaries, the page of tenants asked for and the rest. */
  private async answer(
    read: BoardRead,
    events: RolloutView['events'],
    query: BoardQuery,
  ): Promise<RolloutView> {
    const { record, snapshot, freezes, now } = read;
    const tenants = tenantPage(record, snapshot, freezes, query);
    const next = await this.next(read);
    const { plan: _plan, strategySource, ...rest } = record;
    return {
      ...rest,
      // Not recorded for rollouts planned before the source was.
      ...(strategySource === null ? {} : { strategySource }),
      waves: waveSummaries(record, snapshot, freezes),
      tenants,
      axisValues: snapshot.axisValues,
      heatmap: snapshot.heatmap,
      analysis: snapshot.analysis,
      events,
      evaluatedAt: now.toISOString(),
      ...next,
    };
  }
}

/**
 * The freeze status at the board's instant of the tenants an action may start next (the first
 * wave and the one after the current): what the next actions' freeze blockers read.
 */
function nextWaveFreezes(read: BoardRead): Map<string, FreezeStatus> {
  const { record, snapshot, freezes } = read;
  const { groupOf } = snapshot.freezeGroups;
  const waves = new Set([0, record.currentWave + 1]);
  const statuses = new Map<string, FreezeStatus>();
  for (const index of waves) {
    for (const { ref } of record.plan.waves[index]?.tenants ?? []) {
      statuses.set(ref, freezes[groupOf.get(ref)!]);
    }
  }
  return statuses;
}
