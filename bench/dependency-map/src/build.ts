import { performance } from 'node:perf_hooks';
import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { LatencySummary, summarize, timed } from '@waybill/bench-utils';
// The benchmark drives the backend plugin itself (a node-library may not, outside benchmarks).
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import {
  CatalogDependencyGraph,
  GraphSnapshot,
  readEstateFromCatalog,
} from '@waybill/plugin-dependency-map-backend';
import {
  DependencyGraph,
  buildDependencyGraph,
  findCycles,
} from '@waybill/plugin-dependency-map-common';
import { BENCH_GRAPH_MAX_NODES, CatalogCallCounter } from './catalog';

/** Entities per catalog request: the plugin's default `dependencyMap.pageSize`. */
export const PAGE_SIZE = 500;
/** The graph's node limit: the benchmark backend's (the plugin's default, 50,000, is below the largest estate). */
const MAX_NODES = BENCH_GRAPH_MAX_NODES;

/** What building the graph from a catalog cost. */
export interface BuildResult {
  /** Whole builds (`CatalogDependencyGraph.refresh`): catalog reads, graph, cycles. */
  build: LatencySummary;
  /** The catalog reads alone (`readEstateFromCatalog`). */
  read: LatencySummary;
  /** `buildDependencyGraph` + `findCycles` (which indexes the graph) alone, on the entities read. */
  compute: LatencySummary;
  /** Catalog calls per build, counted on the catalog service. */
  catalogCalls: number;
  /** Catalog requests per build, as the build counted them. */
  catalogRequests: number;
  entitiesRead: number;
  nodeCount: number;
  edgeCount: number;
  cycleCount: number;
  warningCount: number;
  /** The graph of the last build, for the queries. */
  snapshot: GraphSnapshot;
}

/**
 * Builds the graph from `catalog` `runs` times with the plugin's `CatalogDependencyGraph` (pages
 * of 500, as configured by default), then times its two halves apart.
 */
export async function measureBuild(
  catalog: CatalogService,
  auth: AuthService,
  logger: LoggerService,
  runs: number,
): Promise<BuildResult> {
  const counter = new CatalogCallCounter();
  const graph = new CatalogDependencyGraph({
    catalog: counter.wrap(catalog),
    auth,
    logger,
    maxNodes: MAX_NODES,
    pageSize: PAGE_SIZE,
  });
  const builds: number[] = [];
  let snapshot: GraphSnapshot | undefined;
  let catalogCalls = 0;
  for (let i = 0; i < runs; i++) {
    counter.reset();
    const { result, ms } = await timed(() => graph.refresh('manual'));
    builds.push(ms);
    snapshot = result;
    catalogCalls = counter.total();
  }

  const reads: number[] = [];
  const computes: number[] = [];
  const credentials = await auth.getOwnServiceCredentials();
  for (let i = 0; i < Math.min(runs, 3); i++) {
    const { result, ms } = await timed(() =>
      readEstateFromCatalog({
        catalog,
        credentials,
        pageSize: PAGE_SIZE,
        maxEntities: MAX_NODES,
      }),
    );
    reads.push(ms);
    const start = performance.now();
    findCycles(buildDependencyGraph(result.entities));
    computes.push(performance.now() - start);
  }

  const build = snapshot!.build;
  return {
    build: summarize(builds),
    read: summarize(reads),
    compute: summarize(computes),
    catalogCalls,
    catalogRequests: build.catalogRequests,
    entitiesRead: build.entitiesRead,
    nodeCount: build.nodeCount,
    edgeCount: build.edgeCount,
    cycleCount: build.cycleCount,
    warningCount: build.warningCount,
    snapshot: snapshot!,
  };
}

/** Edge count by type, most first. */
export function edgesByType(graph: DependencyGraph): Array<[string, number]> {
  const counts = new Map<string, number>();
  for (const edge of graph.edges) {
    counts.set(edge.type, (counts.get(edge.type) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1]);
}
