import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import {
  currentLoad,
  describeMachine,
  describeTree,
  formatMs,
  logProgress,
  runBenchmark,
  summarize,
  withPortal,
  writeResultJson,
} from '@waybill/bench-utils';
import { measureColdLoads } from './coldLoad';
import { demoEntities, waitForDemoEvidence } from './demoData';
import { startDevServers } from './devServers';
import { ModeResult, reportLines } from './report';

const PACKAGE_DIR = resolvePackagePath('@waybill/bench-portal-load');
const REPO_ROOT = join(PACKAGE_DIR, '../..');

/** Ports beside the portal someone may run on 3000/7007 (and a CI run's). */
const PORTS = { devApp: 3207, devBackend: 7207, build: 7107 };

const RUNS = Number(process.env.WAYBILL_BENCH_RUNS ?? 5);
const CHROMIUM = process.env.WAYBILL_CHROMIUM ?? '/usr/bin/chromium';
/** A cold load of the unminified app on a loaded 2-core machine can take long. */
const LOAD_TIMEOUT_MS = 180_000;

/** Fails when something already answers on `port`: the figures would be someone else's portal. */
async function assertFree(port: number): Promise<void> {
  const answered = await fetch(`http://localhost:${port}/`, {
    signal: AbortSignal.timeout(5000),
  })
    .then(() => true)
    .catch(() => false);
  if (answered) {
    throw new Error(`Port ${port} is in use; stop what runs there first`);
  }
}

/** Waits for the demo evidence, then measures the cold loads of the app at `appUrl`. */
async function measureMode(options: {
  mode: ModeResult['mode'];
  title: string;
  appUrl: string;
  backendUrl: string;
  readySeconds: number;
}): Promise<ModeResult> {
  const { mode, title, appUrl } = options;
  const portfolioRows = await waitForDemoEvidence({
    backendUrl: options.backendUrl,
    expected: await demoEntities(REPO_ROOT),
    timeoutMs: 600_000,
    log: logProgress,
  });
  const before = currentLoad();
  logProgress(`${title}: ${RUNS} cold loads of ${appUrl}/scorecards`);
  const loads = await measureColdLoads({
    appUrl,
    chromiumPath: CHROMIUM,
    runs: RUNS,
    timeoutMs: LOAD_TIMEOUT_MS,
    failureScreenshot: join(PACKAGE_DIR, 'results', `failure-${mode}.png`),
    onLoad: (load, i) =>
      logProgress(
        `  load ${i + 1}: first row painted after ${formatMs(
          load.firstRowMs,
        )}, ${load.scripts} scripts, ${
          load.requests
        } requests, load average ${currentLoad()}`,
      ),
  });
  return {
    mode,
    title,
    appUrl,
    readySeconds: options.readySeconds,
    portfolioRows,
    loadAverage: { before, after: currentLoad() },
    loads,
    firstRow: summarize(loads.map(l => l.firstRowMs)),
  };
}

/** `make dev`: the development servers, measured, stopped. */
async function measureDevServers(): Promise<ModeResult> {
  const directory = await mkdtemp(join(tmpdir(), 'waybill-bench-load-dev-'));
  const started = Date.now();
  try {
    const servers = await startDevServers({
      repoRoot: REPO_ROOT,
      appPort: PORTS.devApp,
      backendPort: PORTS.devBackend,
      sqliteDirectory: directory,
      log: logProgress,
    });
    try {
      return await measureMode({
        mode: 'dev',
        title: 'make dev (dev servers)',
        appUrl: servers.url,
        backendUrl: servers.backendUrl,
        readySeconds: (Date.now() - started) / 1000,
      });
    } catch (error) {
      throw new Error(`${(error as Error).message}\n${servers.stderr()}`);
    } finally {
      logProgress('stopping the development servers');
      await servers.stop();
    }
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}

/** `make start`: the production build served by the backend, with the demo data, measured, stopped. */
async function measureProductionBuild(): Promise<ModeResult> {
  const started = Date.now();
  return withPortal({
    directoryPrefix: 'waybill-bench-load-build-',
    prepare: async () => ({
      repoRoot: REPO_ROOT,
      port: PORTS.build,
      demoEvidence: true,
      watch: false,
      log: logProgress,
    }),
    measure: portal =>
      measureMode({
        mode: 'build',
        title: 'make start (prod build)',
        appUrl: portal.url,
        backendUrl: portal.url,
        readySeconds: (Date.now() - started) / 1000,
      }),
  });
}

async function main() {
  const started = Date.now();
  const machine = describeMachine();
  for (const port of Object.values(PORTS)) await assertFree(port);
  const dev = await measureDevServers();
  const build = await measureProductionBuild();
  const run = {
    date: new Date().toISOString(),
    tree: describeTree(PACKAGE_DIR, {
      '.': 'bench/portal-load',
      '../utils': 'bench/utils',
      '../../packages/app': 'packages/app',
      '../../plugins': 'plugins',
    }),
    machine,
    loadAtEnd: currentLoad(),
    wallSeconds: (Date.now() - started) / 1000,
  };
  process.stdout.write(`${reportLines(run, RUNS, dev, build).join('\n')}\n`);
  const file = await writeResultJson(PACKAGE_DIR, {
    run,
    runs: RUNS,
    ports: PORTS,
    modes: { dev, build },
    ratios: {
      firstRowP50: dev.firstRow.p50 / build.firstRow.p50,
      firstRowP95: dev.firstRow.p95 / build.firstRow.p95,
      firstRowMax: dev.firstRow.max / build.firstRow.max,
    },
  });
  logProgress(`figures written to ${file}`);
}

runBenchmark(main);
