import { performance } from 'node:perf_hooks';
import { LatencySummary, currentLoad, summarize } from '@waybill/bench-utils';
import { BoardSetup } from './boardSetup';
import { Answer, RolloutsApi } from './rolloutsApi';

/*
 * The board query (GET /rollouts/:id) timed on the board rollout. A paged board (wave summaries
 * and one page of tenants, filtered on the server) is read as a screen reads it: the first page,
 * the failed tenants' first page and a deep page; an unpaged board (every tenant in every wave)
 * is read whole, and the report says "board unpaged". Then reads each right after a status change.
 */

/** Tenants a page of the board holds, as the board screen asks for them. */
export const PAGE_SIZE = 100;

/** What the board answered, to check it did the work the benchmark means it to. */
export interface BoardAnswer {
  state: string;
  currentWave: number;
  tenants: number;
  frozen: number;
  verdict: string;
  summary: string;
  /** Tenants by status, when the answer says (every tenant unpaged; the waves' counts paged). */
  statuses: Record<string, number>;
}

/** One way of reading the board, timed. */
export interface BoardReadResult {
  name: string;
  /** The query string sent, e.g. `?limit=100&offset=0&status=failed`. */
  query: string;
  latency: LatencySummary;
  bytes: number;
  /** The tenants the answer holds, and how many matched its filters (paged: `tenants.total`). */
  items: number;
  total: number;
  /** The machine's 1-minute load average after the reads. */
  load: number;
}

/** The board query's figures on one engine at one size. */
export interface BoardResult {
  /** Whether the board answered a page of tenants (`tenants: { items, total, offset, limit }`). */
  paged: boolean;
  reads: BoardReadResult[];
  answer: BoardAnswer;
  /** The first read's last answer, parsed (for the serialization figure; not written out). */
  body: unknown;
}

/** How many board reads {@link measureBoard} times. */
export interface BoardSampling {
  warmup: number;
  minSamples: number;
  maxSamples: number;
  budgetMs: number;
}

/** Whether a board answer is a paged one: wave summaries and `tenants: { items, total }`. */
export const isPagedBoard = (view: any): boolean =>
  Array.isArray(view?.tenants?.items) && typeof view.tenants.total === 'number';

/** The tenants of an answer, and how many matched. */
function tenantsOf(view: any): { items: number; total: number } {
  if (isPagedBoard(view)) {
    return { items: view.tenants.items.length, total: view.tenants.total };
  }
  const all = (view.waves ?? []).reduce(
    (sum: number, w: any) => sum + (w.tenants?.length ?? 0),
    0,
  );
  return { items: all, total: all };
}

/** Adds a wave's tenants by status: from its tenant list, or from its counts when it has them. */
function countStatuses(wave: any, statuses: Record<string, number>) {
  if (Array.isArray(wave.tenants)) {
    for (const t of wave.tenants) {
      statuses[t.status] = (statuses[t.status] ?? 0) + 1;
    }
    return;
  }
  const counts = wave.statuses ?? wave.byStatus ?? wave.counts;
  if (counts && typeof counts === 'object') {
    for (const [status, count] of Object.entries(counts)) {
      if (typeof count === 'number') {
        statuses[status] = (statuses[status] ?? 0) + count;
      }
    }
  }
}

/** Counts what a board answer (the rollout view) holds, paged or not. */
export function describeBoard(view: any): BoardAnswer {
  const statuses: Record<string, number> = {};
  let tenants = 0;
  let frozen = 0;
  for (const wave of view.waves) {
    countStatuses(wave, statuses);
    if (Array.isArray(wave.tenants)) {
      tenants += wave.tenants.length;
      frozen += wave.tenants.filter((t: any) => t.freeze?.frozen).length;
    } else {
      tenants += wave.total ?? 0;
      frozen += wave.frozen ?? 0;
    }
  }
  return {
    state: view.state,
    currentWave: view.currentWave,
    tenants,
    frozen,
    verdict: view.analysis?.verdict,
    summary: view.analysis?.summary,
    statuses,
  };
}

/** The query string of a page: `?limit=100&offset=0`, then the filters. */
export const pageQuery = (
  offset: number,
  filters: Record<string, string> = {},
) =>
  `?${new URLSearchParams({
    limit: String(PAGE_SIZE),
    offset: String(offset),
    ...filters,
  })}`;

/**
 * The reads a screen makes of a paged board of `total` tenants: the first page, the failed
 * tenants' first page (a server-side filter) and the last page (a deep offset).
 */
export function pagedReads(
  total: number,
): Array<{ name: string; query: string }> {
  return [
    { name: 'first page', query: pageQuery(0) },
    { name: 'status=failed page', query: pageQuery(0, { status: 'failed' }) },
    {
      name: 'deep page',
      query: pageQuery(Math.max(0, total - PAGE_SIZE)),
    },
  ];
}

/**
 * One read of the board, one request at a time: `warmup` untimed, then at least `minSamples` and
 * at most `maxSamples` timed, stopping after `budgetMs` once the minimum is reached.
 */
async function timeRead(
  api: RolloutsApi,
  id: number,
  read: { name: string; query: string },
  options: BoardSampling,
): Promise<BoardReadResult & { last: Answer }> {
  let last: Answer = await api.board(id, read.query);
  for (let i = 1; i < options.warmup; i++)
    last = await api.board(id, read.query);
  const samples: number[] = [];
  const start = performance.now();
  while (
    samples.length < options.minSamples ||
    (samples.length < options.maxSamples &&
      performance.now() - start < options.budgetMs)
  ) {
    last = await api.board(id, read.query);
    samples.push(last.ms);
  }
  return {
    ...read,
    latency: summarize(samples),
    bytes: last.bytes,
    ...tenantsOf(last.json),
    load: currentLoad(),
    last,
  };
}

/**
 * Times the board: paged, the reads of {@link pagedReads}; unpaged (the route takes no page yet),
 * the whole board once, named "board unpaged".
 */
export async function measureBoard(
  api: RolloutsApi,
  id: number,
  options: BoardSampling,
): Promise<BoardResult> {
  // A route that takes no page answers 400 to the page's query, or the whole board.
  const probe = await api.probe(`/rollouts/${id}${pageQuery(0)}`);
  const paged = probe.status === 200 && isPagedBoard(probe.json);
  const reads = paged
    ? pagedReads(probe.json.tenants.total)
    : [{ name: 'board unpaged (whole board)', query: '' }];
  const results: BoardReadResult[] = [];
  let body: unknown;
  for (const read of reads) {
    const { last, ...result } = await timeRead(api, id, read, options);
    results.push(result);
    body ??= last.json;
  }
  return { paged, reads: results, answer: describeBoard(body), body };
}

/**
 * The board's first read (the first page, or the whole board unpaged) right after a status
 * change, `samples` times: before each timed request one healthy tenant of the current wave is
 * reported `deploying`, then `healthy` again the next time, so the statuses differ from those of
 * the previous read and the plugin cannot answer from its failure-analysis cache (a board read
 * while statuses are arriving). Ends as it started.
 */
export async function measureBoardAfterChange(
  api: RolloutsApi,
  setup: Pick<BoardSetup, 'id' | 'flipTenant'>,
  samples: number,
  query: string,
): Promise<LatencySummary> {
  const times: number[] = [];
  for (let i = 0; i < samples; i++) {
    await api.report(setup.id, [
      {
        tenant: setup.flipTenant,
        status: i % 2 === 0 ? 'deploying' : 'healthy',
      },
    ]);
    times.push((await api.board(setup.id, query)).ms);
  }
  if (samples % 2 === 1) {
    await api.report(setup.id, [
      { tenant: setup.flipTenant, status: 'healthy' },
    ]);
  }
  return summarize(times);
}
