import {
  TENANT_AXES,
  Tenant,
  TenantAxis,
} from '@waybill/plugin-waybill-common';
import {
  FAILED_STATUSES,
  TENANT_STATUSES,
  TenantStatus,
} from './failureAnalysis';
import type { BoardQuery, HeatCell, WaveSummary } from './api/types';

/*
 * What a rollout board computes over all of a rollout's tenants, once, so that a screen is
 * answered with summaries and one page rather than every tenant: the filter a page is cut
 * from, the counts per status, the heatmap and the values each filter offers.
 */

/** A tenant of a board as the filters see it: its axes, title and ref, wave and status. */
export type BoardLine = Pick<Tenant, TenantAxis | 'ref' | 'title'> & {
  wave: number;
  status: TenantStatus;
};

/** A board query's tenant filter: the page's `offset` and `limit` left out. */
export type BoardTenantFilter = Omit<BoardQuery, 'offset' | 'limit'>;

/**
 * Whether a tenant passes the filter: every axis set, the status (`frozen`: in a freeze window
 * now, as `frozen` says), the wave, and `q` in its title or ref, case-insensitively.
 */
export function matchesBoardFilter<L extends BoardLine>(
  line: L,
  filter: BoardTenantFilter,
  frozen: (line: L) => boolean,
): boolean {
  for (const axis of TENANT_AXES) {
    if (filter[axis] !== undefined && line[axis] !== filter[axis]) return false;
  }
  if (filter.wave !== undefined && line.wave !== filter.wave) return false;
  if (filter.status === 'frozen') {
    if (!frozen(line)) return false;
  } else if (filter.status !== undefined && line.status !== filter.status) {
    return false;
  }
  if (filter.q !== undefined) {
    const q = filter.q.toLowerCase();
    return (
      line.title.toLowerCase().includes(q) || line.ref.toLowerCase().includes(q)
    );
  }
  return true;
}

const compare = (a: string, b: string) => (a < b ? -1 : Number(a > b));

/** Tenants per status, every status present (zero when none). */
export type StatusCounts = WaveSummary['counts'];

/** No tenant in any status. */
export function emptyStatusCounts(): StatusCounts {
  return Object.fromEntries(TENANT_STATUSES.map(s => [s, 0])) as StatusCounts;
}

/** The values each axis takes among the tenants, sorted. */
export function boardAxisValues(
  lines: Iterable<BoardLine>,
): Record<TenantAxis, string[]> {
  const values = Object.fromEntries(
    TENANT_AXES.map(axis => [axis, new Set<string>()]),
  ) as Record<TenantAxis, Set<string>>;
  for (const line of lines) {
    for (const axis of TENANT_AXES) values[axis].add(line[axis]);
  }
  return Object.fromEntries(
    TENANT_AXES.map(axis => [axis, [...values[axis]].sort()]),
  ) as Record<TenantAxis, string[]>;
}

/**
 * Whether a status is a settled success (`healthy`), a failure (failed, degraded or rolled back)
 * or not settled (pending or deploying): the heatmap's columns, and all the failure analysis
 * reads of a status.
 */
export function settledAs(
  status: TenantStatus,
): 'healthy' | 'failed' | 'unsettled' {
  if (status === 'healthy') return 'healthy';
  return FAILED_STATUSES.includes(status) ? 'failed' : 'unsettled';
}

/** A heatmap cell's key: its region and tier. */
export const heatCellKey = (cell: Pick<HeatCell, 'region' | 'tier'>) =>
  `${cell.region}\u0000${cell.tier}`;

/**
 * Every tenant counted once in its region and tier: healthy, failed (failed, degraded or
 * rolled back) or not settled (pending or deploying). By region, then tier.
 */
export function boardHeatmap(lines: Iterable<BoardLine>): HeatCell[] {
  const cells = new Map<string, HeatCell>();
  for (const line of lines) {
    const key = heatCellKey(line);
    let cell = cells.get(key);
    if (!cell) {
      const { region, tier } = line;
      cell = { region, tier, total: 0, healthy: 0, failed: 0, unsettled: 0 };
      cells.set(key, cell);
    }
    cell.total++;
    cell[settledAs(line.status)]++;
  }
  return [...cells.values()].sort(
    (a, b) => compare(a.region, b.region) || compare(a.tier, b.tier),
  );
}
