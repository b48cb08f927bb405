import { InputError } from '@backstage/errors';
import type { ImpactResponse } from './api';
import { ImpactReport } from './impact';

/** Affected entities per page of an impact answer unless the caller says otherwise. */
export const IMPACT_PAGE_DEFAULT_LIMIT = 500;
/** Most affected entities one page of an impact answer holds. */
export const IMPACT_PAGE_MAX_LIMIT = 5000;
/** Refs listed per business process in an impact answer (its `entityCount` counts them all). */
export const IMPACT_PROCESS_REFS = 20;

/** Which page of the affected entities to answer. */
export interface ImpactPageOptions {
  /** Most affected entities (and tenants) listed; default {@link IMPACT_PAGE_DEFAULT_LIMIT}. */
  limit?: number;
  /** Affected entities skipped, in the report's order; default 0. */
  offset?: number;
}

/** An impact answer without the graph summary the backend adds. */
export type ImpactPage = Omit<ImpactResponse, 'graph'>;

function checkInteger(
  what: string,
  value: number,
  min: number,
  max: number,
): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new InputError(
      `${what} must be an integer from ${min} to ${max}, not ${value}`,
    );
  }
}

/**
 * One page of a blast radius, as the impact route answers it: `limit` affected entities from
 * `offset` (the report's order: distance, then ref), with `total` and `truncated` when more lie
 * past the page; the business processes with their `entityCount` and nearest refs, and the
 * counts, over every affected entity; the nearest `limit` tenants. A limit or offset out of
 * range is an `InputError`.
 */
export function pageImpact(
  report: ImpactReport,
  options: ImpactPageOptions = {},
): ImpactPage {
  const limit = options.limit ?? IMPACT_PAGE_DEFAULT_LIMIT;
  const offset = options.offset ?? 0;
  checkInteger('limit', limit, 1, IMPACT_PAGE_MAX_LIMIT);
  checkInteger('offset', offset, 0, Number.MAX_SAFE_INTEGER);
  const total = report.affected.length;
  const affected = report.affected.slice(offset, offset + limit);
  return {
    entityRefs: report.entityRefs,
    affected,
    total,
    offset,
    limit,
    truncated: offset + affected.length < total,
    depthTruncated: report.truncated,
    businessProcesses: report.businessProcesses.map(p => ({
      ...p,
      entityRefs: p.entityRefs.slice(0, IMPACT_PROCESS_REFS),
      entityCount: p.entityRefs.length,
    })),
    tenants: report.tenants.slice(0, limit),
    tenantCount: report.tenants.length,
  };
}
