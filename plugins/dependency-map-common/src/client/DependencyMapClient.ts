import { parseEntityRef } from '@waybill/plugin-waybill-common';
import type { PluginClientOptions } from '@waybill/http-client';
import type {
  BusinessProcessGraphQuery,
  BusinessProcessGraphResponse,
  DeployOrderQuery,
  DeployOrderResponse,
  DependencyMapStatus,
  EstateQuery,
  EstateResponse,
  ImpactQuery,
  ImpactResponse,
  NeighbourhoodQuery,
  NeighbourhoodResponse,
  ReleaseTrainRequest,
  ReleaseTrainResponse,
} from '../api';
import { graphFilterQuery } from '../graphFilterQuery';
import { DependencyMapApiClient } from '../schema/openapi.generated';

/** What the client needs to reach the backend; Backstage's `discoveryApiRef` and `fetchApiRef` fit. */
export type DependencyMapClientOptions = PluginClientOptions;

/** The dependency-map API, for frontends and tests that want to mock it. */
export interface DependencyMapApi {
  getNeighbourhood(query: NeighbourhoodQuery): Promise<NeighbourhoodResponse>;
  getBusinessProcessGraph(
    query: BusinessProcessGraphQuery,
  ): Promise<BusinessProcessGraphResponse>;
  getEstate(query?: EstateQuery): Promise<EstateResponse>;
  getImpact(query: ImpactQuery): Promise<ImpactResponse>;
  getDeployOrder(query?: DeployOrderQuery): Promise<DeployOrderResponse>;
  planReleaseTrain(request: ReleaseTrainRequest): Promise<ReleaseTrainResponse>;
  getStatus(): Promise<DependencyMapStatus>;
}

/** The path parameters of a full or short ref (kind defaults to component), lower-cased. */
function entityParams(entityRef: string) {
  const { kind, namespace, name } = parseEntityRef(entityRef, {
    defaultKind: 'component',
  });
  return { kind, namespace, name };
}

/** `/entities/{kind}/{namespace}/{name}` of a full or short ref (kind defaults to component), lower-cased. */
export function entityPath(entityRef: string): string {
  const { kind, namespace, name } = entityParams(entityRef);
  return `/entities/${[kind, namespace, name]
    .map(encodeURIComponent)
    .join('/')}`;
}

/**
 * A typed client of the dependency-map backend (`/api/dependency-map`), for browsers and Node:
 * the generated client of its spec, taking each view's lists as a `GraphFilter` and entities as
 * refs. Each view is one request. Every method throws a `ResponseError` on a non-2xx answer; its
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
  private readonly api: DependencyMapApiClient;

  constructor(options: DependencyMapClientOptions) {
    this.api = new DependencyMapApiClient(options);
  }

  /** `GET /entities/{kind}/{namespace}/{name}/neighbourhood`. */
  getNeighbourhood(query: NeighbourhoodQuery) {
    const { entityRef, depth, direction, maxNodes, ...filter } = query;
    return this.api.getNeighbourhood({
      path: entityParams(entityRef),
      query: { depth, direction, maxNodes, ...graphFilterQuery(filter) },
    });
  }

  /** `GET /business-processes/{process}`. */
  getBusinessProcessGraph(query: BusinessProcessGraphQuery) {
    const { process, maxNodes, businessProcesses: _ignored, ...filter } = query;
    const { businessProcess: _none, ...lists } = graphFilterQuery(filter);
    return this.api.getBusinessProcessGraph({
      path: { process },
      query: { maxNodes, ...lists },
    });
  }

  /** `GET /estate`. */
  getEstate(query: EstateQuery = {}) {
    const { maxNodes, ...filter } = query;
    return this.api.getEstate({
      query: { maxNodes, ...graphFilterQuery(filter) },
    });
  }

  /** `GET /entities/{kind}/{namespace}/{name}/impact`. */
  getImpact(query: ImpactQuery) {
    const { entityRef, maxDepth, limit, offset } = query;
    return this.api.getImpact({
      path: entityParams(entityRef),
      query: { maxDepth, limit, offset },
    });
  }

  /** `GET /deploy-order`, for some entities or (without any) every deployable. */
  getDeployOrder(query: DeployOrderQuery = {}) {
    return this.api.getDeployOrder({ query: { entityRef: query.entityRefs } });
  }

  /** `POST /release-train`. */
  planReleaseTrain(request: ReleaseTrainRequest) {
    return this.api.planReleaseTrain({ body: request });
  }

  /** `GET /status`. */
  getStatus() {
    return this.api.getGraphStatus();
  }
}
