/**
 * The tenant-rollouts benchmark at 5,000 tenants x 10 waves: the wave planner (pure), the rollout
 * board query, live boards (signals and ETags) and tenant status ingest over HTTP on SQLite and
 * PostgreSQL, against the real catalog backend, and the pure costs behind the board. Run with
 * `yarn bench:tenant-rollouts`; see README.md.
 *
 * Modules, by job: settings.ts (the environment), tenants.ts (the data), callers.ts (who calls:
 * a release manager, and the release's pipeline reporting statuses), backend.ts (the backends),
 * plan.ts (the planner), httpPhase.ts (the HTTP phases on each engine) with rolloutsApi.ts (the
 * API client), boardSetup.ts (the rollout driven to its mixed state), boardQuery.ts (the board
 * timed), liveBoard.ts with liveClient.ts and wireProxy.ts (a live board: the bytes of an idle
 * one, polled or on signals, and a status report until it shows), ingestCases.ts and
 * statusIngest.ts (status ingest); breakdown.ts (where the board's time goes); browserPhase.ts,
 * browser.ts, boardPage.ts and portalRollout.ts (the rollout board page with 5,000 tenants in
 * Chromium, against a real portal; `WAYBILL_BENCH_BROWSER`); result.ts, report.ts, renderHttp.ts,
 * renderLive.ts, renderBrowser.ts and format.ts (the figures, printed and written to
 * results/latest.json).
 *
 * @packageDocumentation
 */

import { performance } from 'node:perf_hooks';
import {
  currentLoad,
  describeMachine,
  logProgress as progress,
  runBenchmark,
  writeResultJson,
} from '@waybill/bench-utils';
import {
  RolloutPlan,
  parseFreezeWindows,
  parseRolloutStrategy,
} from '@waybill/plugin-tenant-rollouts-common';
import { isTenantEntity, tenantOf } from '@waybill/plugin-waybill-common';
import { boardOutcomes, hasBatchedFreeze, measureBreakdown } from './breakdown';
import { browserOnly, browserPhase } from './browserPhase';
import { runHttpPhases } from './httpPhase';
import { measurePlan } from './plan';
import { render } from './report';
import { BenchResult, describeData } from './result';
import {
  BROWSER,
  ENGINES,
  NAMED_TENANTS_WINDOW,
  PACKAGE_DIR,
  PLAN_RUNS,
  SEED,
  TENANTS,
  checkSettings,
  tree,
} from './settings';
import {
  STRATEGY,
  freezeWindows,
  generateEntities,
  mixedStatuses,
  tenantAxes,
} from './tenants';

/** The generated data: the entities, their tenants and axes, and the freeze windows. */
function generateData() {
  const entities = generateEntities(TENANTS, SEED);
  const windowConfig = freezeWindows(new Date(), TENANTS, {
    namedTenantsWindow: NAMED_TENANTS_WINDOW,
  });
  return {
    entities,
    tenants: entities.filter(isTenantEntity).map(tenantOf),
    axes: tenantAxes(entities),
    windowConfig,
    windows: parseFreezeWindows(windowConfig),
  };
}

/**
 * Where the board's time goes: its pure computations on the board rollout's tenants, statuses
 * and windows. Run with the backends stopped, so that nothing else runs in the process.
 */
function timeBreakdown(
  data: ReturnType<typeof generateData>,
  plan: RolloutPlan,
  board: unknown,
) {
  progress(
    `where the board's time goes (pure; batched freeze ${
      hasBatchedFreeze() ? 'exported' : 'not exported'
    })`,
  );
  return measureBreakdown({
    tenants: data.tenants,
    outcomes: boardOutcomes(
      plan,
      data.tenants,
      mixedStatuses(plan.waves, data.axes, SEED),
    ),
    windows: data.windows,
    instant: new Date(),
    board,
  });
}

async function main() {
  checkSettings();
  if (BROWSER === 'only') {
    await browserOnly();
    return;
  }
  const started = performance.now();
  const machine = describeMachine();
  progress(
    `tenant-rollouts benchmark, ${TENANTS} tenants, engines ${ENGINES.join(
      ', ',
    )}${BROWSER === 'on' ? ', then Chromium' : ''}; load average ${
      machine.loadAverage
    }`,
  );
  const data = generateData();
  progress(`planRollout, ${PLAN_RUNS} runs`);
  const plan = measurePlan(
    data.tenants,
    parseRolloutStrategy(STRATEGY),
    5,
    PLAN_RUNS,
  );
  const http = await runHttpPhases({
    entities: data.entities,
    axes: data.axes,
    plan: plan.plan,
    tenantRollouts: {
      gate: { whenScorecardsAbsent: 'pass' },
      strategies: { bench: STRATEGY },
      freezeWindows: data.windowConfig,
    },
  });
  const breakdown = timeBreakdown(data, plan.plan, http.board);
  // After the backends are stopped: the portal, the browser and this process share the machine.
  const browser =
    BROWSER === 'on' ? await browserPhase(data.entities) : undefined;

  const result: BenchResult = {
    date: new Date().toISOString(),
    tree: tree(),
    machine,
    loadAtEnd: currentLoad(),
    wallSeconds: (performance.now() - started) / 1000,
    data: describeData({
      seed: SEED,
      tenants: data.tenants,
      catalogEntities: data.entities.length,
      windows: data.windows,
    }),
    catalog: { ingestMs: http.ingestMs },
    plan: { latency: plan.latency, waves: plan.waves, runs: PLAN_RUNS },
    breakdown,
    engines: http.engines,
    skipped: http.skipped,
    browser,
    browserSkipped:
      BROWSER === 'on' ? undefined : `WAYBILL_BENCH_BROWSER=${BROWSER}`,
  };
  process.stdout.write(`${render(result)}\n`);
  const file = await writeResultJson(PACKAGE_DIR, result);
  progress(`figures written to ${file}`);
}

runBenchmark(main);
