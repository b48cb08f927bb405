/**
 * The tenant-rollouts benchmark at 5,000 tenants x 10 waves: the wave planner (pure), the rollout
 * board query and tenant status ingest over HTTP on SQLite and PostgreSQL, against the real
 * catalog backend, and the pure costs behind the board. Run with `yarn bench:tenant-rollouts`;
 * see README.md.
 *
 * Phases, each in its own module: tenants.ts (the data), backend.ts (the backends), plan.ts (the
 * planner), api.ts (HTTP: setup, board query, ingest), breakdown.ts (where the board's time goes),
 * report.ts (printing and results/latest.json), browser.ts (the rollout board page with 5,000
 * tenants in Chromium, against a real portal; `WAYBILL_BENCH_BROWSER`).
 *
 * @packageDocumentation
 */

import { join, resolve as resolvePath } from 'node:path';
import { performance } from 'node:perf_hooks';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import {
  currentLoad,
  describeMachine,
  describeTree,
  logProgress as progress,
  runBenchmark,
  writeResultJson,
} from '@waybill/bench-utils';
import {
  TenantStatus,
  parseFreezeWindows,
  parseRolloutStrategy,
} from '@waybill/plugin-tenant-rollouts-common';
import { isTenantEntity, tenantOf } from '@waybill/plugin-waybill-common';
import {
  RolloutsApi,
  measureBoard,
  measureBoardAfterChange,
  measureIngest,
  setupBoardRollout,
  setupIngestRollout,
} from './api';
import {
  CatalogBackend,
  EngineName,
  RunningBackend,
  countIngested,
  postgresUnavailable,
  postgresVersion,
  startCatalogBackend,
  startPostgresBackend,
} from './backend';
import { hasBatchedFreeze, measureBreakdown } from './breakdown';
import { measureBoardPage } from './browser';
import { measurePlan } from './plan';
import {
  BenchResult,
  BrowserOnlyResult,
  EngineResult,
  render,
  renderBrowserOnly,
} from './report';
import {
  CURRENT_WAVE,
  STRATEGY,
  freezeWindows,
  generateEntities,
  mixedStatuses,
  tenantAxes,
} from './tenants';

const PACKAGE_DIR = resolvePackagePath('@waybill/bench-tenant-rollouts');

const TENANTS = Number(process.env.WAYBILL_BENCH_TENANTS ?? 5000);
const SEED = Number(process.env.WAYBILL_BENCH_SEED ?? 20261125);
const ENGINES = (process.env.WAYBILL_BENCH_ENGINES ?? 'sqlite,postgres')
  .split(',')
  .map(e => e.trim())
  .filter(Boolean) as EngineName[];
const INGEST_TIMEOUT_MS =
  Number(process.env.WAYBILL_BENCH_INGEST_TIMEOUT_S ?? 240) * 1000;
/** `off` leaves out the freeze window that names tenants (see README.md). */
const NAMED_TENANTS_WINDOW =
  (process.env.WAYBILL_BENCH_NAMED_TENANTS_WINDOW ?? 'on') !== 'off';
/** `on`: the Chromium phase after the others; `off` (or `skip`): without it; `only`: it alone. */
const BROWSER = (process.env.WAYBILL_BENCH_BROWSER ?? 'on').toLowerCase();
const BROWSER_RUNS = Number(process.env.WAYBILL_BENCH_BROWSER_RUNS ?? 10);
const CHROMIUM = process.env.WAYBILL_CHROMIUM ?? '/usr/bin/chromium';
/** `on`: CPU profiles of the board page to results/profiles (see README.md). */
const BROWSER_PROFILE =
  (process.env.WAYBILL_BENCH_BROWSER_PROFILE ?? 'off') === 'on';
const PLAN_RUNS = 30;
const BOARD = {
  warmup: 3,
  minSamples: Number(process.env.WAYBILL_BENCH_BOARD_SAMPLES ?? 20),
  maxSamples: 100,
  budgetMs: 10_000,
  /**
   * Board reads each after a status change (failure analysis not cached); enough that the p95
   * is not just the slowest read.
   */
  afterChangeSamples: 40,
};

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

/** The commit, and which of the measured paths have uncommitted changes. */
const tree = () =>
  // Relative to this package: the plugins measured (the frontend for the Chromium phase), the
  // benchmark and its shared helpers.
  describeTree(PACKAGE_DIR, {
    '../../plugins/tenant-rollouts-backend': 'plugins/tenant-rollouts-backend',
    '../../plugins/tenant-rollouts-common': 'plugins/tenant-rollouts-common',
    '../../plugins/tenant-rollouts': 'plugins/tenant-rollouts',
    '.': 'bench/tenant-rollouts',
    '../utils': 'bench/utils',
  });

/** Waits until the catalog serves every tenant and the released component. */
async function waitForIngest(backend: CatalogBackend): Promise<number> {
  const start = performance.now();
  let last = -1;
  while (performance.now() - start < INGEST_TIMEOUT_MS) {
    const { tenants, components } = await countIngested(backend);
    if (tenants !== last) {
      progress(`catalog serves ${tenants} / ${TENANTS} tenants`);
      last = tenants;
    }
    if (tenants >= TENANTS && components >= 1) {
      return performance.now() - start;
    }
    await sleep(1000);
  }
  throw new Error(
    `The catalog had not ingested the ${TENANTS} tenants after ${
      INGEST_TIMEOUT_MS / 1000
    } s (WAYBILL_BENCH_INGEST_TIMEOUT_S)`,
  );
}

/**
 * The Chromium phase: the same tenants, strategy and freeze windows in a real portal (port 7109),
 * a rollout driven to the same mixed state through its API, and the board page in Chromium.
 */
async function browserPhase(entities: ReturnType<typeof generateEntities>) {
  progress(
    `Chromium phase: ${TENANTS} tenants in a portal on port 7109, ${BROWSER_RUNS} runs of each measure`,
  );
  return measureBoardPage({
    repoRoot: resolvePath(PACKAGE_DIR, '../..'),
    entities,
    axes: tenantAxes(entities),
    seed: SEED,
    tenantRollouts: {
      strategies: { bench: STRATEGY },
      freezeWindows: freezeWindows(new Date(), TENANTS, {
        namedTenantsWindow: NAMED_TENANTS_WINDOW,
      }),
    },
    chromiumPath: CHROMIUM,
    runs: BROWSER_RUNS,
    // The portal's catalog (SQLite files, every installed processor) is slower than the test
    // backend's: 80-90 s for the 5,001 entities on the 2-core machine of README.md.
    ingestTimeoutMs: INGEST_TIMEOUT_MS * 2,
    profileDirectory: BROWSER_PROFILE
      ? join(PACKAGE_DIR, 'results', 'profiles')
      : undefined,
    failureScreenshot: join(PACKAGE_DIR, 'results', 'browser-failure.png'),
    log: progress,
  });
}

/** `WAYBILL_BENCH_BROWSER=only`: the Chromium phase alone, to results/latest-browser.json. */
async function browserOnly() {
  const started = performance.now();
  const machine = describeMachine();
  progress(
    `tenant-rollouts benchmark, Chromium phase only; load average ${machine.loadAverage}`,
  );
  const browser = await browserPhase(generateEntities(TENANTS, SEED));
  const result: BrowserOnlyResult = {
    date: new Date().toISOString(),
    tree: tree(),
    machine,
    loadAtEnd: currentLoad(),
    wallSeconds: (performance.now() - started) / 1000,
    browser,
  };
  process.stdout.write(`${renderBrowserOnly(result)}\n`);
  const file = await writeResultJson(
    PACKAGE_DIR,
    result,
    'latest-browser.json',
  );
  progress(`figures written to ${file}`);
}

async function main() {
  if (!['on', 'off', 'skip', 'only'].includes(BROWSER)) {
    throw new Error(
      `WAYBILL_BENCH_BROWSER=${BROWSER}: expected on, off (or skip) or only`,
    );
  }
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

  const entities = generateEntities(TENANTS, SEED);
  const tenants = entities.filter(isTenantEntity).map(tenantOf);
  const axes = tenantAxes(entities);
  const strategy = parseRolloutStrategy(STRATEGY);
  const windowConfig = freezeWindows(new Date(), TENANTS, {
    namedTenantsWindow: NAMED_TENANTS_WINDOW,
  });
  const windows = parseFreezeWindows(windowConfig);
  const tenantRollouts = {
    gate: { whenScorecardsAbsent: 'pass' },
    strategies: { bench: STRATEGY },
    freezeWindows: windowConfig,
  };

  progress(`planRollout, ${PLAN_RUNS} runs`);
  const plan = measurePlan(tenants, strategy, 5, PLAN_RUNS);

  const skipped: BenchResult['skipped'] = {};
  if (ENGINES.includes('postgres')) {
    const why = await postgresUnavailable();
    if (why) {
      skipped.postgres = `PostgreSQL is not available (${why}); the PostgreSQL rows are skipped. Start it with \`source scripts/postgres.sh\` or point WAYBILL_BENCH_PG_URL at a server.`;
      progress(skipped.postgres);
    }
  }

  progress('starting the backend: the catalog and the rollouts plugin');
  const catalog = await startCatalogBackend(entities, tenantRollouts);
  const engines: EngineResult[] = [];
  let board: unknown;
  let ingestMs: number;
  try {
    ingestMs = await waitForIngest(catalog);
    progress(`catalog ingest done in ${(ingestMs / 1000).toFixed(1)} s`);

    for (const engine of ENGINES) {
      if (skipped[engine]) continue;
      let backend: RunningBackend = catalog;
      if (engine === 'postgres') {
        progress('starting the PostgreSQL backend');
        backend = await startPostgresBackend(catalog.baseUrl, tenantRollouts);
      }
      try {
        const api = new RolloutsApi(backend.baseUrl);
        progress(`${engine}: driving a rollout to wave ${CURRENT_WAVE}`);
        const setup = await setupBoardRollout(api, axes, SEED);
        const planned = JSON.stringify(
          plan.plan.waves.map(w => w.tenants.map(t => t.ref)),
        );
        if (
          JSON.stringify(setup.waves.map(w => w.tenants.map(t => t.ref))) !==
          planned
        ) {
          throw new Error(
            `${engine}: the backend's plan differs from planRollout's on the same tenants`,
          );
        }
        progress(`${engine}: board query`);
        const measured = await measureBoard(api, setup.id, BOARD);
        board ??= measured.body;
        progress(`${engine}: board query after a status change`);
        const afterChange = await measureBoardAfterChange(
          api,
          setup,
          BOARD.afterChangeSamples,
        );
        progress(`${engine}: status ingest`);
        const ingestRollout = await setupIngestRollout(api);
        const ingest = await measureIngest(api, ingestRollout);
        const { waves: _waves, flipTenant: _flip, ...setupFigures } = setup;
        engines.push({
          engine,
          label:
            engine === 'sqlite'
              ? 'SQLite (better-sqlite3 file)'
              : await postgresVersion(),
          location: backend.location,
          setup: setupFigures,
          board: {
            latency: measured.latency,
            afterChange,
            bytes: measured.bytes,
            answer: measured.answer,
          },
          ingest,
          problems: api.problems,
          requests: api.requests,
        });
      } finally {
        if (backend !== catalog) await backend.stop();
      }
    }
  } finally {
    await catalog.stop();
  }

  // With the backends stopped, so that nothing else runs in the process.
  progress(
    `where the board's time goes (pure; batched freeze ${
      hasBatchedFreeze() ? 'exported' : 'not exported'
    })`,
  );
  const reported = new Map<string, TenantStatus>(
    mixedStatuses(plan.plan.waves, axes, SEED)
      .flat()
      .map(s => [s.tenant, s.status]),
  );
  const tenantByRef = new Map(tenants.map(t => [t.ref, t]));
  const breakdown = measureBreakdown({
    tenants,
    // In the order the plugin reads them (wave, then ref): the permutation test's shuffles are
    // seeded, so its adjusted p-values depend on the order of the outcomes.
    outcomes: plan.plan.waves.flatMap(wave =>
      wave.tenants.map(({ ref }) => ({
        tenant: tenantByRef.get(ref)!,
        status: reported.get(ref) ?? 'pending',
      })),
    ),
    windows,
    instant: new Date(),
    board,
  });

  // After the backends are stopped: the portal, the browser and this process share the machine.
  const browser = BROWSER === 'on' ? await browserPhase(entities) : undefined;

  const byRegion: Record<string, number> = {};
  for (const t of tenants) byRegion[t.region] = (byRegion[t.region] ?? 0) + 1;
  const result: BenchResult = {
    date: new Date().toISOString(),
    tree: tree(),
    machine,
    loadAtEnd: currentLoad(),
    wallSeconds: (performance.now() - started) / 1000,
    data: {
      seed: SEED,
      tenants: tenants.length,
      catalogEntities: entities.length,
      byRegion,
      dedicated: tenants.filter(t => t.tenancy === 'dedicated').length,
      critical: tenants.filter(t => t.tier === 'critical').length,
      freezeWindows: windows.map(w => ({
        id: w.id,
        kind: w.schedule.kind,
        scope:
          Object.entries(w.scope)
            .map(([axis, values]) =>
              axis === 'tenants'
                ? `${values!.length} tenants by name`
                : `${axis} ${values!.join('/')}`,
            )
            .join(', ') || 'every tenant',
      })),
    },
    catalog: { ingestMs },
    plan: { latency: plan.latency, waves: plan.waves, runs: PLAN_RUNS },
    breakdown,
    engines,
    skipped,
    browser,
    browserSkipped:
      BROWSER === 'on' ? undefined : `WAYBILL_BENCH_BROWSER=${BROWSER}`,
  };
  process.stdout.write(`${render(result)}\n`);
  const file = await writeResultJson(PACKAGE_DIR, result);
  progress(`figures written to ${file}`);
}

runBenchmark(main);
