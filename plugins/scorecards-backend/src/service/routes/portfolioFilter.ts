import { InputError } from '@backstage/errors';
import { GateDecision } from '@waybill/plugin-scorecards-common';
import { tryNormalizeEntityRef } from '@waybill/plugin-waybill-common';
import { entityRefInput } from '@waybill/plugin-waybill-node';
import { PortfolioFilter } from '../../database/types';

/*
 * What the spec cannot say of the portfolio's query parameters, which it has validated: refs
 * given as `name`, `namespace/name` or a full ref are compared as normalized full refs, and the
 * gate filter `environment:decision` is read into its parts.
 */

/** The portfolio filters as the spec's query parameters give them. */
export interface PortfolioFilterQuery {
  owner?: string;
  system?: string;
  tier?: PortfolioFilter['tier'];
  businessProcess?: string;
  grade?: PortfolioFilter['grade'];
  gate?: string;
  waived?: boolean | string;
}

/**
 * A ref filter given as `name`, `namespace/name` or a full ref, as a normalized full ref (`kind`
 * defaults to `defaultKind`, the namespace to `default`); a 400 naming the parameter if it is
 * not a ref.
 */
function refFilter(
  ref: string | undefined,
  parameter: string,
  defaultKind: string,
): string | undefined {
  return ref === undefined
    ? undefined
    : entityRefInput(ref, `query.${parameter}`, { defaultKind });
}

/** A business process: its Domain's normalized ref, from a name such as `order-to-cash` or a ref. */
function businessProcessFilter(ref: string | undefined): string | undefined {
  if (ref === undefined) return undefined;
  const normalized = tryNormalizeEntityRef(ref, { defaultKind: 'domain' });
  if (normalized === undefined) {
    throw new InputError(
      `query.businessProcess: "${ref}" is not a business process: expected a name such as order-to-cash or a ref such as domain:default/order-to-cash`,
    );
  }
  return normalized;
}

/**
 * The portfolio's filters. A business process is the Domain the dependency map resolves it to:
 * a name (`order-to-cash`) is `domain:default/order-to-cash`, a full ref is taken as it is.
 */
export function portfolioFilterOf(
  query: PortfolioFilterQuery,
): PortfolioFilter {
  const gate = query.gate?.split(':');
  return {
    owner: refFilter(query.owner, 'owner', 'group'),
    system: refFilter(query.system, 'system', 'system'),
    tier: query.tier,
    businessProcess: businessProcessFilter(query.businessProcess),
    grade: query.grade,
    gate: gate && {
      environment: gate[0],
      decision: gate[1] as GateDecision,
    },
    // The spec allows only true and false; either may arrive as the query string's text.
    waived: String(query.waived) === 'true' || undefined,
  };
}

/** DORA's scope: one entity, or the entities matching the portfolio filters, over `[from, to)`. */
export function doraScopeOf(
  query: PortfolioFilterQuery & {
    entityRef?: string;
    from: string;
    to: string;
  },
) {
  const { entityRef, from, to, ...filter } = query;
  return {
    entityRef: refFilter(entityRef, 'entityRef', 'component'),
    filter: portfolioFilterOf(filter),
    from: instant(from, 'from'),
    to: instant(to, 'to'),
  };
}

/** An ISO 8601 date or timestamp, as an instant; a 400 naming the parameter otherwise. */
function instant(value: string, parameter: string): Date {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) {
    throw new InputError(
      `query.${parameter}: expected an ISO 8601 date or timestamp, e.g. 2026-11-01T00:00:00Z`,
    );
  }
  return date;
}
