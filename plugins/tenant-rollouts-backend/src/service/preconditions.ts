import {
  Blocker,
  FreezeStatus,
  RolloutAction,
} from '@waybill/plugin-tenant-rollouts-common';
import { CatalogReadAccess } from '@waybill/plugin-waybill-node';
import { RolloutRecord, TenantStatusRecord } from '../database/RolloutStore';
import { GateClient } from './gate';

/** Frozen tenants as a freeze blocker lists them. */
type FrozenTenants = NonNullable<Blocker['tenants']>;

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
export function waveStartedBy(
  record: RolloutRecord,
  action: 'start' | 'advance',
): number {
  return action === 'start' ? 0 : record.currentWave + 1;
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

/**
 * What holds back a wave some of whose tenants are in a freeze window: how many, naming up to
 * ten of them, of those in `named` when given (the others are counted, not named).
 */
export function freezeBlocker(
  index: number,
  waveName: string,
  frozen: FrozenTenants,
  named?: ReadonlySet<string>,
): Blocker {
  const shown = named ? frozen.filter(f => named.has(f.ref)) : frozen;
  const unnamed = frozen.length - shown.length;
  const listed = [
    ...shown
      .slice(0, 10)
      .map(
        f =>
          `${f.ref} (${f.windows.map(w => w.title).join(', ')}; opens ${
            f.opensAt
          })`,
      ),
    ...(shown.length > 10 ? ['...'] : []),
    ...(unnamed > 0 ? [`${unnamed} you may not read`] : []),
  ];
  return {
    kind: 'freeze',
    message: `${
      frozen.length
    } tenant(s) of wave ${index} (${waveName}) are in a freeze window and are held back: ${listed.join(
      ', ',
    )}`,
    tenants: shown,
  };
}

/** The current wave's health and bake time, which an advance or completion waits for. */
export function healthAndBakeBlockers(
  record: RolloutRecord,
  statuses: TenantStatusRecord[],
  now: Date,
): Blocker[] {
  const blockers: Blocker[] = [];
  const wave = record.plan.waves[record.currentWave];
  const waveStatuses = statuses.filter(s => s.waveIndex === record.currentWave);
  const { healthy, lastChangeAt } = waveHealth(waveStatuses);
  const total = waveStatuses.length;
  if (total > 0 && healthy / total < wave.healthThreshold) {
    blockers.push({
      kind: 'health',
      message: `Wave ${record.currentWave} (${
        wave.name
      }) is ${healthy} of ${total} healthy; it needs ${Math.round(
        wave.healthThreshold * 100,
      )}%`,
    });
  }
  if (total > 0 && lastChangeAt) {
    const bakedAt =
      new Date(lastChangeAt).getTime() + wave.bakeMinutes * 60_000;
    if (bakedAt > now.getTime()) {
      blockers.push({
        kind: 'bake',
        message: `Wave ${record.currentWave} (${wave.name}) bakes for ${
          wave.bakeMinutes
        } minutes after its last status change (${lastChangeAt}); it has baked at ${new Date(
          bakedAt,
        ).toISOString()}`,
      });
    }
  }
  return blockers;
}

/** The tenants of the wave an action starts that are in a freeze window, as a blocker. */
export function freezeBlockers(
  record: RolloutRecord,
  action: 'start' | 'advance',
  freezes: Map<string, FreezeStatus>,
): Blocker[] {
  const next = waveStartedBy(record, action);
  const wave = record.plan.waves[next];
  const frozen: FrozenTenants = [];
  for (const { ref } of wave?.tenants ?? []) {
    const status = freezes.get(ref);
    if (status?.frozen) {
      frozen.push({
        ref,
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
  return frozen.length > 0 ? [freezeBlocker(next, wave.name, frozen)] : [];
}

/**
 * What stands in the way of an action now: the current wave's health and bake time (advance,
 * complete), freeze windows over the next wave's tenants and the scorecards gate (start,
 * advance).
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
    );
    if (!answer.passed)
      blockers.push({ kind: 'gate', message: answer.message });
  }
  return blockers;
}

/**
 * The blockers of an action as the actor may see them: a freeze blocker names only the tenants
 * they may read and counts the others. The action is refused on all of them, so the refusal
 * says that tenants they cannot see hold it, without saying which.
 */
export async function blockersShownTo(
  access: CatalogReadAccess,
  record: RolloutRecord,
  action: RolloutAction,
  blockers: Blocker[],
): Promise<Blocker[]> {
  if (!access.restricted) return blockers;
  const named = await access.readable(record.plan.tenants.map(t => t.ref));
  return blockers.map(blocker => {
    if (blocker.kind !== 'freeze') return blocker;
    const next = waveStartedBy(record, action as 'start' | 'advance');
    return freezeBlocker(
      next,
      record.plan.waves[next].name,
      blocker.tenants!,
      named,
    );
  });
}
