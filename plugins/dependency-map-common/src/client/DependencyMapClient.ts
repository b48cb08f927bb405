import { parseEntityRef } from '@waybill/plugin-waybill-common';
import {
  jsonBody,
  PluginClientOptions,
  PluginHttpClient,
  QueryValue,
} from '@waybill/http-client';
import {
  DEPENDENCY_MAP_PLUGIN_ID,
  type BusinessProcessGraphQuery,
  type BusinessProcessGraphResponse,
  type DeployOrderQuery,
  type DeployOrderResponse,
  type EstateQuery,
  type EstateResponse,
  type ImpactQuery,
  type ImpactResponse,
  type NeighbourhoodQuery,
  type NeighbourhoodResponse,
  type ReleaseTrainRequest,
  type ReleaseTrainResponse,
} from '../api';
import type { GraphFilter } from '../neighbourhood';

/**
 * The graph a view was answered from, as every view response carries it in `graph`: when it was
 * built, its size, and whether the catalog held more entities than the backend keeps.
 */
export interface DependencyGraphSummary {
  /** ISO 8601 time the graph was built from the catalog. */
  builtAt: string;
  nodeCount: number;
  edgeCount: number;
  /** Entities of the mapped kinds in the catalog when the graph was built. */
  catalogEntities: number;
  /** `dependencyMap.maxNodes`. */
  maxNodes: number;
  /** True when the catalog held more than `maxNodes` entities and the graph holds only the first. */
  truncated: boolean;
  /** Why the graph is incomplete, for people; set when `truncated`. */
  message?: string;
}

/** A view response with the summary of the graph it came from. */
export type WithGraphSummary<T> = T & { graph?: DependencyGraphSummary };

/** One build of the graph: what it holds and what it cost. */
export interface DependencyGraphBuild extends DependencyGraphSummary {
  /** Entities read from the catalog. */
  entitiesRead: number;
  /** Catalog requests this build made (one per page). */
  catalogRequests: number;
  pageSize: number;
  /** Wall time of the build, catalog reads included. */
  durationMs: number;
  /** Problems buildDependencyGraph reported (dangling refs, unreadable annotations). */
  warningCount: number;
  /** Dependency cycles in the graph. */
  cycleCount: number;
}

/** `GET /status`: the graph being served and what building it cost (see the backend's README). */
export interface DependencyMapStatus {
  current?: DependencyGraphBuild & { [key: string]: unknown };
  [key: string]: unknown;
}

/** What the client needs to reach the backend; Backstage's `discoveryApiRef` and `fetchApiRef` fit. */
export type DependencyMapClientOptions = PluginClientOptions;

/** The dependency-map API, for frontends and tests that want to mock it. */
export interface DependencyMapApi {
  getNeighbourhood(
    query: NeighbourhoodQuery,
    options?: RequestOptions,
  ): Promise<WithGraphSummary<NeighbourhoodResponse>>;
  getBusinessProcessGraph(
    query: BusinessProcessGraphQuery,
    options?: RequestOptions,
  ): Promise<WithGraphSummary<BusinessProcessGraphResponse>>;
  getEstate(
    query?: EstateQuery,
    options?: RequestOptions,
  ): Promise<WithGraphSummary<EstateResponse>>;
  getImpact(
    query: ImpactQuery,
    options?: RequestOptions,
  ): Promise<WithGraphSummary<ImpactResponse>>;
  getDeployOrder(
    query?: DeployOrderQuery,
    options?: RequestOptions,
  ): Promise<WithGraphSummary<DeployOrderResponse>>;
  planReleaseTrain(
    request: ReleaseTrainRequest,
    options?: RequestOptions,
  ): Promise<WithGraphSummary<ReleaseTrainResponse>>;
  getStatus(options?: RequestOptions): Promise<DependencyMapStatus>;
}

/** Per-request options: an `AbortSignal` so a view can drop answers it no longer wants. */
export interface RequestOptions {
  signal?: AbortSignal;
}

type Query = Record<string, string | number | string[] | undefined>;

function filterQuery(filter: GraphFilter): Query {
  return {
    kind: filter.kinds,
    type: filter.types,
    owner: filter.owners,
    businessProcess: filter.businessProcesses,
    relation: filter.relations,
  };
}

/** `/entities/{kind}/{namespace}/{name}` of a full or short ref (kind defaults to component), lower-cased. */
export function entityPath(entityRef: string): string {
  const { kind, namespace, name } = parseEntityRef(entityRef, {
    defaultKind: 'component',
  });
  return `/entities/${[kind, namespace, name]
    .map(encodeURIComponent)
    .join('/')}`;
}

/** The query string values: a list as one comma-separated value, an empty list left out. */
function queryValues(query: Query): Record<string, QueryValue> {
  const values: Record<string, QueryValue> = {};
  for (const [name, value] of Object.entries(query)) {
    if (!Array.isArray(value)) values[name] = value;
    else if (value.length > 0) values[name] = value.join(',');
  }
  return values;
}

/**
 * A typed client of the dependency-map backend (`/api/dependency-map`), for browsers and Node.
 * Each view is one request. Every method throws a `ResponseError` on a non-2xx answer; its
 * message carries the server's reason (e.g. the unknown entity refs of a 404).
 *
 * @example
 * ```ts
 * const client = new DependencyMapClient({ discoveryApi, fetchApi });
 * const { affected, businessProcesses, tenants } = await client.getImpact({
 *   entityRef: 'component:default/inventory',
 * });
 * const plan = await client.planReleaseTrain({
 *   changes: [{ entityRef: 'api:pricing-api', version: '3.0.0' }],
 * });
 * ```
 */
export class DependencyMapClient implements DependencyMapApi {
  private readonly http: PluginHttpClient;

  constructor(options: DependencyMapClientOptions) {
    this.http = new PluginHttpClient(DEPENDENCY_MAP_PLUGIN_ID, options);
  }

  /** `GET /entities/{kind}/{namespace}/{name}/neighbourhood`. */
  getNeighbourhood(query: NeighbourhoodQuery, options?: RequestOptions) {
    const { entityRef, depth, direction, maxNodes, ...filter } = query;
    return this.get<WithGraphSummary<NeighbourhoodResponse>>(
      `${entityPath(entityRef)}/neighbourhood`,
      { depth, direction, maxNodes, ...filterQuery(filter) },
      options,
    );
  }

  /** `GET /business-processes/{process}`. */
  getBusinessProcessGraph(
    query: BusinessProcessGraphQuery,
    options?: RequestOptions,
  ) {
    const { process, maxNodes, businessProcesses: _ignored, ...filter } = query;
    return this.get<WithGraphSummary<BusinessProcessGraphResponse>>(
      `/business-processes/${encodeURIComponent(process)}`,
      { maxNodes, ...filterQuery(filter) },
      options,
    );
  }

  /** `GET /estate`. */
  getEstate(query: EstateQuery = {}, options?: RequestOptions) {
    const { maxNodes, ...filter } = query;
    return this.get<WithGraphSummary<EstateResponse>>(
      '/estate',
      { maxNodes, ...filterQuery(filter) },
      options,
    );
  }

  /** `GET /entities/{kind}/{namespace}/{name}/impact`. */
  getImpact(query: ImpactQuery, options?: RequestOptions) {
    return this.get<WithGraphSummary<ImpactResponse>>(
      `${entityPath(query.entityRef)}/impact`,
      { maxDepth: query.maxDepth },
      options,
    );
  }

  /** `GET /deploy-order`, for some entities or (without any) every deployable. */
  getDeployOrder(query: DeployOrderQuery = {}, options?: RequestOptions) {
    return this.get<WithGraphSummary<DeployOrderResponse>>(
      '/deploy-order',
      {
        entityRef: query.entityRefs?.length
          ? query.entityRefs.join(',')
          : undefined,
      },
      options,
    );
  }

  /** `POST /release-train`. */
  async planReleaseTrain(
    request: ReleaseTrainRequest,
    options?: RequestOptions,
  ): Promise<WithGraphSummary<ReleaseTrainResponse>> {
    return this.http.json('/release-train', {
      ...jsonBody('POST', request),
      signal: options?.signal,
    });
  }

  /** `GET /status`. */
  getStatus(options?: RequestOptions): Promise<DependencyMapStatus> {
    return this.get<DependencyMapStatus>('/status', {}, options);
  }

  private async get<T>(
    path: string,
    query: Query,
    options?: RequestOptions,
  ): Promise<T> {
    return this.http.json<T>(
      path,
      { signal: options?.signal },
      queryValues(query),
    );
  }
}
