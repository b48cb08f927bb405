import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { ServiceUnavailableError, stringifyError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  DependencyGraph,
  DependencyGraphBuild,
  DependencyMapStatus,
  LiveDependencyGraph,
  findCycles,
} from '@waybill/plugin-dependency-map-common';
import { keptPer } from '@waybill/plugin-waybill-common';
import { estimateGraphMemory } from './graphMemory';
import { estateEntities, patchEstate } from './patchEstate';
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

/** The graph of an estate as it stands, with its cycles found (which also indexes it). */
function graphOf(estate: LiveDependencyGraph) {
  const graph = estate.graph();
  // Also indexes the graph and its components now (cached per graph object), so the first
  // query after a build or patch does not pay for it.
  const cycles = findCycles(graph);
  return { graph, cycles };
}

/** How many entities an estate holds once `changes` apply. */
function sizeAfter(
  estate: LiveDependencyGraph,
  changes: ReadonlyMap<string, Entity | undefined>,
): number {
  let size = estate.size;
  for (const [ref, entity] of changes) {
    size += Number(entity !== undefined) - Number(estate.holds(ref));
  }
  return size;
}

/** Patches waiting for the one running to finish: their refs are patched together. */
interface QueuedPatch {
  refs: Set<string>;
  /** When the first of them was asked for. */
  requestedAt: number;
  promise: Promise<GraphSnapshot>;
}

/**
 * The estate's dependency graph, built from the catalog in pages and kept in memory as an
 * {@link LiveDependencyGraph} (each entity's reading, not the entity), so that a catalog-change
 * event naming entities patches it: only those entities (and the ones related to them) are read again,
 * and only the nodes and edges that can depend on them are derived again. Builds and patches run
 * one at a time, in order (a refresh during a build joins it; patches asked for while another
 * runs are done together next); the graph being served is replaced only by one that succeeded,
 * a new object each time (readers of the previous one are unaffected), and a request that
 * arrives before the first build waits for it.
 */
export class CatalogDependencyGraph {
  readonly #options: CatalogDependencyGraphOptions;
  #current?: GraphSnapshot;
  /** The estate the served graph stands for: changed in place by each patch. */
  #estate?: LiveDependencyGraph;
  #building?: Promise<GraphSnapshot>;
  #queuedPatch?: QueuedPatch;
  /** The last build or patch asked for: the next one starts after it. */
  #tail: Promise<unknown> = Promise.resolve();
  #memory = new WeakMap<DependencyGraph, number>();
  #builds = 0;
  #patches = 0;
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

  /** Rebuilds the graph from the catalog, or joins the build already running or waiting. */
  refresh(trigger: GraphBuildTrigger = 'manual'): Promise<GraphSnapshot> {
    if (!this.#building) {
      const building = this.#tail
        .then(() => this.#build(trigger))
        .finally(() => {
          if (this.#building === building) this.#building = undefined;
        });
      this.#building = building;
      this.#tail = building.catch(() => undefined);
    }
    return this.#building;
  }

  /**
   * Patches the graph for entities that changed in the catalog (added, edited or deleted), after
   * the build or patch running; refs asked for while one waits join it. Before the first build,
   * or when `maxNodes` cut the graph short or the patch would take it past `maxNodes`, builds
   * the whole graph instead.
   */
  patch(entityRefs: readonly string[]): Promise<GraphSnapshot> {
    if (this.#queuedPatch) {
      entityRefs.forEach(r => this.#queuedPatch!.refs.add(r));
      return this.#queuedPatch.promise;
    }
    const queued = {
      refs: new Set(entityRefs),
      requestedAt: performance.now(),
    } as QueuedPatch;
    queued.promise = this.#tail.then(() => {
      if (this.#queuedPatch === queued) this.#queuedPatch = undefined;
      return this.#patch([...queued.refs], queued.requestedAt);
    });
    this.#queuedPatch = queued;
    this.#tail = queued.promise.catch(() => undefined);
    return queued.promise;
  }

  /** Where the graph stands: served build, totals, size in memory, last error. */
  status(): GraphStatus {
    return {
      ready: this.#current !== undefined,
      building: this.#building !== undefined,
      current: this.#current?.build,
      builds: this.#builds,
      patches: this.#patches,
      catalogRequestsTotal: this.#catalogRequestsTotal,
      ...(this.#current ? { memoryBytes: this.#memoryBytes() } : {}),
      lastError: this.#lastError,
    };
  }

  /** The served graph's estimated size, walked once per graph. */
  #memoryBytes(): number {
    return keptPer(this.#memory, this.#current!.graph, graph =>
      estimateGraphMemory(graph, this.#estate),
    );
  }

  #countRequest = () => {
    this.#catalogRequestsTotal++;
  };

  #failed(what: string, catalogRequests: number, error: unknown): never {
    this.#lastError = {
      at: new Date().toISOString(),
      message: stringifyError(error),
    };
    this.#options.logger.error(
      `Dependency graph ${what} failed after ${catalogRequests} catalog requests; ${
        this.#current ? 'still serving the previous graph' : 'no graph yet'
      }: ${stringifyError(error)}`,
    );
    throw error;
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
          this.#countRequest();
        },
      });
      const estate = new LiveDependencyGraph();
      estate.apply(estateEntities(read.entities));
      const { graph, cycles } = graphOf(estate);
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
        kind: 'full',
      };
      if (message) logger.warn(message);
      logger.info(
        `Dependency graph built (${trigger}): ${build.nodeCount} nodes, ${build.edgeCount} edges from ${build.entitiesRead} entities in ${catalogRequests} catalog requests, ${build.durationMs} ms`,
      );
      this.#current = { graph, build };
      this.#estate = estate;
      this.#builds++;
      this.#lastError = undefined;
      return this.#current;
    } catch (error) {
      return this.#failed(`build (${trigger})`, catalogRequests, error);
    }
  }

  async #patch(refs: string[], requestedAt: number): Promise<GraphSnapshot> {
    const { catalog, auth, logger, maxNodes, pageSize } = this.#options;
    const current = this.#current;
    const estate = this.#estate;
    if (!current || !estate || current.build.truncated) {
      return this.#build('event');
    }
    let catalogRequests = 0;
    try {
      const patched = await patchEstate({
        catalog,
        credentials: await auth.getOwnServiceCredentials(),
        neighbours: ref => estate.neighbours(ref),
        changed: refs,
        pageSize,
        onRequest: () => {
          catalogRequests++;
          this.#countRequest();
        },
      });
      const { changes } = patched;
      if (sizeAfter(estate, changes) > maxNodes) {
        return this.#build('event');
      }
      estate.apply(changes);
      const { graph, cycles } = graphOf(estate);
      const build: GraphBuild = {
        ...current.build,
        builtAt: new Date((this.#options.now ?? Date.now)()).toISOString(),
        nodeCount: graph.nodes.length,
        edgeCount: graph.edges.length,
        catalogEntities: estate.size,
        entitiesRead: patched.entitiesRead,
        catalogRequests,
        durationMs: Math.round(performance.now() - requestedAt),
        warningCount: graph.warnings.length,
        cycleCount: cycles.length,
        trigger: 'event',
        kind: 'incremental',
      };
      logger.info(
        `Dependency graph patched for ${refs.length} changed entities: ${build.nodeCount} nodes, ${build.edgeCount} edges; ${patched.entitiesRead} entities re-read in ${catalogRequests} catalog requests, ${build.durationMs} ms`,
      );
      this.#current = { graph, build };
      this.#patches++;
      this.#lastError = undefined;
      return this.#current;
    } catch (error) {
      return this.#failed('patch', catalogRequests, error);
    }
  }
}
