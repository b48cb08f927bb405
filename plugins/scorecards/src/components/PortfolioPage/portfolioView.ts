import {
  GRADES,
  PORTFOLIO_SORTS,
  PortfolioFilter,
  PortfolioSort,
} from '@waybill/plugin-scorecards-common';
import { TIERS } from '@waybill/plugin-waybill-common';
import { BUSINESS_PROCESS_PATTERN } from '../shared/businessProcess';

/** What the portfolio page shows: its filters and sort, all kept in the URL so a link reproduces the view. */
export interface PortfolioView {
  filter: PortfolioFilter;
  sort: PortfolioSort;
}

const GATE_PATTERN = /^([^:]+):(pass|warn|fail)$/;

const oneOf = <T extends string>(
  values: readonly T[],
  value: string | null,
): T | undefined =>
  value !== null && (values as readonly string[]).includes(value)
    ? (value as T)
    : undefined;

/** Reads a view from the query string; values the backend would refuse are dropped, not sent. */
export function viewFromSearchParams(params: URLSearchParams): PortfolioView {
  const gate = GATE_PATTERN.exec(params.get('gate') ?? '');
  const businessProcess = params.get('businessProcess') ?? '';
  const filter: PortfolioFilter = {
    owner: params.get('owner') || undefined,
    system: params.get('system') || undefined,
    businessProcess: BUSINESS_PROCESS_PATTERN.test(businessProcess)
      ? businessProcess
      : undefined,
    tier: oneOf(TIERS, params.get('tier')),
    grade: oneOf(GRADES, params.get('grade')),
    gate: gate
      ? {
          environment: gate[1],
          decision: gate[2] as 'pass' | 'warn' | 'fail',
        }
      : undefined,
    waived: params.get('waived') === 'true' || undefined,
  };
  return {
    filter: Object.fromEntries(
      Object.entries(filter).filter(([, v]) => v !== undefined),
    ) as PortfolioFilter,
    sort: oneOf(PORTFOLIO_SORTS, params.get('sort')) ?? 'name',
  };
}

/** Writes a view as a query string, in a stable order, leaving out defaults. */
export function searchParamsFromView(view: PortfolioView): URLSearchParams {
  const { filter } = view;
  const entries: Array<[string, string | undefined]> = [
    ['owner', filter.owner],
    ['system', filter.system],
    ['businessProcess', filter.businessProcess],
    ['tier', filter.tier],
    ['grade', filter.grade],
    [
      'gate',
      filter.gate
        ? `${filter.gate.environment}:${filter.gate.decision}`
        : undefined,
    ],
    ['waived', filter.waived ? 'true' : undefined],
    ['sort', view.sort === 'name' ? undefined : view.sort],
  ];
  return new URLSearchParams(
    entries.filter((e): e is [string, string] => Boolean(e[1])),
  );
}

/** Whether any filter is set. */
export function isFiltered(filter: PortfolioFilter): boolean {
  return Object.values(filter).some(v => v !== undefined);
}
