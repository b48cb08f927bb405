/**
 * The dependency-map benchmark: a generated estate of 10,000 nodes and about 30,000 edges in the
 * real catalog backend, the graph built from it by the plugin's CatalogDependencyGraph (time and
 * catalog requests), and the queries on it, pure and through the plugin's HTTP routes. Run with
 * `yarn bench:dependency-map`; see README.md.
 *
 * Phases, each in its own module: estate.ts (the data), catalog.ts (the backend), build.ts (graph
 * build), queries.ts (queries), browser.ts (the dependency map page with 2,000 nodes in Chromium,
 * against a real portal; its figures in BenchResult.browser).
 *
 * @packageDocumentation
 */

import { join, resolve as resolvePath } from 'node:path';
import { performance } from 'node:perf_hooks';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import {
  currentLoad,
  describeMachine,
  describeTree,
  logProgress as progress,
  runBenchmark,
  runHeaderLines,
  writeResultJson,
} from '@waybill/bench-utils';
// The benchmark drives the backend plugin itself (a node-library may not, outside benchmarks).
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import { readEstateFromCatalog } from '@waybill/plugin-dependency-map-backend';
import {
  buildDependencyGraph,
  DependencyGraph,
  findCycles,
} from '@waybill/plugin-dependency-map-common';
import { measureMapPage } from './browser';
import {
  PAGE_SIZE,
  edgesByType,
  measureBuild,
  measureMockBuild,
  measurePerEntityReads,
} from './build';
import {
  CatalogMode,
  EstateBackend,
  countMappedEntities,
  pluginBuildOnEvent,
  startEstateBackend,
} from './catalog';
import { withCatalogRelations } from './catalogRelations';
import { Estate, estateShape, generateEstate } from './estate';
import {
  DEFAULT_SAMPLES,
  measurePure,
  QueryResult,
  widestImpactTargets,
} from './queries';
import { measureHttp } from './httpQueries';
import { BenchResult, render, renderBrowser } from './report';

const PACKAGE_DIR = resolvePackagePath('@waybill/bench-dependency-map');

const NODES = Number(process.env.WAYBILL_BENCH_NODES ?? 10_000);
const SEED = Number(process.env.WAYBILL_BENCH_SEED ?? 20261124);
const MODE = (process.env.WAYBILL_BENCH_CATALOG ?? 'real') as CatalogMode;
const INGEST_TIMEOUT_MS =
  Number(process.env.WAYBILL_BENCH_INGEST_TIMEOUT_S ?? 240) * 1000;
const BUILD_RUNS = 5;
/** `on` (after the queries), `off`, or `only` (the Chromium phase alone). */
const BROWSER = process.env.WAYBILL_BENCH_BROWSER ?? 'on';
const BROWSER_NODES = Number(process.env.WAYBILL_BENCH_BROWSER_NODES ?? 2000);
const BROWSER_RUNS = Number(process.env.WAYBILL_BENCH_BROWSER_RUNS ?? 5);
const CHROMIUM = process.env.WAYBILL_CHROMIUM ?? '/usr/bin/chromium';
const PER_ENTITY_SAMPLES = 200;

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

/** The commit, and whether this benchmark has uncommitted changes. */
const tree = () => describeTree(PACKAGE_DIR, { '.': 'bench/dependency-map' });

/**
 * Waits until the catalog serves the whole estate, stitched: every entity of the mapped kinds
 * counted, then a graph built from it with every expected edge. False on timeout.
 */
async function waitForIngest(
  backend: EstateBackend,
  mappedEntities: number,
  expectedEdges: number,
  deadline: number,
): Promise<boolean> {
  const { catalog, auth } = backend.handles;
  let last = -1;
  while (performance.now() < deadline) {
    const count = await countMappedEntities(backend.handles);
    if (count !== last) {
      progress(`catalog holds ${count} / ${mappedEntities} mapped entities`);
      last = count;
    }
    if (count >= mappedEntities) {
      const read = await readEstateFromCatalog({
        catalog,
        credentials: await auth.getOwnServiceCredentials(),
        pageSize: PAGE_SIZE,
        maxEntities: 50_000,
      });
      const edges = buildDependencyGraph(read.entities).edges.length;
      if (edges >= expectedEdges) return true;
      progress(`stitching: ${edges} / ${expectedEdges} edges`);
    }
    await sleep(2000);
  }
  return false;
}

/** The Chromium phase: a 2,000-node estate in a real portal, its map page loaded in Chromium. */
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

/**
 * Starts the backend on the catalog asked for; when the real catalog has not processed and
 * stitched the estate in time, falls back to the mock and says why.
 */
async function startBackend(
  entities: Entity[],
  mappedEntities: number,
  expectedEdges: number,
): Promise<{
  backend: EstateBackend;
  mode: CatalogMode;
  fallback?: string;
  ingestMs?: number;
}> {
  let mode = MODE;
  let fallback: string | undefined;
  let ingestMs: number | undefined;
  progress(`starting the backend (${mode} catalog)`);
  let backend = await startEstateBackend(mode, entities);
  if (mode === 'real') {
    const ingestStart = performance.now();
    const ok = await waitForIngest(
      backend,
      mappedEntities,
      expectedEdges,
      ingestStart + INGEST_TIMEOUT_MS,
    );
    if (ok) {
      ingestMs = performance.now() - ingestStart;
    } else {
      fallback = `the real catalog had not processed and stitched the estate after ${
        INGEST_TIMEOUT_MS / 1000
      } s (WAYBILL_BENCH_INGEST_TIMEOUT_S); these figures come from catalogServiceMock with the same entities and relations`;
      progress(fallback);
      await backend.stop();
      mode = 'mock';
      backend = await startEstateBackend(mode, entities);
    }
  }
  return { backend, mode, fallback, ingestMs };
}

/** The queries on the built graph, pure and through the plugin's HTTP routes. */
async function measureQueries(
  graph: DependencyGraph,
  estate: Estate,
  baseUrl: string,
): Promise<QueryResult[]> {
  const widest = widestImpactTargets(graph, estate);
  progress('queries, pure functions');
  const queries = await measurePure(
    graph,
    estate,
    DEFAULT_SAMPLES,
    SEED,
    widest,
  );
  progress('queries, HTTP routes');
  const http = await measureHttp(
    baseUrl,
    estate,
    DEFAULT_SAMPLES,
    SEED,
    widest,
  );
  for (const q of queries) {
    const h = http.get(q.name);
    if (h) Object.assign(q, h);
  }
  return queries;
}

/**
 * Graph builds from the catalog (checked against the generated estate's graph), one request per
 * entity for comparison, and, on the real catalog, the same build from the mock.
 */
async function measureGraphBuild(
  backend: EstateBackend,
  mode: CatalogMode,
  estate: Estate,
  expected: DependencyGraph,
) {
  const { handles } = backend;
  progress(`graph build from the ${mode} catalog, ${BUILD_RUNS} runs`);
  const build = await measureBuild(
    handles.catalog,
    handles.auth,
    handles.logger,
    BUILD_RUNS,
  );
  if (
    build.nodeCount !== expected.nodes.length ||
    build.edgeCount !== expected.edges.length
  ) {
    throw new Error(
      `The graph built from the catalog (${build.nodeCount} nodes, ${build.edgeCount} edges) differs from the generated estate's (${expected.nodes.length}, ${expected.edges.length})`,
    );
  }
  progress(`one request per entity: ${PER_ENTITY_SAMPLES} getEntityByRef`);
  const perEntity = await measurePerEntityReads(
    handles,
    estate,
    build.entitiesRead,
    PER_ENTITY_SAMPLES,
  );
  const mockBuild =
    mode === 'real' ? await measureMockBuild(estate, BUILD_RUNS) : undefined;
  return { build, perEntity, mockBuild };
}

/** The estate in the catalog, the graph build and the queries. */
async function nodePhases(started: number): Promise<BenchResult> {
  const machine = describeMachine();
  progress(
    `dependency-map benchmark, ${NODES} nodes, catalog ${MODE}; load average ${machine.loadAverage}`,
  );

  const estate = generateEstate(estateShape(NODES), SEED);
  const expected = buildDependencyGraph(withCatalogRelations(estate.entities));
  const mappedEntities = estate.entities.filter(e => e.kind !== 'Group').length;
  progress(
    `estate: ${estate.entities.length} entities, ${
      expected.nodes.length
    } nodes, ${expected.edges.length} edges, ${
      findCycles(expected).length
    } cycles`,
  );

  const { backend, mode, fallback, ingestMs } = await startBackend(
    estate.entities,
    mappedEntities,
    expected.edges.length,
  );

  try {
    const { build, perEntity, mockBuild } = await measureGraphBuild(
      backend,
      mode,
      estate,
      expected,
    );

    progress('the plugin rebuilds its graph on the estate-ready event');
    const pluginBuild = await pluginBuildOnEvent(
      backend,
      expected.edges.length,
    );

    const queries = await measureQueries(
      build.snapshot.graph,
      estate,
      backend.baseUrl,
    );

    const { snapshot: _graph, ...buildFigures } = build;
    const result: BenchResult = {
      date: new Date().toISOString(),
      tree: tree(),
      machine,
      loadAtEnd: currentLoad(),
      wallSeconds: (performance.now() - started) / 1000,
      estate: {
        seed: SEED,
        catalogEntities: estate.entities.length,
        nodes: expected.nodes.length,
        edges: expected.edges.length,
        edgesByType: edgesByType(expected),
        plantedCycles: estate.plantedCycles.length,
        businessProcesses: expected.processes.length,
      },
      catalog: { mode, fallback, ingestMs, pageSize: PAGE_SIZE },
      build: buildFigures,
      mockBuild: mockBuild
        ? (({ snapshot: _s, ...rest }) => rest)(mockBuild)
        : undefined,
      perEntity,
      pluginBuild: {
        durationMs: pluginBuild.durationMs,
        catalogRequests: pluginBuild.catalogRequests,
        nodeCount: pluginBuild.nodeCount,
        edgeCount: pluginBuild.edgeCount,
      },
      queries,
    };
    return result;
  } finally {
    await backend.stop();
  }
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
    result.browser = await browserPhase();
    result.loadAtEnd = currentLoad();
    result.wallSeconds = (performance.now() - started) / 1000;
  }
  process.stdout.write(`${render(result)}\n`);
  const file = await writeResultJson(PACKAGE_DIR, result);
  progress(`figures written to ${file}`);
}

runBenchmark(main);
