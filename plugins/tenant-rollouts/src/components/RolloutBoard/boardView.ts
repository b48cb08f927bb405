import {
  BoardQuery,
  BoardTenant,
  HeatCell,
  RolloutView,
  TENANT_STATUSES,
  TenantStatus,
  WaveSummary,
} from '@waybill/plugin-tenant-rollouts-common';
import { TENANT_AXES, TenantAxis } from '@waybill/plugin-waybill-common';

/*
 * What the board page asks the backend for and how it lays the answer out. The backend filters
 * and pages the tenants and computes the heatmap; the page keeps its filter and page in the URL.
 */

/** What the board shows: tenants matching every set axis, a status (or frozen ones) and a search. */
export interface BoardFilter extends Partial<Record<TenantAxis, string>> {
  status?: TenantStatus | 'frozen';
  /** Matches a tenant's title or ref, case-insensitively. */
  q?: string;
}

/** Tenants on a page of the board. */
export const PAGE_SIZE = 100;

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

/** The first tenant of the page a board URL's query is at (`?offset=200`); 0 unless a whole page's. */
export function offsetFromSearch(search: URLSearchParams): number {
  const offset = Number(search.get('offset'));
  return Number.isInteger(offset) && offset > 0 && offset % PAGE_SIZE === 0
    ? offset
    : 0;
}

/**
 * The query of a board URL with `filter` applied, back on the first page; parameters the board
 * doesn't own are kept.
 */
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
  next.delete('offset');
  return next;
}

/** The query of a board URL at the page from `offset`. */
export function searchAtOffset(
  search: URLSearchParams,
  offset: number,
): URLSearchParams {
  const next = new URLSearchParams(search);
  if (offset > 0) next.set('offset', String(offset));
  else next.delete('offset');
  return next;
}

/** What the board asks the backend for: the filter, and a page from `offset`. */
export function boardQuery(filter: BoardFilter, offset: number): BoardQuery {
  return { ...filter, offset, limit: PAGE_SIZE };
}

/** A line of the board: a wave's header, then its tenants on this page. */
export type BoardRow =
  | { kind: 'wave'; wave: WaveSummary; shown: number }
  | { kind: 'tenant'; wave: WaveSummary; tenant: BoardTenant };

/**
 * The board's lines, wave by wave: every wave's header (a wave with no tenant on this page
 * keeps it), each followed by its tenants on the page.
 */
export function boardRows(view: RolloutView): BoardRow[] {
  const byWave = new Map<number, BoardTenant[]>();
  for (const tenant of view.tenants.items) {
    const tenants = byWave.get(tenant.wave) ?? [];
    tenants.push(tenant);
    byWave.set(tenant.wave, tenants);
  }
  return view.waves.flatMap((wave): BoardRow[] => {
    const tenants = byWave.get(wave.index) ?? [];
    return [
      { kind: 'wave', wave, shown: tenants.length },
      ...tenants.map(tenant => ({ kind: 'tenant' as const, wave, tenant })),
    ];
  });
}

/** Health by region (rows) and tier (columns). */
export interface HealthHeatmap {
  regions: string[];
  tiers: string[];
  cell(region: string, tier: string): HeatCell | undefined;
}

/** The heatmap of the backend's cells, by region and tier. */
export function healthHeatmap(cells: HeatCell[]): HealthHeatmap {
  const key = (region: string, tier: string) => `${region}\u0000${tier}`;
  const byKey = new Map(cells.map(c => [key(c.region, c.tier), c]));
  return {
    regions: [...new Set(cells.map(c => c.region))].sort(),
    tiers: [...new Set(cells.map(c => c.tier))].sort(),
    cell: (region, tier) => byKey.get(key(region, tier)),
  };
}
