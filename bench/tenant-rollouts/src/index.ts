/**
 * The tenant-rollouts benchmark at 5,000, 10,000 and 20,000 tenants x 10 waves (or the sizes of
 * `WAYBILL_BENCH_SIZES`): the wave planner (pure), the rollout board query, tenant status ingest
 * and, at the first size, live boards (signals and ETags) over HTTP on SQLite and PostgreSQL,
 * against the real catalog backend, the pure costs behind the board, and how each figure grows
 * with the size. Run with `yarn bench:tenant-rollouts`; see README.md.
 *
 * Modules, by job: settings.ts (the environment), tenants.ts (the data), callers.ts (who calls:
 * a release manager, and the release's pipeline reporting statuses), backend.ts (the backends),
 * plan.ts (the planner), httpPhase.ts (the HTTP phases on each engine) with rolloutsApi.ts (the
 * API client), boardSetup.ts (the rollout driven to its mixed state), boardQuery.ts (the board
 * timed), liveBoard.ts with liveClient.ts and wireProxy.ts (a live board: the bytes of an idle
 * one, polled or on signals, and a status report until it shows), ingestCases.ts and
 * statusIngest.ts (status ingest); breakdown.ts (where the board's time goes); browserPhase.ts,
 * browser.ts, boardPage.ts and portalRollout.ts (the rollout board page at the largest size in
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
  parseFreezeWindows,
  parseRolloutStrategy,
} from '@waybill/plugin-tenant-rollouts-common';
import { isTenantEntity, tenantOf } from '@waybill/plugin-waybill-common';
import { boardOutcomes, hasBatchedFreeze, measureBreakdown } from './breakdown';
import { browserOnly, browserPhase } from './browserPhase';
import { PlansBySize, runHttpPhases } from './httpPhase';
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
  SIZES,
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
  const entities = generateEntities(SIZES, SEED);
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
 * Where the board's time goes at each size: its pure computations on that size's board rollout's
 * tenants, statuses and windows. Run with the backends stopped, so that nothing else runs in the
 * process.
 */
function timeBreakdown(
  data: ReturnType<typeof generateData>,
  plans: PlansBySize,
  boards: Map<number, unknown>,
): BenchResult['breakdown'] {
  progress(
    `where the board's time goes (pure; batched freeze ${
      hasBatchedFreeze() ? 'exported' : 'not exported'
    })`,
  );
  return SIZES.map((size, i) => {
    const tenants = data.tenants.slice(0, size);
    const plan = plans.get(size)!;
    return {
      tenants: size,
      rows: measureBreakdown({
        tenants,
        outcomes: boardOutcomes(
          plan,
          tenants,
          mixedStatuses(plan.waves, data.axes, SEED),
        ),
        windows: data.windows,
        instant: new Date(),
        board: boards.get(size),
        // One freezeStatus call per tenant, the old path, at the first size only: 1 s at 5,000.
        perTenantFreeze: i === 0,
      }),
    };
  });
}

/** The planner at each size, on the first `size` tenants (those the size's service has). */
function timePlans(data: ReturnType<typeof generateData>) {
  const strategy = parseRolloutStrategy(STRATEGY);
  return SIZES.map(size => {
    progress(`planRollout at ${size} tenants, ${PLAN_RUNS} runs`);
    const measured = measurePlan(
      data.tenants.slice(0, size),
      strategy,
      5,
      PLAN_RUNS,
    );
    return { tenants: size, ...measured };
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
    `tenant-rollouts benchmark at ${SIZES.join(
      ', ',
    )} tenants, engines ${ENGINES.join(', ')}${
      BROWSER === 'on' ? `, then Chromium at ${TENANTS}` : ''
    }; load average ${machine.loadAverage}`,
  );
  const data = generateData();
  const plans = timePlans(data);
  const plansBySize: PlansBySize = new Map(plans.map(p => [p.tenants, p.plan]));
  const http = await runHttpPhases({
    entities: data.entities,
    axes: data.axes,
    plans: plansBySize,
    tenantRollouts: {
      gate: { whenScorecardsAbsent: 'pass' },
      strategies: { bench: STRATEGY },
      freezeWindows: data.windowConfig,
    },
  });
  const breakdown = timeBreakdown(data, plansBySize, http.boards);
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
    sizes: SIZES,
    catalog: { ingestMs: http.ingestMs, entities: data.entities.length },
    plan: plans.map(({ plan: _plan, ...figures }) => ({
      ...figures,
      runs: PLAN_RUNS,
    })),
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
