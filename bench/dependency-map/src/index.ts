/**
 * The dependency-map benchmark: a generated estate grown in one real catalog backend through the
 * sizes of the run (default 5,000, 20,000 and 50,000 nodes, about 3 edges a node); at each size,
 * the graph built from it by the plugin's CatalogDependencyGraph (time and catalog requests), the
 * plugin's own build and memory, the queries on it (pure and through the plugin's HTTP routes),
 * the same questions to Backstage's catalog graph (its batched getEntitiesByRefs load), and
 * changed entities from catalog event to graph; then how each figure grew with the size. Run
 * with `yarn bench:dependency-map`; see README.md.
 *
 * Phases, each in its own module: estateSteps.ts (the data, per size), catalog.ts (the backend),
 * measureStep.ts (one size: build.ts, queries.ts, httpQueries.ts, peerComparison.ts,
 * pluginRefresh.ts), browser.ts (the dependency map page in Chromium, against a real portal),
 * report.ts and reportSizes.ts (what is printed).
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
  runHeaderLines,
  writeResultJson,
} from '@waybill/bench-utils';
import { buildDependencyGraph } from '@waybill/plugin-dependency-map-common';
import { measureMapPage } from './browser';
import {
  catalogEngine,
  describeCatalogEngine,
  startEstateBackend,
} from './catalog';
import { withCatalogRelations } from './catalogRelations';
import { estateShape, generateEstate } from './estate';
import { estateSteps } from './estateSteps';
import { StepResult, measureStep } from './measureStep';
import { BenchResult, render, renderBrowser } from './report';

const PACKAGE_DIR = resolvePackagePath('@waybill/bench-dependency-map');

/** The sizes (graph nodes) of the run, increasing: `WAYBILL_BENCH_SIZES`, or one `WAYBILL_BENCH_NODES`. */
function sizesAsked(): number[] {
  const raw =
    process.env.WAYBILL_BENCH_SIZES ??
    process.env.WAYBILL_BENCH_NODES ??
    '5000,20000,50000';
  const sizes = raw.split(',').map(s => Number(s.trim()));
  if (sizes.some(n => !Number.isInteger(n) || n < 100)) {
    throw new Error(
      `WAYBILL_BENCH_SIZES must list whole numbers of nodes of at least 100, e.g. 5000,20000,50000; got "${raw}"`,
    );
  }
  return sizes;
}

const SEED = Number(process.env.WAYBILL_BENCH_SEED ?? 20261124);
const INGEST_TIMEOUT_MS =
  Number(process.env.WAYBILL_BENCH_INGEST_TIMEOUT_S ?? 900) * 1000;
/** `on` (after the sizes), `off`, or `only` (the Chromium phase alone). */
const BROWSER = process.env.WAYBILL_BENCH_BROWSER ?? 'off';
const BROWSER_NODES = Number(process.env.WAYBILL_BENCH_BROWSER_NODES ?? 5000);
const BROWSER_RUNS = Number(process.env.WAYBILL_BENCH_BROWSER_RUNS ?? 5);
const CHROMIUM = process.env.WAYBILL_CHROMIUM ?? '/usr/bin/chromium';

/** The commit, and whether this benchmark has uncommitted changes. */
const tree = () =>
  describeTree(PACKAGE_DIR, {
    '.': 'bench/dependency-map',
    '../utils': 'bench/utils',
  });

/** The Chromium phase: an estate of `WAYBILL_BENCH_BROWSER_NODES` nodes in a real portal, its map page loaded in Chromium. */
async function browserPhase() {
  const estate = generateEstate(estateShape(BROWSER_NODES), SEED);
  const graph = buildDependencyGraph(withCatalogRelations(estate.entities));
  progress(
    `Chromium phase: estate of ${graph.nodes.length} nodes, ${graph.edges.length} edges in a portal on port 7108`,
  );
  return measureMapPage({
    repoRoot: resolvePath(PACKAGE_DIR, '../..'),
    estate,
    expectedNodes: graph.nodes.length,
    expectedEdges: graph.edges.length,
    chromiumPath: CHROMIUM,
    runs: BROWSER_RUNS,
    failureScreenshot: join(PACKAGE_DIR, 'results', 'browser-failure.png'),
    log: progress,
  });
}

async function browserOnly() {
  const machine = describeMachine();
  progress(
    `dependency-map benchmark, Chromium phase only; load average ${machine.loadAverage}`,
  );
  const started = performance.now();
  const browser = await browserPhase();
  process.stdout.write(
    `${[
      `Dependency map benchmark, Chromium phase only (WAYBILL_BENCH_BROWSER=only)`,
      ...runHeaderLines({
        date: new Date().toISOString(),
        tree: tree(),
        machine,
        loadAtEnd: currentLoad(),
        wallSeconds: (performance.now() - started) / 1000,
      }),
      '',
      ...renderBrowser(browser),
    ].join('\n')}\n`,
  );
}

/** Every size of the run in one catalog, grown step by step. */
async function nodePhases(started: number): Promise<BenchResult> {
  const machine = describeMachine();
  const sizes = sizesAsked();
  progress(
    `dependency-map benchmark at ${sizes.join(', ')} nodes; load average ${
      machine.loadAverage
    }`,
  );
  const steps = estateSteps(sizes, SEED);
  const engine = await catalogEngine(progress);
  progress(
    `starting the backend (real catalog, ${describeCatalogEngine(engine)})`,
  );
  const backend = await startEstateBackend(engine);
  const rssAtStart = process.memoryUsage().rss;
  const results: StepResult[] = [];
  const resultSoFar = (): BenchResult => ({
    date: new Date().toISOString(),
    tree: tree(),
    machine,
    loadAtEnd: currentLoad(),
    wallSeconds: (performance.now() - started) / 1000,
    seed: SEED,
    catalog: describeCatalogEngine(engine),
    rssAtStart,
    steps: results,
  });
  try {
    for (const step of steps) {
      results.push(
        await measureStep(backend, step, {
          seed: SEED,
          ingestTimeoutMs: INGEST_TIMEOUT_MS,
        }),
      );
      progress(`${step.size} nodes done; load average ${currentLoad()}`);
      // The sizes measured so far, kept if a later size fails: a 50k step runs for many minutes.
      const file = await writeResultJson(
        PACKAGE_DIR,
        resultSoFar(),
        'partial.json',
      );
      process.stderr.write(`${render(resultSoFar())}\n`);
      progress(`the sizes so far written to ${file}`);
    }
  } finally {
    await backend.stop();
  }
  return resultSoFar();
}

async function main() {
  if (BROWSER === 'only') {
    await browserOnly();
    return;
  }
  const started = performance.now();
  const result = await nodePhases(started);
  if (BROWSER === 'off') {
    result.browserSkipped = 'WAYBILL_BENCH_BROWSER=off';
  } else {
    // The sizes' figures are reported even when the Chromium phase fails.
    try {
      result.browser = await browserPhase();
    } catch (error) {
      result.browserSkipped = `FAILED: ${
        error instanceof Error ? error.message : String(error)
      }`;
      process.exitCode = 1;
    }
    result.loadAtEnd = currentLoad();
    result.wallSeconds = (performance.now() - started) / 1000;
  }
  process.stdout.write(`${render(result)}\n`);
  const file = await writeResultJson(PACKAGE_DIR, result);
  progress(`figures written to ${file}`);
}

runBenchmark(main);
