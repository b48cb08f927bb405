import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { ServiceUnavailableError, stringifyError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  DependencyGraph,
  DependencyGraphBuild,
  DependencyMapStatus,
  buildDependencyGraph,
  findCycles,
} from '@waybill/plugin-dependency-map-common';
import { readEstateFromCatalog } from './readEstateFromCatalog';

/**
 * Why a graph cut short by `dependencyMap.maxNodes` is incomplete; with the number of entities
 * the catalog holds, when the reader may know it.
 */
export function truncationMessage(
  maxNodes: number,
  catalogEntities?: number,
): string {
  return `The catalog holds ${
    catalogEntities ?? 'more'
  } entities of the kinds mapped; the dependency graph keeps the first ${maxNodes} (dependencyMap.maxNodes), so views may miss entities and edges`;
}

/** One build of the graph: what it holds, what it cost and what started it (the spec's). */
export type GraphBuild = DependencyGraphBuild;

/** What started a build: the scheduler, the first request, a catalog-change event, or a caller. */
export type GraphBuildTrigger = GraphBuild['trigger'];

/** The served graph with its build. */
export interface GraphSnapshot {
  graph: DependencyGraph;
  build: GraphBuild;
}

/**
 * The state of the in-memory graph, for the status route and benchmarks (the spec's): whether
 * the first build has finished, the build being served, builds and catalog requests since
 * startup, and the last build's error when it failed (the previous graph is still served).
 */
export type GraphStatus = DependencyMapStatus;

/** Options of {@link CatalogDependencyGraph}. */
export interface CatalogDependencyGraphOptions {
  catalog: CatalogService;
  auth: AuthService;
  logger: LoggerService;
  /** Most entities kept. */
  maxNodes: number;
  /** Entities per catalog request. */
  pageSize: number;
  /** A request finding the graph older than this starts a rebuild in the background; none if absent. */
  maxAgeMs?: number;
  /** The clock, for tests. */
  now?: () => number;
}

/**
 * The estate's dependency graph, built from the catalog in pages and kept in memory. Builds are
 * single-flight (a refresh during a build joins it); the graph being served is replaced only by
 * a build that succeeded, and a request that arrives before the first build waits for it.
 */
export class CatalogDependencyGraph {
  readonly #options: CatalogDependencyGraphOptions;
  #current?: GraphSnapshot;
  #building?: Promise<GraphSnapshot>;
  #builds = 0;
  #catalogRequestsTotal = 0;
  #lastError?: { at: string; message: string };

  constructor(options: CatalogDependencyGraphOptions) {
    this.#options = options;
  }

  /**
   * The graph to answer from; before the first build, waits for it (503 if it fails). A graph
   * older than `maxAgeMs` is still served, and a rebuild starts in the background.
   */
  async current(): Promise<GraphSnapshot> {
    if (this.#current) {
      const { maxAgeMs, now = Date.now } = this.#options;
      const age = now() - Date.parse(this.#current.build.builtAt);
      if (maxAgeMs !== undefined && age > maxAgeMs && !this.#building) {
        // A failed rebuild is logged and recorded in status(); the request keeps the old graph.
        this.refresh('request').catch(() => {});
      }
      return this.#current;
    }
    try {
      return await this.refresh('request');
    } catch (error) {
      throw new ServiceUnavailableError(
        `The dependency graph could not be built from the catalog yet: ${stringifyError(
          error,
        )}`,
      );
    }
  }

  /** Rebuilds the graph from the catalog, or joins the build already running. */
  refresh(trigger: GraphBuildTrigger = 'manual'): Promise<GraphSnapshot> {
    if (!this.#building) {
      this.#building = this.#build(trigger).finally(() => {
        this.#building = undefined;
      });
    }
    return this.#building;
  }

  /** Where the graph stands: served build, totals, last error. */
  status(): GraphStatus {
    return {
      ready: this.#current !== undefined,
      building: this.#building !== undefined,
      current: this.#current?.build,
      builds: this.#builds,
      catalogRequestsTotal: this.#catalogRequestsTotal,
      lastError: this.#lastError,
    };
  }

  async #build(trigger: GraphBuildTrigger): Promise<GraphSnapshot> {
    const { catalog, auth, logger, maxNodes, pageSize } = this.#options;
    const started = performance.now();
    let catalogRequests = 0;
    try {
      const read = await readEstateFromCatalog({
        catalog,
        credentials: await auth.getOwnServiceCredentials(),
        pageSize,
        maxEntities: maxNodes,
        onRequest: () => {
          catalogRequests++;
          this.#catalogRequestsTotal++;
        },
      });
      const graph = buildDependencyGraph(read.entities);
      // Also indexes the graph and its components now (cached per graph object), so the first
      // query after a rebuild does not pay for it.
      const cycles = findCycles(graph);

      const message = read.truncated
        ? truncationMessage(maxNodes, read.catalogEntities)
        : undefined;
      const build: GraphBuild = {
        builtAt: new Date((this.#options.now ?? Date.now)()).toISOString(),
        nodeCount: graph.nodes.length,
        edgeCount: graph.edges.length,
        catalogEntities: read.catalogEntities,
        maxNodes,
        truncated: read.truncated,
        ...(message ? { message } : {}),
        entitiesRead: read.entities.length,
        catalogRequests,
        pageSize,
        durationMs: Math.round(performance.now() - started),
        warningCount: graph.warnings.length,
        cycleCount: cycles.length,
        trigger,
      };
      if (message) logger.warn(message);
      logger.info(
        `Dependency graph built (${trigger}): ${build.nodeCount} nodes, ${build.edgeCount} edges from ${build.entitiesRead} entities in ${catalogRequests} catalog requests, ${build.durationMs} ms`,
      );
      this.#current = { graph, build };
      this.#builds++;
      this.#lastError = undefined;
      return this.#current;
    } catch (error) {
      this.#lastError = {
        at: new Date().toISOString(),
        message: stringifyError(error),
      };
      logger.error(
        `Dependency graph build (${trigger}) failed after ${catalogRequests} catalog requests; ${
          this.#current ? 'still serving the previous graph' : 'no graph yet'
        }: ${stringifyError(error)}`,
      );
      throw error;
    }
  }
}
