import { LatencySummary, summarize } from '@waybill/bench-utils';
import { BUSINESS_PROCESSES, OWNERS } from './dataset';
import { getJson, ScorecardsHttp } from './http';

/** The filters a manager narrows the portfolio page with, as the page sends them. */
export const MANAGER_FILTERS: Record<string, Record<string, string>> = {
  none: {},
  owner: { owner: OWNERS[7] },
  tier: { tier: 'critical' },
  businessProcess: { businessProcess: BUSINESS_PROCESSES[3] },
  grade: { grade: 'B' },
  gate: { gate: 'production:fail' },
};

/** The sorts a manager picks most: by name, worst score first, last released first. */
export const MANAGER_SORTS = ['name', '-score', '-updated'];

/** The page size of the portfolio page; the deep page is the 21st (rows 1,001-1,050). */
const PAGE = 50;
const DEEP_PAGE_OFFSET = 1000;
/** The API's largest page, used to walk to the deep page's cursor. */
const WALK_PAGE = 200;

/** Latencies over HTTP of the portfolio page (first and deep) and of its summary. */
export interface ManagerReads {
  firstPage: LatencySummary;
  /** Page 21 reached by cursor, for the scenarios with more than 1,050 matches. */
  deepPage: LatencySummary;
  summary: LatencySummary;
  /** p95 of page 1, deep page and summary together, by filter. */
  byFilter: Record<string, LatencySummary>;
  /** Entities each filter matches. */
  matches: Record<string, number>;
}

function queryString(params: Record<string, string | number>): string {
  return new URLSearchParams(
    Object.entries(params).map(([k, v]) => [k, String(v)]),
  ).toString();
}

/** The cursor of the deep page of a query, walking there in pages of 200, or undefined. */
async function deepCursor(
  http: ScorecardsHttp,
  params: Record<string, string>,
): Promise<string | undefined> {
  let cursor: string | undefined;
  for (let offset = 0; offset < DEEP_PAGE_OFFSET; offset += WALK_PAGE) {
    const { body } = await getJson(
      http,
      `/portfolio?${queryString({
        ...params,
        limit: WALK_PAGE,
        ...(cursor ? { cursor } : {}),
      })}`,
    );
    cursor = body.nextCursor;
    if (!cursor) return undefined;
  }
  return cursor;
}

/**
 * Times, over HTTP, every manager scenario (each filter of {@link MANAGER_FILTERS} with each sort
 * of {@link MANAGER_SORTS}): `GET /portfolio` page 1 and the deep page, `repeats` times each after
 * one warm-up, and `GET /portfolio/summary` per filter, `2 * repeats` times.
 */
export async function measureManagerReads(
  http: ScorecardsHttp,
  repeats: number = 5,
): Promise<ManagerReads> {
  const first: number[] = [];
  const deep: number[] = [];
  const summary: number[] = [];
  const byFilter: Record<string, number[]> = {};
  const matches: Record<string, number> = {};
  for (const [name, filter] of Object.entries(MANAGER_FILTERS)) {
    const samples: number[] = (byFilter[name] = []);
    for (const sort of MANAGER_SORTS) {
      const params = { ...filter, sort };
      const pagePath = `/portfolio?${queryString({ ...params, limit: PAGE })}`;
      const warm = await getJson(http, pagePath);
      matches[name] = warm.body.totalCount;
      const cursor = await deepCursor(http, params);
      const deepPath =
        cursor &&
        `/portfolio?${queryString({ ...params, limit: PAGE, cursor })}`;
      for (let i = 0; i < repeats; i++) {
        const page = await getJson(http, pagePath);
        first.push(page.ms);
        samples.push(page.ms);
        if (deepPath) {
          const { ms } = await getJson(http, deepPath);
          deep.push(ms);
          samples.push(ms);
        }
      }
    }
    const summaryPath = `/portfolio/summary?${queryString(filter)}`;
    await getJson(http, summaryPath);
    for (let i = 0; i < 2 * repeats; i++) {
      const { ms } = await getJson(http, summaryPath);
      summary.push(ms);
      samples.push(ms);
    }
  }
  return {
    firstPage: summarize(first),
    deepPage: summarize(deep),
    summary: summarize(summary),
    byFilter: Object.fromEntries(
      Object.entries(byFilter).map(([name, s]) => [name, summarize(s)]),
    ),
    matches,
  };
}
