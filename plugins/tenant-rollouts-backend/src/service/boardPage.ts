import { InputError } from '@backstage/errors';
import {
  BoardQuery,
  BoardTenant,
  BoardTenantPage,
  FreezeStatus,
  matchesBoardFilter,
  WaveSummary,
} from '@waybill/plugin-tenant-rollouts-common';
import { RolloutRecord } from '../database/RolloutStore';
import { BoardSnapshot, SnapshotLine } from './boardSnapshot';

/** A board answers this many tenants when not asked for a number, and at most MAX_LIMIT. */
export const DEFAULT_LIMIT = 100;
export const MAX_LIMIT = 500;

/** Where a wave is: before, at or past the rollout's current wave. */
function phaseOf(
  record: Pick<RolloutRecord, 'state' | 'currentWave'>,
  index: number,
): WaveSummary['phase'] {
  if (record.state === 'planned') return 'upcoming';
  if (index < record.currentWave) return 'done';
  if (index === record.currentWave) {
    return record.state === 'completed' ? 'done' : 'current';
  }
  return 'upcoming';
}

/** The waves of a board: each wave's summary, with what is frozen at the board's instant. */
export function waveSummaries(
  record: RolloutRecord,
  snapshot: BoardSnapshot,
  freezes: FreezeStatus[],
): WaveSummary[] {
  return record.plan.waves.map((wave, index) => {
    const { perFreezeGroup, ...counted } = snapshot.waves[index];
    let frozen = 0;
    for (const [group, count] of perFreezeGroup) {
      if (freezes[group].frozen) frozen += count;
    }
    return {
      index,
      name: wave.name,
      bakeMinutes: wave.bakeMinutes,
      healthThreshold: wave.healthThreshold,
      phase: phaseOf(record, index),
      ...counted,
      frozen,
    };
  });
}

/** A tenant as the board shows it, frozen or not at the board's instant. */
export function boardTenant(
  line: SnapshotLine,
  freezes: FreezeStatus[],
): BoardTenant {
  return {
    ...line.tenant,
    wave: line.wave,
    placement: line.placement,
    status: line.status,
    detail: line.detail,
    updatedAt: line.updatedAt,
    freeze: freezes[line.freezeGroup],
  };
}

/**
 * The page of the tenants matching a board query: `limit` (100 by default) from `offset`, and
 * how many match. A wave the plan does not have is an InputError naming `query.wave`.
 */
export function tenantPage(
  record: RolloutRecord,
  snapshot: BoardSnapshot,
  freezes: FreezeStatus[],
  query: BoardQuery,
): BoardTenantPage {
  const { offset = 0, limit = DEFAULT_LIMIT, ...filter } = query;
  const waveCount = record.plan.waves.length;
  if (filter.wave !== undefined && filter.wave >= waveCount) {
    throw new InputError(
      `query.wave: rollout ${record.id} has ${waveCount} waves, numbered from 0; there is no wave ${filter.wave}`,
    );
  }
  const filtered = Object.values(filter).some(v => v !== undefined);
  const matching = filtered
    ? snapshot.lines.filter(line =>
        matchesBoardFilter(line, filter, l => freezes[l.freezeGroup].frozen),
      )
    : snapshot.lines;
  return {
    items: matching
      .slice(offset, offset + limit)
      .map(line => boardTenant(line, freezes)),
    total: matching.length,
    offset,
    limit,
  };
}
