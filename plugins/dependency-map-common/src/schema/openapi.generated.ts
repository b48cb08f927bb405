// Generated from plugins/dependency-map-backend/src/schema/openapi.yaml by `yarn openapi:generate`. Do not edit: change the spec.
/* eslint-disable */

import {
  commaJoined,
  jsonBody,
  PluginClientOptions,
  PluginHttpClient,
  QueryValue,
} from '@waybill/http-client';

export interface paths {
  '/estate': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The whole estate, filtered, with a node limit
     * @description Every node that passes the filters, in graph order, up to `maxNodes`; `truncated` is
     *     set and `totalNodes` says how many matched when the limit left some out. Edges are
     *     those between returned nodes, with `inCycle` on dependency edges inside a cycle.
     *
     *     ```sh
     *     curl -H "Authorization: Bearer $TOKEN" \
     *       "$BACKEND/api/dependency-map/estate?kind=component&relation=dependsOn,usesApi&maxNodes=2000"
     *     ```
     */
    get: operations['getEstate'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/business-processes/{process}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A business process's graph
     * @description The entities that take part in the process (through their business-processes
     *     annotation, `WAYBILL_ANNOTATIONS.businessProcesses`) and the edges between them, filtered and
     *     limited like the estate. An unknown process is a 404 listing the known ones.
     */
    get: operations['getBusinessProcessGraph'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/entities/{kind}/{namespace}/{name}/neighbourhood': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The neighbourhood of an entity
     * @description Breadth first from the entity to `depth` hops, `upstream` (what it needs),
     *     `downstream` (what needs it) or `both`, through nodes that pass the filters (the entity
     *     itself is always kept), stopping at `maxNodes` with `truncated` set. Each node carries
     *     its `distance` from the entity.
     *
     *     ```sh
     *     curl -H "Authorization: Bearer $TOKEN" \
     *       "$BACKEND/api/dependency-map/entities/component/default/inventory/neighbourhood?depth=2&direction=downstream"
     *     ```
     */
    get: operations['getNeighbourhood'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/entities/{kind}/{namespace}/{name}/impact': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The blast radius of changing an entity
     * @description Everything that depends on the entity, transitively (along `dependsOn`, `usesApi`,
     *     `subscribesTo`, `consumesApi` and `apiProvidedBy`, against their direction), nearest
     *     first with the distance and the neighbour it came through; the business processes
     *     those entities (and the entity itself, at distance 0) take part in; and the tenants
     *     served by any of them.
     *
     *     The affected entities are paged: sorted by distance, then entity ref, the answer holds
     *     `limit` of them from `offset`, `total` counts them all, and `truncated` says that more
     *     lie past this page (ask again with `offset` + `limit`). The business processes, with
     *     `entityCount`, and `tenantCount` are counted over every affected entity, not the page;
     *     `tenants` lists the nearest `limit` of them.
     *
     *     ```sh
     *     curl -H "Authorization: Bearer $TOKEN" \
     *       "$BACKEND/api/dependency-map/entities/component/default/inventory/impact?limit=100&offset=0"
     *     ```
     */
    get: operations['getImpact'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/deploy-order': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Deploy stages for a set of entities or the whole estate
     * @description Providers first, as deploy stages whose members may deploy in parallel; the members of
     *     a dependency cycle share a stage and the cycle is named as a blocker. Without
     *     `entityRef`, every deployable (Components, and Resources that are not tenants) is
     *     ordered. With it, only those entities are, and dependencies through entities outside
     *     the set still hold.
     *
     *     ```sh
     *     curl -H "Authorization: Bearer $TOKEN" \
     *       "$BACKEND/api/dependency-map/deploy-order?entityRef=sales,inventory,customer-portal"
     *     ```
     */
    get: operations['getDeployOrder'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/release-train': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Plan a release train
     * @description Given (entity, version) changes, the safe sequence and deploy stages (providers first;
     *     an API change is the contract version its provider will expose and goes live with that
     *     provider), the cycles among the changes that prevent a strict order, the API
     *     requirements the train leaves unmet, and the consumers that would break if they went
     *     out before what they need. Changes nothing: it is a plan.
     *
     *     A bad change does not fail the plan: a ref that cannot be read as a ref or is not in the
     *     graph (or is hidden from the caller: the same words), a ref listed again (the first
     *     listing is planned) and an API version that is not semver are answered in `rejected`,
     *     each with its position in the request and why, and the other changes are planned as if
     *     it were not there; the train is then not `safe`. Only a request that is malformed as a
     *     whole (no changes, more than 500, a change without a ref or version) is a 400.
     *
     *     ```sh
     *     curl -X POST -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
     *       -d '{"changes":[{"entityRef":"api:pricing-api","version":"3.0.0"},{"entityRef":"pricing-api","version":"3.0.0"},{"entityRef":"customer-portal","version":"5.0.0"}]}' \
     *       "$BACKEND/api/dependency-map/release-train"
     *     ```
     */
    post: operations['planReleaseTrain'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/status': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The in-memory graph and what building it cost
     * @description Whether the graph is ready, the build being served (size, catalog entities, catalog
     *     requests made, page size, duration, cycles, whether `dependencyMap.maxNodes` cut it
     *     short), full builds and incremental patches since startup, catalog requests made by
     *     all of them, an estimate of the graph's size in memory, and the last build's error if
     *     it failed. Does not wait for the first build.
     */
    get: operations['getGraphStatus'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    /** @description The Backstage error body. */
    ErrorResponse: {
      /** @description The serialized error; other fields of the error may be present. */
      error: {
        /** @description e.g. `InputError`, `AuthenticationError`, `NotAllowedError`, `NotFoundError`, `ServiceUnavailableError`. */
        name: string;
        /** @description What went wrong, in words. */
        message: string;
        stack?: string;
        code?: string;
      } & {
        [key: string]: unknown;
      };
      request?: {
        method: string;
        url: string;
      };
      response?: {
        statusCode: number;
      };
    };
    /**
     * @description A lowercase entity ref, `kind:namespace/name`.
     * @example component:default/inventory
     */
    EntityRef: string;
    /**
     * @description The kind of an edge, reading "source *type* target": `dependsOn` (spec.dependsOn),
     *     `usesApi` (consumes a request/response API the target provides), `subscribesTo` (the
     *     same through an event API), `consumesApi` (component → API), `apiProvidedBy` (API →
     *     provider), `servedBy` (tenant → deployable), `partOf` (→ system, domain or parent).
     * @enum {string}
     */
    EdgeType:
      | 'dependsOn'
      | 'usesApi'
      | 'subscribesTo'
      | 'consumesApi'
      | 'apiProvidedBy'
      | 'servedBy'
      | 'partOf';
    /**
     * @description `upstream`: what the entity needs; `downstream`: what needs it; `both`.
     * @enum {string}
     */
    Direction: 'upstream' | 'downstream' | 'both';
    /** @description The labels that place a tenant on the rollout axes. */
    TenantLabels: {
      segment?: string;
      region?: string;
      tier?: string;
      cloud?: string;
      tenancy?: string;
      timezone?: string;
    };
    /** @description One entry of a consumer's API requirements (`WAYBILL_ANNOTATIONS.apiRequirements`). */
    ApiRequirement: {
      apiRef: components['schemas']['EntityRef'];
      /** @example ^3.0.0 */
      range: string;
    };
    /** @description A catalog entity in the graph; in neighbourhoods, with its distance from the focus. */
    DependencyNode: {
      ref: components['schemas']['EntityRef'];
      kind: string;
      namespace: string;
      name: string;
      /** @description `spec.type`. */
      type?: string;
      title: string;
      owner?: components['schemas']['EntityRef'];
      system?: components['schemas']['EntityRef'];
      /** @description Business-process Domain refs. */
      businessProcesses: components['schemas']['EntityRef'][];
      tier?: string;
      lifecycle?: string;
      /** @description For APIs, the version they declare (`WAYBILL_ANNOTATIONS.apiVersion`). */
      apiVersion?: string;
      apiRequirements?: components['schemas']['ApiRequirement'][];
      tenant?: components['schemas']['TenantLabels'];
      /** @description Only referenced by an edge; not among the entities read. */
      missing?: boolean;
      /** @description In neighbourhoods, hops from the focus entity. */
      distance?: number;
    };
    DependencyEdge: {
      source: components['schemas']['EntityRef'];
      target: components['schemas']['EntityRef'];
      type: components['schemas']['EdgeType'];
      /** @description For `usesApi` and `subscribesTo`, the APIs the source consumes from the target. */
      apis?: components['schemas']['EntityRef'][];
      /** @description Set on dependency edges whose ends are in one dependency cycle. */
      inCycle?: boolean;
    };
    BusinessProcess: {
      ref: components['schemas']['EntityRef'];
      name: string;
      title: string;
      description?: string;
      criticality?: string;
      owner?: components['schemas']['EntityRef'];
      /** @description Named by entities but declared by no Domain of type business-process. */
      missing?: boolean;
    };
    /** @description The graph a view was answered from. */
    GraphSummary: {
      /** Format: date-time */
      builtAt: string;
      nodeCount: number;
      edgeCount: number;
      /** @description Entities of the mapped kinds in the catalog at build time. */
      catalogEntities: number;
      /** @description `dependencyMap.maxNodes`. */
      maxNodes: number;
      /** @description The catalog held more than `maxNodes` entities; the graph keeps only the first. */
      truncated: boolean;
      /** @description Set when `truncated`, saying so for people. */
      message?: string;
    };
    EstateResponse: {
      nodes: components['schemas']['DependencyNode'][];
      edges: components['schemas']['DependencyEdge'][];
      /** @description The node limit left out nodes that matched. */
      truncated: boolean;
      /** @description Nodes that matched the filters before the limit. */
      totalNodes: number;
      processes: components['schemas']['BusinessProcess'][];
      /** Format: date-time */
      builtAt: string;
      graph: components['schemas']['GraphSummary'];
    };
    BusinessProcessGraphResponse: {
      process: components['schemas']['BusinessProcess'];
      nodes: components['schemas']['DependencyNode'][];
      edges: components['schemas']['DependencyEdge'][];
      truncated: boolean;
      graph: components['schemas']['GraphSummary'];
    };
    NeighbourhoodResponse: {
      entityRef: components['schemas']['EntityRef'];
      depth: number;
      direction: components['schemas']['Direction'];
      /** @description The focus entity first, then breadth first. */
      nodes: components['schemas']['DependencyNode'][];
      edges: components['schemas']['DependencyEdge'][];
      truncated: boolean;
      graph: components['schemas']['GraphSummary'];
    };
    ImpactedEntity: {
      entityRef: components['schemas']['EntityRef'];
      kind: string;
      type?: string;
      title: string;
      distance: number;
      via: components['schemas']['EntityRef'];
    };
    ImpactedBusinessProcess: {
      ref: components['schemas']['EntityRef'];
      name: string;
      title: string;
      criticality?: string;
      /** @description The nearest of the changed and affected entities that take part in it, at most 20. */
      entityRefs: components['schemas']['EntityRef'][];
      /** @description All the changed and affected entities that take part in it. */
      entityCount: number;
      distance: number;
    };
    ImpactedTenant: {
      entityRef: components['schemas']['EntityRef'];
      title: string;
      labels: components['schemas']['TenantLabels'];
      servedBy: components['schemas']['EntityRef'][];
      distance: number;
    };
    ImpactResponse: {
      entityRefs: components['schemas']['EntityRef'][];
      /**
       * @description One page of everything that depends on the entity, transitively (tenants excluded),
       *     by distance, then entity ref.
       */
      affected: components['schemas']['ImpactedEntity'][];
      /** @description Every affected entity, on this page or not. */
      total: number;
      offset: number;
      limit: number;
      /** @description More affected entities lie past this page (`offset` + `affected.length` < `total`). */
      truncated: boolean;
      /** @description `maxDepth` stopped the search before it ran out of consumers. */
      depthTruncated: boolean;
      /** @description Every business process the change reaches, counted over all affected entities. */
      businessProcesses: components['schemas']['ImpactedBusinessProcess'][];
      /** @description The nearest `limit` tenants served by the entity or anything affected, by distance, then entity ref. */
      tenants: components['schemas']['ImpactedTenant'][];
      /** @description Every tenant served by the entity or anything affected. */
      tenantCount: number;
      graph: components['schemas']['GraphSummary'];
    };
    DependencyCycle: {
      members: components['schemas']['EntityRef'][];
      edges: components['schemas']['DependencyEdge'][];
      /** @description Edges whose removal breaks every cycle among the members. */
      closingEdges: components['schemas']['DependencyEdge'][];
    };
    DeployBlocker: {
      cycle: components['schemas']['DependencyCycle'];
      entityRefs: components['schemas']['EntityRef'][];
      stage: number;
      message: string;
    };
    DeployStage: {
      index: number;
      entityRefs: components['schemas']['EntityRef'][];
      /** @description Indices into `blockers`. */
      blockers: number[];
    };
    DeployOrderResponse: {
      stages: components['schemas']['DeployStage'][];
      sequence: components['schemas']['EntityRef'][];
      blockers: components['schemas']['DeployBlocker'][];
      graph: components['schemas']['GraphSummary'];
    };
    ReleaseTrainRequest: {
      changes: {
        /** @description A Component or Resource (a release) or an API (the contract version its provider will expose); white space around it is ignored. */
        entityRef: string;
        /** @description White space around it is ignored. */
        version: string;
      }[];
    };
    PlannedChange: {
      entityRef: components['schemas']['EntityRef'];
      kind: string;
      type?: string;
      title: string;
      version: string;
      /** @description For APIs, the version before the train. */
      currentVersion?: string;
      stage: number;
      /** @description For APIs, the providers whose deployment makes the new version live. */
      ridesWith?: components['schemas']['EntityRef'][];
      /**
       * @description For changes other than APIs, how many tenants it serves (tenants whose
       *     `spec.dependsOn` names it): those a tenant rollout of the release goes to.
       */
      tenants?: number;
    };
    /** @description A change of the request that could not be planned, and why. */
    RejectedChange: {
      /** @description Its position in the request's `changes` (0 first). */
      index: number;
      /** @description The ref as sent (without the white space around it). */
      entityRef: string;
      version: string;
      /**
       * @description `unreadable-ref`: not an entity ref; `unknown-entity`: not in the graph the caller
       *     sees; `duplicate`: the entity is listed earlier in the request; `invalid-version`:
       *     an API version that is not semver x.y.z.
       * @enum {string}
       */
      reason:
        | 'unreadable-ref'
        | 'unknown-entity'
        | 'duplicate'
        | 'invalid-version';
      /** @description Why, in words. */
      message: string;
    };
    ReleaseTrainStage: {
      index: number;
      changes: components['schemas']['PlannedChange'][];
      blockers: number[];
    };
    ApiCompatibility: {
      consumer: components['schemas']['EntityRef'];
      api: components['schemas']['EntityRef'];
      providers: components['schemas']['EntityRef'][];
      range: string;
      version?: string;
      /** @enum {string} */
      versionSource?: 'train' | 'current';
      /** @enum {string} */
      status:
        | 'compatible'
        | 'incompatible'
        | 'unknown-version'
        | 'invalid-version'
        | 'invalid-range'
        | 'unknown-api';
      message: string;
    };
    PrematureConsumer: {
      consumer: components['schemas']['EntityRef'];
      needs: components['schemas']['EntityRef'];
      /** @enum {string} */
      reason: 'needs-new-api-version' | 'listed-before-provider';
      api?: components['schemas']['EntityRef'];
      range?: string;
      message: string;
    };
    ReleaseTrainResponse: {
      /** @description The planned changes in request order, each with its stage. */
      changes: components['schemas']['PlannedChange'][];
      sequence: components['schemas']['EntityRef'][];
      stages: components['schemas']['ReleaseTrainStage'][];
      blockers: components['schemas']['DeployBlocker'][];
      incompatibilities: components['schemas']['ApiCompatibility'][];
      prematureConsumers: components['schemas']['PrematureConsumer'][];
      /** @description The changes that could not be planned, in request order; the others are planned without them. */
      rejected: components['schemas']['RejectedChange'][];
      /** @description Neither blockers nor incompatibilities, and every change planned. */
      safe: boolean;
      graph: components['schemas']['GraphSummary'];
    };
    GraphBuild: {
      /** Format: date-time */
      builtAt: string;
      nodeCount: number;
      edgeCount: number;
      catalogEntities: number;
      maxNodes: number;
      truncated: boolean;
      message?: string;
      entitiesRead: number;
      /** @description Catalog requests this build made, one per page. */
      catalogRequests: number;
      pageSize: number;
      durationMs: number;
      warningCount: number;
      cycleCount: number;
      /** @enum {string} */
      trigger: 'schedule' | 'request' | 'event' | 'manual';
      /**
       * @description `full`: the whole estate read from the catalog. `incremental`: a patch of the
       *     previous graph for a catalog-change event naming its entities (`trigger` is then
       *     `event`); `entitiesRead`, `catalogRequests` and `durationMs` are the patch's own, from
       *     the event to the patched graph being served.
       * @enum {string}
       */
      kind: 'full' | 'incremental';
    };
    GraphStatus: {
      ready: boolean;
      building: boolean;
      current?: components['schemas']['GraphBuild'];
      /** @description Full builds since startup. */
      builds: number;
      /** @description Incremental patches since startup (catalog-change events naming their entities). */
      patches: number;
      /**
       * @description Estimated bytes the served graph keeps in memory (nodes, edges, the entities kept
       *     for patching, and the indexes): its counts times per-item costs measured on the V8
       *     heap (see the plugin's README). Absent before the first build.
       */
      memoryBytes?: number;
      catalogRequestsTotal: number;
      lastError?: {
        /** Format: date-time */
        at: string;
        message: string;
      };
    };
  };
  responses: {
    /**
     * @description The request is invalid; `error.message` names each bad parameter (`request/query/depth
     *     must be <= 20`), a ref that cannot be read, a version that is not semver or a ref
     *     listed twice.
     */
    BadRequest: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['ErrorResponse'];
      };
    };
    /** @description No valid user or service token. */
    Unauthorized: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['ErrorResponse'];
      };
    };
    /** @description The caller lacks `dependency-map.graph.read`. */
    Forbidden: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['ErrorResponse'];
      };
    };
    /** @description An entity ref or business process that is not in the graph; `error.message` names every one. */
    NotFound: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['ErrorResponse'];
      };
    };
    /** @description The body is larger than 256 KiB. */
    PayloadTooLarge: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['ErrorResponse'];
      };
    };
    /** @description The first build of the graph failed (the catalog could not be read); the next request tries again. */
    GraphUnavailable: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['ErrorResponse'];
      };
    };
  };
  parameters: {
    /**
     * @description The entity's kind, e.g. `component`; compared case-insensitively.
     * @example component
     */
    Kind: string;
    /**
     * @description The entity's namespace, usually `default`.
     * @example default
     */
    Namespace: string;
    /**
     * @description The entity's name.
     * @example inventory
     */
    Name: string;
    /**
     * @description A business process's name (`order-to-cash`) or its Domain ref, URL-encoded (`domain%3Adefault%2Forder-to-cash`).
     * @example order-to-cash
     */
    Process: string;
    /** @description Only nodes of these kinds (`component`, `api`, `resource`, `system`, `domain`), case-insensitive. */
    KindFilter: string[];
    /** @description Only nodes of these `spec.type`s (`erp-module`, `integration`, `openapi`, `tenant`, ...). */
    TypeFilter: string[];
    /** @description Only nodes owned by these groups, as refs or names (`warehouse-systems`). */
    OwnerFilter: string[];
    /** @description Only nodes taking part in one of these business processes, as names or Domain refs. */
    BusinessProcessFilter: string[];
    /** @description Only edges of these types are walked and returned; default all. */
    RelationFilter: components['schemas']['EdgeType'][];
    /** @description Most nodes returned, 1 to 10000. Default 500. */
    MaxNodes: number;
  };
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
  getEstate: {
    parameters: {
      query?: {
        /** @description Only nodes of these kinds (`component`, `api`, `resource`, `system`, `domain`), case-insensitive. */
        kind?: components['parameters']['KindFilter'];
        /** @description Only nodes of these `spec.type`s (`erp-module`, `integration`, `openapi`, `tenant`, ...). */
        type?: components['parameters']['TypeFilter'];
        /** @description Only nodes owned by these groups, as refs or names (`warehouse-systems`). */
        owner?: components['parameters']['OwnerFilter'];
        /** @description Only nodes taking part in one of these business processes, as names or Domain refs. */
        businessProcess?: components['parameters']['BusinessProcessFilter'];
        /** @description Only edges of these types are walked and returned; default all. */
        relation?: components['parameters']['RelationFilter'];
        /** @description Most nodes returned, 1 to 10000. Default 500. */
        maxNodes?: components['parameters']['MaxNodes'];
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The estate's graph. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['EstateResponse'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      503: components['responses']['GraphUnavailable'];
    };
  };
  getBusinessProcessGraph: {
    parameters: {
      query?: {
        /** @description Only nodes of these kinds (`component`, `api`, `resource`, `system`, `domain`), case-insensitive. */
        kind?: components['parameters']['KindFilter'];
        /** @description Only nodes of these `spec.type`s (`erp-module`, `integration`, `openapi`, `tenant`, ...). */
        type?: components['parameters']['TypeFilter'];
        /** @description Only nodes owned by these groups, as refs or names (`warehouse-systems`). */
        owner?: components['parameters']['OwnerFilter'];
        /** @description Only edges of these types are walked and returned; default all. */
        relation?: components['parameters']['RelationFilter'];
        /** @description Most nodes returned, 1 to 10000. Default 500. */
        maxNodes?: components['parameters']['MaxNodes'];
      };
      header?: never;
      path: {
        /**
         * @description A business process's name (`order-to-cash`) or its Domain ref, URL-encoded (`domain%3Adefault%2Forder-to-cash`).
         * @example order-to-cash
         */
        process: components['parameters']['Process'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The process's graph. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['BusinessProcessGraphResponse'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      503: components['responses']['GraphUnavailable'];
    };
  };
  getNeighbourhood: {
    parameters: {
      query?: {
        /** @description Hops from the entity, 0 to 20. Default 2. */
        depth?: number;
        /** @description Which way to walk. Default `both`. */
        direction?: components['schemas']['Direction'];
        /** @description Only nodes of these kinds (`component`, `api`, `resource`, `system`, `domain`), case-insensitive. */
        kind?: components['parameters']['KindFilter'];
        /** @description Only nodes of these `spec.type`s (`erp-module`, `integration`, `openapi`, `tenant`, ...). */
        type?: components['parameters']['TypeFilter'];
        /** @description Only nodes owned by these groups, as refs or names (`warehouse-systems`). */
        owner?: components['parameters']['OwnerFilter'];
        /** @description Only nodes taking part in one of these business processes, as names or Domain refs. */
        businessProcess?: components['parameters']['BusinessProcessFilter'];
        /** @description Only edges of these types are walked and returned; default all. */
        relation?: components['parameters']['RelationFilter'];
        /** @description Most nodes returned, 1 to 10000. Default 500. */
        maxNodes?: components['parameters']['MaxNodes'];
      };
      header?: never;
      path: {
        /**
         * @description The entity's kind, e.g. `component`; compared case-insensitively.
         * @example component
         */
        kind: components['parameters']['Kind'];
        /**
         * @description The entity's namespace, usually `default`.
         * @example default
         */
        namespace: components['parameters']['Namespace'];
        /**
         * @description The entity's name.
         * @example inventory
         */
        name: components['parameters']['Name'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The neighbourhood. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['NeighbourhoodResponse'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      503: components['responses']['GraphUnavailable'];
    };
  };
  getImpact: {
    parameters: {
      query?: {
        /** @description Stop this many hops from the entity; `depthTruncated` says whether that cut the search short. Default unlimited. */
        maxDepth?: number;
        /** @description Most affected entities (and tenants) in the answer, 1 to 5000. Default 500. */
        limit?: number;
        /** @description Affected entities to skip, in the answer's order (distance, then entity ref). Default 0. */
        offset?: number;
      };
      header?: never;
      path: {
        /**
         * @description The entity's kind, e.g. `component`; compared case-insensitively.
         * @example component
         */
        kind: components['parameters']['Kind'];
        /**
         * @description The entity's namespace, usually `default`.
         * @example default
         */
        namespace: components['parameters']['Namespace'];
        /**
         * @description The entity's name.
         * @example inventory
         */
        name: components['parameters']['Name'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The blast radius. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ImpactResponse'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      503: components['responses']['GraphUnavailable'];
    };
  };
  getDeployOrder: {
    parameters: {
      query?: {
        /** @description The entities to order (at most 10000); default every deployable. */
        entityRef?: string[];
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The deploy order. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DeployOrderResponse'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      503: components['responses']['GraphUnavailable'];
    };
  };
  planReleaseTrain: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ReleaseTrainRequest'];
      };
    };
    responses: {
      /** @description The plan. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ReleaseTrainResponse'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      413: components['responses']['PayloadTooLarge'];
      503: components['responses']['GraphUnavailable'];
    };
  };
  getGraphStatus: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The status. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['GraphStatus'];
        };
      };
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
    };
  };
}

/** The values of the spec's `EdgeType`, in its order. */
export const EdgeTypeValues = [
  'dependsOn',
  'usesApi',
  'subscribesTo',
  'consumesApi',
  'apiProvidedBy',
  'servedBy',
  'partOf',
] as const satisfies readonly components['schemas']['EdgeType'][];

/** The values of the spec's `Direction`, in its order. */
export const DirectionValues = [
  'upstream',
  'downstream',
  'both',
] as const satisfies readonly components['schemas']['Direction'][];

type JsonOf<T> = T extends { content: { 'application/json': infer B } }
  ? B
  : never;
/** The JSON body of an operation's 2xx answer. */
export type ResponseOf<Op> = Op extends { responses: infer R }
  ? JsonOf<R[Extract<keyof R, 200 | 201 | 202>]>
  : never;
/** The JSON request body of an operation. */
export type BodyOf<Op> = Op extends { requestBody?: infer B }
  ? JsonOf<NonNullable<B>>
  : never;
/** The path parameters of an operation. */
export type PathOf<Op> = Op extends { parameters: { path: infer P } }
  ? P
  : never;
/** The query parameters of an operation. */
export type QueryOf<Op> = Op extends { parameters: { query?: infer Q } }
  ? NonNullable<Q>
  : never;
/** A query as the validating router hands it on: the parameters with a default are present. */
export type WithDefaults<Q, K extends keyof Q> = Q & Required<Pick<Q, K>>;

/** The API's schemas, by name. */
export type DependencyMapSchemas = components['schemas'];

/** The API's operations, by operationId. */
export type DependencyMapOperations = operations;

/** Every endpoint of the API as `@backstage/backend-openapi-utils`'s typed router reads it. */
export type DependencyMapEndpointMap = {
  '#get|/estate': {
    response: ResponseOf<operations['getEstate']>;
    query: WithDefaults<QueryOf<operations['getEstate']>, 'maxNodes'>;
  };
  '#get|/business-processes/{process}': {
    response: ResponseOf<operations['getBusinessProcessGraph']>;
    path: PathOf<operations['getBusinessProcessGraph']>;
    query: WithDefaults<
      QueryOf<operations['getBusinessProcessGraph']>,
      'maxNodes'
    >;
  };
  '#get|/entities/{kind}/{namespace}/{name}/neighbourhood': {
    response: ResponseOf<operations['getNeighbourhood']>;
    path: PathOf<operations['getNeighbourhood']>;
    query: WithDefaults<
      QueryOf<operations['getNeighbourhood']>,
      'depth' | 'maxNodes'
    >;
  };
  '#get|/entities/{kind}/{namespace}/{name}/impact': {
    response: ResponseOf<operations['getImpact']>;
    path: PathOf<operations['getImpact']>;
    query: WithDefaults<QueryOf<operations['getImpact']>, 'limit' | 'offset'>;
  };
  '#get|/deploy-order': {
    response: ResponseOf<operations['getDeployOrder']>;
    query: QueryOf<operations['getDeployOrder']>;
  };
  '#post|/release-train': {
    response: ResponseOf<operations['planReleaseTrain']>;
    body: BodyOf<operations['planReleaseTrain']>;
  };
  '#get|/status': { response: ResponseOf<operations['getGraphStatus']> };
};

/**
 * The typed client of the dependency-map backend, one method per operation of its spec. A
 * non-2xx answer throws a ResponseError carrying the server's reason.
 */
export class DependencyMapApiClient {
  private readonly http: PluginHttpClient;

  constructor(options: PluginClientOptions) {
    this.http = new PluginHttpClient('dependency-map', options);
  }

  /** The whole estate, filtered, with a node limit (`GET /estate`). */
  getEstate(
    request: { query?: QueryOf<operations['getEstate']> } = {},
  ): Promise<ResponseOf<operations['getEstate']>> {
    return this.http.json<ResponseOf<operations['getEstate']>>(
      `/estate`,
      { method: 'GET' },
      commaJoined(request.query as Record<string, QueryValue> | undefined, [
        'kind',
        'type',
        'owner',
        'businessProcess',
        'relation',
      ]),
    );
  }

  /** A business process's graph (`GET /business-processes/{process}`). */
  getBusinessProcessGraph(request: {
    path: PathOf<operations['getBusinessProcessGraph']>;
    query?: QueryOf<operations['getBusinessProcessGraph']>;
  }): Promise<ResponseOf<operations['getBusinessProcessGraph']>> {
    return this.http.json<ResponseOf<operations['getBusinessProcessGraph']>>(
      `/business-processes/${encodeURIComponent(String(request.path.process))}`,
      { method: 'GET' },
      commaJoined(request.query as Record<string, QueryValue> | undefined, [
        'kind',
        'type',
        'owner',
        'relation',
      ]),
    );
  }

  /** The neighbourhood of an entity (`GET /entities/{kind}/{namespace}/{name}/neighbourhood`). */
  getNeighbourhood(request: {
    path: PathOf<operations['getNeighbourhood']>;
    query?: QueryOf<operations['getNeighbourhood']>;
  }): Promise<ResponseOf<operations['getNeighbourhood']>> {
    return this.http.json<ResponseOf<operations['getNeighbourhood']>>(
      `/entities/${encodeURIComponent(
        String(request.path.kind),
      )}/${encodeURIComponent(
        String(request.path.namespace),
      )}/${encodeURIComponent(String(request.path.name))}/neighbourhood`,
      { method: 'GET' },
      commaJoined(request.query as Record<string, QueryValue> | undefined, [
        'kind',
        'type',
        'owner',
        'businessProcess',
        'relation',
      ]),
    );
  }

  /** The blast radius of changing an entity (`GET /entities/{kind}/{namespace}/{name}/impact`). */
  getImpact(request: {
    path: PathOf<operations['getImpact']>;
    query?: QueryOf<operations['getImpact']>;
  }): Promise<ResponseOf<operations['getImpact']>> {
    return this.http.json<ResponseOf<operations['getImpact']>>(
      `/entities/${encodeURIComponent(
        String(request.path.kind),
      )}/${encodeURIComponent(
        String(request.path.namespace),
      )}/${encodeURIComponent(String(request.path.name))}/impact`,
      { method: 'GET' },
      request.query as Record<string, QueryValue> | undefined,
    );
  }

  /** Deploy stages for a set of entities or the whole estate (`GET /deploy-order`). */
  getDeployOrder(
    request: { query?: QueryOf<operations['getDeployOrder']> } = {},
  ): Promise<ResponseOf<operations['getDeployOrder']>> {
    return this.http.json<ResponseOf<operations['getDeployOrder']>>(
      `/deploy-order`,
      { method: 'GET' },
      commaJoined(request.query as Record<string, QueryValue> | undefined, [
        'entityRef',
      ]),
    );
  }

  /** Plan a release train (`POST /release-train`). */
  planReleaseTrain(request: {
    body: BodyOf<operations['planReleaseTrain']>;
  }): Promise<ResponseOf<operations['planReleaseTrain']>> {
    return this.http.json<ResponseOf<operations['planReleaseTrain']>>(
      `/release-train`,
      jsonBody('POST', request.body),
    );
  }

  /** The in-memory graph and what building it cost (`GET /status`). */
  getGraphStatus(
    _request: Record<string, never> = {},
  ): Promise<ResponseOf<operations['getGraphStatus']>> {
    return this.http.json<ResponseOf<operations['getGraphStatus']>>(`/status`, {
      method: 'GET',
    });
  }
}
