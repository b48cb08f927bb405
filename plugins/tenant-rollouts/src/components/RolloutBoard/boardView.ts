import {
  BoardTenant,
  FAILED_STATUSES,
  RolloutView,
  TENANT_STATUSES,
  TenantStatus,
  WaveView,
} from '@waybill/plugin-tenant-rollouts-common';
import { TENANT_AXES, TenantAxis } from '@waybill/plugin-waybill-common';

/** What the board shows: tenants matching every set axis, a status (or frozen ones) and a search. */
export interface BoardFilter extends Partial<Record<TenantAxis, string>> {
  status?: TenantStatus | 'frozen';
  /** Matches a tenant's title or ref, case-insensitively. */
  q?: string;
}

const FILTER_KEYS = [...TENANT_AXES, 'status', 'q'] as const;

/** The filter a board URL's query carries (`?region=europe&status=failed`). */
export function filterFromSearch(search: URLSearchParams): BoardFilter {
  const filter: BoardFilter = {};
  for (const axis of TENANT_AXES) {
    const value = search.get(axis);
    if (value) filter[axis] = value;
  }
  const status = search.get('status');
  if (
    status === 'frozen' ||
    (TENANT_STATUSES as readonly string[]).includes(status ?? '')
  ) {
    filter.status = status as BoardFilter['status'];
  }
  const q = search.get('q')?.trim();
  if (q) filter.q = q;
  return filter;
}

/** The query of a board URL with `filter` applied; parameters the board doesn't own are kept. */
export function searchWithFilter(
  search: URLSearchParams,
  filter: BoardFilter,
): URLSearchParams {
  const next = new URLSearchParams(search);
  for (const key of FILTER_KEYS) {
    const value = filter[key];
    if (value) next.set(key, value);
    else next.delete(key);
  }
  return next;
}

/** Whether a tenant passes the filter. */
export function matches(tenant: BoardTenant, filter: BoardFilter): boolean {
  for (const axis of TENANT_AXES) {
    if (filter[axis] && tenant[axis] !== filter[axis]) return false;
  }
  if (filter.status === 'frozen' && !tenant.freeze.frozen) return false;
  if (
    filter.status &&
    filter.status !== 'frozen' &&
    tenant.status !== filter.status
  ) {
    return false;
  }
  if (filter.q) {
    const q = filter.q.toLocaleLowerCase('en-US');
    return (
      tenant.title.toLocaleLowerCase('en-US').includes(q) ||
      tenant.ref.toLocaleLowerCase('en-US').includes(q)
    );
  }
  return true;
}

/** A line of the board: a wave's header, then its tenants that pass the filter. */
export type BoardRow =
  | { kind: 'wave'; wave: WaveView; shown: number }
  | { kind: 'tenant'; wave: WaveView; tenant: BoardTenant };

/** The board's lines, wave by wave; a wave with no tenant passing the filter keeps its header. */
export function boardRows(view: RolloutView, filter: BoardFilter): BoardRow[] {
  const rows: BoardRow[] = [];
  for (const wave of view.waves) {
    const header: BoardRow = { kind: 'wave', wave, shown: 0 };
    rows.push(header);
    for (const tenant of wave.tenants) {
      if (!matches(tenant, filter)) continue;
      rows.push({ kind: 'tenant', wave, tenant });
      header.shown++;
    }
  }
  return rows;
}

/** The values each axis takes among the rollout's tenants, sorted. */
export function axisValues(view: RolloutView): Record<TenantAxis, string[]> {
  const values = Object.fromEntries(
    TENANT_AXES.map(axis => [axis, new Set<string>()]),
  ) as Record<TenantAxis, Set<string>>;
  for (const wave of view.waves) {
    for (const tenant of wave.tenants) {
      for (const axis of TENANT_AXES) values[axis].add(tenant[axis]);
    }
  }
  return Object.fromEntries(
    TENANT_AXES.map(axis => [axis, [...values[axis]].sort()]),
  ) as Record<TenantAxis, string[]>;
}

/** The tenants of one region and tier, by outcome. */
export interface HeatCell {
  region: string;
  tier: string;
  total: number;
  healthy: number;
  /** Failed, degraded or rolled back. */
  failed: number;
  /** Deploying or pending. */
  unsettled: number;
}

/** Health by region (rows) and tier (columns). */
export interface HealthHeatmap {
  regions: string[];
  tiers: string[];
  cell(region: string, tier: string): HeatCell | undefined;
}

/** Every tenant counted once in its region and tier. */
export function healthHeatmap(view: RolloutView): HealthHeatmap {
  const cells = new Map<string, HeatCell>();
  const regions = new Set<string>();
  const tiers = new Set<string>();
  const key = (region: string, tier: string) => `${region}\u0000${tier}`;
  for (const wave of view.waves) {
    for (const { region, tier, status } of wave.tenants) {
      regions.add(region);
      tiers.add(tier);
      let cell = cells.get(key(region, tier));
      if (!cell) {
        cell = { region, tier, total: 0, healthy: 0, failed: 0, unsettled: 0 };
        cells.set(key(region, tier), cell);
      }
      cell.total++;
      if (status === 'healthy') cell.healthy++;
      else if (FAILED_STATUSES.includes(status)) cell.failed++;
      else cell.unsettled++;
    }
  }
  return {
    regions: [...regions].sort(),
    tiers: [...tiers].sort(),
    cell: (region, tier) => cells.get(key(region, tier)),
  };
}
