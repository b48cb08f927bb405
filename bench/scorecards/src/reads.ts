import {
  GateDecision,
  PORTFOLIO_SORTS,
  PortfolioQuery,
} from '@waybill/plugin-scorecards-common';
import { Tier, TIERS } from '@waybill/plugin-waybill-common';
import { BUSINESS_PROCESSES, BenchEntity, OWNERS, VERSIONS } from './dataset';
import { Random, timed } from '@waybill/bench-utils';
import { WaybillContext } from './waybill';

/** Gate latencies and what the gates decided. */
export interface GateMeasurement {
  samples: number[];
  decisions: Record<GateDecision, number>;
}

/** Times `ReleaseScorecards.gate(key, 'production')` on random releases, one at a time. */
export async function measureGates(
  context: WaybillContext,
  entities: BenchEntity[],
  count: number,
  warmup: number = 100,
): Promise<GateMeasurement> {
  const random = new Random(11);
  const samples: number[] = [];
  const decisions: Record<GateDecision, number> = { pass: 0, warn: 0, fail: 0 };
  for (let i = 0; i < warmup + count; i++) {
    const entity = random.pick(entities);
    const key = { entityRef: entity.ref, version: random.pick(VERSIONS) };
    const { result, ms } = await timed(() =>
      context.scorecards.gate(key, 'production'),
    );
    if (result.grade === null) {
      throw new Error(
        `No stored evaluation for ${key.entityRef} ${key.version}`,
      );
    }
    if (i >= warmup) {
      samples.push(ms);
      decisions[result.decision]++;
    }
  }
  return { samples, decisions };
}

/** The portfolio filters the random queries use. */
const PORTFOLIO_FILTERS = [
  'owner',
  'tier',
  'businessProcess',
  'grade',
  'gate',
] as const;

/** A random portfolio query: zero to two filters, a random sort, the first page of 50. */
function randomPortfolioQuery(random: Random): PortfolioQuery {
  const query: PortfolioQuery = {
    sort: random.pick(PORTFOLIO_SORTS),
    limit: 50,
  };
  const count = random.int(0, 2);
  for (let i = 0; i < count; i++) {
    switch (random.pick(PORTFOLIO_FILTERS)) {
      case 'owner':
        query.owner = random.pick(OWNERS);
        break;
      case 'tier':
        query.tier = random.pick<Tier>(TIERS);
        break;
      case 'businessProcess':
        // As the route reads `?businessProcess=<name>`: the Domain's normalized ref.
        query.businessProcess = `domain:default/${random.pick(
          BUSINESS_PROCESSES,
        )}`;
        break;
      case 'grade':
        query.grade = random.pick(['A', 'A', 'B', 'C', 'D', 'F']);
        break;
      default:
        query.gate = {
          environment: random.pick(['staging', 'production']),
          decision: random.pick(['pass', 'pass', 'warn', 'fail'] as const),
        };
    }
  }
  return query;
}

/** Portfolio latencies: first pages, second pages (via the cursor), and both together. */
export interface PortfolioMeasurement {
  firstPage: number[];
  secondPage: number[];
  /**
   * Both pages' latencies by query shape: `sort:<sort>` and `filter:<name>` (`filter:none`
   * without filters; a query with two filters counts under both).
   */
  byShape: Record<string, number[]>;
  /** Mean number of entities matching a query. */
  meanTotal: number;
  /** The entity refs of the first `keepPages` first pages with a full page, for peer reads. */
  pages: string[][];
}

function shapesOf(query: PortfolioQuery): string[] {
  const filters = PORTFOLIO_FILTERS.filter(name => query[name] !== undefined);
  return [
    `sort:${query.sort}`,
    ...(filters.length ? filters : ['none']).map(name => `filter:${name}`),
  ];
}

/** Times `ReleaseScorecards.portfolio` on random queries: page one, then page two when there is one. */
export async function measurePortfolio(
  context: WaybillContext,
  count: number,
  keepPages: number = 50,
  warmup: number = 20,
): Promise<PortfolioMeasurement> {
  const random = new Random(13);
  const firstPage: number[] = [];
  const secondPage: number[] = [];
  const pages: string[][] = [];
  const byShape: Record<string, number[]> = {};
  let totals = 0;
  for (let i = 0; i < warmup + count; i++) {
    const query = randomPortfolioQuery(random);
    const first = await timed(() => context.scorecards.portfolio(query));
    const cursor = first.result.nextCursor;
    const second = cursor
      ? await timed(() => context.scorecards.portfolio({ ...query, cursor }))
      : undefined;
    if (i >= warmup) {
      if (pages.length < keepPages && first.result.items.length === 50) {
        pages.push(first.result.items.map(item => item.entityRef));
      }
      firstPage.push(first.ms);
      totals += first.result.totalCount;
      if (second) secondPage.push(second.ms);
      for (const shape of shapesOf(query)) {
        (byShape[shape] ??= []).push(first.ms, ...(second ? [second.ms] : []));
      }
    }
  }
  return {
    firstPage,
    secondPage,
    byShape,
    meanTotal: totals / count,
    pages,
  };
}

/** One read of the whole portfolio. */
export interface WholePortfolioRead {
  ms: number;
  entities: number;
  pages: number;
}

/**
 * Reads every entity's stored scorecard the way the portfolio CSV export does: the whole
 * portfolio in pages of 200 (the API's largest page), sorted by name.
 */
export async function readWholePortfolio(
  context: WaybillContext,
): Promise<WholePortfolioRead> {
  let entities = 0;
  let pages = 0;
  const { ms } = await timed(async () => {
    for await (const items of context.scorecards.portfolioPages({
      sort: 'name',
    })) {
      entities += items.length;
      pages++;
    }
  });
  return { ms, entities, pages };
}
