// Generated from plugins/tenant-rollouts-backend/src/schema/openapi.yaml by `yarn openapi:generate`. Do not edit: change the spec.
/* eslint-disable */

import { createValidatedOpenApiRouterFromGeneratedEndpointMap } from '@backstage/backend-openapi-utils';
import type { TenantRolloutsEndpointMap } from '@waybill/plugin-tenant-rollouts-common';

/** The spec the router validates requests against, its paths relative to the router. */
export const spec = {
  openapi: '3.0.3',
  info: {
    title: 'Waybill tenant rollouts',
    version: '0.1.0',
    license: {
      name: 'Apache-2.0',
      url: 'https://www.apache.org/licenses/LICENSE-2.0',
    },
    description:
      'The HTTP API of `@waybill/plugin-tenant-rollouts-backend`, mounted at `/api/tenant-rollouts`.\n\nA rollout delivers one version of one catalog entity to one environment, to the tenants\nthat depend on it (`kind: Resource`, `spec.type: tenant`, `spec.dependsOn` naming it), in the\nwaves its strategy plans. Actions move it through `planned`, `running`, `paused`,\n`rolled-back` and `completed`. Advancing needs the current wave healthy for its bake time,\nthe scorecards gate passing for the environment and no freeze window over the next wave\'s\ntenants; an override (permission `tenant-rollouts.rollout.override` and a reason) goes past\nthem and is audited. An applied action answers the rollout\'s new position (not its board);\na 409 carries its current position and what blocks it. The board (`GET /rollouts/{id}`)\nsays the same before anyone acts: `nextActions`, each action the state allows with its\nblockers, computed by the checks the action runs, and `gate`.\n\nEvery route needs a Backstage token of a user or a service. Errors have the Backstage error\nbody, `{ "error": { "name", "message" }, "request", "response" }`. An operation\'s\n`x-permission` is checked before anything about the request is: a caller without it gets 403,\nnot a 400 about its input. (Acting on a rollout needs a permission that depends on the\naction; its route checks it first.)\n\nA user sees only what the catalog lets them read: the permission framework is asked about\n`catalog.entity.read` with their credentials, and under a conditional decision the catalog\nsays, with those credentials, which entities they may read. A rollout of an entity they may\nnot read is not listed, and its routes answer 404 as for a rollout that does not exist\n(planning one is a 400, as for an entity the catalog does not hold). Tenants they may not\nread are left out of the boards: of `waves[].tenants`, the wave counts, `tenantCount` and\nthe failure analysis; a status report naming one is a 400 (not part of the rollout). The\nrollout still moves on all of its tenants, so a 409\'s freeze blocker names only the tenants\nthey may read and counts the others. The freeze calendar counts only tenants they may read.\nService principals see everything.\n',
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
  paths: {
    '/rollouts': {
      post: {
        operationId: 'createRollout',
        'x-permission': 'tenant-rollouts.rollout.create',
        summary:
          'Plan a rollout of a release to the tenants that depend on the entity',
        description:
          "Needs `tenant-rollouts.rollout.create`. A CI pipeline calling with its OIDC token may\nplan rollouts only of entities whose catalog entry names its repository (see\n`PipelineForbidden`). A body over 64 KiB gets 413.\n\nThe strategy is, first to last: a strategy object in the request; a strategy name in the\nrequest (`tenantRollouts.strategies`); the YAML file the released entity names in its\nrollout-strategy annotation (`WAYBILL_ANNOTATIONS.rolloutStrategy` of\n`@waybill/plugin-waybill-common`; a URL, or a path relative to the entity's\nsource location, read through the backend's URL reader); the configured `default`; the\nbuilt-in strategy. The rollout's `strategySource` says which. A strategy file that\ncannot be read, is not valid YAML or is not a valid strategy is a 400 naming the entity,\nthe URL and the problem; so is a relative path on an entity registered from a `file:`\nlocation, which the URL reader cannot read.\n",
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                additionalProperties: false,
                required: ['entityRef', 'version', 'environment'],
                properties: {
                  entityRef: {
                    $ref: '#/components/schemas/EntityRef',
                  },
                  version: {
                    type: 'string',
                    minLength: 1,
                    maxLength: 255,
                  },
                  environment: {
                    type: 'string',
                    pattern: '^[a-z0-9][a-z0-9-]*$',
                    maxLength: 63,
                  },
                  strategy: {
                    description:
                      'A strategy name from `tenantRollouts.strategies`, or a strategy. Without it,\nthe strategy file the entity names in its rollout-strategy annotation, else\nthe configured `default`, else the built-in strategy.\n',
                    oneOf: [
                      {
                        type: 'string',
                        minLength: 1,
                        maxLength: 63,
                      },
                      {
                        type: 'object',
                      },
                    ],
                  },
                },
              },
            },
          },
        },
        responses: {
          '201': {
            description: 'The planned rollout.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Rollout',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/Error',
          },
          '401': {
            $ref: '#/components/responses/Error',
          },
          '403': {
            $ref: '#/components/responses/PipelineForbidden',
          },
          '413': {
            $ref: '#/components/responses/Error',
          },
        },
      },
      get: {
        operationId: 'listRollouts',
        'x-permission': 'tenant-rollouts.read',
        summary: 'Rollouts, newest first',
        description:
          'Needs `tenant-rollouts.read`. Filtered by entity and by release version when given.',
        parameters: [
          {
            name: 'entityRef',
            in: 'query',
            description:
              'An entity ref, e.g. `component:default/inventory` (its `:` and `/` may be sent as they are).',
            allowReserved: true,
            schema: {
              $ref: '#/components/schemas/EntityRef',
            },
          },
          {
            name: 'version',
            in: 'query',
            description:
              "Only rollouts of this release version, e.g. `5.2.0` (a scorecard links to its release's rollouts with it).",
            schema: {
              type: 'string',
              minLength: 1,
              maxLength: 255,
            },
          },
          {
            name: 'limit',
            in: 'query',
            schema: {
              type: 'integer',
              minimum: 1,
              maximum: 500,
              default: 50,
            },
          },
        ],
        responses: {
          '200': {
            description: 'The rollouts.',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['items'],
                  properties: {
                    items: {
                      type: 'array',
                      items: {
                        $ref: '#/components/schemas/RolloutSummary',
                      },
                    },
                  },
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/Error',
          },
          '401': {
            $ref: '#/components/responses/Error',
          },
          '403': {
            $ref: '#/components/responses/Error',
          },
        },
      },
    },
    '/rollouts/{id}': {
      get: {
        operationId: 'getRollout',
        'x-permission': 'tenant-rollouts.read',
        summary:
          "A rollout's board - wave summaries, one page of its tenants, heatmap, failure analysis, events, gate and next actions",
        description:
          "Needs `tenant-rollouts.read`. The rollout's board, as a screen shows it: what it delivered\nto whom, and what can happen next (`nextActions`, each with what would block it now, and\n`gate`). The waves are summaries (counts per status, no tenant lists); `tenants` is one\npage of the tenants that match the filters (each axis, `status`, `q`, `wave`), in the\nplan's order, with `total` counting every match. The summaries, `axisValues`, `heatmap` and\n`analysis` cover every tenant the caller may read, whatever the filters. A pipeline's\nwave job reads a whole wave with `GET /rollouts/{id}/waves/{index}`. The answer has a weak\n`ETag` of the board as the caller sees it for this query (but for `evaluatedAt`): with\n`If-None-Match`, an unchanged board is a 304 without a body. Live boards refetch on the\n`tenant-rollouts:rollout:<id>` signal.\n",
        parameters: [
          {
            $ref: '#/components/parameters/id',
          },
          {
            name: 'If-None-Match',
            in: 'header',
            required: false,
            description: 'The `ETag` of the board the caller holds.',
            schema: {
              type: 'string',
              maxLength: 200,
            },
          },
          {
            name: 'segment',
            in: 'query',
            description: 'Only tenants of this segment.',
            schema: {
              type: 'string',
              minLength: 1,
              maxLength: 100,
            },
          },
          {
            name: 'region',
            in: 'query',
            description: 'Only tenants of this region.',
            schema: {
              type: 'string',
              minLength: 1,
              maxLength: 100,
            },
          },
          {
            name: 'tier',
            in: 'query',
            description: 'Only tenants of this tier.',
            schema: {
              type: 'string',
              minLength: 1,
              maxLength: 100,
            },
          },
          {
            name: 'cloud',
            in: 'query',
            description: 'Only tenants on this cloud.',
            schema: {
              type: 'string',
              minLength: 1,
              maxLength: 100,
            },
          },
          {
            name: 'status',
            in: 'query',
            description:
              'Only tenants with this status, or (`frozen`) those in a freeze window now.',
            schema: {
              $ref: '#/components/schemas/BoardStatusFilter',
            },
          },
          {
            name: 'q',
            in: 'query',
            description:
              "Only tenants whose title or ref contains this, case-insensitively (a ref's `:` and `/` may be sent as they are).",
            allowReserved: true,
            schema: {
              type: 'string',
              minLength: 1,
              maxLength: 200,
            },
          },
          {
            name: 'wave',
            in: 'query',
            description: 'Only the tenants of this wave (its index, from 0).',
            schema: {
              type: 'integer',
              minimum: 0,
            },
          },
          {
            name: 'offset',
            in: 'query',
            description: 'How many matching tenants to skip.',
            schema: {
              type: 'integer',
              minimum: 0,
              default: 0,
            },
          },
          {
            name: 'limit',
            in: 'query',
            description: 'How many matching tenants to answer.',
            schema: {
              type: 'integer',
              minimum: 1,
              maximum: 500,
              default: 100,
            },
          },
        ],
        responses: {
          '200': {
            description: "The rollout's board.",
            headers: {
              ETag: {
                description: 'Weak; the same for an unchanged board and query.',
                schema: {
                  type: 'string',
                },
              },
            },
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Rollout',
                },
              },
            },
          },
          '304': {
            description:
              'The board is unchanged since the `If-None-Match` ETag.',
          },
          '400': {
            $ref: '#/components/responses/Error',
          },
          '401': {
            $ref: '#/components/responses/Error',
          },
          '403': {
            $ref: '#/components/responses/Error',
          },
          '404': {
            $ref: '#/components/responses/Error',
          },
        },
      },
    },
    '/rollouts/{id}/waves/{index}': {
      get: {
        operationId: 'getRolloutWave',
        'x-permission': 'tenant-rollouts.read',
        summary:
          'One wave of a rollout, with where the rollout is, optionally only the tenants on one cloud',
        description:
          "Needs `tenant-rollouts.read`. What a pipeline's wave job asks before it deploys: the\nrollout's state and current wave, and the wave's tenants (filtered by `cloud`, the\ntenants' cloud label, `WAYBILL_LABELS.cloud`) with their status and freeze. `total`, `healthy` and\n`frozen` count the whole wave (of the tenants the caller may read), whatever the filter.\n",
        parameters: [
          {
            $ref: '#/components/parameters/id',
          },
          {
            name: 'index',
            in: 'path',
            required: true,
            description: "The wave's position in the plan, from 0.",
            schema: {
              type: 'integer',
              minimum: 0,
            },
          },
          {
            name: 'cloud',
            in: 'query',
            required: false,
            description:
              'Only the tenants on this cloud (aws, azure, gcp, private, ...).',
            schema: {
              type: 'string',
              minLength: 1,
              maxLength: 100,
            },
          },
        ],
        responses: {
          '200': {
            description: 'The wave.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/RolloutWave',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/Error',
          },
          '401': {
            $ref: '#/components/responses/Error',
          },
          '403': {
            $ref: '#/components/responses/Error',
          },
          '404': {
            $ref: '#/components/responses/Error',
          },
        },
      },
    },
    '/rollouts/{id}/actions/{action}': {
      post: {
        operationId: 'actOnRollout',
        summary:
          'Start, advance, pause, resume, roll back or complete a rollout',
        description:
          'Needs `tenant-rollouts.rollout.advance` (`rollback`: `tenant-rollouts.rollout.rollback`;\nwith `override`: also `tenant-rollouts.rollout.override`). A rollback or an override\nneeds a reason, and a person: every service principal gets 403 for them. A CI pipeline\ncalling with its OIDC token may act only on rollouts of entities whose catalog entry\nnames its repository (see `PipelineForbidden`). A body over 64 KiB gets 413.\n',
        parameters: [
          {
            $ref: '#/components/parameters/id',
          },
          {
            name: 'action',
            in: 'path',
            required: true,
            schema: {
              $ref: '#/components/schemas/RolloutAction',
            },
          },
        ],
        requestBody: {
          content: {
            'application/json': {
              schema: {
                type: 'object',
                additionalProperties: false,
                properties: {
                  override: {
                    type: 'boolean',
                    default: false,
                  },
                  reason: {
                    description:
                      'Why; an override and a rollback need one, at least 10 characters once trimmed.',
                    type: 'string',
                    minLength: 10,
                    maxLength: 2000,
                  },
                },
              },
            },
          },
        },
        responses: {
          '200': {
            description:
              "The action was applied: where the rollout is now (the position a 409 carries too), not\nits board. Boards learn of the change from the rollout's signal and read it again;\na caller that wants the board reads `GET /rollouts/{id}`.\n",
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/RolloutActionResult',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/Error',
          },
          '401': {
            $ref: '#/components/responses/Error',
          },
          '403': {
            $ref: '#/components/responses/PipelineForbidden',
          },
          '404': {
            $ref: '#/components/responses/Error',
          },
          '409': {
            $ref: '#/components/responses/Conflict',
          },
          '413': {
            $ref: '#/components/responses/Error',
          },
        },
      },
    },
    '/rollouts/{id}/tenants/status': {
      post: {
        operationId: 'reportTenantStatus',
        'x-permission': 'tenant-rollouts.status.report',
        summary: 'Per-tenant deployment status from deployment tooling',
        description:
          'Needs `tenant-rollouts.status.report`. Either `{ statuses: [{ tenant, status, detail? }] }`\nor CDEvents (one or an array) `service.deployed` / `service.upgraded` (healthy) and\n`service.rolledback` (rolled-back), the tenant being `subject.content.environment.id`.\nA CI pipeline calling with its OIDC token may report only on rollouts of entities whose\ncatalog entry names its repository (see `PipelineForbidden`). A body over 12 MiB (5,000\nstatuses with full details fit) gets 413.\n',
        parameters: [
          {
            $ref: '#/components/parameters/id',
          },
        ],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                oneOf: [
                  {
                    type: 'object',
                    additionalProperties: false,
                    required: ['statuses'],
                    properties: {
                      statuses: {
                        type: 'array',
                        minItems: 1,
                        maxItems: 5000,
                        items: {
                          type: 'object',
                          additionalProperties: false,
                          required: ['tenant', 'status'],
                          properties: {
                            tenant: {
                              type: 'string',
                              minLength: 1,
                              maxLength: 255,
                            },
                            status: {
                              $ref: '#/components/schemas/TenantStatus',
                            },
                            detail: {
                              type: 'string',
                              maxLength: 2000,
                            },
                          },
                        },
                      },
                    },
                  },
                  {
                    $ref: '#/components/schemas/CdEvent',
                  },
                  {
                    type: 'array',
                    minItems: 1,
                    maxItems: 5000,
                    items: {
                      $ref: '#/components/schemas/CdEvent',
                    },
                  },
                ],
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'How many tenant rows changed.',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['rolloutId', 'updated'],
                  properties: {
                    rolloutId: {
                      type: 'integer',
                    },
                    updated: {
                      type: 'integer',
                    },
                  },
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/Error',
          },
          '401': {
            $ref: '#/components/responses/Error',
          },
          '403': {
            $ref: '#/components/responses/PipelineForbidden',
          },
          '404': {
            $ref: '#/components/responses/Error',
          },
          '409': {
            $ref: '#/components/responses/Conflict',
          },
          '413': {
            $ref: '#/components/responses/Error',
          },
        },
      },
    },
    '/strategies': {
      get: {
        operationId: 'listStrategies',
        'x-permission': 'tenant-rollouts.read',
        summary: 'The configured rollout strategies',
        description: 'Needs `tenant-rollouts.read`. `default` first.',
        responses: {
          '200': {
            description: 'The strategies by name.',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['items'],
                  properties: {
                    items: {
                      type: 'array',
                      items: {
                        type: 'object',
                        required: ['name', 'strategy'],
                        properties: {
                          name: {
                            type: 'string',
                          },
                          strategy: {
                            $ref: '#/components/schemas/RolloutStrategy',
                          },
                        },
                      },
                    },
                  },
                },
              },
            },
          },
          '401': {
            $ref: '#/components/responses/Error',
          },
          '403': {
            $ref: '#/components/responses/Error',
          },
        },
      },
    },
    '/freeze-calendar': {
      get: {
        operationId: 'getFreezeCalendar',
        'x-permission': 'tenant-rollouts.read',
        summary:
          "Freeze windows and their occurrences over the catalog's tenants",
        description:
          "Needs `tenant-rollouts.read`. Each configured window with the number of catalog tenants\nits scope covers and its occurrences overlapping `[from, to)`. A window is read in each\ncovered tenant's time zone (or its own `timeZone`): an occurrence is one local start and\nend, spanning from the first zone to open to the last to close.\n",
        parameters: [
          {
            name: 'from',
            in: 'query',
            description: 'ISO 8601 instant with an offset; default now.',
            allowReserved: true,
            schema: {
              type: 'string',
              format: 'date-time',
            },
          },
          {
            name: 'to',
            in: 'query',
            description:
              'ISO 8601 instant with an offset; default 90 days after `from`, at most 400 days after it.',
            allowReserved: true,
            schema: {
              type: 'string',
              format: 'date-time',
            },
          },
        ],
        responses: {
          '200': {
            description: 'The calendar.',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['from', 'to', 'windows'],
                  properties: {
                    from: {
                      type: 'string',
                      format: 'date-time',
                    },
                    to: {
                      type: 'string',
                      format: 'date-time',
                    },
                    windows: {
                      type: 'array',
                      items: {
                        type: 'object',
                        required: [
                          'id',
                          'title',
                          'scope',
                          'schedule',
                          'tenants',
                          'occurrences',
                        ],
                        properties: {
                          id: {
                            type: 'string',
                          },
                          title: {
                            type: 'string',
                          },
                          reason: {
                            type: 'string',
                          },
                          timeZone: {
                            type: 'string',
                          },
                          scope: {
                            $ref: '#/components/schemas/FreezeScope',
                          },
                          schedule: {
                            $ref: '#/components/schemas/FreezeSchedule',
                          },
                          tenants: {
                            type: 'integer',
                          },
                          occurrences: {
                            type: 'array',
                            items: {
                              type: 'object',
                              required: [
                                'localStart',
                                'localEnd',
                                'start',
                                'end',
                                'zones',
                                'tenants',
                              ],
                              properties: {
                                localStart: {
                                  type: 'string',
                                },
                                localEnd: {
                                  type: 'string',
                                },
                                start: {
                                  type: 'string',
                                  format: 'date-time',
                                },
                                end: {
                                  type: 'string',
                                  format: 'date-time',
                                },
                                zones: {
                                  type: 'array',
                                  items: {
                                    type: 'string',
                                  },
                                },
                                tenants: {
                                  type: 'integer',
                                },
                              },
                            },
                          },
                        },
                      },
                    },
                  },
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/Error',
          },
          '401': {
            $ref: '#/components/responses/Error',
          },
          '403': {
            $ref: '#/components/responses/Error',
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
      },
    },
    parameters: {
      id: {
        name: 'id',
        in: 'path',
        required: true,
        schema: {
          type: 'integer',
          minimum: 1,
        },
      },
    },
    responses: {
      Error: {
        description: 'A Backstage error.',
        content: {
          'application/json': {
            schema: {
              $ref: '#/components/schemas/Error',
            },
          },
        },
      },
      PipelineForbidden: {
        description:
          "A missing permission, a caller that may not act for the rollout's entity, or a service\nprincipal asking for an override or a rollback. A pipeline (a service principal\n`pipeline:github:<owner>/<name>` or `pipeline:gitlab:<group>/<project>`, from\n`backend.auth.externalAccess` type `waybill-pipeline`) may act only on rollouts of\nentities whose catalog entry names its repository in `github.com/project-slug` or\n`gitlab.com/project-slug`, read from the catalog; a pipeline whose token named no\nrepository, and a token of any other external issuer (`external:...`), may act on none.\nOverrides and rollbacks are made by people only. The message says which.\n",
        content: {
          'application/json': {
            schema: {
              $ref: '#/components/schemas/Error',
            },
          },
        },
      },
      Conflict: {
        description:
          "The rollout's state or the world does not allow this now.",
        content: {
          'application/json': {
            schema: {
              allOf: [
                {
                  $ref: '#/components/schemas/Error',
                },
                {
                  type: 'object',
                  required: ['rollout', 'blockers'],
                  properties: {
                    rollout: {
                      $ref: '#/components/schemas/RolloutPosition',
                    },
                    blockers: {
                      type: 'array',
                      items: {
                        $ref: '#/components/schemas/Blocker',
                      },
                    },
                  },
                },
              ],
            },
          },
        },
      },
    },
    schemas: {
      Error: {
        type: 'object',
        required: ['error', 'response'],
        properties: {
          error: {
            type: 'object',
            required: ['name', 'message'],
            properties: {
              name: {
                type: 'string',
              },
              message: {
                type: 'string',
              },
            },
          },
          request: {
            type: 'object',
          },
          response: {
            type: 'object',
            properties: {
              statusCode: {
                type: 'integer',
              },
            },
          },
        },
      },
      EntityRef: {
        description: 'An entity ref; the kind defaults to `component`.',
        type: 'string',
        minLength: 1,
        maxLength: 255,
        example: 'component:default/inventory',
      },
      CdEvent: {
        description:
          'A CDEvents service event; its environment id names the tenant.',
        type: 'object',
        required: ['context', 'subject'],
        properties: {
          context: {
            type: 'object',
            required: ['type'],
            properties: {
              type: {
                type: 'string',
                pattern:
                  '^dev\\.cdevents\\.service\\.(deployed|upgraded|rolledback)\\.\\d+\\.\\d+\\.\\d+',
              },
            },
          },
          subject: {
            type: 'object',
            required: ['content'],
            properties: {
              content: {
                type: 'object',
                required: ['environment'],
                properties: {
                  environment: {
                    type: 'object',
                    required: ['id'],
                    properties: {
                      id: {
                        type: 'string',
                        minLength: 1,
                        maxLength: 255,
                      },
                    },
                  },
                },
              },
            },
          },
        },
      },
      RolloutStrategy: {
        type: 'object',
        description:
          'The waves a rollout is planned in, with their defaults applied. `parseRolloutStrategy` of\n`@waybill/plugin-tenant-rollouts-common` reads one and checks what a schema cannot (unique\nwave names).\n',
        additionalProperties: false,
        required: ['waves', 'forceLast'],
        properties: {
          waves: {
            type: 'array',
            minItems: 1,
            maxItems: 50,
            items: {
              $ref: '#/components/schemas/StrategyWave',
            },
          },
          forceLast: {
            description:
              'Dedicated and/or critical-tier tenants go in a final wave of their own.',
            type: 'array',
            items: {
              type: 'string',
              enum: ['dedicated', 'critical'],
            },
          },
        },
      },
      StrategyWave: {
        type: 'object',
        additionalProperties: false,
        required: ['name', 'select', 'bakeMinutes', 'healthThreshold'],
        properties: {
          name: {
            type: 'string',
            pattern: '^[a-z0-9][a-z0-9-]*$',
            maxLength: 63,
          },
          select: {
            $ref: '#/components/schemas/TenantSelector',
          },
          percent: {
            description: 'Take this share of the tenants the selector matches.',
            type: 'number',
            minimum: 0,
            exclusiveMinimum: true,
            maximum: 100,
          },
          bakeMinutes: {
            type: 'integer',
            minimum: 0,
            maximum: 10080,
          },
          healthThreshold: {
            description: 'Share of the wave that must be healthy to advance.',
            type: 'number',
            minimum: 0,
            maximum: 1,
          },
        },
      },
      TenantSelector: {
        type: 'object',
        description:
          'Every listed axis must match; no axis selects every tenant.',
        additionalProperties: false,
        properties: {
          segment: {
            $ref: '#/components/schemas/LabelValues',
          },
          region: {
            $ref: '#/components/schemas/LabelValues',
          },
          tier: {
            $ref: '#/components/schemas/LabelValues',
          },
          cloud: {
            $ref: '#/components/schemas/LabelValues',
          },
          tenancy: {
            type: 'array',
            minItems: 1,
            items: {
              type: 'string',
              enum: ['shared', 'dedicated'],
            },
          },
          tenants: {
            description: 'Tenant refs or names.',
            type: 'array',
            minItems: 1,
            maxItems: 1000,
            items: {
              type: 'string',
              minLength: 1,
              maxLength: 255,
            },
          },
        },
      },
      LabelValues: {
        type: 'array',
        minItems: 1,
        maxItems: 100,
        items: {
          type: 'string',
          minLength: 1,
          maxLength: 100,
        },
      },
      FreezeStatus: {
        description:
          'Whether a tenant may be deployed to now, and if not, by which windows and until when.',
        oneOf: [
          {
            type: 'object',
            additionalProperties: false,
            required: ['frozen'],
            properties: {
              frozen: {
                type: 'boolean',
                enum: [false],
              },
            },
          },
          {
            type: 'object',
            additionalProperties: false,
            required: ['frozen', 'windows', 'opensAt'],
            properties: {
              frozen: {
                type: 'boolean',
                enum: [true],
              },
              windows: {
                type: 'array',
                items: {
                  $ref: '#/components/schemas/ActiveFreeze',
                },
              },
              opensAt: {
                description: 'The first instant no window covers the tenant.',
                type: 'string',
                format: 'date-time',
              },
            },
          },
        ],
      },
      ActiveFreeze: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'title', 'start', 'end'],
        properties: {
          id: {
            type: 'string',
          },
          title: {
            type: 'string',
          },
          reason: {
            type: 'string',
          },
          start: {
            description:
              'ISO 8601 with the offset of the zone the window is read in.',
            type: 'string',
            format: 'date-time',
          },
          end: {
            type: 'string',
            format: 'date-time',
          },
        },
      },
      FailureAnalysis: {
        description:
          "Whether a rollout's failures concentrate in one value of a tenant axis, with the evidence.",
        type: 'object',
        additionalProperties: false,
        required: ['verdict', 'settled', 'failed', 'summary', 'evidence'],
        properties: {
          verdict: {
            type: 'string',
            enum: ['no-failures', 'isolated', 'global'],
          },
          settled: {
            description: 'Tenants with a settled outcome (healthy or failed).',
            type: 'integer',
          },
          failed: {
            type: 'integer',
            description: 'How many of the settled failed.',
          },
          summary: {
            description: 'e.g. `isolated to region europe: 6 of 7 failures`.',
            type: 'string',
          },
          isolatedTo: {
            description:
              'For `isolated`, the value the failures concentrate in.',
            $ref: '#/components/schemas/ValueEvidence',
          },
          evidence: {
            description: 'Every value of every axis, most significant first.',
            type: 'array',
            items: {
              $ref: '#/components/schemas/ValueEvidence',
            },
          },
        },
      },
      ValueEvidence: {
        description:
          "How a tenant axis value's failures compare with the rest of the rollout's.",
        type: 'object',
        additionalProperties: false,
        required: [
          'axis',
          'value',
          'failed',
          'settled',
          'failedElsewhere',
          'settledElsewhere',
          'pValue',
          'adjustedPValue',
        ],
        properties: {
          axis: {
            type: 'string',
            enum: ['segment', 'region', 'tier', 'cloud'],
          },
          value: {
            type: 'string',
          },
          failed: {
            type: 'integer',
          },
          settled: {
            type: 'integer',
          },
          failedElsewhere: {
            type: 'integer',
          },
          settledElsewhere: {
            type: 'integer',
          },
          pValue: {
            description:
              'One-sided Fisher exact test of this many failures here or more.',
            type: 'number',
          },
          adjustedPValue: {
            description:
              '`pValue` adjusted for testing every value of every axis (Westfall-Young).',
            type: 'number',
          },
        },
      },
      FreezeScope: {
        description:
          'Which tenants a freeze window covers; every listed axis must match, none covers all.',
        type: 'object',
        additionalProperties: false,
        properties: {
          region: {
            $ref: '#/components/schemas/NonEmptyStrings',
          },
          segment: {
            $ref: '#/components/schemas/NonEmptyStrings',
          },
          tier: {
            $ref: '#/components/schemas/NonEmptyStrings',
          },
          tenants: {
            $ref: '#/components/schemas/NonEmptyStrings',
          },
        },
      },
      NonEmptyStrings: {
        type: 'array',
        minItems: 1,
        items: {
          type: 'string',
          minLength: 1,
        },
      },
      FreezeSchedule: {
        description:
          "When a window applies, in the wall-clock time of each tenant (or of the window's `timeZone`).",
        oneOf: [
          {
            type: 'object',
            additionalProperties: false,
            required: ['kind', 'start', 'end'],
            properties: {
              kind: {
                type: 'string',
                enum: ['one-off'],
              },
              start: {
                $ref: '#/components/schemas/LocalDateTime',
              },
              end: {
                $ref: '#/components/schemas/LocalDateTime',
              },
            },
          },
          {
            type: 'object',
            additionalProperties: false,
            required: ['kind', 'days', 'from', 'to'],
            properties: {
              kind: {
                type: 'string',
                enum: ['weekly'],
              },
              days: {
                type: 'array',
                minItems: 1,
                items: {
                  type: 'string',
                  enum: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'],
                },
              },
              from: {
                $ref: '#/components/schemas/Clock',
              },
              to: {
                description:
                  'Equal to or before `from`, the window ends the next day.',
                allOf: [
                  {
                    $ref: '#/components/schemas/Clock',
                  },
                ],
              },
            },
          },
          {
            type: 'object',
            additionalProperties: false,
            required: ['kind', 'from', 'to'],
            properties: {
              kind: {
                type: 'string',
                enum: ['yearly'],
              },
              from: {
                $ref: '#/components/schemas/MonthDay',
              },
              to: {
                description:
                  'Inclusive; before `from`, the season spans new year.',
                allOf: [
                  {
                    $ref: '#/components/schemas/MonthDay',
                  },
                ],
              },
            },
          },
          {
            type: 'object',
            additionalProperties: false,
            required: ['kind', 'lastDays', 'firstDays'],
            properties: {
              kind: {
                type: 'string',
                enum: ['quarter-close'],
              },
              lastDays: {
                type: 'integer',
                minimum: 0,
                maximum: 31,
              },
              firstDays: {
                type: 'integer',
                minimum: 0,
                maximum: 31,
              },
            },
          },
        ],
      },
      LocalDateTime: {
        description: 'A local date and time, e.g. `2026-12-24T06:00`.',
        type: 'string',
        pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}$',
      },
      Clock: {
        description: 'A 24-hour local time, e.g. `16:30`.',
        type: 'string',
        pattern: '^([01]\\d|2[0-3]):[0-5]\\d$',
      },
      MonthDay: {
        description: 'A month and day, e.g. `11-20`.',
        type: 'string',
        pattern: '^(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$',
      },
      RolloutState: {
        type: 'string',
        enum: ['planned', 'running', 'paused', 'rolled-back', 'completed'],
      },
      TenantStatus: {
        type: 'string',
        enum: [
          'pending',
          'deploying',
          'healthy',
          'degraded',
          'failed',
          'rolled-back',
        ],
      },
      RolloutAction: {
        description:
          'What a person, a tool or the scheduler can do to a rollout, in lifecycle order.',
        type: 'string',
        enum: ['start', 'advance', 'pause', 'resume', 'rollback', 'complete'],
      },
      Blocker: {
        description:
          "What stands in the way of an action now: the scorecards gate, the current wave's health\nor bake time, or freeze windows over the next wave's tenants. `message` says it in one\nsentence, with titles, for logs and pipelines; the other fields say it in parts, for a\nview that writes times in its reader's zone and links to what it names.\n",
        oneOf: [
          {
            $ref: '#/components/schemas/GateBlocker',
          },
          {
            $ref: '#/components/schemas/HealthBlocker',
          },
          {
            $ref: '#/components/schemas/BakeBlocker',
          },
          {
            $ref: '#/components/schemas/FreezeBlocker',
          },
        ],
        discriminator: {
          propertyName: 'kind',
          mapping: {
            gate: '#/components/schemas/GateBlocker',
            health: '#/components/schemas/HealthBlocker',
            bake: '#/components/schemas/BakeBlocker',
            freeze: '#/components/schemas/FreezeBlocker',
          },
        },
      },
      GateBlocker: {
        description:
          'The scorecards gate does not let the release into the environment.',
        type: 'object',
        additionalProperties: false,
        required: ['kind', 'message', 'gate'],
        properties: {
          kind: {
            type: 'string',
            enum: ['gate'],
            description:
              'discriminator enum property added by openapi-typescript',
          },
          message: {
            type: 'string',
          },
          gate: {
            $ref: '#/components/schemas/Gate',
          },
        },
      },
      HealthBlocker: {
        description:
          "Too few of the current wave's tenants are healthy. `healthy`, `total`, `needed` and\n`failing` count every tenant of the wave; `tenants` lists the first 20 of the failing ones\nthe reader may read, and `unlisted` counts the rest of those. The others of `failing`\n(`failing` - `tenants` - `unlisted`) are tenants the reader may not read.\n",
        type: 'object',
        additionalProperties: false,
        required: [
          'kind',
          'message',
          'wave',
          'healthy',
          'total',
          'needed',
          'healthThreshold',
          'failing',
          'tenants',
          'unlisted',
        ],
        properties: {
          kind: {
            type: 'string',
            enum: ['health'],
            description:
              'discriminator enum property added by openapi-typescript',
          },
          message: {
            type: 'string',
          },
          wave: {
            $ref: '#/components/schemas/WaveRef',
          },
          healthy: {
            type: 'integer',
            minimum: 0,
          },
          total: {
            type: 'integer',
            minimum: 0,
          },
          needed: {
            description:
              "How many healthy tenants the wave's health threshold asks for.",
            type: 'integer',
            minimum: 0,
          },
          healthThreshold: {
            type: 'number',
            minimum: 0,
            maximum: 1,
          },
          failing: {
            description:
              'Tenants failed, degraded or rolled back; the others not healthy are still pending or deploying.',
            type: 'integer',
            minimum: 0,
          },
          tenants: {
            type: 'array',
            items: {
              type: 'object',
              additionalProperties: false,
              required: ['ref', 'title', 'status', 'detail'],
              properties: {
                ref: {
                  type: 'string',
                },
                title: {
                  type: 'string',
                },
                status: {
                  $ref: '#/components/schemas/TenantStatus',
                },
                detail: {
                  type: 'string',
                  nullable: true,
                },
              },
            },
          },
          unlisted: {
            description:
              'Failing tenants the reader may read that `tenants` leaves out (it lists 20 at most).',
            type: 'integer',
            minimum: 0,
          },
        },
      },
      BakeBlocker: {
        description: 'The current wave has not baked yet; it has at `until`.',
        type: 'object',
        additionalProperties: false,
        required: [
          'kind',
          'message',
          'wave',
          'bakeMinutes',
          'lastChangeAt',
          'until',
        ],
        properties: {
          kind: {
            type: 'string',
            enum: ['bake'],
            description:
              'discriminator enum property added by openapi-typescript',
          },
          message: {
            type: 'string',
          },
          wave: {
            $ref: '#/components/schemas/WaveRef',
          },
          bakeMinutes: {
            type: 'integer',
            minimum: 0,
          },
          lastChangeAt: {
            description: "The wave's last status change, from which it bakes.",
            type: 'string',
            format: 'date-time',
          },
          until: {
            type: 'string',
            format: 'date-time',
          },
        },
      },
      FreezeBlocker: {
        description:
          'Tenants of the wave the action starts are in a freeze window. `frozen` and `opensAt`\ncover every one of them; `tenants` lists the first 20 of those the reader may read, and\n`unlisted` counts the rest of those. The others of `frozen` (`frozen` - `tenants` -\n`unlisted`) are tenants the reader may not read.\n',
        type: 'object',
        additionalProperties: false,
        required: [
          'kind',
          'message',
          'wave',
          'frozen',
          'opensAt',
          'tenants',
          'unlisted',
        ],
        properties: {
          kind: {
            type: 'string',
            enum: ['freeze'],
            description:
              'discriminator enum property added by openapi-typescript',
          },
          message: {
            type: 'string',
          },
          wave: {
            $ref: '#/components/schemas/WaveRef',
          },
          frozen: {
            type: 'integer',
            minimum: 1,
          },
          opensAt: {
            description:
              'When the last of them opens, and the wave can go as a whole.',
            type: 'string',
            format: 'date-time',
          },
          tenants: {
            type: 'array',
            items: {
              type: 'object',
              additionalProperties: false,
              required: ['ref', 'title', 'windows', 'opensAt'],
              properties: {
                ref: {
                  type: 'string',
                },
                title: {
                  type: 'string',
                },
                windows: {
                  type: 'array',
                  items: {
                    type: 'object',
                    additionalProperties: false,
                    required: ['id', 'title', 'start', 'end'],
                    properties: {
                      id: {
                        type: 'string',
                      },
                      title: {
                        type: 'string',
                      },
                      start: {
                        type: 'string',
                        format: 'date-time',
                      },
                      end: {
                        type: 'string',
                        format: 'date-time',
                      },
                    },
                  },
                },
                opensAt: {
                  type: 'string',
                  format: 'date-time',
                },
              },
            },
          },
          unlisted: {
            description:
              'Frozen tenants the reader may read that `tenants` leaves out (it lists 20 at most).',
            type: 'integer',
            minimum: 0,
          },
        },
      },
      WaveRef: {
        description: "A wave of the rollout's plan.",
        type: 'object',
        additionalProperties: false,
        required: ['index', 'name'],
        properties: {
          index: {
            type: 'integer',
            minimum: 0,
          },
          name: {
            type: 'string',
          },
        },
      },
      Gate: {
        description:
          "The scorecards gate for the rollout's release and environment, as the rollout asked it\n(`ScorecardsClient.getGate`). `absent`: the scorecards plugin did not answer, and\n`passed` is what `tenantRollouts.gate.whenScorecardsAbsent` says. The release's\nscorecard is the entity's scorecards tab, on the release `version`.\n",
        type: 'object',
        additionalProperties: false,
        required: [
          'entityRef',
          'version',
          'environment',
          'decision',
          'passed',
          'message',
          'reasons',
        ],
        properties: {
          entityRef: {
            type: 'string',
          },
          version: {
            type: 'string',
          },
          environment: {
            type: 'string',
          },
          decision: {
            type: 'string',
            enum: ['pass', 'warn', 'fail', 'absent'],
          },
          passed: {
            description:
              'Whether the gate lets the release in (`pass` and `warn` do).',
            type: 'boolean',
          },
          message: {
            type: 'string',
          },
          reasons: {
            description:
              'The checks behind the decision, blocking ones first; at most ten.',
            type: 'array',
            maxItems: 10,
            items: {
              type: 'object',
              additionalProperties: false,
              required: ['checkId', 'title', 'reason', 'enforcement'],
              properties: {
                checkId: {
                  type: 'string',
                },
                title: {
                  type: 'string',
                },
                reason: {
                  type: 'string',
                },
                enforcement: {
                  description: '`fail` blocks the gate, `warn` only warns.',
                  type: 'string',
                  enum: ['fail', 'warn'],
                },
              },
            },
          },
        },
      },
      NextAction: {
        description:
          "An action the rollout's state allows now, and whether the world does: `blockers` are\nwhat the action would be refused on if it were taken at `evaluatedAt` (the same checks\nthe action runs; a 409 carries them), empty when it can succeed. Who may take it is the\npermissions' business, not this answer's.\n",
        type: 'object',
        additionalProperties: false,
        required: ['action', 'ready', 'blockers'],
        properties: {
          action: {
            $ref: '#/components/schemas/RolloutAction',
          },
          wave: {
            description: 'The wave the action deploys (`start`, `advance`).',
            allOf: [
              {
                $ref: '#/components/schemas/WaveRef',
              },
            ],
          },
          ready: {
            description: 'Nothing blocks it.',
            type: 'boolean',
          },
          blockers: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/Blocker',
            },
          },
        },
      },
      RolloutHeader: {
        description:
          'What every answer about a rollout says of it, in its list and on its own.',
        type: 'object',
        required: [
          'id',
          'entityRef',
          'version',
          'environment',
          'state',
          'currentWave',
          'lockVersion',
          'createdBy',
          'createdAt',
          'updatedAt',
        ],
        properties: {
          id: {
            type: 'integer',
          },
          entityRef: {
            type: 'string',
          },
          version: {
            type: 'string',
          },
          environment: {
            type: 'string',
          },
          state: {
            $ref: '#/components/schemas/RolloutState',
          },
          currentWave: {
            type: 'integer',
            description: 'Index of the wave being deployed',
          },
          lockVersion: {
            type: 'integer',
            description: 'Bumped by every action',
          },
          createdBy: {
            type: 'string',
          },
          createdAt: {
            type: 'string',
            format: 'date-time',
          },
          updatedAt: {
            type: 'string',
            format: 'date-time',
          },
        },
      },
      RolloutPosition: {
        description:
          'Where a rollout is in its state machine: what a 409 carries, and an applied action\nanswers (with `updatedAt`).\n',
        type: 'object',
        required: ['id', 'state', 'currentWave', 'lockVersion'],
        properties: {
          id: {
            type: 'integer',
          },
          state: {
            $ref: '#/components/schemas/RolloutState',
          },
          currentWave: {
            type: 'integer',
            description: 'Index of the wave being deployed',
          },
          lockVersion: {
            type: 'integer',
            description: 'Bumped by every action',
          },
        },
      },
      RolloutActionResult: {
        description:
          "An applied action: the rollout's position after it, the action, and what an override\nwent past. Small whatever the rollout's size; the board is `GET /rollouts/{id}`.\n",
        type: 'object',
        required: ['rollout', 'action', 'overridden'],
        properties: {
          rollout: {
            allOf: [
              {
                $ref: '#/components/schemas/RolloutPosition',
              },
              {
                type: 'object',
                required: ['updatedAt'],
                properties: {
                  updatedAt: {
                    type: 'string',
                    format: 'date-time',
                    description: 'When the action was applied.',
                  },
                },
              },
            ],
          },
          action: {
            $ref: '#/components/schemas/RolloutAction',
          },
          overridden: {
            description:
              'The blockers an override went past, each as `kind: message`; empty without an\noverride, or when nothing blocked the action.\n',
            type: 'array',
            items: {
              type: 'string',
            },
          },
        },
      },
      RolloutSummary: {
        allOf: [
          {
            $ref: '#/components/schemas/RolloutHeader',
          },
          {
            type: 'object',
            required: ['waveCount', 'tenantCount'],
            properties: {
              waveCount: {
                type: 'integer',
              },
              tenantCount: {
                type: 'integer',
              },
            },
          },
        ],
      },
      Rollout: {
        allOf: [
          {
            $ref: '#/components/schemas/RolloutHeader',
          },
          {
            type: 'object',
            required: [
              'strategy',
              'waves',
              'tenants',
              'axisValues',
              'heatmap',
              'analysis',
              'events',
              'evaluatedAt',
              'nextActions',
            ],
            properties: {
              strategy: {
                $ref: '#/components/schemas/RolloutStrategy',
              },
              strategySource: {
                type: 'string',
                description:
                  "Where the strategy came from: `request`, `config:<name>` (named in the request, or\n`config:default`), `built-in`, or the URL of the entity's strategy file\n(its rollout-strategy annotation). Absent for rollouts planned before it was recorded.\n",
                example:
                  'https://github.com/meridian/inventory/blob/main/deploy/rollout.yaml',
              },
              evaluatedAt: {
                type: 'string',
                format: 'date-time',
                description:
                  "When the tenants' freeze status, the gate and the next actions were evaluated.",
              },
              waves: {
                description:
                  'Every wave, summarized over the tenants the caller may read.',
                type: 'array',
                items: {
                  $ref: '#/components/schemas/WaveSummary',
                },
              },
              tenants: {
                description:
                  "The page of the tenants matching the query, in the plan's order (wave by wave).",
                type: 'object',
                additionalProperties: false,
                required: ['items', 'total', 'offset', 'limit'],
                properties: {
                  items: {
                    type: 'array',
                    items: {
                      $ref: '#/components/schemas/BoardTenant',
                    },
                  },
                  total: {
                    description: 'How many tenants match the query.',
                    type: 'integer',
                    minimum: 0,
                  },
                  offset: {
                    type: 'integer',
                    minimum: 0,
                  },
                  limit: {
                    type: 'integer',
                    minimum: 1,
                  },
                },
              },
              axisValues: {
                description:
                  'The values each tenant axis takes among the tenants the caller may read, sorted; what the filters offer.',
                type: 'object',
                additionalProperties: false,
                required: ['segment', 'region', 'tier', 'cloud'],
                properties: {
                  segment: {
                    type: 'array',
                    items: {
                      type: 'string',
                    },
                  },
                  region: {
                    type: 'array',
                    items: {
                      type: 'string',
                    },
                  },
                  tier: {
                    type: 'array',
                    items: {
                      type: 'string',
                    },
                  },
                  cloud: {
                    type: 'array',
                    items: {
                      type: 'string',
                    },
                  },
                },
              },
              heatmap: {
                description:
                  'Every tenant the caller may read, counted once in its region and tier.',
                type: 'array',
                items: {
                  $ref: '#/components/schemas/HeatCell',
                },
              },
              analysis: {
                $ref: '#/components/schemas/FailureAnalysis',
              },
              nextActions: {
                description:
                  "What the rollout's state allows now (the buttons of its board), in the state machine's\norder, each with what would block it: the current wave's health and bake time\n(`advance`, `complete`), freeze windows over the wave it deploys and the gate\n(`start`, `advance`). Empty once the rollout is completed or rolled back.\n",
                type: 'array',
                items: {
                  $ref: '#/components/schemas/NextAction',
                },
              },
              gate: {
                description:
                  'The scorecards gate of the release in the environment, asked once per answer while\nthe rollout can still deploy a wave (planned, running or paused); absent once it is\ncompleted or rolled back.\n',
                allOf: [
                  {
                    $ref: '#/components/schemas/Gate',
                  },
                ],
              },
              events: {
                type: 'array',
                items: {
                  type: 'object',
                  required: [
                    'id',
                    'action',
                    'fromState',
                    'toState',
                    'waveIndex',
                    'actor',
                    'reason',
                    'override',
                    'occurredAt',
                  ],
                  properties: {
                    id: {
                      type: 'integer',
                    },
                    action: {
                      $ref: '#/components/schemas/RolloutAction',
                    },
                    fromState: {
                      $ref: '#/components/schemas/RolloutState',
                    },
                    toState: {
                      $ref: '#/components/schemas/RolloutState',
                    },
                    waveIndex: {
                      type: 'integer',
                    },
                    actor: {
                      type: 'string',
                    },
                    reason: {
                      type: 'string',
                      nullable: true,
                    },
                    override: {
                      type: 'boolean',
                    },
                    occurredAt: {
                      type: 'string',
                      format: 'date-time',
                    },
                  },
                },
              },
            },
          },
        ],
      },
      BoardStatusFilter: {
        description:
          'A tenant status, or `frozen` for the tenants in a freeze window now.',
        type: 'string',
        enum: [
          'pending',
          'deploying',
          'healthy',
          'degraded',
          'failed',
          'rolled-back',
          'frozen',
        ],
      },
      HeatCell: {
        description: 'The tenants of one region and tier, by outcome.',
        type: 'object',
        additionalProperties: false,
        required: ['region', 'tier', 'total', 'healthy', 'failed', 'unsettled'],
        properties: {
          region: {
            type: 'string',
          },
          tier: {
            type: 'string',
          },
          total: {
            type: 'integer',
            minimum: 0,
          },
          healthy: {
            type: 'integer',
            minimum: 0,
          },
          failed: {
            description: 'Failed, degraded or rolled back.',
            type: 'integer',
            minimum: 0,
          },
          unsettled: {
            description: 'Pending or deploying.',
            type: 'integer',
            minimum: 0,
          },
        },
      },
      WaveSummary: {
        description:
          'A wave of the plan and how its tenants (those the caller may read) stand.',
        type: 'object',
        required: [
          'index',
          'name',
          'bakeMinutes',
          'healthThreshold',
          'phase',
          'total',
          'healthy',
          'frozen',
          'lastChangeAt',
          'counts',
        ],
        properties: {
          index: {
            type: 'integer',
          },
          name: {
            type: 'string',
          },
          bakeMinutes: {
            type: 'integer',
          },
          healthThreshold: {
            type: 'number',
          },
          phase: {
            type: 'string',
            enum: ['done', 'current', 'upcoming'],
          },
          total: {
            type: 'integer',
          },
          healthy: {
            type: 'integer',
          },
          frozen: {
            type: 'integer',
            description: 'Tenants frozen now',
          },
          lastChangeAt: {
            type: 'string',
            format: 'date-time',
            nullable: true,
          },
          counts: {
            description: 'Tenants per status.',
            type: 'object',
            additionalProperties: false,
            required: [
              'pending',
              'deploying',
              'healthy',
              'degraded',
              'failed',
              'rolled-back',
            ],
            properties: {
              pending: {
                type: 'integer',
                minimum: 0,
              },
              deploying: {
                type: 'integer',
                minimum: 0,
              },
              healthy: {
                type: 'integer',
                minimum: 0,
              },
              degraded: {
                type: 'integer',
                minimum: 0,
              },
              failed: {
                type: 'integer',
                minimum: 0,
              },
              'rolled-back': {
                type: 'integer',
                minimum: 0,
              },
            },
          },
        },
      },
      BoardTenant: {
        description:
          'A tenant on the board - where it is in the plan, its status and whether it is frozen now.',
        type: 'object',
        required: [
          'ref',
          'title',
          'segment',
          'region',
          'tier',
          'cloud',
          'tenancy',
          'timeZone',
          'wave',
          'placement',
          'status',
          'detail',
          'updatedAt',
          'freeze',
        ],
        properties: {
          ref: {
            type: 'string',
          },
          title: {
            type: 'string',
          },
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
            enum: ['shared', 'dedicated'],
          },
          timeZone: {
            type: 'string',
          },
          wave: {
            type: 'integer',
            description: "The index of the tenant's wave",
          },
          placement: {
            type: 'string',
            enum: ['selected', 'percentage', 'remainder', 'forced-last'],
            description: 'Why the planner put the tenant in its wave',
          },
          status: {
            $ref: '#/components/schemas/TenantStatus',
          },
          detail: {
            type: 'string',
            nullable: true,
          },
          updatedAt: {
            type: 'string',
            format: 'date-time',
          },
          freeze: {
            $ref: '#/components/schemas/FreezeStatus',
          },
        },
      },
      Wave: {
        description:
          "A wave's summary with every one of its tenants (of those the caller may read).",
        allOf: [
          {
            $ref: '#/components/schemas/WaveSummary',
          },
          {
            type: 'object',
            required: ['tenants'],
            properties: {
              tenants: {
                type: 'array',
                items: {
                  $ref: '#/components/schemas/BoardTenant',
                },
              },
            },
          },
        ],
      },
      RolloutWave: {
        type: 'object',
        required: ['rollout', 'wave'],
        properties: {
          rollout: {
            type: 'object',
            required: [
              'id',
              'entityRef',
              'version',
              'environment',
              'state',
              'currentWave',
              'lockVersion',
            ],
            properties: {
              id: {
                type: 'integer',
              },
              entityRef: {
                type: 'string',
              },
              version: {
                type: 'string',
              },
              environment: {
                type: 'string',
              },
              state: {
                $ref: '#/components/schemas/RolloutState',
              },
              currentWave: {
                type: 'integer',
              },
              lockVersion: {
                type: 'integer',
              },
            },
          },
          wave: {
            $ref: '#/components/schemas/Wave',
          },
        },
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
  createValidatedOpenApiRouterFromGeneratedEndpointMap<TenantRolloutsEndpointMap>(
    spec as never,
    options,
  );
