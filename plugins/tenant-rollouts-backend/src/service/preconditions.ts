import {
  Blocker,
  FAILED_STATUSES,
  FreezeBlocker,
  FreezeStatus,
  HealthBlocker,
  NextAction,
  ROLLOUT_ACTIONS,
  RolloutAction,
  transition,
  WaveRef,
} from '@waybill/plugin-tenant-rollouts-common';
import { RolloutRecord, TenantStatusRecord } from '../database/RolloutStore';
import {
  bakeBlocker,
  freezeBlocker,
  gateBlocker,
  healthBlocker,
} from './blockers';
import { GateClient } from './gate';
import { tenantsByRef, waveSegments } from './planTenants';

/** What the preconditions of an action are checked against: one read of the world, at `now`. */
export interface PreconditionInputs {
  record: RolloutRecord;
  action: RolloutAction;
  /** Every tenant status of the rollout. */
  statuses: TenantStatusRecord[];
  /** The freeze status at `now` of every tenant of the rollout (at least the next wave's). */
  freezes: Map<string, FreezeStatus>;
  now: Date;
}

/** The wave an action starts: the first for `start`, the next one for `advance`. */
function waveStartedBy(
  record: RolloutRecord,
  action: 'start' | 'advance',
): number {
  return action === 'start' ? 0 : record.currentWave + 1;
}

/**
 * The tenant segments the rollout delivers to next (the first wave before it starts, else the
 * wave after the current one; none after the last): what the gate is asked about, for waivers
 * scoped to a segment. The board's gate and the start or advance it offers ask the same.
 */
export function nextDeliverySegments(record: RolloutRecord): string[] {
  const index = record.state === 'planned' ? 0 : record.currentWave + 1;
  return [...waveSegments(record.plan, index)];
}

/** A wave of the rollout's plan, by position and name. */
function waveRef(record: RolloutRecord, index: number): WaveRef {
  return { index, name: record.plan.waves[index].name };
}

/** Healthy count and the latest status change of a wave's tenants. */
export function waveHealth(statuses: TenantStatusRecord[]) {
  let healthy = 0;
  let lastChangeAt: string | null = null;
  for (const s of statuses) {
    if (s.status === 'healthy') healthy++;
    if (!lastChangeAt || s.updatedAt > lastChangeAt) lastChangeAt = s.updatedAt;
  }
  return { healthy, lastChangeAt };
}

/** The fewest healthy tenants of `total` whose share reaches `threshold`. */
function neededHealthy(total: number, threshold: number): number {
  let needed = Math.min(total, Math.ceil(threshold * total));
  while (needed > 0 && (needed - 1) / total >= threshold) needed--;
  return needed;
}

/** A tenant's title, or its ref when the plan does not have it. */
function titleOf(record: RolloutRecord, ref: string): string {
  return tenantsByRef(record.plan).get(ref)?.title ?? ref;
}

/** The current wave's health and bake time, which an advance or completion waits for. */
function healthAndBakeBlockers(
  record: RolloutRecord,
  statuses: TenantStatusRecord[],
  now: Date,
): Blocker[] {
  const blockers: Blocker[] = [];
  const wave = record.plan.waves[record.currentWave];
  const ref = waveRef(record, record.currentWave);
  const waveStatuses = statuses.filter(s => s.waveIndex === record.currentWave);
  const { healthy, lastChangeAt } = waveHealth(waveStatuses);
  const total = waveStatuses.length;
  if (total > 0 && healthy / total < wave.healthThreshold) {
    const failing = waveStatuses.filter(s =>
      FAILED_STATUSES.includes(s.status),
    );
    blockers.push(
      healthBlocker({
        wave: ref,
        healthy,
        total,
        needed: neededHealthy(total, wave.healthThreshold),
        healthThreshold: wave.healthThreshold,
        failing: failing.length,
        tenants: failing.map((s): HealthBlocker['tenants'][number] => ({
          ref: s.tenantRef,
          title: titleOf(record, s.tenantRef),
          status: s.status,
          detail: s.detail ?? null,
        })),
      }),
    );
  }
  if (total > 0 && lastChangeAt) {
    const bakedAt =
      new Date(lastChangeAt).getTime() + wave.bakeMinutes * 60_000;
    if (bakedAt > now.getTime()) {
      blockers.push(
        bakeBlocker({
          wave: ref,
          bakeMinutes: wave.bakeMinutes,
          lastChangeAt,
          until: new Date(bakedAt).toISOString(),
        }),
      );
    }
  }
  return blockers;
}

/** The tenants of the wave an action starts that are in a freeze window, as a blocker. */
function freezeBlockers(
  record: RolloutRecord,
  action: 'start' | 'advance',
  freezes: Map<string, FreezeStatus>,
): Blocker[] {
  const next = waveStartedBy(record, action);
  const wave = record.plan.waves[next];
  const frozen: FreezeBlocker['tenants'] = [];
  for (const { ref } of wave?.tenants ?? []) {
    const status = freezes.get(ref);
    if (status?.frozen) {
      frozen.push({
        ref,
        title: titleOf(record, ref),
        windows: status.windows.map(w => ({
          id: w.id,
          title: w.title,
          start: w.start,
          end: w.end,
        })),
        opensAt: status.opensAt,
      });
    }
  }
  if (frozen.length === 0) return [];
  const opensAt = frozen
    .map(f => f.opensAt)
    .reduce((last, at) =>
      new Date(at).getTime() > new Date(last).getTime() ? at : last,
    );
  return [
    freezeBlocker({
      wave: waveRef(record, next),
      frozen: frozen.length,
      opensAt,
      tenants: frozen,
    }),
  ];
}

/**
 * What stands in the way of an action now: the current wave's health and bake time (advance,
 * complete), freeze windows over the next wave's tenants and the scorecards gate (start,
 * advance). Every tenant of the rollout counts and is named; see `blockerShownTo` for a reader
 * who may read only some.
 */
export async function blockersOf(
  inputs: PreconditionInputs,
  gate: GateClient,
): Promise<Blocker[]> {
  const { record, action, statuses, freezes, now } = inputs;
  const blockers: Blocker[] = [];
  if (action === 'advance' || action === 'complete') {
    blockers.push(...healthAndBakeBlockers(record, statuses, now));
  }
  if (action === 'start' || action === 'advance') {
    blockers.push(...freezeBlockers(record, action, freezes));
    const answer = await gate.check(
      record.entityRef,
      record.version,
      record.environment,
      nextDeliverySegments(record),
    );
    if (!answer.passed) blockers.push(gateBlocker(answer));
  }
  return blockers;
}

/**
 * The actions the rollout's state allows now, in the state machine's order, each with what
 * would refuse it if it were taken on this read of the world (`blockersOf`, as the action runs
 * it). Give `gate` as `askingOnce(...)` to ask the gate once for all of them.
 */
export async function nextActionsOf(
  inputs: Omit<PreconditionInputs, 'action'>,
  gate: GateClient,
): Promise<NextAction[]> {
  const { record } = inputs;
  const position = {
    state: record.state,
    currentWave: record.currentWave,
    waveCount: record.plan.waves.length,
  };
  const offered = ROLLOUT_ACTIONS.filter(a => transition(position, a).ok);
  return Promise.all(
    offered.map(async (action): Promise<NextAction> => {
      const blockers = await blockersOf({ ...inputs, action }, gate);
      return {
        action,
        ...(action === 'start' || action === 'advance'
          ? { wave: waveRef(record, waveStartedBy(record, action)) }
          : {}),
        ready: blockers.length === 0,
        blockers,
      };
    }),
  );
}
