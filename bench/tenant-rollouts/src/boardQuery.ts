import { performance } from 'node:perf_hooks';
import { LatencySummary, summarize } from '@waybill/bench-utils';
import { BoardSetup } from './boardSetup';
import { Answer, RolloutsApi } from './rolloutsApi';

/*
 * The board query (GET /rollouts/:id) timed on the board rollout: repeated reads of an unchanged
 * rollout, and reads each right after a status change.
 */

/** What the board answered, to check it did the work the benchmark means it to. */
export interface BoardAnswer {
  state: string;
  currentWave: number;
  tenants: number;
  frozen: number;
  verdict: string;
  summary: string;
  statuses: Record<string, number>;
}

/** The board query's figures on one engine. */
export interface BoardResult {
  latency: LatencySummary;
  bytes: number;
  answer: BoardAnswer;
  /** The last answer, parsed (for the serialization figure; not written to the results). */
  body: unknown;
}

/** How many board reads {@link measureBoard} times. */
export interface BoardSampling {
  warmup: number;
  minSamples: number;
  maxSamples: number;
  budgetMs: number;
}

/** Counts what a board answer (the rollout view) holds. */
export function describeBoard(view: any): BoardAnswer {
  const statuses: Record<string, number> = {};
  let tenants = 0;
  let frozen = 0;
  for (const wave of view.waves) {
    for (const tenant of wave.tenants) {
      tenants++;
      if (tenant.freeze?.frozen) frozen++;
      statuses[tenant.status] = (statuses[tenant.status] ?? 0) + 1;
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

/**
 * GET /rollouts/:id, one request at a time: `warmup` untimed, then at least `minSamples` and at
 * most `maxSamples` timed, stopping after `budgetMs` once the minimum is reached.
 */
export async function measureBoard(
  api: RolloutsApi,
  id: number,
  options: BoardSampling,
): Promise<BoardResult> {
  let last: Answer = await api.board(id);
  for (let i = 1; i < options.warmup; i++) last = await api.board(id);
  const samples: number[] = [];
  const start = performance.now();
  while (
    samples.length < options.minSamples ||
    (samples.length < options.maxSamples &&
      performance.now() - start < options.budgetMs)
  ) {
    last = await api.board(id);
    samples.push(last.ms);
  }
  return {
    latency: summarize(samples),
    bytes: last.bytes,
    answer: describeBoard(last.json),
    body: last.json,
  };
}

/**
 * GET /rollouts/:id right after a status change, `samples` times: before each timed request one
 * healthy tenant of the current wave is reported `deploying`, then `healthy` again the next time,
 * so the statuses differ from those of the previous read and the plugin cannot answer from its
 * failure-analysis cache (a board read while statuses are arriving). Ends as it started.
 */
export async function measureBoardAfterChange(
  api: RolloutsApi,
  setup: Pick<BoardSetup, 'id' | 'flipTenant'>,
  samples: number,
): Promise<LatencySummary> {
  const times: number[] = [];
  for (let i = 0; i < samples; i++) {
    await api.report(setup.id, [
      {
        tenant: setup.flipTenant,
        status: i % 2 === 0 ? 'deploying' : 'healthy',
      },
    ]);
    times.push((await api.board(setup.id)).ms);
  }
  if (samples % 2 === 1) {
    await api.report(setup.id, [
      { tenant: setup.flipTenant, status: 'healthy' },
    ]);
  }
  return summarize(times);
}
