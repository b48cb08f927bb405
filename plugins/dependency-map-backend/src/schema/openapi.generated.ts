// Generated from plugins/dependency-map-backend/src/schema/openapi.yaml by `yarn openapi:generate`. Do not edit: change the spec.
/* eslint-disable */

import { createValidatedOpenApiRouterFromGeneratedEndpointMap } from '@backstage/backend-openapi-utils';
import type { DependencyMapEndpointMap } from '@waybill/plugin-dependency-map-common';

/** The spec the router validates requests against, its paths relative to the router. */
export const spec = {
  openapi: '3.0.3',
  info: {
    title: 'Waybill dependency maps',
    version: '0.1.0',
    license: {
      name: 'Apache-2.0',
      url: 'https://www.apache.org/licenses/LICENSE-2.0',
    },
    description:
      'The HTTP API of `@waybill/plugin-dependency-map-backend`, mounted at `/api/dependency-map`\non the Backstage backend.\n\nThe backend builds one dependency graph of the estate from the catalog (Components, APIs,\nResources, Systems and Domains, read in pages) and keeps it in memory, rebuilt on a schedule\nand, where configured, on catalog-change events. Each view is one request answered from\nthat graph: the neighbourhood of an entity, a business process\'s graph, the whole estate,\nthe blast radius of a change, deploy stages and release-train plans. The graph model, the\nalgorithms and the request and response types are those of\n`@waybill/plugin-dependency-map-common`.\n\nEdges read "source *type* target"; for dependency types the source needs the target (the\ntarget is the provider: it deploys first, and a change to it can break the source).\n\nEvery view response carries `graph`: when the graph was built, its size, and `truncated`\nwith a `message` when the catalog held more entities than `dependencyMap.maxNodes` and the\ngraph keeps only the first (views may then miss entities and edges). A request that arrives\nbefore the first build waits for it.\n\nEvery route needs a Backstage token of a user or a service and the permission\n`dependency-map.graph.read` (each operation\'s `x-permission`), checked before anything about\nthe request is: a caller without it gets 403, not a 400 about its input.\n\nA user sees only the entities the catalog lets them read: the permission framework is asked\nabout `catalog.entity.read` with their credentials, and under a conditional decision the\ncatalog says, with those credentials, which of the graph\'s entities they may read. Every\nview is then answered from the graph without the others: their nodes, business processes\nand every edge with an end among them are gone, as are the refs other nodes carry to them\n(`system`, `businessProcesses`, `apiRequirements`, an edge\'s `apis`; an API-mediated edge\nwhose APIs are all hidden goes). Paths through a hidden entity are cut, not bridged, so\nneighbourhoods, blast radius, deploy stages, cycles and release-train plans are those of the\ngraph the user sees. A hidden entity or business process is a 404, as for one not in the\ngraph (in a release train, a rejected change in the same words); `graph` and `/status` count what the user sees (`warningCount` 0). Nodes of refs the\ncatalog does not hold (`missing`) are left out too. Service principals see the whole graph.\n\nEntity refs in queries and bodies may be full (`component:default/inventory`) or short\n(`inventory`, `api:pricing-api`): the kind defaults to `component`, the namespace to\n`default`. A ref that is not in the graph gets 404 naming it (every one, when several are\nunknown); a ref that cannot be read as a ref gets 400. A release train is the exception: it\nplans the changes it can and lists the others in `rejected`.\n\nErrors have the Backstage error body, `{ "error": { "name", "message" }, "request",\n"response" }`. Requests are validated against this spec, and `error.message` names every\nbad parameter, e.g. `request/query/direction must be equal to one of the allowed values:\nupstream, downstream, both`. Query strings are strict: a parameter a route does not know is\na 400.\n\nList parameters (`kind`, `type`, `owner`, `businessProcess`, `relation`, `entityRef`) are\ncomma-separated (`?kind=component,api`), as the typed client sends them. A list parameter\nmay also be repeated (`?kind=component&kind=api`), and but for `relation` each of its values\nmay be comma-separated in turn. Values may carry `:` and `/` unencoded\n(`?owner=group:default/warehouse-systems`); an empty one (`?kind=`) is a 400. Lists are\nalternatives (any of); different parameters combine (all of).\n',
  },
  servers: [
    {
      url: '/',
    },
  ],
  security: [
    {
      bearerAuth: [],
    },
  ],
  tags: [
    {
      name: 'views',
      description: 'Parts of the graph to draw.',
    },
    {
      name: 'analysis',
      description: 'Blast radius, deploy order and release-train plans.',
    },
    {
      name: 'status',
      description: 'The in-memory graph itself.',
    },
  ],
  paths: {
    '/estate': {
      get: {
        operationId: 'getEstate',
        'x-permission': 'dependency-map.graph.read',
        tags: ['views'],
        summary: 'The whole estate, filtered, with a node limit',
        description:
          'Every node that passes the filters, in graph order, up to `maxNodes`; `truncated` is\nset and `totalNodes` says how many matched when the limit left some out. Edges are\nthose between returned nodes, with `inCycle` on dependency edges inside a cycle.\n\n```sh\ncurl -H "Authorization: Bearer $TOKEN" \\\n  "$BACKEND/api/dependency-map/estate?kind=component&relation=dependsOn,usesApi&maxNodes=2000"\n```\n',
        parameters: [
          {
            $ref: '#/components/parameters/KindFilter',
          },
          {
            $ref: '#/components/parameters/TypeFilter',
          },
          {
            $ref: '#/components/parameters/OwnerFilter',
          },
          {
            $ref: '#/components/parameters/BusinessProcessFilter',
          },
          {
            $ref: '#/components/parameters/RelationFilter',
          },
          {
            $ref: '#/components/parameters/MaxNodes',
          },
        ],
        responses: {
          '200': {
            description: "The estate's graph.",
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/EstateResponse',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/BadRequest',
          },
          '401': {
            $ref: '#/components/responses/Unauthorized',
          },
          '403': {
            $ref: '#/components/responses/Forbidden',
          },
          '503': {
            $ref: '#/components/responses/GraphUnavailable',
          },
        },
      },
    },
    '/business-processes/{process}': {
      get: {
        operationId: 'getBusinessProcessGraph',
        'x-permission': 'dependency-map.graph.read',
        tags: ['views'],
        summary: "A business process's graph",
        description:
          'The entities that take part in the process (through their business-processes\nannotation, `WAYBILL_ANNOTATIONS.businessProcesses`) and the edges between them, filtered and\nlimited like the estate. An unknown process is a 404 listing the known ones.\n',
        parameters: [
          {
            $ref: '#/components/parameters/Process',
          },
          {
            $ref: '#/components/parameters/KindFilter',
          },
          {
            $ref: '#/components/parameters/TypeFilter',
          },
          {
            $ref: '#/components/parameters/OwnerFilter',
          },
          {
            $ref: '#/components/parameters/RelationFilter',
          },
          {
            $ref: '#/components/parameters/MaxNodes',
          },
        ],
        responses: {
          '200': {
            description: "The process's graph.",
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/BusinessProcessGraphResponse',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/BadRequest',
          },
          '401': {
            $ref: '#/components/responses/Unauthorized',
          },
          '403': {
            $ref: '#/components/responses/Forbidden',
          },
          '404': {
            $ref: '#/components/responses/NotFound',
          },
          '503': {
            $ref: '#/components/responses/GraphUnavailable',
          },
        },
      },
    },
    '/entities/{kind}/{namespace}/{name}/neighbourhood': {
      get: {
        operationId: 'getNeighbourhood',
        'x-permission': 'dependency-map.graph.read',
        tags: ['views'],
        summary: 'The neighbourhood of an entity',
        description:
          'Breadth first from the entity to `depth` hops, `upstream` (what it needs),\n`downstream` (what needs it) or `both`, through nodes that pass the filters (the entity\nitself is always kept), stopping at `maxNodes` with `truncated` set. Each node carries\nits `distance` from the entity.\n\n```sh\ncurl -H "Authorization: Bearer $TOKEN" \\\n  "$BACKEND/api/dependency-map/entities/component/default/inventory/neighbourhood?depth=2&direction=downstream"\n```\n',
        parameters: [
          {
            $ref: '#/components/parameters/Kind',
          },
          {
            $ref: '#/components/parameters/Namespace',
          },
          {
            $ref: '#/components/parameters/Name',
          },
          {
            name: 'depth',
            in: 'query',
            description: 'Hops from the entity, 0 to 20. Default 2.',
            schema: {
              type: 'integer',
              minimum: 0,
              maximum: 20,
              default: 2,
            },
          },
          {
            name: 'direction',
            in: 'query',
            description: 'Which way to walk. Default `both`.',
            schema: {
              $ref: '#/components/schemas/Direction',
            },
          },
          {
            $ref: '#/components/parameters/KindFilter',
          },
          {
            $ref: '#/components/parameters/TypeFilter',
          },
          {
            $ref: '#/components/parameters/OwnerFilter',
          },
          {
            $ref: '#/components/parameters/BusinessProcessFilter',
          },
          {
            $ref: '#/components/parameters/RelationFilter',
          },
          {
            $ref: '#/components/parameters/MaxNodes',
          },
        ],
        responses: {
          '200': {
            description: 'The neighbourhood.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/NeighbourhoodResponse',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/BadRequest',
          },
          '401': {
            $ref: '#/components/responses/Unauthorized',
          },
          '403': {
            $ref: '#/components/responses/Forbidden',
          },
          '404': {
            $ref: '#/components/responses/NotFound',
          },
          '503': {
            $ref: '#/components/responses/GraphUnavailable',
          },
        },
      },
    },
    '/entities/{kind}/{namespace}/{name}/impact': {
      get: {
        operationId: 'getImpact',
        'x-permission': 'dependency-map.graph.read',
        tags: ['analysis'],
        summary: 'The blast radius of changing an entity',
        description:
          'Everything that depends on the entity, transitively (along `dependsOn`, `usesApi`,\n`subscribesTo`, `consumesApi` and `apiProvidedBy`, against their direction), nearest\nfirst with the distance and the neighbour it came through; the business processes\nthose entities (and the entity itself, at distance 0) take part in; and the tenants\nserved by any of them.\n\nThe affected entities are paged: sorted by distance, then entity ref, the answer holds\n`limit` of them from `offset`, `total` counts them all, and `truncated` says that more\nlie past this page (ask again with `offset` + `limit`). The business processes, with\n`entityCount`, and `tenantCount` are counted over every affected entity, not the page;\n`tenants` lists the nearest `limit` of them.\n\n```sh\ncurl -H "Authorization: Bearer $TOKEN" \\\n  "$BACKEND/api/dependency-map/entities/component/default/inventory/impact?limit=100&offset=0"\n```\n',
        parameters: [
          {
            $ref: '#/components/parameters/Kind',
          },
          {
            $ref: '#/components/parameters/Namespace',
          },
          {
            $ref: '#/components/parameters/Name',
          },
          {
            name: 'maxDepth',
            in: 'query',
            description:
              'Stop this many hops from the entity; `depthTruncated` says whether that cut the search short. Default unlimited.',
            schema: {
              type: 'integer',
              minimum: 1,
            },
          },
          {
            name: 'limit',
            in: 'query',
            description:
              'Most affected entities (and tenants) in the answer, 1 to 5000. Default 500.',
            schema: {
              type: 'integer',
              minimum: 1,
              maximum: 5000,
              default: 500,
            },
          },
          {
            name: 'offset',
            in: 'query',
            description:
              "Affected entities to skip, in the answer's order (distance, then entity ref). Default 0.",
            schema: {
              type: 'integer',
              minimum: 0,
              default: 0,
            },
          },
        ],
        responses: {
          '200': {
            description: 'The blast radius.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/ImpactResponse',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/BadRequest',
          },
          '401': {
            $ref: '#/components/responses/Unauthorized',
          },
          '403': {
            $ref: '#/components/responses/Forbidden',
          },
          '404': {
            $ref: '#/components/responses/NotFound',
          },
          '503': {
            $ref: '#/components/responses/GraphUnavailable',
          },
        },
      },
    },
    '/deploy-order': {
      get: {
        operationId: 'getDeployOrder',
        'x-permission': 'dependency-map.graph.read',
        tags: ['analysis'],
        summary: 'Deploy stages for a set of entities or the whole estate',
        description:
          'Providers first, as deploy stages whose members may deploy in parallel; the members of\na dependency cycle share a stage and the cycle is named as a blocker. Without\n`entityRef`, every deployable (Components, and Resources that are not tenants) is\nordered. With it, only those entities are, and dependencies through entities outside\nthe set still hold.\n\n```sh\ncurl -H "Authorization: Bearer $TOKEN" \\\n  "$BACKEND/api/dependency-map/deploy-order?entityRef=sales,inventory,customer-portal"\n```\n',
        parameters: [
          {
            name: 'entityRef',
            in: 'query',
            description:
              'The entities to order (at most 10000); default every deployable.',
            style: 'form',
            explode: false,
            allowReserved: true,
            schema: {
              type: 'array',
              maxItems: 10000,
              items: {
                type: 'string',
                minLength: 1,
              },
            },
          },
        ],
        responses: {
          '200': {
            description: 'The deploy order.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/DeployOrderResponse',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/BadRequest',
          },
          '401': {
            $ref: '#/components/responses/Unauthorized',
          },
          '403': {
            $ref: '#/components/responses/Forbidden',
          },
          '404': {
            $ref: '#/components/responses/NotFound',
          },
          '503': {
            $ref: '#/components/responses/GraphUnavailable',
          },
        },
      },
    },
    '/release-train': {
      post: {
        operationId: 'planReleaseTrain',
        'x-permission': 'dependency-map.graph.read',
        tags: ['analysis'],
        summary: 'Plan a release train',
        description:
          'Given (entity, version) changes, the safe sequence and deploy stages (providers first;\nan API change is the contract version its provider will expose and goes live with that\nprovider), the cycles among the changes that prevent a strict order, the API\nrequirements the train leaves unmet, and the consumers that would break if they went\nout before what they need. Changes nothing: it is a plan.\n\nA bad change does not fail the plan: a ref that cannot be read as a ref or is not in the\ngraph (or is hidden from the caller: the same words), a ref listed again (the first\nlisting is planned) and an API version that is not semver are answered in `rejected`,\neach with its position in the request and why, and the other changes are planned as if\nit were not there; the train is then not `safe`. Only a request that is malformed as a\nwhole (no changes, more than 500, a change without a ref or version) is a 400.\n\n```sh\ncurl -X POST -H "Authorization: Bearer $TOKEN" -H \'Content-Type: application/json\' \\\n  -d \'{"changes":[{"entityRef":"api:pricing-api","version":"3.0.0"},{"entityRef":"pricing-api","version":"3.0.0"},{"entityRef":"customer-portal","version":"5.0.0"}]}\' \\\n  "$BACKEND/api/dependency-map/release-train"\n```\n',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/ReleaseTrainRequest',
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'The plan.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/ReleaseTrainResponse',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/BadRequest',
          },
          '401': {
            $ref: '#/components/responses/Unauthorized',
          },
          '403': {
            $ref: '#/components/responses/Forbidden',
          },
          '413': {
            $ref: '#/components/responses/PayloadTooLarge',
          },
          '503': {
            $ref: '#/components/responses/GraphUnavailable',
          },
        },
      },
    },
    '/status': {
      get: {
        operationId: 'getGraphStatus',
        'x-permission': 'dependency-map.graph.read',
        tags: ['status'],
        summary: 'The in-memory graph and what building it cost',
        description:
          "Whether the graph is ready, the build being served (size, catalog entities, catalog\nrequests made, page size, duration, cycles, whether `dependencyMap.maxNodes` cut it\nshort), full builds and incremental patches since startup, catalog requests made by\nall of them, an estimate of the graph's size in memory, and the last build's error if\nit failed. Does not wait for the first build.\n",
        responses: {
          '200': {
            description: 'The status.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/GraphStatus',
                },
              },
            },
          },
          '401': {
            $ref: '#/components/responses/Unauthorized',
          },
          '403': {
            $ref: '#/components/responses/Forbidden',
          },
        },
      },
    },
  },
  components: {
    securitySchemes: {
      bearerAuth: {
        type: 'http',
        scheme: 'bearer',
        description:
          "A Backstage token of a user (as the Backstage frontend sends it) or of a service: a\nplugin's service token, or an external access token from `backend.auth.externalAccess`.\nRequests without one get 401.\n",
      },
    },
    parameters: {
      Kind: {
        name: 'kind',
        in: 'path',
        required: true,
        description:
          "The entity's kind, e.g. `component`; compared case-insensitively.",
        schema: {
          type: 'string',
          minLength: 1,
        },
        example: 'component',
      },
      Namespace: {
        name: 'namespace',
        in: 'path',
        required: true,
        description: "The entity's namespace, usually `default`.",
        schema: {
          type: 'string',
          minLength: 1,
        },
        example: 'default',
      },
      Name: {
        name: 'name',
        in: 'path',
        required: true,
        description: "The entity's name.",
        schema: {
          type: 'string',
          minLength: 1,
        },
        example: 'inventory',
      },
      Process: {
        name: 'process',
        in: 'path',
        required: true,
        description:
          "A business process's name (`order-to-cash`) or its Domain ref, URL-encoded (`domain%3Adefault%2Forder-to-cash`).",
        schema: {
          type: 'string',
          minLength: 1,
        },
        example: 'order-to-cash',
      },
      KindFilter: {
        name: 'kind',
        in: 'query',
        description:
          'Only nodes of these kinds (`component`, `api`, `resource`, `system`, `domain`), case-insensitive.',
        style: 'form',
        explode: false,
        allowReserved: true,
        schema: {
          type: 'array',
          items: {
            type: 'string',
          },
        },
      },
      TypeFilter: {
        name: 'type',
        in: 'query',
        description:
          'Only nodes of these `spec.type`s (`erp-module`, `integration`, `openapi`, `tenant`, ...).',
        style: 'form',
        explode: false,
        allowReserved: true,
        schema: {
          type: 'array',
          items: {
            type: 'string',
          },
        },
      },
      OwnerFilter: {
        name: 'owner',
        in: 'query',
        description:
          'Only nodes owned by these groups, as refs or names (`warehouse-systems`).',
        style: 'form',
        explode: false,
        allowReserved: true,
        schema: {
          type: 'array',
          items: {
            type: 'string',
          },
        },
      },
      BusinessProcessFilter: {
        name: 'businessProcess',
        in: 'query',
        description:
          'Only nodes taking part in one of these business processes, as names or Domain refs.',
        style: 'form',
        explode: false,
        allowReserved: true,
        schema: {
          type: 'array',
          items: {
            type: 'string',
          },
        },
      },
      RelationFilter: {
        name: 'relation',
        in: 'query',
        description:
          'Only edges of these types are walked and returned; default all.',
        style: 'form',
        explode: false,
        allowReserved: true,
        schema: {
          type: 'array',
          items: {
            $ref: '#/components/schemas/EdgeType',
          },
        },
      },
      MaxNodes: {
        name: 'maxNodes',
        in: 'query',
        description: 'Most nodes returned, 1 to 10000. Default 500.',
        schema: {
          type: 'integer',
          minimum: 1,
          maximum: 10000,
          default: 500,
        },
      },
    },
    responses: {
      BadRequest: {
        description:
          'The request is invalid; `error.message` names each bad parameter (`request/query/depth\nmust be <= 20`), a ref that cannot be read, a version that is not semver or a ref\nlisted twice.\n',
        content: {
          'application/json': {
            schema: {
              $ref: '#/components/schemas/ErrorResponse',
            },
          },
        },
      },
      Unauthorized: {
        description: 'No valid user or service token.',
        content: {
          'application/json': {
            schema: {
              $ref: '#/components/schemas/ErrorResponse',
            },
          },
        },
      },
      Forbidden: {
        description: 'The caller lacks `dependency-map.graph.read`.',
        content: {
          'application/json': {
            schema: {
              $ref: '#/components/schemas/ErrorResponse',
            },
          },
        },
      },
      NotFound: {
        description:
          'An entity ref or business process that is not in the graph; `error.message` names every one.',
        content: {
          'application/json': {
            schema: {
              $ref: '#/components/schemas/ErrorResponse',
            },
          },
        },
      },
      PayloadTooLarge: {
        description: 'The body is larger than 256 KiB.',
        content: {
          'application/json': {
            schema: {
              $ref: '#/components/schemas/ErrorResponse',
            },
          },
        },
      },
      GraphUnavailable: {
        description:
          'The first build of the graph failed (the catalog could not be read); the next request tries again.',
        content: {
          'application/json': {
            schema: {
              $ref: '#/components/schemas/ErrorResponse',
            },
          },
        },
      },
    },
    schemas: {
      ErrorResponse: {
        description: 'The Backstage error body.',
        type: 'object',
        required: ['error'],
        properties: {
          error: {
            type: 'object',
            description:
              'The serialized error; other fields of the error may be present.',
            required: ['name', 'message'],
            properties: {
              name: {
                type: 'string',
                description:
                  'e.g. `InputError`, `AuthenticationError`, `NotAllowedError`, `NotFoundError`, `ServiceUnavailableError`.',
              },
              message: {
                type: 'string',
                description: 'What went wrong, in words.',
              },
              stack: {
                type: 'string',
              },
              code: {
                type: 'string',
              },
            },
            additionalProperties: true,
          },
          request: {
            type: 'object',
            required: ['method', 'url'],
            properties: {
              method: {
                type: 'string',
              },
              url: {
                type: 'string',
              },
            },
            additionalProperties: false,
          },
          response: {
            type: 'object',
            required: ['statusCode'],
            properties: {
              statusCode: {
                type: 'integer',
              },
            },
            additionalProperties: false,
          },
        },
        additionalProperties: false,
      },
      EntityRef: {
        type: 'string',
        description: 'A lowercase entity ref, `kind:namespace/name`.',
        pattern: '^[^:/]+:[^:/]+/[^:/]+$',
        example: 'component:default/inventory',
      },
      EdgeType: {
        type: 'string',
        description:
          'The kind of an edge, reading "source *type* target": `dependsOn` (spec.dependsOn),\n`usesApi` (consumes a request/response API the target provides), `subscribesTo` (the\nsame through an event API), `consumesApi` (component → API), `apiProvidedBy` (API →\nprovider), `servedBy` (tenant → deployable), `partOf` (→ system, domain or parent).\n',
        enum: [
          'dependsOn',
          'usesApi',
          'subscribesTo',
          'consumesApi',
          'apiProvidedBy',
          'servedBy',
          'partOf',
        ],
      },
      Direction: {
        type: 'string',
        description:
          '`upstream`: what the entity needs; `downstream`: what needs it; `both`.',
        enum: ['upstream', 'downstream', 'both'],
      },
      TenantLabels: {
        type: 'object',
        description: 'The labels that place a tenant on the rollout axes.',
        properties: {
          segment: {
            type: 'string',
          },
          region: {
            type: 'string',
          },
          tier: {
            type: 'string',
          },
          cloud: {
            type: 'string',
          },
          tenancy: {
            type: 'string',
          },
          timezone: {
            type: 'string',
          },
        },
        additionalProperties: false,
      },
      ApiRequirement: {
        type: 'object',
        description:
          "One entry of a consumer's API requirements (`WAYBILL_ANNOTATIONS.apiRequirements`).",
        required: ['apiRef', 'range'],
        properties: {
          apiRef: {
            $ref: '#/components/schemas/EntityRef',
          },
          range: {
            type: 'string',
            example: '^3.0.0',
          },
        },
        additionalProperties: false,
      },
      DependencyNode: {
        type: 'object',
        description:
          'A catalog entity in the graph; in neighbourhoods, with its distance from the focus.',
        required: [
          'ref',
          'kind',
          'namespace',
          'name',
          'title',
          'businessProcesses',
        ],
        properties: {
          ref: {
            $ref: '#/components/schemas/EntityRef',
          },
          kind: {
            type: 'string',
          },
          namespace: {
            type: 'string',
          },
          name: {
            type: 'string',
          },
          type: {
            type: 'string',
            description: '`spec.type`.',
          },
          title: {
            type: 'string',
          },
          owner: {
            $ref: '#/components/schemas/EntityRef',
          },
          system: {
            $ref: '#/components/schemas/EntityRef',
          },
          businessProcesses: {
            type: 'array',
            description: 'Business-process Domain refs.',
            items: {
              $ref: '#/components/schemas/EntityRef',
            },
          },
          tier: {
            type: 'string',
          },
          lifecycle: {
            type: 'string',
          },
          apiVersion: {
            type: 'string',
            description:
              'For APIs, the version they declare (`WAYBILL_ANNOTATIONS.apiVersion`).',
          },
          apiRequirements: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/ApiRequirement',
            },
          },
          tenant: {
            $ref: '#/components/schemas/TenantLabels',
          },
          missing: {
            type: 'boolean',
            description:
              'Only referenced by an edge; not among the entities read.',
          },
          distance: {
            type: 'integer',
            minimum: 0,
            description: 'In neighbourhoods, hops from the focus entity.',
          },
        },
        additionalProperties: false,
      },
      DependencyEdge: {
        type: 'object',
        required: ['source', 'target', 'type'],
        properties: {
          source: {
            $ref: '#/components/schemas/EntityRef',
          },
          target: {
            $ref: '#/components/schemas/EntityRef',
          },
          type: {
            $ref: '#/components/schemas/EdgeType',
          },
          apis: {
            type: 'array',
            description:
              'For `usesApi` and `subscribesTo`, the APIs the source consumes from the target.',
            items: {
              $ref: '#/components/schemas/EntityRef',
            },
          },
          inCycle: {
            type: 'boolean',
            description:
              'Set on dependency edges whose ends are in one dependency cycle.',
          },
        },
        additionalProperties: false,
      },
      BusinessProcess: {
        type: 'object',
        required: ['ref', 'name', 'title'],
        properties: {
          ref: {
            $ref: '#/components/schemas/EntityRef',
          },
          name: {
            type: 'string',
          },
          title: {
            type: 'string',
          },
          description: {
            type: 'string',
          },
          criticality: {
            type: 'string',
          },
          owner: {
            $ref: '#/components/schemas/EntityRef',
          },
          missing: {
            type: 'boolean',
            description:
              'Named by entities but declared by no Domain of type business-process.',
          },
        },
        additionalProperties: false,
      },
      GraphSummary: {
        type: 'object',
        description: 'The graph a view was answered from.',
        required: [
          'builtAt',
          'nodeCount',
          'edgeCount',
          'catalogEntities',
          'maxNodes',
          'truncated',
        ],
        properties: {
          builtAt: {
            type: 'string',
            format: 'date-time',
          },
          nodeCount: {
            type: 'integer',
            minimum: 0,
          },
          edgeCount: {
            type: 'integer',
            minimum: 0,
          },
          catalogEntities: {
            type: 'integer',
            minimum: 0,
            description:
              'Entities of the mapped kinds in the catalog at build time.',
          },
          maxNodes: {
            type: 'integer',
            minimum: 1,
            description: '`dependencyMap.maxNodes`.',
          },
          truncated: {
            type: 'boolean',
            description:
              'The catalog held more than `maxNodes` entities; the graph keeps only the first.',
          },
          message: {
            type: 'string',
            description: 'Set when `truncated`, saying so for people.',
          },
        },
        additionalProperties: false,
      },
      EstateResponse: {
        type: 'object',
        required: [
          'nodes',
          'edges',
          'truncated',
          'totalNodes',
          'processes',
          'builtAt',
          'graph',
        ],
        properties: {
          nodes: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/DependencyNode',
            },
          },
          edges: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/DependencyEdge',
            },
          },
          truncated: {
            type: 'boolean',
            description: 'The node limit left out nodes that matched.',
          },
          totalNodes: {
            type: 'integer',
            minimum: 0,
            description: 'Nodes that matched the filters before the limit.',
          },
          processes: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/BusinessProcess',
            },
          },
          builtAt: {
            type: 'string',
            format: 'date-time',
          },
          graph: {
            $ref: '#/components/schemas/GraphSummary',
          },
        },
        additionalProperties: false,
      },
      BusinessProcessGraphResponse: {
        type: 'object',
        required: ['process', 'nodes', 'edges', 'truncated', 'graph'],
        properties: {
          process: {
            $ref: '#/components/schemas/BusinessProcess',
          },
          nodes: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/DependencyNode',
            },
          },
          edges: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/DependencyEdge',
            },
          },
          truncated: {
            type: 'boolean',
          },
          graph: {
            $ref: '#/components/schemas/GraphSummary',
          },
        },
        additionalProperties: false,
      },
      NeighbourhoodResponse: {
        type: 'object',
        required: [
          'entityRef',
          'depth',
          'direction',
          'nodes',
          'edges',
          'truncated',
          'graph',
        ],
        properties: {
          entityRef: {
            $ref: '#/components/schemas/EntityRef',
          },
          depth: {
            type: 'integer',
            minimum: 0,
          },
          direction: {
            $ref: '#/components/schemas/Direction',
          },
          nodes: {
            type: 'array',
            description: 'The focus entity first, then breadth first.',
            items: {
              $ref: '#/components/schemas/DependencyNode',
            },
          },
          edges: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/DependencyEdge',
            },
          },
          truncated: {
            type: 'boolean',
          },
          graph: {
            $ref: '#/components/schemas/GraphSummary',
          },
        },
        additionalProperties: false,
      },
      ImpactedEntity: {
        type: 'object',
        required: ['entityRef', 'kind', 'title', 'distance', 'via'],
        properties: {
          entityRef: {
            $ref: '#/components/schemas/EntityRef',
          },
          kind: {
            type: 'string',
          },
          type: {
            type: 'string',
          },
          title: {
            type: 'string',
          },
          distance: {
            type: 'integer',
            minimum: 1,
          },
          via: {
            $ref: '#/components/schemas/EntityRef',
          },
        },
        additionalProperties: false,
      },
      ImpactedBusinessProcess: {
        type: 'object',
        required: [
          'ref',
          'name',
          'title',
          'entityRefs',
          'entityCount',
          'distance',
        ],
        properties: {
          ref: {
            $ref: '#/components/schemas/EntityRef',
          },
          name: {
            type: 'string',
          },
          title: {
            type: 'string',
          },
          criticality: {
            type: 'string',
          },
          entityRefs: {
            type: 'array',
            description:
              'The nearest of the changed and affected entities that take part in it, at most 20.',
            items: {
              $ref: '#/components/schemas/EntityRef',
            },
          },
          entityCount: {
            type: 'integer',
            minimum: 0,
            description:
              'All the changed and affected entities that take part in it.',
          },
          distance: {
            type: 'integer',
            minimum: 0,
          },
        },
        additionalProperties: false,
      },
      ImpactedTenant: {
        type: 'object',
        required: ['entityRef', 'title', 'labels', 'servedBy', 'distance'],
        properties: {
          entityRef: {
            $ref: '#/components/schemas/EntityRef',
          },
          title: {
            type: 'string',
          },
          labels: {
            $ref: '#/components/schemas/TenantLabels',
          },
          servedBy: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/EntityRef',
            },
          },
          distance: {
            type: 'integer',
            minimum: 1,
          },
        },
        additionalProperties: false,
      },
      ImpactResponse: {
        type: 'object',
        required: [
          'entityRefs',
          'affected',
          'total',
          'offset',
          'limit',
          'truncated',
          'depthTruncated',
          'businessProcesses',
          'tenants',
          'tenantCount',
          'graph',
        ],
        properties: {
          entityRefs: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/EntityRef',
            },
          },
          affected: {
            type: 'array',
            description:
              'One page of everything that depends on the entity, transitively (tenants excluded),\nby distance, then entity ref.\n',
            items: {
              $ref: '#/components/schemas/ImpactedEntity',
            },
          },
          total: {
            type: 'integer',
            minimum: 0,
            description: 'Every affected entity, on this page or not.',
          },
          offset: {
            type: 'integer',
            minimum: 0,
          },
          limit: {
            type: 'integer',
            minimum: 1,
          },
          truncated: {
            type: 'boolean',
            description:
              'More affected entities lie past this page (`offset` + `affected.length` < `total`).',
          },
          depthTruncated: {
            type: 'boolean',
            description:
              '`maxDepth` stopped the search before it ran out of consumers.',
          },
          businessProcesses: {
            type: 'array',
            description:
              'Every business process the change reaches, counted over all affected entities.',
            items: {
              $ref: '#/components/schemas/ImpactedBusinessProcess',
            },
          },
          tenants: {
            type: 'array',
            description:
              'The nearest `limit` tenants served by the entity or anything affected, by distance, then entity ref.',
            items: {
              $ref: '#/components/schemas/ImpactedTenant',
            },
          },
          tenantCount: {
            type: 'integer',
            minimum: 0,
            description:
              'Every tenant served by the entity or anything affected.',
          },
          graph: {
            $ref: '#/components/schemas/GraphSummary',
          },
        },
        additionalProperties: false,
      },
      DependencyCycle: {
        type: 'object',
        required: ['members', 'edges', 'closingEdges'],
        properties: {
          members: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/EntityRef',
            },
          },
          edges: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/DependencyEdge',
            },
          },
          closingEdges: {
            type: 'array',
            description:
              'Edges whose removal breaks every cycle among the members.',
            items: {
              $ref: '#/components/schemas/DependencyEdge',
            },
          },
        },
        additionalProperties: false,
      },
      DeployBlocker: {
        type: 'object',
        required: ['cycle', 'entityRefs', 'stage', 'message'],
        properties: {
          cycle: {
            $ref: '#/components/schemas/DependencyCycle',
          },
          entityRefs: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/EntityRef',
            },
          },
          stage: {
            type: 'integer',
            minimum: 0,
          },
          message: {
            type: 'string',
          },
        },
        additionalProperties: false,
      },
      DeployStage: {
        type: 'object',
        required: ['index', 'entityRefs', 'blockers'],
        properties: {
          index: {
            type: 'integer',
            minimum: 0,
          },
          entityRefs: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/EntityRef',
            },
          },
          blockers: {
            type: 'array',
            description: 'Indices into `blockers`.',
            items: {
              type: 'integer',
              minimum: 0,
            },
          },
        },
        additionalProperties: false,
      },
      DeployOrderResponse: {
        type: 'object',
        required: ['stages', 'sequence', 'blockers', 'graph'],
        properties: {
          stages: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/DeployStage',
            },
          },
          sequence: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/EntityRef',
            },
          },
          blockers: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/DeployBlocker',
            },
          },
          graph: {
            $ref: '#/components/schemas/GraphSummary',
          },
        },
        additionalProperties: false,
      },
      ReleaseTrainRequest: {
        type: 'object',
        required: ['changes'],
        properties: {
          changes: {
            type: 'array',
            minItems: 1,
            maxItems: 500,
            items: {
              type: 'object',
              required: ['entityRef', 'version'],
              properties: {
                entityRef: {
                  type: 'string',
                  minLength: 1,
                  pattern: '\\S',
                  description:
                    'A Component or Resource (a release) or an API (the contract version its provider will expose); white space around it is ignored.',
                },
                version: {
                  type: 'string',
                  minLength: 1,
                  maxLength: 128,
                  pattern: '\\S',
                  description: 'White space around it is ignored.',
                },
              },
              additionalProperties: false,
            },
          },
        },
        additionalProperties: false,
      },
      PlannedChange: {
        type: 'object',
        required: ['entityRef', 'kind', 'title', 'version', 'stage'],
        properties: {
          entityRef: {
            $ref: '#/components/schemas/EntityRef',
          },
          kind: {
            type: 'string',
          },
          type: {
            type: 'string',
          },
          title: {
            type: 'string',
          },
          version: {
            type: 'string',
          },
          currentVersion: {
            type: 'string',
            description: 'For APIs, the version before the train.',
          },
          stage: {
            type: 'integer',
            minimum: 0,
          },
          ridesWith: {
            type: 'array',
            description:
              'For APIs, the providers whose deployment makes the new version live.',
            items: {
              $ref: '#/components/schemas/EntityRef',
            },
          },
          tenants: {
            type: 'integer',
            minimum: 0,
            description:
              'For changes other than APIs, how many tenants it serves (tenants whose\n`spec.dependsOn` names it): those a tenant rollout of the release goes to.\n',
          },
        },
        additionalProperties: false,
      },
      RejectedChange: {
        type: 'object',
        description:
          'A change of the request that could not be planned, and why.',
        required: ['index', 'entityRef', 'version', 'reason', 'message'],
        properties: {
          index: {
            type: 'integer',
            minimum: 0,
            description: "Its position in the request's `changes` (0 first).",
          },
          entityRef: {
            type: 'string',
            description: 'The ref as sent (without the white space around it).',
          },
          version: {
            type: 'string',
          },
          reason: {
            type: 'string',
            enum: [
              'unreadable-ref',
              'unknown-entity',
              'duplicate',
              'invalid-version',
            ],
            description:
              '`unreadable-ref`: not an entity ref; `unknown-entity`: not in the graph the caller\nsees; `duplicate`: the entity is listed earlier in the request; `invalid-version`:\nan API version that is not semver x.y.z.\n',
          },
          message: {
            type: 'string',
            description: 'Why, in words.',
          },
        },
        additionalProperties: false,
      },
      ReleaseTrainStage: {
        type: 'object',
        required: ['index', 'changes', 'blockers'],
        properties: {
          index: {
            type: 'integer',
            minimum: 0,
          },
          changes: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/PlannedChange',
            },
          },
          blockers: {
            type: 'array',
            items: {
              type: 'integer',
              minimum: 0,
            },
          },
        },
        additionalProperties: false,
      },
      ApiCompatibility: {
        type: 'object',
        required: [
          'consumer',
          'api',
          'providers',
          'range',
          'status',
          'message',
        ],
        properties: {
          consumer: {
            $ref: '#/components/schemas/EntityRef',
          },
          api: {
            $ref: '#/components/schemas/EntityRef',
          },
          providers: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/EntityRef',
            },
          },
          range: {
            type: 'string',
          },
          version: {
            type: 'string',
          },
          versionSource: {
            type: 'string',
            enum: ['train', 'current'],
          },
          status: {
            type: 'string',
            enum: [
              'compatible',
              'incompatible',
              'unknown-version',
              'invalid-version',
              'invalid-range',
              'unknown-api',
            ],
          },
          message: {
            type: 'string',
          },
        },
        additionalProperties: false,
      },
      PrematureConsumer: {
        type: 'object',
        required: ['consumer', 'needs', 'reason', 'message'],
        properties: {
          consumer: {
            $ref: '#/components/schemas/EntityRef',
          },
          needs: {
            $ref: '#/components/schemas/EntityRef',
          },
          reason: {
            type: 'string',
            enum: ['needs-new-api-version', 'listed-before-provider'],
          },
          api: {
            $ref: '#/components/schemas/EntityRef',
          },
          range: {
            type: 'string',
          },
          message: {
            type: 'string',
          },
        },
        additionalProperties: false,
      },
      ReleaseTrainResponse: {
        type: 'object',
        required: [
          'changes',
          'sequence',
          'stages',
          'blockers',
          'incompatibilities',
          'prematureConsumers',
          'rejected',
          'safe',
          'graph',
        ],
        properties: {
          changes: {
            type: 'array',
            description:
              'The planned changes in request order, each with its stage.',
            items: {
              $ref: '#/components/schemas/PlannedChange',
            },
          },
          sequence: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/EntityRef',
            },
          },
          stages: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/ReleaseTrainStage',
            },
          },
          blockers: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/DeployBlocker',
            },
          },
          incompatibilities: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/ApiCompatibility',
            },
          },
          prematureConsumers: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/PrematureConsumer',
            },
          },
          rejected: {
            type: 'array',
            description:
              'The changes that could not be planned, in request order; the others are planned without them.',
            items: {
              $ref: '#/components/schemas/RejectedChange',
            },
          },
          safe: {
            type: 'boolean',
            description:
              'Neither blockers nor incompatibilities, and every change planned.',
          },
          graph: {
            $ref: '#/components/schemas/GraphSummary',
          },
        },
        additionalProperties: false,
      },
      GraphBuild: {
        type: 'object',
        required: [
          'builtAt',
          'nodeCount',
          'edgeCount',
          'catalogEntities',
          'maxNodes',
          'truncated',
          'entitiesRead',
          'catalogRequests',
          'pageSize',
          'durationMs',
          'warningCount',
          'cycleCount',
          'trigger',
          'kind',
        ],
        properties: {
          builtAt: {
            type: 'string',
            format: 'date-time',
          },
          nodeCount: {
            type: 'integer',
            minimum: 0,
          },
          edgeCount: {
            type: 'integer',
            minimum: 0,
          },
          catalogEntities: {
            type: 'integer',
            minimum: 0,
          },
          maxNodes: {
            type: 'integer',
            minimum: 1,
          },
          truncated: {
            type: 'boolean',
          },
          message: {
            type: 'string',
          },
          entitiesRead: {
            type: 'integer',
            minimum: 0,
          },
          catalogRequests: {
            type: 'integer',
            minimum: 0,
            description: 'Catalog requests this build made, one per page.',
          },
          pageSize: {
            type: 'integer',
            minimum: 1,
          },
          durationMs: {
            type: 'integer',
            minimum: 0,
          },
          warningCount: {
            type: 'integer',
            minimum: 0,
          },
          cycleCount: {
            type: 'integer',
            minimum: 0,
          },
          trigger: {
            type: 'string',
            enum: ['schedule', 'request', 'event', 'manual'],
          },
          kind: {
            type: 'string',
            enum: ['full', 'incremental'],
            description:
              "`full`: the whole estate read from the catalog. `incremental`: a patch of the\nprevious graph for a catalog-change event naming its entities (`trigger` is then\n`event`); `entitiesRead`, `catalogRequests` and `durationMs` are the patch's own, from\nthe event to the patched graph being served.\n",
          },
        },
        additionalProperties: false,
      },
      GraphStatus: {
        type: 'object',
        required: [
          'ready',
          'building',
          'builds',
          'patches',
          'catalogRequestsTotal',
        ],
        properties: {
          ready: {
            type: 'boolean',
          },
          building: {
            type: 'boolean',
          },
          current: {
            $ref: '#/components/schemas/GraphBuild',
          },
          builds: {
            type: 'integer',
            minimum: 0,
            description: 'Full builds since startup.',
          },
          patches: {
            type: 'integer',
            minimum: 0,
            description:
              'Incremental patches since startup (catalog-change events naming their entities).',
          },
          memoryBytes: {
            type: 'integer',
            minimum: 0,
            description:
              "Estimated bytes the served graph keeps in memory (nodes, edges, the entities kept\nfor patching, and the indexes): its counts times per-item costs measured on the V8\nheap (see the plugin's README). Absent before the first build.\n",
          },
          catalogRequestsTotal: {
            type: 'integer',
            minimum: 0,
          },
          lastError: {
            type: 'object',
            required: ['at', 'message'],
            properties: {
              at: {
                type: 'string',
                format: 'date-time',
              },
              message: {
                type: 'string',
              },
            },
            additionalProperties: false,
          },
        },
        additionalProperties: false,
      },
    },
  },
} as const;

/**
 * An express router that validates every request against the spec (a 400 naming what is
 * wrong) and types each route's params, query, body and answer by its operation.
 */
export const createOpenApiRouter = (
  options?: Parameters<
    typeof createValidatedOpenApiRouterFromGeneratedEndpointMap
  >[1],
) =>
  createValidatedOpenApiRouterFromGeneratedEndpointMap<DependencyMapEndpointMap>(
    spec as never,
    options,
  );
