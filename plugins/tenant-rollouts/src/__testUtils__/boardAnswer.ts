import {
  BoardTenant,
  BoardTenantFilter,
  matchesBoardFilter,
  RolloutView,
} from '@waybill/plugin-tenant-rollouts-common';
import { TENANT_AXES } from '@waybill/plugin-waybill-common';

/** A rollout view's tenants of one wave (`rolloutView` answers every tenant). */
export function waveTenants(view: RolloutView, index: number): BoardTenant[] {
  return view.tenants.items.filter(t => t.wave === index);
}

/** The board query a request's URL carries, as the backend reads it. */
export function queryOf(url: URL): BoardTenantFilter & {
  offset: number;
  limit: number;
} {
  const search = url.searchParams;
  const filter: BoardTenantFilter = {};
  for (const key of [...TENANT_AXES, 'q'] as const) {
    const value = search.get(key);
    if (value) filter[key] = value;
  }
  const status = search.get('status');
  if (status) filter.status = status as BoardTenantFilter['status'];
  const wave = search.get('wave');
  if (wave) filter.wave = Number(wave);
  return {
    ...filter,
    offset: Number(search.get('offset') ?? 0),
    limit: Number(search.get('limit') ?? 100),
  };
}

/**
 * The board the backend answers for a request's URL, of a view holding every tenant: the
 * tenants the query matches (with the backend's filter), the page it asks for.
 */
export function boardAnswer(view: RolloutView, url: URL): RolloutView {
  const { offset, limit, ...filter } = queryOf(url);
  const matching = view.tenants.items.filter(t =>
    matchesBoardFilter(t, filter, l => l.freeze.frozen),
  );
  return {
    ...view,
    tenants: {
      items: matching.slice(offset, offset + limit),
      total: matching.length,
      offset,
      limit,
    },
  };
}
