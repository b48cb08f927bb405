import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { logProgress as progress } from '@waybill/bench-utils';
// The benchmark drives the backend plugin itself (a node-library may not, outside benchmarks).
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import { readEstateFromCatalog } from '@waybill/plugin-dependency-map-backend';
import {
  DependencyGraph,
  buildDependencyGraph,
  findCycles,
} from '@waybill/plugin-dependency-map-common';
import { BuildResult, PAGE_SIZE, edgesByType, measureBuild } from './build';
import {
  BENCH_GRAPH_MAX_NODES,
  EstateBackend,
  countMappedEntities,
} from './catalog';
import { withCatalogRelations } from './catalogRelations';
import { EstateStep } from './estateSteps';
import { DEFAULT_SAMPLES, measurePure, QueryResult } from './queries';
import { measureHttp } from './httpQueries';
import { PeerQuestion, comparePeers } from './peerComparison';
import {
  EventRefreshResult,
  PluginStatus,
  measureEventRefresh,
  pluginBuildOnEvent,
} from './pluginRefresh';
import { widestImpactTargets } from './queries';

/** Whole builds timed per size. */
const BUILD_RUNS = 3;
/** Changed entities timed from event to graph per size. */
export const REFRESH_CHANGES = 20;

/** Everything measured at one size. */
export interface StepResult {
  size: number;
  estate: {
    catalogEntities: number;
    nodes: number;
    edges: number;
    edgesByType: Array<[string, number]>;
    plantedCycles: number;
    businessProcesses: number;
  };
  /** This step's catalog ingest (the entities it added), processed and stitched; not a target. */
  ingestMs: number;
  build: Omit<BuildResult, 'snapshot'>;
  /** `/status` once the plugin served its own build of this estate (event-triggered). */
  plugin: PluginStatus;
  /** The process's resident memory then (catalog, plugin and benchmark share it). */
  rssBytes: number;
  queries: QueryResult[];
  peers: PeerQuestion[];
  refresh: EventRefreshResult;
}

/**
 * Waits until the catalog serves the whole estate, stitched: every entity of the mapped kinds
 * counted, then a graph built from it with every expected edge. Throws after `timeoutMs`.
 */
async function waitForIngest(
  backend: EstateBackend,
  mappedEntities: number,
  expectedEdges: number,
  timeoutMs: number,
): Promise<void> {
  const { catalog, auth } = backend.handles;
  const deadline = performance.now() + timeoutMs;
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
        maxEntities: BENCH_GRAPH_MAX_NODES,
      });
      const edges = buildDependencyGraph(read.entities).edges.length;
      if (edges >= expectedEdges) return;
      progress(`stitching: ${edges} / ${expectedEdges} edges`);
    }
    await sleep(2000);
  }
  throw new Error(
    `The catalog had not processed and stitched the estate after ${
      timeoutMs / 1000
    } s (WAYBILL_BENCH_INGEST_TIMEOUT_S)`,
  );
}

/** The queries on the built graph, pure and through the plugin's HTTP routes. */
async function measureQueries(
  graph: DependencyGraph,
  step: EstateStep,
  baseUrl: string,
  seed: number,
): Promise<QueryResult[]> {
  const { estate } = step;
  const widest = widestImpactTargets(graph, estate, seed);
  progress('queries, pure functions');
  const queries = await measurePure(
    graph,
    estate,
    DEFAULT_SAMPLES,
    seed,
    widest,
  );
  progress('queries, HTTP routes');
  const http = await measureHttp(
    baseUrl,
    estate,
    DEFAULT_SAMPLES,
    seed,
    widest,
  );
  for (const q of queries) {
    const h = http.get(q.name);
    if (h) Object.assign(q, h);
  }
  return queries;
}

/** Builds the graph from the catalog {@link BUILD_RUNS} times; throws unless it is `expected`. */
async function checkedBuild(
  backend: EstateBackend,
  expected: DependencyGraph,
): Promise<BuildResult> {
  const { handles } = backend;
  progress(`graph build from the catalog, ${BUILD_RUNS} runs`);
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
  return build;
}

/**
 * One size: the step's entities given to the catalog and ingested, the graph built from it
 * (checked against the generated estate's), the plugin's own build on the event, its memory, the
 * queries, the peer comparison, and changed entities from event to graph.
 */
export async function measureStep(
  backend: EstateBackend,
  step: EstateStep,
  options: { seed: number; ingestTimeoutMs: number },
): Promise<StepResult> {
  const { estate } = step;
  const expected = buildDependencyGraph(withCatalogRelations(estate.entities));
  const mapped = estate.entities.filter(e => e.kind !== 'Group').length;
  progress(
    `${step.size} nodes: adding ${step.added.length} entities (${expected.nodes.length} nodes, ${expected.edges.length} edges in all)`,
  );
  const ingestStart = performance.now();
  await backend.provider.applyDelta(step.added);
  await waitForIngest(
    backend,
    mapped,
    expected.edges.length,
    options.ingestTimeoutMs,
  );
  const ingestMs = performance.now() - ingestStart;
  await backend.settle();
  const build = await checkedBuild(backend, expected);
  progress("the plugin's own build on the catalog-changed event");
  const plugin = await pluginBuildOnEvent(
    backend,
    expected.nodes.length,
    expected.edges.length,
  );
  const rssBytes = process.memoryUsage().rss;

  const queries = await measureQueries(
    build.snapshot.graph,
    step,
    backend.baseUrl,
    options.seed,
  );
  progress('the same questions to the catalog graph (peer)');
  const peers = await comparePeers(backend.baseUrl, estate, options.seed);
  progress(`${REFRESH_CHANGES} changed entities, event to graph`);
  const refresh = await measureEventRefresh(
    backend,
    estate,
    REFRESH_CHANGES,
    options.seed + step.size,
  );

  const { snapshot: _graph, ...buildFigures } = build;
  return {
    size: step.size,
    estate: {
      catalogEntities: estate.entities.length,
      nodes: expected.nodes.length,
      edges: expected.edges.length,
      edgesByType: edgesByType(expected),
      plantedCycles: findCycles(expected).length,
      businessProcesses: expected.processes.length,
    },
    ingestMs,
    build: buildFigures,
    plugin,
    rssBytes,
    queries,
    peers,
    refresh,
  };
}
