// Generated from plugins/scorecards-backend/src/schema/openapi.yaml by `yarn openapi:generate`. Do not edit: change the spec.
/* eslint-disable */

import { createValidatedOpenApiRouterFromGeneratedEndpointMap } from '@backstage/backend-openapi-utils';
import type { ScorecardsEndpointMap } from '@waybill/plugin-scorecards-common';

/** The spec the router validates requests against, its paths relative to the router. */
export const spec = {
  openapi: '3.0.3',
  info: {
    title: 'Waybill release scorecards',
    version: '0.1.0',
    license: {
      name: 'Apache-2.0',
      url: 'https://www.apache.org/licenses/LICENSE-2.0',
    },
    description:
      'The HTTP API of `@waybill/plugin-scorecards-backend`, mounted at `/api/scorecards` on the\nBackstage backend.\n\nCI pipelines upload the files they already produce for a release (one version of one\ncatalog entity): JUnit XML, Cobertura XML or LCOV, SARIF, CycloneDX JSON and Waybill\'s\nreadiness JSON. Each upload is parsed into facts, the release is scored against the policy\nin `scorecards.policy`, and the result is stored. Deployment jobs then ask the gate route\n"may version V of X go to environment E?" and get an answer from the stored result, without\nre-evaluation. Delivery events (Waybill JSON or CDEvents) feed the DORA figures.\n\nEvery route needs a Backstage token of a user or of a service (pipelines call as service\nprincipals through `backend.auth.externalAccess`) and a permission: uploads and delivery\nevents need `scorecards.evidence.upload`, reads need `scorecards.release.read`, overrides\nneed `scorecards.gate.override` and re-evaluation needs `scorecards.policy.reevaluate`.\nOverrides and re-evaluation are made by people: a service principal gets 403 whatever its\naccess restrictions allow. A pipeline (`pipeline:<provider>:<repository>`, from\n`backend.auth.externalAccess` type `waybill-pipeline`) uploads evidence and reports delivery\nevents only for entities whose `github.com/project-slug` or `gitlab.com/project-slug`\nannotation names its repository; a token of any other external issuer (`external:...`) for\nnone.\n\nReads show a user only the entities the catalog lets them read: the permission framework is\nasked about `catalog.entity.read` with the user\'s credentials, and under a conditional\ndecision (e.g. only entities they own) the catalog says, with those credentials, which of\nthe entities with releases they may read. To that user another entity is not there: the\nportfolio\'s pages, `totalCount`, summary counts and CSV leave it out, DORA figures do not\ncount its events, and its releases, release, gate, gate overrides and `/dora?entityRef=`\nanswer 404 (`EntityNotFound`), as for an entity the catalog does not hold. What a readable\nentity itself declares (its owner and system) is shown as the catalog shows it. Service\nprincipals read every entity.\n\nEvery request is validated against this document before its route reads it. An\noperation\'s `x-permission` is checked first: a caller without it gets 401 or 403, not a 400\nabout its input. Errors have the Backstage error body, `{ "error": { "name", "message" },\n"request", "response" }`; `error.message` names every problem, e.g.\n`request/query/limit must be <= 200`.\n\nQuery strings are strict: every route answers 400 to a query parameter it does not know.\nTheir values may carry reserved characters without percent-encoding them\n(`?entityRef=component:default/inventory`), as `allowReserved` says.\n',
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
      name: 'evidence',
      description: 'Uploads from CI pipelines.',
    },
    {
      name: 'releases',
      description: 'Stored scorecards and release history.',
    },
    {
      name: 'gates',
      description: 'Promotion gates and their overrides.',
    },
    {
      name: 'portfolio',
      description: "Every entity's latest release, for dashboards and exports.",
    },
    {
      name: 'dora',
      description: 'Delivery events and the four DORA keys.',
    },
    {
      name: 'policy',
      description: 'The scoring policy.',
    },
    {
      name: 'waivers',
      description:
        'Accepting one failing check of a release, for one environment, until an expiry: requested\nby one person, approved by another.\n',
    },
    {
      name: 'enforcement',
      description:
        "Signed gate decisions, and the routes deployment engines (Argo Rollouts, Kargo, Flagger)\nask before they promote. GitHub's custom deployment protection rule is served beside this\nAPI (its webhook is signed by GitHub, not by a Backstage token); see the README.\n",
    },
  ],
  paths: {
    '/entities/{kind}/{namespace}/{name}/releases/{version}/evidence/{evidenceKind}':
      {
        post: {
          operationId: 'uploadEvidence',
          'x-permission': 'scorecards.evidence.upload',
          tags: ['evidence'],
          summary: 'Upload one evidence file for a release',
          description:
            "Send the file as it is, as the request body. The release is created by its first upload.\nThe format is told from the body (`<` is XML, `TN:`/`SF:` is LCOV, `{` is JSON); the\nContent-Type must fit it (a type listed below for that format, or\n`application/octet-stream` for any).\n\n| evidenceKind   | formats                                  |\n| -------------- | ---------------------------------------- |\n| `tests`        | JUnit XML                                |\n| `coverage`     | Cobertura XML or LCOV                    |\n| `security`     | SARIF 2.1.0 JSON                         |\n| `dependencies` | CycloneDX 1.4–1.6 JSON (not XML)         |\n| `readiness`    | Waybill readiness JSON (ReadinessDocument) |\n| `signature`    | Sigstore bundle (v0.1–0.3) or DSSE envelope, holding an in-toto Statement |\n| `provenance`   | SLSA provenance v1 in a Sigstore bundle or a DSSE envelope |\n\n`signature` and `provenance` are verified before anything is stored: the signature\nagainst the trust in `scorecards.trust` (a configured public key, or a certificate from a\nSigstore trusted root whose identity and issuer match the entity's repository), and the\nstatement's subject against the release's artifact digest (`artifactDigest` of this\nupload or an earlier one). A bundle that does not verify gets 400 naming why. Message\nsignature bundles (`cosign sign-blob`) sign a file Waybill does not hold and are refused:\nupload an attestation (`cosign attest-blob --new-bundle-format`, `actions/attest-build-provenance`).\n\nUploading the same bytes again for the same release and kind is idempotent: the answer is\n200 with `duplicate: true` and the stored evaluation. A new file of a kind replaces the\nrelease's current evidence of that kind and the release is scored again. A file that does\nnot parse stores nothing and gets 400 naming the problem (line and column for XML).\n\nThe entity must exist in the catalog. Requires `scorecards.evidence.upload`.\n\n```sh\ncurl -X POST -H \"Authorization: Bearer $WAYBILL_CI_TOKEN\" \\\n  -H 'Content-Type: application/xml' --data-binary @junit.xml \\\n  \"$WAYBILL_BASE_URL/api/scorecards/entities/component/default/inventory/releases/4.2.0/evidence/tests?commit=$GITHUB_SHA\"\n```\n",
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
              $ref: '#/components/parameters/Version',
            },
            {
              $ref: '#/components/parameters/EvidenceKind',
            },
            {
              $ref: '#/components/parameters/Commit',
            },
            {
              $ref: '#/components/parameters/PipelineUrl',
            },
            {
              $ref: '#/components/parameters/UploadEnvironment',
            },
            {
              $ref: '#/components/parameters/ArtifactDigest',
            },
          ],
          requestBody: {
            required: true,
            description:
              'The evidence file, unchanged. At most `scorecards.maxUploadBytes` bytes (10 MiB by\ndefault); larger bodies get 413. The file is read by the parser of its format, which\nnames the line (and column) of a problem and refuses a Content-Type that contradicts\nthe format (400); the schemas below describe the JSON formats.\n',
            content: {
              'application/xml': {
                schema: {
                  type: 'string',
                  format: 'binary',
                  description:
                    'JUnit XML (`tests`) or Cobertura XML (`coverage`).',
                },
              },
              'text/xml': {
                schema: {
                  type: 'string',
                  format: 'binary',
                  description:
                    'JUnit XML (`tests`) or Cobertura XML (`coverage`).',
                },
              },
              'application/json': {
                schema: {
                  description:
                    'A SARIF 2.1.0 log (`security`), a CycloneDX JSON SBOM (`dependencies`) or a\nWaybill readiness document (`readiness`), a Sigstore bundle or a DSSE envelope\n(`signature`, `provenance`).\n',
                  anyOf: [
                    {
                      $ref: '#/components/schemas/SarifLog',
                    },
                    {
                      $ref: '#/components/schemas/CycloneDxBom',
                    },
                    {
                      $ref: '#/components/schemas/ReadinessDocument',
                    },
                    {
                      $ref: '#/components/schemas/SigstoreBundleUpload',
                    },
                    {
                      $ref: '#/components/schemas/DsseEnvelopeUpload',
                    },
                  ],
                },
              },
              'application/vnd.dev.sigstore.bundle.v0.3+json': {
                schema: {
                  $ref: '#/components/schemas/SigstoreBundleUpload',
                },
              },
              'application/vnd.dev.sigstore.bundle+json': {
                schema: {
                  $ref: '#/components/schemas/SigstoreBundleUpload',
                },
              },
              'application/sarif+json': {
                schema: {
                  $ref: '#/components/schemas/SarifLog',
                },
              },
              'application/vnd.cyclonedx+json': {
                schema: {
                  $ref: '#/components/schemas/CycloneDxBom',
                },
              },
              'text/plain': {
                schema: {
                  type: 'string',
                  format: 'binary',
                  description:
                    'An LCOV tracefile (`coverage`), or any of the other formats.',
                },
              },
              'application/octet-stream': {
                schema: {
                  type: 'string',
                  format: 'binary',
                  description: 'Any of the formats; the body decides.',
                },
              },
            },
          },
          responses: {
            '200': {
              description:
                'The same file (same SHA-256) was already stored for this release and kind; nothing\nchanged. `duplicate` is true and `evaluation` is the stored one.\n',
              content: {
                'application/json': {
                  schema: {
                    $ref: '#/components/schemas/RecordEvidenceResult',
                  },
                },
              },
            },
            '201': {
              description: 'The file was stored and the release scored again.',
              content: {
                'application/json': {
                  schema: {
                    $ref: '#/components/schemas/RecordEvidenceResult',
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
            default: {
              $ref: '#/components/responses/UnexpectedError',
            },
          },
        },
      },
    '/events': {
      post: {
        operationId: 'recordDeliveryEvents',
        'x-permission': 'scorecards.evidence.upload',
        tags: ['dora'],
        summary: 'Record delivery events for DORA',
        description:
          'Deployments, rollbacks, incidents and merged changes, as Waybill JSON or as CDEvents\n(v0.4, any `0.x` version of `service.deployed`, `service.upgraded`, `service.rolledback`,\n`incident.detected`, `incident.resolved`, `change.merged`). The body is one event, an\narray of events (Waybill and CDEvents may be mixed; an element with a `context` is read\nas a CDEvent), or `{ "events": [...] }` with such an array.\n\nSending an event twice is harmless: events are unique by `source` and `id` (for\nCDEvents `context.source` and `context.id`); a Waybill event without an `id` gets one\nderived from its content. Every event\'s entity must exist in the catalog, otherwise\nnothing is stored and the answer is 400 listing the unknown refs. Send the body as\n`application/json`. Requires `scorecards.evidence.upload`.\n',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/DeliveryEventsRequest',
              },
            },
          },
        },
        responses: {
          '201': {
            description:
              'The events were stored; duplicates of stored events were skipped.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/DeliveryEventsResult',
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
          default: {
            $ref: '#/components/responses/UnexpectedError',
          },
        },
      },
    },
    '/entities/{kind}/{namespace}/{name}/releases': {
      get: {
        operationId: 'listReleases',
        'x-permission': 'scorecards.release.read',
        tags: ['releases'],
        summary: "An entity's releases, newest first",
        description:
          "Every release of the entity that has evidence, with its stored score and grade and its\ngate per environment (the policy's decision and the one after active overrides). An\nentity without releases, or unknown to the catalog, has an empty list; one the user may\nnot read in the catalog gets 404. Requires `scorecards.release.read`.\n",
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
            name: 'limit',
            in: 'query',
            allowReserved: true,
            description: 'How many releases to return at most.',
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
            description: 'The releases, newest first.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/ReleaseHistory',
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
            $ref: '#/components/responses/EntityNotFound',
          },
          default: {
            $ref: '#/components/responses/UnexpectedError',
          },
        },
      },
    },
    '/entities/{kind}/{namespace}/{name}/releases/{version}': {
      get: {
        operationId: 'getRelease',
        'x-permission': 'scorecards.release.read',
        tags: ['releases'],
        summary: "A release's scorecard",
        description:
          "The release's current evidence (the latest upload of each kind), its stored evaluation\nwith every check's result, and every override ever made, expired ones included.\nRequires `scorecards.release.read`.\n",
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
            $ref: '#/components/parameters/Version',
          },
        ],
        responses: {
          '200': {
            description: 'The release.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/ReleaseRecord',
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
          default: {
            $ref: '#/components/responses/UnexpectedError',
          },
        },
      },
    },
    '/entities/{kind}/{namespace}/{name}/releases/{version}/gates/{environment}':
      {
        get: {
          operationId: 'getGate',
          'x-permission': 'scorecards.release.read',
          tags: ['gates'],
          summary: 'May this release be promoted to this environment?',
          description:
            'Answers from the stored evaluation. `decision` is what a deployment job acts on: `pass`\n(promote), `warn` (promote, with warnings) or `fail` (block). An active override turns\n`warn` or `fail` into `pass`; `policyDecision` is the policy\'s decision alone. `reasons`\nlists the failing or missing checks behind the decision, blocking ones first, each with\na fix hint.\n\nA release without evidence is not promotable: the answer is 200 with `decision: fail`,\nno reasons, and null `score` and `grade`. An environment that is not one of\n`scorecards.environments` gets 400. Requires `scorecards.release.read`.\n\n```sh\ndecision=$(curl -fsS -H "Authorization: Bearer $WAYBILL_CI_TOKEN" \\\n  "$WAYBILL_BASE_URL/api/scorecards/entities/component/default/inventory/releases/4.2.0/gates/production" \\\n  | jq -r .decision)\n[ "$decision" != fail ] || exit 1\n```\n',
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
              $ref: '#/components/parameters/Version',
            },
            {
              $ref: '#/components/parameters/Environment',
            },
            {
              $ref: '#/components/parameters/TenantSegment',
            },
          ],
          responses: {
            '200': {
              description: "The gate's answer.",
              content: {
                'application/json': {
                  schema: {
                    $ref: '#/components/schemas/GateAnswer',
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
              $ref: '#/components/responses/EntityNotFound',
            },
            default: {
              $ref: '#/components/responses/UnexpectedError',
            },
          },
        },
      },
    '/entities/{kind}/{namespace}/{name}/releases/{version}/gates/{environment}/overrides':
      {
        post: {
          operationId: 'overrideGate',
          'x-permission': 'scorecards.gate.override',
          tags: ['gates'],
          summary: "Let a release through one environment's gate until a time",
          description:
            "Records who let the release through, why and until when; the gate answers `pass` until\n`expiresAt` or until the override is revoked. `expiresAt` may be at most\n`scorecards.overrides.maxDurationDays` days away (14 by default; the release's\n`maxOverrideDays` says how many): a later one gets 400 naming the limit. Overrides are\nnever deleted: they stay on the release's record after they expire or are revoked. The\naction is audited. Requires `scorecards.gate.override` and a person signed in to the\nportal (403 for a service principal); the actor is the user entity ref.\n",
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
              $ref: '#/components/parameters/Version',
            },
            {
              $ref: '#/components/parameters/Environment',
            },
          ],
          requestBody: {
            required: true,
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/GateOverrideRequest',
                },
              },
            },
          },
          responses: {
            '201': {
              description: 'The override, in force until `expiresAt`.',
              content: {
                'application/json': {
                  schema: {
                    $ref: '#/components/schemas/GateOverride',
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
            '413': {
              $ref: '#/components/responses/PayloadTooLarge',
            },
            default: {
              $ref: '#/components/responses/UnexpectedError',
            },
          },
        },
      },
    '/entities/{kind}/{namespace}/{name}/releases/{version}/gates/{environment}/overrides/{overrideId}/revoke':
      {
        post: {
          operationId: 'revokeGateOverride',
          'x-permission': 'scorecards.gate.override',
          tags: ['gates'],
          summary: 'End a gate override before it expires',
          description:
            "Ends an active override now: the gate answers from the policy again (or from another\nactive override of the environment). The override stays on the release's record with\n`revokedAt`, `revokedBy` and `revokeReason`. An override that is not one of this\nrelease's overrides in this environment gets 404; one already revoked or expired gets\n409. The action is audited. Requires `scorecards.gate.override` and a person signed in\nto the portal (403 for a service principal); `revokedBy` is the user entity ref.\n",
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
              $ref: '#/components/parameters/Version',
            },
            {
              $ref: '#/components/parameters/Environment',
            },
            {
              $ref: '#/components/parameters/OverrideId',
            },
          ],
          requestBody: {
            required: true,
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/GateOverrideRevocation',
                },
              },
            },
          },
          responses: {
            '200': {
              description: 'The override, revoked.',
              content: {
                'application/json': {
                  schema: {
                    $ref: '#/components/schemas/GateOverride',
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
              $ref: '#/components/responses/OverrideNotFound',
            },
            '409': {
              $ref: '#/components/responses/OverrideNotActive',
            },
            '413': {
              $ref: '#/components/responses/PayloadTooLarge',
            },
            default: {
              $ref: '#/components/responses/UnexpectedError',
            },
          },
        },
      },
    '/portfolio': {
      get: {
        operationId: 'getPortfolio',
        'x-permission': 'scorecards.release.read',
        tags: ['portfolio'],
        summary: "Every entity's latest release, filtered, sorted and paged",
        description:
          "One item per entity that has releases: its latest release's score, grade, gate decisions\n(`gates`, the policy's; `effectiveGates`, after the overrides active now, as the release's\nown page shows them) and the checks that fail or lack evidence. Filters combine with AND;\n`gate` filters on the policy's decisions.\nPage with `cursor`: pass the previous page's `nextCursor` with the same filters and\nsort; the last page has no `nextCursor`. Requires `scorecards.release.read`.\n",
        parameters: [
          {
            $ref: '#/components/parameters/Owner',
          },
          {
            $ref: '#/components/parameters/System',
          },
          {
            $ref: '#/components/parameters/Tier',
          },
          {
            $ref: '#/components/parameters/BusinessProcess',
          },
          {
            $ref: '#/components/parameters/Grade',
          },
          {
            $ref: '#/components/parameters/Gate',
          },
          {
            $ref: '#/components/parameters/Waived',
          },
          {
            $ref: '#/components/parameters/Sort',
          },
          {
            name: 'limit',
            in: 'query',
            allowReserved: true,
            description: 'Items per page.',
            schema: {
              type: 'integer',
              minimum: 1,
              maximum: 200,
              default: 50,
            },
          },
          {
            name: 'cursor',
            in: 'query',
            allowReserved: true,
            description:
              'The `nextCursor` of the previous page, as handed out.',
            schema: {
              type: 'string',
              maxLength: 1000,
            },
          },
        ],
        responses: {
          '200': {
            description: 'One page of the portfolio.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/PortfolioPage',
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
          default: {
            $ref: '#/components/responses/UnexpectedError',
          },
        },
      },
    },
    '/portfolio/summary': {
      get: {
        operationId: 'getPortfolioSummary',
        'x-permission': 'scorecards.release.read',
        tags: ['portfolio'],
        summary:
          'How the matching entities spread over grades and gate decisions',
        description:
          "For the entities `/portfolio` would list with the same filters: how many have each grade,\nand per gated environment how many have each gate decision (the policy's, before\noverrides, as `gates` of `/portfolio` items and the `gate` filter read them). Every\ngrade, environment and decision is present, zeros included. Requires\n`scorecards.release.read`.\n",
        parameters: [
          {
            $ref: '#/components/parameters/Owner',
          },
          {
            $ref: '#/components/parameters/System',
          },
          {
            $ref: '#/components/parameters/Tier',
          },
          {
            $ref: '#/components/parameters/BusinessProcess',
          },
          {
            $ref: '#/components/parameters/Grade',
          },
          {
            $ref: '#/components/parameters/Gate',
          },
          {
            $ref: '#/components/parameters/Waived',
          },
        ],
        responses: {
          '200': {
            description: 'The counts.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/PortfolioSummary',
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
          default: {
            $ref: '#/components/responses/UnexpectedError',
          },
        },
      },
    },
    '/portfolio.csv': {
      get: {
        operationId: 'getPortfolioCsv',
        'x-permission': 'scorecards.release.read',
        tags: ['portfolio'],
        summary: 'The whole portfolio as CSV',
        description:
          "Every matching entity, not one page, one row per entity in the order of `sort`, as an\nattachment `waybill-portfolio.csv`. Columns: `entity`, `title`, `owner`, `system`,\n`tier`, `business_processes` (space-separated), `version`, `released_at`, `score`,\n`grade`, `gates` (`environment:decision`, space-separated), `failing_checks` (check ids,\nspace-separated). Cells are quoted as RFC 4180 says; text starting with `=`, `+`, `-` or\n`@` (also after white space) or with a tab or carriage return is prefixed with `'` so that\nspreadsheets do not run it. Takes the filters and sort\nof `/portfolio` and returns every matching row (no paging). Requires\n`scorecards.release.read`.\n",
        parameters: [
          {
            $ref: '#/components/parameters/Owner',
          },
          {
            $ref: '#/components/parameters/System',
          },
          {
            $ref: '#/components/parameters/Tier',
          },
          {
            $ref: '#/components/parameters/BusinessProcess',
          },
          {
            $ref: '#/components/parameters/Grade',
          },
          {
            $ref: '#/components/parameters/Gate',
          },
          {
            $ref: '#/components/parameters/Waived',
          },
          {
            $ref: '#/components/parameters/Sort',
          },
        ],
        responses: {
          '200': {
            description: 'The CSV, with a header row.',
            headers: {
              'Content-Disposition': {
                description: '`attachment; filename="waybill-portfolio.csv"`',
                schema: {
                  type: 'string',
                },
              },
            },
            content: {
              'text/csv': {
                schema: {
                  type: 'string',
                },
                example:
                  'entity,title,owner,system,tier,business_processes,version,released_at,score,grade,gates,failing_checks\ncomponent:default/inventory,inventory,group:default/warehouse-systems,,critical,,4.2.0,2026-11-23T12:00:00.000Z,41,F,staging:warn production:fail,line-coverage no-critical-vulnerabilities\n',
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
          default: {
            $ref: '#/components/responses/UnexpectedError',
          },
        },
      },
    },
    '/dora': {
      get: {
        operationId: 'getDora',
        'x-permission': 'scorecards.release.read',
        tags: ['dora'],
        summary: 'DORA figures over a window and the window before it',
        description:
          'Deployment frequency, lead time for changes, change failure rate and failed deployment\nrecovery time over `[from, to)`, and over the window of the same length just before it,\nfrom the stored delivery events. For one entity (`entityRef`), or for every entity with\nreleases that matches the portfolio filters (all of them without filters); `entityRefs`\nlists the entities counted. Requires `scorecards.release.read`.\n',
        parameters: [
          {
            name: 'entityRef',
            in: 'query',
            allowReserved: true,
            description:
              'One entity: a full ref, `namespace/name` or `name` (kind `component` and namespace\n`default` by default). The portfolio filters are ignored when it is given.\n',
            schema: {
              type: 'string',
              minLength: 1,
            },
            example: 'component:default/inventory',
          },
          {
            name: 'from',
            in: 'query',
            allowReserved: true,
            required: true,
            description:
              'Start of the window, inclusive; an ISO 8601 date or timestamp.',
            schema: {
              type: 'string',
            },
            example: '2026-11-01T00:00:00Z',
          },
          {
            name: 'to',
            in: 'query',
            allowReserved: true,
            required: true,
            description: 'End of the window, exclusive; after `from`.',
            schema: {
              type: 'string',
            },
            example: '2026-12-01T00:00:00Z',
          },
          {
            $ref: '#/components/parameters/Owner',
          },
          {
            $ref: '#/components/parameters/System',
          },
          {
            $ref: '#/components/parameters/Tier',
          },
          {
            $ref: '#/components/parameters/BusinessProcess',
          },
          {
            $ref: '#/components/parameters/Grade',
          },
          {
            $ref: '#/components/parameters/Gate',
          },
          {
            $ref: '#/components/parameters/Waived',
          },
        ],
        responses: {
          '200': {
            description: 'The figures for both windows.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/DoraResponse',
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
            $ref: '#/components/responses/EntityNotFound',
          },
          default: {
            $ref: '#/components/responses/UnexpectedError',
          },
        },
      },
    },
    '/entities/{kind}/{namespace}/{name}/releases/{version}/gates/{environment}/attestation':
      {
        get: {
          operationId: 'getGateAttestation',
          'x-permission': 'scorecards.release.read',
          tags: ['enforcement'],
          summary:
            "The gate's decision, signed, as an SLSA verification summary",
          description:
            'The gate\'s answer (as `getGate` gives it) as an in-toto Statement v1 with the SLSA\nVerification Summary predicate (`https://slsa.dev/verification_summary/v1`), in a DSSE\nenvelope signed with `scorecards.attestations.signingKey`. The subject is the release\'s\nartifact digest (`artifactDigest` of its uploads); `verificationResult` is `PASSED` when\nthe decision lets the release through (`pass` or `warn`, overrides included) and `FAILED`\notherwise; `predicate.waybill` carries the decision, score, grade, the checks behind it\nand any override. `verifiedLevels` names the gate (`WAYBILL_GATE_<ENV>_<DECISION>`) and,\nwhen Waybill verified the artifact\'s provenance itself, `SLSA_BUILD_LEVEL_<n>`.\n`?format=sigstore-bundle` answers the same envelope in a Sigstore\nbundle (v0.3, the key named by its hint, no transparency-log entry), the form cosign and\nsigstore-js read. Verify it with the public key from `/attestation/keys`, e.g.\n\n```sh\ncurl -fsS -H "Authorization: Bearer $WAYBILL_CI_TOKEN" "$WAYBILL_BASE_URL/api/scorecards/attestation/keys" \\\n  | jq -r \'.keys[] | select(.signing) | .publicKey\' > waybill.pub\ncurl -fsS -H "Authorization: Bearer $WAYBILL_CI_TOKEN" \\\n  "$WAYBILL_BASE_URL/api/scorecards/entities/component/default/inventory/releases/4.2.0/gates/production/attestation?format=sigstore-bundle" > vsa.sigstore.json\ncosign verify-blob-attestation --key waybill.pub --bundle vsa.sigstore.json \\\n  --type https://slsa.dev/verification_summary/v1 --insecure-ignore-tlog=true \\\n  --digest "${DIGEST#sha256:}" --digestAlg sha256\n```\n\n409 when the release has no evidence or no artifact digest (nothing to attest); 503 when\nno signing key is configured. Requires `scorecards.release.read`.\n',
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
              $ref: '#/components/parameters/Version',
            },
            {
              $ref: '#/components/parameters/Environment',
            },
            {
              name: 'format',
              in: 'query',
              description:
                '`dsse` (the default): the DSSE envelope; `sigstore-bundle`: the envelope in a Sigstore bundle.',
              schema: {
                type: 'string',
                enum: ['dsse', 'sigstore-bundle'],
                default: 'dsse',
              },
            },
          ],
          responses: {
            '200': {
              description: 'The signed verification summary.',
              content: {
                'application/json': {
                  schema: {
                    oneOf: [
                      {
                        $ref: '#/components/schemas/DsseEnvelope',
                      },
                      {
                        $ref: '#/components/schemas/SigstoreBundle',
                      },
                    ],
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
              $ref: '#/components/responses/EntityNotFound',
            },
            '409': {
              $ref: '#/components/responses/NothingToAttest',
            },
            '503': {
              $ref: '#/components/responses/AttestationsNotConfigured',
            },
            default: {
              $ref: '#/components/responses/UnexpectedError',
            },
          },
        },
      },
    '/waivers': {
      get: {
        operationId: 'listWaivers',
        'x-permission': 'scorecards.release.read',
        tags: ['waivers'],
        summary: 'Waivers, newest first',
        description:
          'Every waiver of the entities the caller may read, newest first, with its status at the\ntime of asking: `pending` (not approved yet), `active`, `expired` or `revoked`. Expired\nand revoked waivers stay on record. `expiringWithinDays` lists the active ones that end\nwithin that many days, soonest first. Requires `scorecards.release.read`.\n',
        parameters: [
          {
            name: 'entityRef',
            in: 'query',
            allowReserved: true,
            description: "Only this entity's waivers.",
            schema: {
              type: 'string',
              minLength: 1,
            },
          },
          {
            name: 'status',
            in: 'query',
            schema: {
              $ref: '#/components/schemas/WaiverStatus',
            },
          },
          {
            name: 'expiringWithinDays',
            in: 'query',
            description:
              'Only active waivers that expire within this many days, soonest first.',
            schema: {
              type: 'integer',
              minimum: 1,
              maximum: 365,
            },
          },
          {
            name: 'limit',
            in: 'query',
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
            description: 'The waivers.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/WaiverList',
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
          default: {
            $ref: '#/components/responses/UnexpectedError',
          },
        },
      },
      post: {
        operationId: 'requestWaiver',
        'x-permission': 'scorecards.waiver.request',
        tags: ['waivers'],
        summary:
          "Ask to accept one failing check of an entity's releases, for one environment",
        description:
          'A waiver names a check of the policy (`checkId`), optionally one finding it counts\n(`finding`: a vulnerability id or a SARIF rule id), the entity, the versions (`versionRange`:\none version, e.g. `5.2.0`, or a semver range, e.g. `>=5.2.0 <5.3.0`), the environment,\nwhy, and when it ends (at most `scorecards.waivers.maxDurationDays` days away, 30 by\ndefault). It does nothing until another person holding `scorecards.waiver.approve`\napproves it. While it is active, the gate of a matching release in that environment\nleaves the check out of its decision and lists the waiver (a finding waiver: when the\nfindings the check counts, less the accepted ones, are within what it allows); once it\nexpires or is revoked,\nthe gate is what the evidence says again. Requires `scorecards.waiver.request`, and a\nperson (403 for a service). Audited.\n',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/WaiverRequest',
              },
            },
          },
        },
        responses: {
          '201': {
            description: 'The waiver, pending approval.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Waiver',
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
            $ref: '#/components/responses/EntityNotFound',
          },
          '413': {
            $ref: '#/components/responses/PayloadTooLarge',
          },
          default: {
            $ref: '#/components/responses/UnexpectedError',
          },
        },
      },
    },
    '/waivers/{waiverId}/approve': {
      post: {
        operationId: 'approveWaiver',
        'x-permission': 'scorecards.waiver.approve',
        tags: ['waivers'],
        summary: 'Approve a pending waiver',
        description:
          'The waiver applies from now until it expires. The approver must be another person than\nthe one who asked (403 otherwise) and hold `scorecards.waiver.approve`. 409 for a waiver\nthat is not pending (approved, revoked or expired already). No body. Audited.\n',
        parameters: [
          {
            $ref: '#/components/parameters/WaiverId',
          },
        ],
        responses: {
          '200': {
            description: 'The approved waiver.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Waiver',
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
          '404': {
            $ref: '#/components/responses/NotFound',
          },
          '409': {
            $ref: '#/components/responses/WaiverNotPending',
          },
          default: {
            $ref: '#/components/responses/UnexpectedError',
          },
        },
      },
    },
    '/waivers/{waiverId}/revoke': {
      post: {
        operationId: 'revokeWaiver',
        'x-permission': 'scorecards.waiver.request',
        tags: ['waivers'],
        summary: 'End a pending or active waiver now',
        description:
          'The waiver stops applying at once and stays on record, revoked, with who, when and why.\nThe person who asked for it may revoke it, and so may a holder of\n`scorecards.waiver.approve` (403 for anyone else). 409 for a waiver revoked or expired\nalready. Audited.\n',
        parameters: [
          {
            $ref: '#/components/parameters/WaiverId',
          },
        ],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/WaiverRevocation',
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'The revoked waiver.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Waiver',
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
          '409': {
            $ref: '#/components/responses/WaiverNotPending',
          },
          '413': {
            $ref: '#/components/responses/PayloadTooLarge',
          },
          default: {
            $ref: '#/components/responses/UnexpectedError',
          },
        },
      },
    },
    '/attestation/keys': {
      get: {
        operationId: 'listAttestationKeys',
        'x-permission': 'scorecards.release.read',
        tags: ['enforcement'],
        summary: 'The public keys signed gate decisions verify with',
        description:
          "Every key of `scorecards.attestations.keys`: the one that signs now (`signing: true`)\nand the retired ones that attestations signed earlier still verify with. Each envelope's\nsignature names its key by `keyid`. An empty list when no key is configured. Requires\n`scorecards.release.read`.\n",
        responses: {
          '200': {
            description: 'The public keys.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/AttestationKeys',
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
          default: {
            $ref: '#/components/responses/UnexpectedError',
          },
        },
      },
    },
    '/enforcement/flagger/confirm-promotion': {
      post: {
        operationId: 'flaggerConfirmPromotion',
        tags: ['enforcement'],
        summary: "Flagger's confirm-promotion webhook",
        description:
          "Flagger calls a `confirm-promotion` webhook before it promotes a canary and holds the\npromotion while the answer is not 2xx. This one answers 200 when the release's gate\nlets it through to the environment and 412 (with the gate's reasons) when it does not,\nso Flagger keeps the canary unpromoted until the gate turns, an override is made or the\nanalysis gives up.\n\nFlagger sends no headers of its own, so the webhook's `metadata` carries the release\n(`entityRef`, `version`, `environment`) and a Backstage token (`token`: an external\naccess token from `backend.auth.externalAccess`). The token is checked first, as a\nbearer token would be: 401 without one (a body without `metadata.token` included) or\nwith a bad one, before anything else of the body is read; then it needs\n`scorecards.release.read` (403). The route needs no `Authorization` header; see the\nREADME for the Canary YAML. Bodies over 16 KiB get 413.\n",
        security: [],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/FlaggerWebhook',
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'The gate lets the release through; Flagger promotes.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/EnforcementAnswer',
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
            $ref: '#/components/responses/EntityNotFound',
          },
          '412': {
            description:
              'The gate holds the release; Flagger does not promote yet.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/EnforcementAnswer',
                },
              },
            },
          },
          '413': {
            $ref: '#/components/responses/PayloadTooLarge',
          },
          default: {
            $ref: '#/components/responses/UnexpectedError',
          },
        },
      },
    },
    '/policy/reevaluate': {
      post: {
        operationId: 'reevaluatePolicy',
        'x-permission': 'scorecards.policy.reevaluate',
        tags: ['policy'],
        summary: 'Re-score releases evaluated with an older policy, now',
        description:
          'Starts the `scorecards-reevaluate` task, which re-scores every release whose stored\nevaluation was made with another policy than the configured one. It runs every minute\nanyway; this only makes it run now. The answer comes before the work is done. No request\nbody. Requires `scorecards.policy.reevaluate`, and a person (403 for a service).\n',
        responses: {
          '202': {
            description: 'The task was started.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/ReevaluateResult',
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
          '409': {
            $ref: '#/components/responses/Conflict',
          },
          default: {
            $ref: '#/components/responses/UnexpectedError',
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
          "A Backstage token of a user (as the Backstage frontend sends it) or of a service: a\nplugin's service token, or an external access token from `backend.auth.externalAccess`\n(the usual choice for CI pipelines, e.g. a `static` token). Requests without one get 401.\n",
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
      Version: {
        name: 'version',
        in: 'path',
        required: true,
        description:
          "The release's version as the pipeline names it (a semver, a build number, ...),\nURL-encoded.\n",
        schema: {
          type: 'string',
          minLength: 1,
          maxLength: 255,
        },
        example: '4.2.0',
      },
      EvidenceKind: {
        name: 'evidenceKind',
        in: 'path',
        required: true,
        description:
          'What the file is evidence of; decides the formats accepted.',
        schema: {
          $ref: '#/components/schemas/EvidenceKind',
        },
      },
      Environment: {
        name: 'environment',
        in: 'path',
        required: true,
        description:
          'A gated environment, one of `scorecards.environments` (by default `staging`, `production`).',
        schema: {
          type: 'string',
          minLength: 1,
        },
        example: 'production',
      },
      WaiverId: {
        name: 'waiverId',
        in: 'path',
        required: true,
        description: "The waiver's `id`.",
        schema: {
          type: 'integer',
          minimum: 1,
        },
        example: 12,
      },
      OverrideId: {
        name: 'overrideId',
        in: 'path',
        required: true,
        description:
          "The override's `id`, as the release's `overrides` list it.",
        schema: {
          type: 'integer',
          minimum: 1,
        },
        example: 7,
      },
      Commit: {
        name: 'commit',
        in: 'query',
        allowReserved: true,
        description:
          'The commit the release was built from; the latest upload that gives one sets it.',
        schema: {
          type: 'string',
          maxLength: 255,
        },
        example: '4f2a9c1',
      },
      PipelineUrl: {
        name: 'pipelineUrl',
        in: 'query',
        allowReserved: true,
        description:
          'A link to the pipeline run, http(s) only (the portal links to it); the latest upload\nthat gives one sets it.\n',
        schema: {
          type: 'string',
          format: 'uri',
          pattern: '^[Hh][Tt][Tt][Pp][Ss]?://',
        },
        example: 'https://github.com/acme/inventory/actions/runs/9876543210',
      },
      ArtifactDigest: {
        name: 'artifactDigest',
        in: 'query',
        allowReserved: true,
        description:
          "The digest of the artifact the release ships (a container image's manifest digest), as\n`sha256:<64 hex>`; the latest upload that gives one sets it. A signed gate decision\nnames it as its subject.\n",
        schema: {
          type: 'string',
          pattern: '^sha256:[0-9a-f]{64}$',
        },
        example:
          'sha256:5f2e8ac5a8a3b1e4c1f0d9e8b7a6c5d4e3f2a1b0c9d8e7f6a5b4c3d2e1f0a9b8',
      },
      UploadEnvironment: {
        name: 'environment',
        in: 'query',
        allowReserved: true,
        description:
          'The environment the evidence was gathered in, when that matters (stored with it).',
        schema: {
          type: 'string',
          maxLength: 255,
        },
      },
      Owner: {
        name: 'owner',
        in: 'query',
        allowReserved: true,
        description:
          'The owning group, as `name`, `namespace/name` or a full ref (kind `group` by default).',
        schema: {
          type: 'string',
          minLength: 1,
        },
        example: 'warehouse-systems',
      },
      System: {
        name: 'system',
        in: 'query',
        allowReserved: true,
        description:
          'The system, as `name`, `namespace/name` or a full ref (kind `system` by default).',
        schema: {
          type: 'string',
          minLength: 1,
        },
      },
      Tier: {
        name: 'tier',
        in: 'query',
        allowReserved: true,
        description:
          "The entity's tier, from its tier annotation or label (Waybill's catalog conventions).",
        schema: {
          $ref: '#/components/schemas/Tier',
        },
      },
      BusinessProcess: {
        name: 'businessProcess',
        in: 'query',
        allowReserved: true,
        description:
          "A business process: the Domain an entity's business-processes annotation names, as its\nname (`order-to-cash`, read as `domain:default/order-to-cash`), `namespace/name` or a full\nref; compared as the normalized Domain ref, as the dependency map resolves it.\n",
        schema: {
          type: 'string',
          minLength: 1,
        },
        example: 'order-to-cash',
      },
      Grade: {
        name: 'grade',
        in: 'query',
        allowReserved: true,
        description: "The latest release's grade.",
        schema: {
          $ref: '#/components/schemas/Grade',
        },
      },
      Gate: {
        name: 'gate',
        in: 'query',
        allowReserved: true,
        description:
          "`environment:decision`: only entities whose latest release's stored gate decision in\nthat environment, the policy's before overrides (a portfolio item's `gates`, not its\n`effectiveGates`), is `decision`.\n",
        schema: {
          type: 'string',
          pattern: '^[^:]+:(pass|warn|fail)$',
        },
        example: 'production:fail',
      },
      TenantSegment: {
        name: 'segment',
        in: 'query',
        description:
          "The tenant segments the release is about to be delivered to (a tenant rollout's next\nwave), one parameter each. A waiver scoped to a tenant segment applies only when every\nsegment given is its own; without `segment`, such waivers do not apply.\n",
        style: 'form',
        explode: true,
        schema: {
          type: 'array',
          maxItems: 20,
          items: {
            type: 'string',
            minLength: 1,
            maxLength: 100,
          },
        },
        example: ['retail'],
      },
      Waived: {
        name: 'waived',
        in: 'query',
        description:
          '`true`: only entities whose latest release an active waiver covers, in any environment:\nthe releases that pass, or warn, with accepted exceptions. `false` or absent: no filter.\n',
        schema: {
          type: 'boolean',
        },
        example: true,
      },
      Sort: {
        name: 'sort',
        in: 'query',
        allowReserved: true,
        description:
          'The order: by entity ref, score or release time; `-` for descending.',
        schema: {
          $ref: '#/components/schemas/PortfolioSort',
        },
      },
    },
    responses: {
      BadRequest: {
        description:
          'The request is invalid; `error.message` names each problem, e.g. the path or query\nfield (`request/query/gate must match pattern "^[^:]+:(pass|warn|fail)$"`), the line of\na malformed file, an entity unknown to the catalog or an environment that is not gated.\nNothing was stored.\n',
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
        description:
          "The caller lacks the route's permission; `error.message` names it.",
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
          'The release has no evidence, so it does not exist yet; or the user may not read its\nentity in the catalog (see `EntityNotFound`).\n',
        content: {
          'application/json': {
            schema: {
              $ref: '#/components/schemas/ErrorResponse',
            },
          },
        },
      },
      EntityNotFound: {
        description:
          'The user may not read the entity in the catalog. To a user whose reads are decided\nentity by entity, an entity the catalog does not hold looks the same.\n',
        content: {
          'application/json': {
            schema: {
              $ref: '#/components/schemas/ErrorResponse',
            },
          },
        },
      },
      Conflict: {
        description: 'The re-evaluation task is running already.',
        content: {
          'application/json': {
            schema: {
              $ref: '#/components/schemas/ErrorResponse',
            },
          },
        },
      },
      WaiverNotPending: {
        description:
          'The waiver is not in a state that allows this (the message says which it is in).',
        content: {
          'application/json': {
            schema: {
              $ref: '#/components/schemas/ErrorResponse',
            },
          },
        },
      },
      NothingToAttest: {
        description:
          'The release has no evidence, or its uploads gave no `artifactDigest`: there is no subject\nto attest. The message says which.\n',
        content: {
          'application/json': {
            schema: {
              $ref: '#/components/schemas/ErrorResponse',
            },
          },
        },
      },
      AttestationsNotConfigured: {
        description:
          'No signing key is configured (`scorecards.attestations`).',
        content: {
          'application/json': {
            schema: {
              $ref: '#/components/schemas/ErrorResponse',
            },
          },
        },
      },
      OverrideNotFound: {
        description:
          'The release has no override with this id in this environment, the release has no\nevidence, or the user may not read its entity in the catalog (see `EntityNotFound`).\n',
        content: {
          'application/json': {
            schema: {
              $ref: '#/components/schemas/ErrorResponse',
            },
          },
        },
      },
      OverrideNotActive: {
        description:
          'The override is no longer in force (already revoked, or expired); nothing was changed.',
        content: {
          'application/json': {
            schema: {
              $ref: '#/components/schemas/ErrorResponse',
            },
          },
        },
      },
      PayloadTooLarge: {
        description:
          "The body is larger than the route accepts (`scorecards.maxUploadBytes` for uploads and events, 16 KiB for overrides, waivers, their revocations and Flagger's webhook).",
        content: {
          'application/json': {
            schema: {
              $ref: '#/components/schemas/ErrorResponse',
            },
          },
        },
      },
      UnexpectedError: {
        description: 'A server-side failure, with the same error body.',
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
      NullValue: {
        description:
          'JSON null. (OpenAPI 3.0 has no null type; this admits null and nothing else.)',
        type: 'string',
        nullable: true,
        enum: [null],
      },
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
                  'e.g. `InputError`, `AuthenticationError`, `NotAllowedError`, `NotFoundError`, `PayloadTooLargeError`.',
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
      EvidenceKind: {
        type: 'string',
        description:
          'A kind of evidence; a release has at most one current piece of each.',
        enum: [
          'tests',
          'coverage',
          'security',
          'dependencies',
          'readiness',
          'signature',
          'provenance',
        ],
      },
      EvidenceFormat: {
        type: 'string',
        description:
          'The format an upload was read as: `junit` (tests), `cobertura` or `lcov` (coverage), `sarif` (security), `cyclonedx` (dependencies), `waybill-readiness` (readiness), `sigstore-bundle` or `dsse-envelope` (signature, provenance).',
        enum: [
          'junit',
          'cobertura',
          'lcov',
          'sarif',
          'cyclonedx',
          'waybill-readiness',
          'sigstore-bundle',
          'dsse-envelope',
        ],
      },
      Tier: {
        type: 'string',
        description:
          "How demanding an entity's releases are, from its tier annotation or label (`standard` without one).",
        enum: ['critical', 'standard', 'internal'],
      },
      Severity: {
        type: 'string',
        description:
          'A severity band (CVSS v3 bands); `info` covers SARIF `note`/`none` and unrated vulnerabilities.',
        enum: ['critical', 'high', 'medium', 'low', 'info'],
      },
      Grade: {
        type: 'string',
        description:
          'The grade of a score: A >= 90, B >= 80, C >= 70, D >= 60, else F.',
        enum: ['A', 'B', 'C', 'D', 'F'],
      },
      PortfolioSort: {
        type: 'string',
        description:
          'A portfolio order: by entity ref, score or release time; `-` for descending.',
        enum: ['name', '-name', 'score', '-score', 'updated', '-updated'],
        default: 'name',
      },
      GateDecision: {
        type: 'string',
        description:
          '`pass` promotes, `warn` promotes with warnings, `fail` blocks.',
        enum: ['pass', 'warn', 'fail'],
      },
      CheckStatus: {
        type: 'string',
        description:
          '`pass`: the check held; `fail`: it did not, or its value is unmeasured; `missing`: its evidence was not uploaded.',
        enum: ['pass', 'fail', 'missing'],
      },
      Enforcement: {
        type: 'string',
        description: 'What a failing or missing check does to a gate.',
        enum: ['off', 'warn', 'fail'],
      },
      ComparisonOperator: {
        type: 'string',
        description: 'A check passes when `fact <operator> threshold` holds.',
        enum: ['<=', '<', '>=', '>', '=='],
      },
      FactName: {
        type: 'string',
        description: 'A fact a policy check can test.',
        enum: [
          'tests.total',
          'tests.failed',
          'tests.errored',
          'tests.skipped',
          'tests.passRate',
          'coverage.lineRate',
          'coverage.branchRate',
          'security.bySeverity.critical',
          'security.bySeverity.high',
          'security.bySeverity.medium',
          'security.bySeverity.low',
          'security.bySeverity.info',
          'security.newBySeverity.critical',
          'security.newBySeverity.high',
          'security.newBySeverity.medium',
          'security.newBySeverity.low',
          'security.newBySeverity.info',
          'dependencies.vulnerabilitiesBySeverity.critical',
          'dependencies.vulnerabilitiesBySeverity.high',
          'dependencies.vulnerabilitiesBySeverity.medium',
          'dependencies.vulnerabilitiesBySeverity.low',
          'dependencies.vulnerabilitiesBySeverity.info',
          'dependencies.newVulnerabilitiesBySeverity.critical',
          'dependencies.newVulnerabilitiesBySeverity.high',
          'dependencies.newVulnerabilitiesBySeverity.medium',
          'dependencies.newVulnerabilitiesBySeverity.low',
          'dependencies.newVulnerabilitiesBySeverity.info',
          'readiness.previousVersionDeployable',
          'readiness.migrationsReversible',
          'readiness.killSwitch',
          'readiness.rollbackDrillAgeDays',
          'signature.verified',
          'provenance.slsaBuildLevel',
        ],
      },
      SeverityCounts: {
        type: 'object',
        description:
          'A count per severity band; every band is present, zero when nothing was found.',
        required: ['critical', 'high', 'medium', 'low', 'info'],
        properties: {
          critical: {
            type: 'integer',
            minimum: 0,
          },
          high: {
            type: 'integer',
            minimum: 0,
          },
          medium: {
            type: 'integer',
            minimum: 0,
          },
          low: {
            type: 'integer',
            minimum: 0,
          },
          info: {
            type: 'integer',
            minimum: 0,
          },
        },
        additionalProperties: false,
      },
      TestFacts: {
        type: 'object',
        description:
          'Test results from JUnit XML (jest-junit, pytest, Maven Surefire/Failsafe, Gradle, PHPUnit).',
        required: [
          'kind',
          'format',
          'total',
          'passed',
          'failed',
          'errored',
          'skipped',
          'durationSeconds',
          'failingTests',
        ],
        properties: {
          kind: {
            type: 'string',
            enum: ['tests'],
            description:
              'discriminator enum property added by openapi-typescript',
          },
          format: {
            type: 'string',
            enum: ['junit'],
          },
          total: {
            type: 'integer',
            minimum: 0,
          },
          passed: {
            type: 'integer',
            minimum: 0,
          },
          failed: {
            type: 'integer',
            minimum: 0,
          },
          errored: {
            type: 'integer',
            minimum: 0,
          },
          skipped: {
            type: 'integer',
            minimum: 0,
          },
          durationSeconds: {
            type: 'number',
            minimum: 0,
            nullable: true,
            description:
              "Sum of the test cases' `time`, in seconds; null when no case reports a time.",
          },
          failingTests: {
            type: 'array',
            description:
              'The failing and erroring tests, at most 50, in file order.',
            maxItems: 50,
            items: {
              type: 'object',
              required: ['suite', 'name', 'outcome'],
              properties: {
                suite: {
                  type: 'string',
                },
                name: {
                  type: 'string',
                },
                outcome: {
                  type: 'string',
                  enum: ['failed', 'errored'],
                },
                message: {
                  type: 'string',
                  description: 'The failure message, cut at 500 characters.',
                },
              },
              additionalProperties: false,
            },
          },
        },
        additionalProperties: false,
      },
      CoverageFacts: {
        type: 'object',
        description:
          'Line and branch coverage from Cobertura XML or LCOV. Rates are 0..1, null when unmeasured.',
        required: [
          'kind',
          'format',
          'lineRate',
          'branchRate',
          'linesCovered',
          'linesValid',
          'branchesCovered',
          'branchesValid',
        ],
        properties: {
          kind: {
            type: 'string',
            enum: ['coverage'],
            description:
              'discriminator enum property added by openapi-typescript',
          },
          format: {
            type: 'string',
            enum: ['cobertura', 'lcov'],
          },
          lineRate: {
            type: 'number',
            minimum: 0,
            maximum: 1,
            nullable: true,
          },
          branchRate: {
            type: 'number',
            minimum: 0,
            maximum: 1,
            nullable: true,
          },
          linesCovered: {
            type: 'integer',
            minimum: 0,
          },
          linesValid: {
            type: 'integer',
            minimum: 0,
          },
          branchesCovered: {
            type: 'integer',
            minimum: 0,
          },
          branchesValid: {
            type: 'integer',
            minimum: 0,
          },
        },
        additionalProperties: false,
      },
      SecurityFinding: {
        type: 'object',
        description: 'One code scanning finding.',
        required: ['tool', 'ruleId', 'severity', 'message'],
        properties: {
          tool: {
            type: 'string',
          },
          ruleId: {
            type: 'string',
          },
          severity: {
            $ref: '#/components/schemas/Severity',
          },
          message: {
            type: 'string',
            description: "The finding's message, cut at 500 characters.",
          },
          location: {
            type: 'string',
            description:
              '`path:line` of the first location, when the result has one.',
          },
          baselineState: {
            type: 'string',
            enum: ['new', 'unchanged', 'updated', 'absent'],
          },
        },
        additionalProperties: false,
      },
      SecurityFacts: {
        type: 'object',
        description:
          'Static analysis findings from SARIF 2.1.0; suppressed results are not counted.',
        required: [
          'kind',
          'format',
          'total',
          'bySeverity',
          'byTool',
          'newBySeverity',
          'suppressed',
          'worst',
        ],
        properties: {
          kind: {
            type: 'string',
            enum: ['security'],
            description:
              'discriminator enum property added by openapi-typescript',
          },
          format: {
            type: 'string',
            enum: ['sarif'],
          },
          total: {
            type: 'integer',
            minimum: 0,
          },
          bySeverity: {
            $ref: '#/components/schemas/SeverityCounts',
          },
          byTool: {
            type: 'object',
            description: 'Counts per tool (`tool.driver.name`).',
            additionalProperties: {
              $ref: '#/components/schemas/SeverityCounts',
            },
          },
          newBySeverity: {
            description:
              'Findings whose `baselineState` is `new` (all findings when there is no baseline).',
            allOf: [
              {
                $ref: '#/components/schemas/SeverityCounts',
              },
            ],
          },
          suppressed: {
            type: 'integer',
            minimum: 0,
          },
          worst: {
            type: 'array',
            description: 'The worst findings, at most 20, most severe first.',
            maxItems: 20,
            items: {
              $ref: '#/components/schemas/SecurityFinding',
            },
          },
          rules: {
            type: 'array',
            description:
              'Unsuppressed findings counted by rule id and severity (all, and new against the\nbaseline), at most 1,000 entries, most severe first; absent in facts stored before\nWaybill kept them.\n',
            maxItems: 1000,
            items: {
              type: 'object',
              required: ['ruleId', 'severity', 'count', 'newCount'],
              properties: {
                ruleId: {
                  type: 'string',
                },
                severity: {
                  $ref: '#/components/schemas/Severity',
                },
                count: {
                  type: 'integer',
                  minimum: 1,
                },
                newCount: {
                  type: 'integer',
                  minimum: 0,
                },
              },
              additionalProperties: false,
            },
          },
        },
        additionalProperties: false,
      },
      Vulnerability: {
        type: 'object',
        description: "One known vulnerability of a release's dependencies.",
        required: ['id', 'severity', 'affects'],
        properties: {
          id: {
            type: 'string',
          },
          severity: {
            $ref: '#/components/schemas/Severity',
          },
          score: {
            type: 'number',
            description:
              'The highest CVSS score among the ratings, when one is given.',
          },
          affects: {
            type: 'array',
            description: "The affected components' `bom-ref`s or purls.",
            items: {
              type: 'string',
            },
          },
        },
        additionalProperties: false,
      },
      DependencyFacts: {
        type: 'object',
        description:
          'Dependency inventory and known vulnerabilities from a CycloneDX 1.4–1.6 JSON SBOM.',
        required: [
          'kind',
          'format',
          'specVersion',
          'componentCount',
          'vulnerabilitiesBySeverity',
          'worst',
        ],
        properties: {
          kind: {
            type: 'string',
            enum: ['dependencies'],
            description:
              'discriminator enum property added by openapi-typescript',
          },
          format: {
            type: 'string',
            enum: ['cyclonedx'],
          },
          specVersion: {
            type: 'string',
          },
          componentCount: {
            type: 'integer',
            minimum: 0,
          },
          vulnerabilitiesBySeverity: {
            $ref: '#/components/schemas/SeverityCounts',
          },
          worst: {
            type: 'array',
            description:
              'The worst vulnerabilities, at most 20, most severe first.',
            maxItems: 20,
            items: {
              $ref: '#/components/schemas/Vulnerability',
            },
          },
          components: {
            type: 'array',
            description:
              'Every component, nested ones included, by its purl (else `group/name@version`), once each, in code unit order; the first 20,000 when there are more. Absent from facts stored before Waybill kept the list.',
            maxItems: 20000,
            items: {
              type: 'string',
            },
          },
          componentsTruncated: {
            type: 'boolean',
            description:
              'Whether the SBOM has more components than `components` lists.',
          },
          vulnerabilities: {
            type: 'array',
            description:
              'Every counted vulnerability, by id, in code unit order. Absent from facts stored before Waybill kept the list.',
            items: {
              $ref: '#/components/schemas/SbomVulnerability',
            },
          },
          diff: {
            description:
              "What the SBOM adds and removes against the SBOM of the entity's previous release: of the releases created before this one, the most recent with dependency evidence. Null when there is none, or when its facts were stored before Waybill kept component lists. Absent from facts stored before Waybill computed diffs.",
            oneOf: [
              {
                $ref: '#/components/schemas/SbomDiff',
              },
              {
                $ref: '#/components/schemas/NullValue',
              },
            ],
          },
        },
        additionalProperties: false,
      },
      SbomVulnerability: {
        type: 'object',
        description: 'A vulnerability of an SBOM, by id, with its severity.',
        required: ['id', 'severity'],
        properties: {
          id: {
            type: 'string',
          },
          severity: {
            $ref: '#/components/schemas/Severity',
          },
        },
        additionalProperties: false,
      },
      SbomDiff: {
        type: 'object',
        description:
          "What a release's SBOM adds and removes against the previous release's. When either component list was cut at 20,000, components are compared only up to the last one both lists cover.",
        required: [
          'againstVersion',
          'addedComponents',
          'removedComponents',
          'introducedVulnerabilities',
          'fixedVulnerabilities',
          'introducedBySeverity',
        ],
        properties: {
          againstVersion: {
            type: 'string',
            description: 'The version of the release compared against.',
          },
          addedComponents: {
            type: 'array',
            description:
              'Components this SBOM lists and the previous one does not, in code unit order.',
            items: {
              type: 'string',
            },
          },
          removedComponents: {
            type: 'array',
            description:
              'Components the previous SBOM lists and this one does not, in code unit order.',
            items: {
              type: 'string',
            },
          },
          introducedVulnerabilities: {
            type: 'array',
            description:
              'Vulnerabilities counted now and not in the previous release, by id.',
            items: {
              $ref: '#/components/schemas/SbomVulnerability',
            },
          },
          fixedVulnerabilities: {
            type: 'array',
            description:
              'Vulnerabilities counted in the previous release and not now, by id, with their severity then.',
            items: {
              $ref: '#/components/schemas/SbomVulnerability',
            },
          },
          introducedBySeverity: {
            description: 'The introduced vulnerabilities, counted by severity.',
            allOf: [
              {
                $ref: '#/components/schemas/SeverityCounts',
              },
            ],
          },
        },
        additionalProperties: false,
      },
      ReadinessFacts: {
        type: 'object',
        description:
          "Rollback readiness facts from Waybill's readiness document.",
        required: [
          'kind',
          'format',
          'previousVersionDeployable',
          'migrationsReversible',
          'lastRollbackDrill',
          'killSwitch',
        ],
        properties: {
          kind: {
            type: 'string',
            enum: ['readiness'],
            description:
              'discriminator enum property added by openapi-typescript',
          },
          format: {
            type: 'string',
            enum: ['waybill-readiness'],
          },
          previousVersionDeployable: {
            type: 'boolean',
          },
          migrationsReversible: {
            type: 'boolean',
          },
          lastRollbackDrill: {
            type: 'string',
            format: 'date',
            nullable: true,
            description:
              'Date of the last rollback drill, null when there never was one.',
          },
          killSwitch: {
            type: 'boolean',
          },
        },
        additionalProperties: false,
      },
      EvidenceSigner: {
        type: 'object',
        description:
          'Who signed verified evidence: a configured public key (`key`, by its id), or a\ncertificate from the Sigstore trusted root (`certificate`, with its identity and issuer).\n',
        required: ['kind', 'keyId', 'identity', 'issuer'],
        properties: {
          kind: {
            type: 'string',
            enum: ['key', 'certificate'],
          },
          keyId: {
            type: 'string',
            nullable: true,
            description:
              'The id of the configured key (`scorecards.trust.keys[].id`) that verified it.',
          },
          identity: {
            type: 'string',
            nullable: true,
            description:
              "The certificate's subject alternative name, e.g. a workflow URI.",
          },
          issuer: {
            type: 'string',
            nullable: true,
            description:
              "The OIDC issuer the certificate names (Fulcio's issuer extension).",
          },
        },
        additionalProperties: false,
      },
      SignatureFacts: {
        type: 'object',
        description:
          "A signed in-toto Statement whose subject is the release's artifact, verified by Waybill\nagainst `scorecards.trust`. Only verified signatures are stored.\n",
        required: [
          'kind',
          'format',
          'subjectDigest',
          'predicateType',
          'signer',
          'signedAt',
        ],
        properties: {
          kind: {
            type: 'string',
            enum: ['signature'],
            description:
              'discriminator enum property added by openapi-typescript',
          },
          format: {
            type: 'string',
            enum: ['sigstore-bundle', 'dsse-envelope'],
          },
          subjectDigest: {
            type: 'string',
            pattern: '^sha256:[0-9a-f]{64}$',
            description:
              "The signed subject, equal to the release's artifact digest.",
          },
          predicateType: {
            type: 'string',
            description:
              'What the signed statement says of the subject (its `predicateType`).',
          },
          signer: {
            $ref: '#/components/schemas/EvidenceSigner',
          },
          signedAt: {
            type: 'string',
            format: 'date-time',
            nullable: true,
            description:
              'When the transparency log recorded the signature; null for a key signature without one.',
          },
        },
        additionalProperties: false,
      },
      ProvenanceFacts: {
        type: 'object',
        description:
          "SLSA provenance v1 of the release's artifact, verified by Waybill against\n`scorecards.trust`; its build level is the one the signer's trust entry vouches for.\n",
        required: [
          'kind',
          'format',
          'subjectDigest',
          'signer',
          'signedAt',
          'builderId',
          'buildType',
          'sourceRepository',
          'slsaBuildLevel',
        ],
        properties: {
          kind: {
            type: 'string',
            enum: ['provenance'],
            description:
              'discriminator enum property added by openapi-typescript',
          },
          format: {
            type: 'string',
            enum: ['sigstore-bundle', 'dsse-envelope'],
          },
          subjectDigest: {
            type: 'string',
            pattern: '^sha256:[0-9a-f]{64}$',
          },
          signer: {
            $ref: '#/components/schemas/EvidenceSigner',
          },
          signedAt: {
            type: 'string',
            format: 'date-time',
            nullable: true,
          },
          builderId: {
            type: 'string',
            description: '`runDetails.builder.id` of the provenance.',
          },
          buildType: {
            type: 'string',
            description: '`buildDefinition.buildType` of the provenance.',
          },
          sourceRepository: {
            type: 'string',
            nullable: true,
            description:
              'The repository the provenance says was built, when it names one.',
          },
          slsaBuildLevel: {
            type: 'integer',
            enum: [1, 2, 3],
            description: 'SLSA v1 build level.',
          },
        },
        additionalProperties: false,
      },
      EvidenceFacts: {
        description: 'The facts Waybill keeps of an uploaded file, by `kind`.',
        oneOf: [
          {
            $ref: '#/components/schemas/TestFacts',
          },
          {
            $ref: '#/components/schemas/CoverageFacts',
          },
          {
            $ref: '#/components/schemas/SecurityFacts',
          },
          {
            $ref: '#/components/schemas/DependencyFacts',
          },
          {
            $ref: '#/components/schemas/ReadinessFacts',
          },
          {
            $ref: '#/components/schemas/SignatureFacts',
          },
          {
            $ref: '#/components/schemas/ProvenanceFacts',
          },
        ],
        discriminator: {
          propertyName: 'kind',
          mapping: {
            tests: '#/components/schemas/TestFacts',
            coverage: '#/components/schemas/CoverageFacts',
            security: '#/components/schemas/SecurityFacts',
            dependencies: '#/components/schemas/DependencyFacts',
            readiness: '#/components/schemas/ReadinessFacts',
            signature: '#/components/schemas/SignatureFacts',
            provenance: '#/components/schemas/ProvenanceFacts',
          },
        },
      },
      SarifLog: {
        type: 'object',
        description:
          'A SARIF 2.1.0 log (https://docs.oasis-open.org/sarif/sarif/v2.1.0/); only the parts Waybill reads are listed.',
        required: ['version', 'runs'],
        properties: {
          version: {
            type: 'string',
            enum: ['2.1.0'],
          },
          runs: {
            type: 'array',
            items: {
              type: 'object',
            },
          },
        },
      },
      CycloneDxBom: {
        type: 'object',
        description:
          'A CycloneDX 1.4–1.6 JSON SBOM (https://cyclonedx.org/specification/overview/); only the parts Waybill reads are listed.',
        required: ['bomFormat', 'specVersion'],
        properties: {
          bomFormat: {
            type: 'string',
            enum: ['CycloneDX'],
          },
          specVersion: {
            type: 'string',
            enum: ['1.4', '1.5', '1.6'],
          },
          components: {
            type: 'array',
            items: {
              type: 'object',
            },
          },
          vulnerabilities: {
            type: 'array',
            items: {
              type: 'object',
            },
          },
        },
      },
      ReadinessDocument: {
        type: 'object',
        description:
          "Waybill's readiness document, written by the release pipeline. Strict; unknown keys are refused.",
        required: [
          'previousVersionDeployable',
          'migrationsReversible',
          'lastRollbackDrill',
          'killSwitch',
        ],
        properties: {
          previousVersionDeployable: {
            type: 'boolean',
            description:
              'Whether the previous release can be deployed again to roll back.',
          },
          migrationsReversible: {
            type: 'boolean',
            description:
              'Whether every database migration in the release has a tested down migration.',
          },
          lastRollbackDrill: {
            type: 'string',
            format: 'date',
            nullable: true,
            description:
              'YYYY-MM-DD of the last rollback drill; null when there never was one.',
          },
          killSwitch: {
            type: 'boolean',
            description:
              'Whether the release ships behind a flag or kill switch that turns it off without a deployment.',
          },
        },
        additionalProperties: false,
        example: {
          previousVersionDeployable: true,
          migrationsReversible: false,
          lastRollbackDrill: '2024-04-22',
          killSwitch: true,
        },
      },
      SigstoreBundleUpload: {
        type: 'object',
        description:
          'A Sigstore bundle (https://github.com/sigstore/protobuf-specs, media types\n`application/vnd.dev.sigstore.bundle+json;version=0.1` to `…v0.3+json`) whose content is a\nDSSE envelope; only the parts Waybill checks are listed.\n',
        required: ['mediaType', 'verificationMaterial', 'dsseEnvelope'],
        properties: {
          mediaType: {
            type: 'string',
            pattern: '^application/vnd\\.dev\\.sigstore\\.bundle',
          },
          verificationMaterial: {
            type: 'object',
          },
          dsseEnvelope: {
            $ref: '#/components/schemas/DsseEnvelopeUpload',
          },
        },
      },
      DsseEnvelopeUpload: {
        type: 'object',
        description:
          'A DSSE envelope (https://github.com/secure-systems-lab/dsse) of an in-toto Statement v1.',
        required: ['payloadType', 'payload', 'signatures'],
        properties: {
          payloadType: {
            type: 'string',
            enum: ['application/vnd.in-toto+json'],
          },
          payload: {
            type: 'string',
            format: 'byte',
          },
          signatures: {
            type: 'array',
            minItems: 1,
            items: {
              type: 'object',
              required: ['sig'],
              properties: {
                keyid: {
                  type: 'string',
                },
                sig: {
                  type: 'string',
                  format: 'byte',
                },
              },
            },
          },
        },
      },
      CheckResult: {
        type: 'object',
        description: 'The result of one policy check for a release.',
        required: [
          'id',
          'title',
          'fact',
          'status',
          'observed',
          'observedText',
          'operator',
          'threshold',
          'thresholdText',
          'weight',
          'scored',
          'enforcement',
          'reason',
          'fixHint',
        ],
        properties: {
          id: {
            type: 'string',
            description: "The check's id, e.g. `no-critical-vulnerabilities`.",
          },
          title: {
            type: 'string',
          },
          fact: {
            $ref: '#/components/schemas/FactName',
          },
          status: {
            $ref: '#/components/schemas/CheckStatus',
          },
          observed: {
            description:
              "The fact's value; null when the evidence is missing or does not measure it.",
            oneOf: [
              {
                type: 'number',
              },
              {
                type: 'boolean',
              },
              {
                $ref: '#/components/schemas/NullValue',
              },
            ],
          },
          observedText: {
            type: 'string',
            nullable: true,
            description: '`observed` for display, e.g. `72.5%`; null with it.',
          },
          operator: {
            $ref: '#/components/schemas/ComparisonOperator',
          },
          threshold: {
            description: "The threshold for the release's tier.",
            oneOf: [
              {
                type: 'number',
              },
              {
                type: 'boolean',
              },
            ],
          },
          thresholdText: {
            type: 'string',
            description: '`threshold` for display, e.g. `80%`.',
          },
          weight: {
            type: 'number',
            exclusiveMinimum: true,
            minimum: 0,
          },
          scored: {
            type: 'boolean',
            description:
              'Whether the check counts toward the score: not `off` in at least one evaluated environment.',
          },
          enforcement: {
            type: 'object',
            description:
              'The effective enforcement in each evaluated environment.',
            additionalProperties: {
              $ref: '#/components/schemas/Enforcement',
            },
          },
          reason: {
            type: 'string',
            description:
              'The outcome in words, e.g. `2 critical dependency vulnerabilities (allowed: 0)`.',
          },
          fixHint: {
            type: 'string',
            description: 'What a developer does to make the check pass.',
          },
          findings: {
            $ref: '#/components/schemas/CountedFindings',
          },
        },
        additionalProperties: false,
      },
      CountedFindings: {
        type: 'object',
        description:
          'For a failing check that counts findings (vulnerabilities by id, SARIF results by rule id):\nthe findings it counted and how many it allows, so that a waiver of one finding can be\nweighed. Absent for other checks, and for evidence stored before Waybill kept findings.\n',
        required: ['counted', 'allowed'],
        properties: {
          counted: {
            type: 'array',
            maxItems: 200,
            items: {
              type: 'object',
              required: ['id', 'count'],
              properties: {
                id: {
                  type: 'string',
                  description:
                    'A vulnerability id (`CVE-2025-29927`, `GHSA-...`) or a SARIF rule id.',
                },
                count: {
                  type: 'integer',
                  minimum: 1,
                },
              },
              additionalProperties: false,
            },
          },
          allowed: {
            type: 'integer',
            minimum: 0,
            description: 'How many findings the check allows.',
          },
        },
        additionalProperties: false,
      },
      GateReason: {
        type: 'object',
        description:
          "A failing or missing check that holds up an environment's gate.",
        required: [
          'checkId',
          'title',
          'status',
          'enforcement',
          'reason',
          'fixHint',
        ],
        properties: {
          checkId: {
            type: 'string',
          },
          title: {
            type: 'string',
          },
          status: {
            type: 'string',
            enum: ['fail', 'missing'],
          },
          enforcement: {
            type: 'string',
            enum: ['fail', 'warn'],
            description: '`fail` blocks the gate, `warn` only warns.',
          },
          reason: {
            type: 'string',
          },
          fixHint: {
            type: 'string',
          },
          findings: {
            $ref: '#/components/schemas/CountedFindings',
          },
        },
        additionalProperties: false,
      },
      EnvironmentGate: {
        type: 'object',
        description:
          "The policy's gate decision for promoting a release into one environment.",
        required: ['environment', 'decision', 'reasons'],
        properties: {
          environment: {
            type: 'string',
          },
          decision: {
            $ref: '#/components/schemas/GateDecision',
          },
          reasons: {
            type: 'array',
            description: 'The checks behind the decision, blocking ones first.',
            items: {
              $ref: '#/components/schemas/GateReason',
            },
          },
        },
        additionalProperties: false,
      },
      ScorecardEvaluation: {
        type: 'object',
        description:
          "A release's scorecard: every check's result, the score and grade, and a gate per environment.",
        required: [
          'tier',
          'environments',
          'evaluatedAt',
          'score',
          'grade',
          'checks',
          'gates',
        ],
        properties: {
          tier: {
            $ref: '#/components/schemas/Tier',
          },
          environments: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
          evaluatedAt: {
            type: 'string',
            format: 'date-time',
          },
          score: {
            type: 'integer',
            minimum: 0,
            maximum: 100,
            description:
              'Weighted share of the scored checks that pass, 0..100.',
          },
          grade: {
            $ref: '#/components/schemas/Grade',
          },
          checks: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/CheckResult',
            },
          },
          gates: {
            type: 'array',
            description: 'One gate per environment, in promotion order.',
            items: {
              $ref: '#/components/schemas/EnvironmentGate',
            },
          },
        },
        additionalProperties: false,
      },
      RecordEvidenceResult: {
        type: 'object',
        description: 'The outcome of an upload.',
        required: ['releaseId', 'evidenceId', 'duplicate', 'evaluation'],
        properties: {
          releaseId: {
            type: 'integer',
          },
          evidenceId: {
            type: 'integer',
          },
          duplicate: {
            type: 'boolean',
            description:
              'True when the same file was already stored for this release; nothing changed.',
          },
          evaluation: {
            $ref: '#/components/schemas/ScorecardEvaluation',
          },
        },
        additionalProperties: false,
      },
      StoredEvidence: {
        type: 'object',
        description: 'A stored piece of evidence, as listed on a release.',
        required: [
          'id',
          'kind',
          'format',
          'digest',
          'sizeBytes',
          'environment',
          'uploadedBy',
          'uploadedAt',
          'facts',
        ],
        properties: {
          id: {
            type: 'integer',
          },
          kind: {
            $ref: '#/components/schemas/EvidenceKind',
          },
          format: {
            $ref: '#/components/schemas/EvidenceFormat',
          },
          digest: {
            type: 'string',
            pattern: '^[0-9a-f]{64}$',
            description: 'SHA-256 of the uploaded bytes, hex.',
          },
          sizeBytes: {
            type: 'integer',
            minimum: 1,
          },
          environment: {
            type: 'string',
            nullable: true,
            description: 'The `environment` given with the upload.',
          },
          uploadedBy: {
            type: 'string',
            description: "The uploader's user entity ref or service subject.",
          },
          uploadedAt: {
            type: 'string',
            format: 'date-time',
          },
          facts: {
            $ref: '#/components/schemas/EvidenceFacts',
          },
        },
        additionalProperties: false,
      },
      GateOverride: {
        type: 'object',
        description:
          'A gate override that is or was in force; revoked ones keep who ended them, when and why.',
        required: [
          'id',
          'environment',
          'reason',
          'actor',
          'createdAt',
          'expiresAt',
          'revokedAt',
          'revokedBy',
          'revokeReason',
        ],
        properties: {
          id: {
            type: 'integer',
          },
          environment: {
            type: 'string',
          },
          reason: {
            type: 'string',
          },
          actor: {
            type: 'string',
            description:
              'Who made it, as a user entity ref or service subject.',
          },
          createdAt: {
            type: 'string',
            format: 'date-time',
          },
          expiresAt: {
            type: 'string',
            format: 'date-time',
          },
          revokedAt: {
            type: 'string',
            format: 'date-time',
            nullable: true,
            description: 'When it was revoked; null while it was not.',
          },
          revokedBy: {
            type: 'string',
            nullable: true,
            description:
              'Who revoked it, as a user entity ref; null while it was not.',
          },
          revokeReason: {
            type: 'string',
            nullable: true,
            description: 'Why it was revoked; null while it was not.',
          },
        },
        additionalProperties: false,
      },
      GateOverrideRevocation: {
        type: 'object',
        description: 'Why the override ends now.',
        required: ['reason'],
        properties: {
          reason: {
            type: 'string',
            minLength: 10,
            description:
              'Why, in at least 10 characters (not counting surrounding white space).',
            example: 'Hotfix 4.2.1 passes the gate on its own',
          },
        },
        additionalProperties: false,
      },
      GateOverrideRequest: {
        type: 'object',
        description: 'Why the release may go through, and until when.',
        required: ['reason', 'expiresAt'],
        properties: {
          reason: {
            type: 'string',
            minLength: 10,
            description:
              'Why, in at least 10 characters (not counting surrounding white space).',
            example: 'EDI outage hotfix, rollback drill booked for Monday',
          },
          expiresAt: {
            type: 'string',
            format: 'date-time',
            description:
              'When the override ends; an ISO 8601 timestamp with a time zone, in the future and at\nmost `scorecards.overrides.maxDurationDays` days away.\n',
            example: '2026-12-01T00:00:00Z',
          },
        },
        additionalProperties: false,
      },
      ReleaseRecord: {
        type: 'object',
        description:
          'A release with its current evidence, stored evaluation and overrides.',
        required: [
          'entityRef',
          'version',
          'id',
          'commit',
          'pipelineUrl',
          'artifactDigest',
          'createdAt',
          'evidence',
          'evaluation',
          'overrides',
          'maxOverrideDays',
          'waivers',
          'maxWaiverDays',
        ],
        properties: {
          entityRef: {
            type: 'string',
            description:
              'Full, lower-case entity ref, e.g. `component:default/inventory`.',
          },
          version: {
            type: 'string',
          },
          id: {
            type: 'integer',
          },
          commit: {
            type: 'string',
            nullable: true,
          },
          pipelineUrl: {
            type: 'string',
            nullable: true,
          },
          artifactDigest: {
            type: 'string',
            nullable: true,
            description:
              "The artifact's digest (`sha256:<hex>`), from the uploads' `artifactDigest`.",
          },
          createdAt: {
            type: 'string',
            format: 'date-time',
          },
          evidence: {
            type: 'array',
            description:
              'The current piece of each kind of evidence (the latest upload of that kind), by kind.',
            maxItems: 7,
            items: {
              $ref: '#/components/schemas/StoredEvidence',
            },
          },
          evaluation: {
            description: 'The stored evaluation.',
            oneOf: [
              {
                $ref: '#/components/schemas/ScorecardEvaluation',
              },
              {
                $ref: '#/components/schemas/NullValue',
              },
            ],
          },
          overrides: {
            type: 'array',
            description:
              'Overrides, newest first, expired and revoked ones included.',
            items: {
              $ref: '#/components/schemas/GateOverride',
            },
          },
          maxOverrideDays: {
            type: 'integer',
            minimum: 1,
            description:
              "How many days from now a new override of this release's gates may last at most\n(`scorecards.overrides.maxDurationDays`).\n",
          },
          waivers: {
            type: 'array',
            description:
              'The waivers whose versions include this release, newest first, in every status; the\nactive ones leave their checks out of the gates of their environments.\n',
            items: {
              $ref: '#/components/schemas/Waiver',
            },
          },
          maxWaiverDays: {
            type: 'integer',
            minimum: 1,
            description:
              'How many days from now a new waiver may last at most (`scorecards.waivers.maxDurationDays`).',
          },
        },
        additionalProperties: false,
      },
      ReleaseGate: {
        type: 'object',
        description:
          "A release's gate in one environment as a pipeline sees it: the policy's decision, and the\ndecision after waivers and overrides (an active waiver leaves its check out; an active\noverride, neither revoked nor expired, makes it `pass`).\n",
        required: ['environment', 'decision', 'policyDecision'],
        properties: {
          environment: {
            type: 'string',
          },
          decision: {
            description:
              'The decision after waivers and overrides; act on this one.',
            allOf: [
              {
                $ref: '#/components/schemas/GateDecision',
              },
            ],
          },
          policyDecision: {
            description: 'The decision of the policy alone.',
            allOf: [
              {
                $ref: '#/components/schemas/GateDecision',
              },
            ],
          },
        },
        additionalProperties: false,
      },
      ReleaseSummary: {
        type: 'object',
        description: "One release in an entity's history.",
        required: [
          'entityRef',
          'version',
          'createdAt',
          'score',
          'grade',
          'gates',
        ],
        properties: {
          entityRef: {
            type: 'string',
          },
          version: {
            type: 'string',
          },
          createdAt: {
            type: 'string',
            format: 'date-time',
          },
          score: {
            type: 'integer',
            minimum: 0,
            maximum: 100,
            nullable: true,
          },
          grade: {
            type: 'string',
            enum: ['A', 'B', 'C', 'D', 'F', null],
            nullable: true,
          },
          gates: {
            type: 'array',
            description:
              "The release's gate in each environment of its stored evaluation, in promotion order,\nafter the overrides active now; empty for a release not yet evaluated.\n",
            items: {
              $ref: '#/components/schemas/ReleaseGate',
            },
          },
        },
        additionalProperties: false,
      },
      ReleaseHistory: {
        type: 'object',
        required: ['items'],
        properties: {
          items: {
            type: 'array',
            description: 'Newest first.',
            items: {
              $ref: '#/components/schemas/ReleaseSummary',
            },
          },
        },
        additionalProperties: false,
      },
      GateAnswer: {
        type: 'object',
        description:
          'The answer to "may this release go to this environment?".',
        required: [
          'entityRef',
          'version',
          'environment',
          'decision',
          'policyDecision',
          'reasons',
          'override',
          'waivers',
          'score',
          'grade',
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
            description:
              'The decision after waivers and overrides; act on this one.',
            allOf: [
              {
                $ref: '#/components/schemas/GateDecision',
              },
            ],
          },
          policyDecision: {
            description: 'The decision of the policy alone.',
            allOf: [
              {
                $ref: '#/components/schemas/GateDecision',
              },
            ],
          },
          reasons: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/GateReason',
            },
          },
          override: {
            description: 'The active override, if one is in force.',
            oneOf: [
              {
                $ref: '#/components/schemas/GateOverride',
              },
              {
                $ref: '#/components/schemas/NullValue',
              },
            ],
          },
          waivers: {
            type: 'array',
            description:
              "The active waivers the decision applies: each leaves its check out. `reasons` then\nlists only the checks left, and `policyDecision` is still the policy's decision\nwithout them.\n",
            items: {
              $ref: '#/components/schemas/Waiver',
            },
          },
          score: {
            type: 'integer',
            minimum: 0,
            maximum: 100,
            nullable: true,
            description: 'null when the release has no evidence.',
          },
          grade: {
            type: 'string',
            enum: ['A', 'B', 'C', 'D', 'F', null],
            nullable: true,
            description: 'null when the release has no evidence.',
          },
        },
        additionalProperties: false,
      },
      WaiverStatus: {
        type: 'string',
        enum: ['pending', 'active', 'expired', 'revoked'],
      },
      WaiverRequest: {
        type: 'object',
        required: [
          'entityRef',
          'versionRange',
          'environment',
          'checkId',
          'reason',
          'expiresAt',
        ],
        properties: {
          entityRef: {
            type: 'string',
            minLength: 1,
            description: 'The entity, e.g. `component:default/inventory`.',
          },
          versionRange: {
            type: 'string',
            minLength: 1,
            maxLength: 200,
            description:
              'One version (`5.2.0`) or a semver range (`>=5.2.0 <5.3.0`).',
          },
          environment: {
            type: 'string',
            minLength: 1,
            description: 'One of `scorecards.environments`.',
          },
          checkId: {
            type: 'string',
            minLength: 1,
            description: 'The `id` of a check of the policy.',
          },
          finding: {
            type: 'string',
            minLength: 1,
            maxLength: 200,
            description:
              'One finding the check counts, to accept only it: a vulnerability id (`CVE-2025-29927`)\nfor a dependency vulnerability check, a SARIF rule id for a code finding check.\nWithout it the whole check is accepted.\n',
          },
          tenantSegment: {
            type: 'string',
            minLength: 1,
            maxLength: 100,
            description:
              "Only deliveries to this tenant segment (a tenant rollout's waves of it): the gate\napplies the waiver when asked for that segment alone. Without it, every delivery.\n",
          },
          reason: {
            type: 'string',
            minLength: 10,
            maxLength: 2000,
            description:
              'Why, in at least 10 characters (not counting surrounding white space).',
          },
          expiresAt: {
            type: 'string',
            format: 'date-time',
            description:
              'In the future, at most `scorecards.waivers.maxDurationDays` days away.',
          },
        },
        additionalProperties: false,
      },
      WaiverRevocation: {
        type: 'object',
        required: ['reason'],
        properties: {
          reason: {
            type: 'string',
            minLength: 10,
            maxLength: 2000,
          },
        },
        additionalProperties: false,
      },
      Waiver: {
        type: 'object',
        required: [
          'id',
          'entityRef',
          'versionRange',
          'environment',
          'checkId',
          'finding',
          'tenantSegment',
          'reason',
          'expiresAt',
          'requestedBy',
          'requestedAt',
          'approvedBy',
          'approvedAt',
          'revokedBy',
          'revokedAt',
          'revokeReason',
          'status',
        ],
        properties: {
          id: {
            type: 'integer',
          },
          entityRef: {
            type: 'string',
          },
          versionRange: {
            type: 'string',
          },
          environment: {
            type: 'string',
          },
          checkId: {
            type: 'string',
          },
          finding: {
            type: 'string',
            nullable: true,
            description:
              'The one finding accepted (a vulnerability or SARIF rule id); null for the whole check.',
          },
          tenantSegment: {
            type: 'string',
            nullable: true,
            description:
              'The only tenant segment whose deliveries it applies to; null for every delivery.',
          },
          reason: {
            type: 'string',
          },
          expiresAt: {
            type: 'string',
            format: 'date-time',
          },
          requestedBy: {
            type: 'string',
            description: 'The user entity ref of who asked.',
          },
          requestedAt: {
            type: 'string',
            format: 'date-time',
          },
          approvedBy: {
            type: 'string',
            nullable: true,
          },
          approvedAt: {
            type: 'string',
            format: 'date-time',
            nullable: true,
          },
          revokedBy: {
            type: 'string',
            nullable: true,
          },
          revokedAt: {
            type: 'string',
            format: 'date-time',
            nullable: true,
          },
          revokeReason: {
            type: 'string',
            nullable: true,
          },
          status: {
            $ref: '#/components/schemas/WaiverStatus',
          },
        },
        additionalProperties: false,
      },
      WaiverList: {
        type: 'object',
        required: ['items'],
        properties: {
          items: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/Waiver',
            },
          },
        },
        additionalProperties: false,
      },
      DsseEnvelope: {
        type: 'object',
        description:
          "A DSSE envelope (https://github.com/secure-systems-lab/dsse): the base64 payload and\nits signatures over DSSE's pre-authentication encoding of payload type and payload.\n",
        required: ['payloadType', 'payload', 'signatures'],
        properties: {
          payloadType: {
            type: 'string',
            enum: ['application/vnd.in-toto+json'],
          },
          payload: {
            type: 'string',
            description: 'The in-toto Statement, JSON, base64.',
          },
          signatures: {
            type: 'array',
            minItems: 1,
            items: {
              type: 'object',
              required: ['keyid', 'sig'],
              properties: {
                keyid: {
                  type: 'string',
                  description: 'The `keyId` of the key in `/attestation/keys`.',
                },
                sig: {
                  type: 'string',
                  description:
                    'The signature, base64 (Ed25519, or ECDSA P-256 ASN.1 DER over SHA-256).',
                },
              },
              additionalProperties: false,
            },
          },
        },
        additionalProperties: false,
      },
      SigstoreBundle: {
        type: 'object',
        description:
          "A Sigstore bundle v0.3 holding the DSSE envelope, verified with a public key (its\n`hint` is the key's `keyId`) and without transparency-log or timestamp entries.\n",
        required: ['mediaType', 'verificationMaterial', 'dsseEnvelope'],
        properties: {
          mediaType: {
            type: 'string',
            enum: ['application/vnd.dev.sigstore.bundle.v0.3+json'],
          },
          verificationMaterial: {
            type: 'object',
            required: ['publicKey', 'tlogEntries', 'timestampVerificationData'],
            properties: {
              publicKey: {
                type: 'object',
                required: ['hint'],
                properties: {
                  hint: {
                    type: 'string',
                  },
                },
                additionalProperties: false,
              },
              tlogEntries: {
                type: 'array',
                maxItems: 0,
                items: {},
              },
              timestampVerificationData: {
                type: 'object',
                required: ['rfc3161Timestamps'],
                properties: {
                  rfc3161Timestamps: {
                    type: 'array',
                    maxItems: 0,
                    items: {},
                  },
                },
                additionalProperties: false,
              },
            },
            additionalProperties: false,
          },
          dsseEnvelope: {
            $ref: '#/components/schemas/DsseEnvelope',
          },
        },
        additionalProperties: false,
      },
      AttestationKeys: {
        type: 'object',
        required: ['keys'],
        properties: {
          keys: {
            type: 'array',
            items: {
              type: 'object',
              required: ['keyId', 'algorithm', 'publicKey', 'signing'],
              properties: {
                keyId: {
                  type: 'string',
                },
                algorithm: {
                  type: 'string',
                  enum: ['ed25519', 'ecdsa-p256'],
                },
                publicKey: {
                  type: 'string',
                  description: 'The public key, PEM (SubjectPublicKeyInfo).',
                },
                signing: {
                  type: 'boolean',
                  description: 'Whether this key signs new attestations.',
                },
              },
              additionalProperties: false,
            },
          },
        },
        additionalProperties: false,
      },
      FlaggerWebhook: {
        type: 'object',
        description:
          'What Flagger posts to a webhook (its `CanaryWebhookPayload`).',
        required: ['name', 'namespace', 'phase', 'metadata'],
        properties: {
          name: {
            type: 'string',
          },
          namespace: {
            type: 'string',
          },
          phase: {
            type: 'string',
          },
          checksum: {
            type: 'string',
          },
          buildId: {
            type: 'string',
          },
          metadata: {
            type: 'object',
            description: "The webhook's `metadata` from the Canary.",
            required: ['entityRef', 'version', 'environment', 'token'],
            properties: {
              entityRef: {
                type: 'string',
                minLength: 1,
                description: 'The entity, e.g. `component:default/inventory`.',
              },
              version: {
                type: 'string',
                minLength: 1,
              },
              environment: {
                type: 'string',
                minLength: 1,
              },
              token: {
                type: 'string',
                minLength: 1,
                description: 'A Backstage external access token.',
              },
            },
            additionalProperties: true,
          },
        },
        additionalProperties: true,
      },
      EnforcementAnswer: {
        type: 'object',
        description:
          "A deployment engine's answer; `promote` is what it acts on.",
        required: ['promote', 'gate'],
        properties: {
          promote: {
            type: 'boolean',
            description:
              'Whether the gate lets the release through (`decision` is `pass` or `warn`).',
          },
          gate: {
            $ref: '#/components/schemas/GateAnswer',
          },
        },
        additionalProperties: false,
      },
      PortfolioItem: {
        type: 'object',
        description:
          "One entity's line in the portfolio: its latest release and how it scored.",
        required: [
          'entityRef',
          'title',
          'owner',
          'system',
          'tier',
          'businessProcesses',
          'version',
          'releasedAt',
          'score',
          'grade',
          'gates',
          'effectiveGates',
          'gateAdjustments',
          'failingChecks',
        ],
        properties: {
          entityRef: {
            type: 'string',
          },
          title: {
            type: 'string',
          },
          owner: {
            type: 'string',
            nullable: true,
            description: 'Full, lower-case ref of the owning group.',
          },
          system: {
            type: 'string',
            nullable: true,
          },
          tier: {
            $ref: '#/components/schemas/Tier',
          },
          businessProcesses: {
            type: 'array',
            description:
              'The business processes the entity takes part in, as normalized Domain refs, e.g. `domain:default/order-to-cash`.',
            items: {
              type: 'string',
            },
          },
          version: {
            type: 'string',
          },
          releasedAt: {
            type: 'string',
            format: 'date-time',
          },
          score: {
            type: 'integer',
            minimum: 0,
            maximum: 100,
          },
          grade: {
            $ref: '#/components/schemas/Grade',
          },
          gates: {
            type: 'object',
            description:
              "The policy's gate decision per environment, before overrides. The `gate` filter and\nthe portfolio summary read these.\n",
            additionalProperties: {
              $ref: '#/components/schemas/GateDecision',
            },
          },
          effectiveGates: {
            type: 'object',
            description:
              "Gate decision per environment after the waivers and overrides active at the time of\nthe request (not revoked, not expired): a waiver leaves its check out, an overridden\ngate reads `pass`. The same environments as `gates`; act on this one, as the\nrelease's own page and history do.\n",
            additionalProperties: {
              $ref: '#/components/schemas/GateDecision',
            },
          },
          gateAdjustments: {
            type: 'object',
            description:
              'Why `effectiveGates` differs from `gates`, for each environment where something\napplies: an active override, and how many active waivers leave a check out.\n',
            additionalProperties: {
              type: 'object',
              required: ['overridden', 'waivers'],
              properties: {
                overridden: {
                  type: 'boolean',
                },
                waivers: {
                  type: 'integer',
                  minimum: 0,
                },
              },
              additionalProperties: false,
            },
          },
          failingChecks: {
            type: 'array',
            description: 'The checks that fail or lack evidence.',
            items: {
              type: 'object',
              required: ['id', 'title', 'status'],
              properties: {
                id: {
                  type: 'string',
                },
                title: {
                  type: 'string',
                },
                status: {
                  type: 'string',
                  enum: ['fail', 'missing'],
                },
              },
              additionalProperties: false,
            },
          },
        },
        additionalProperties: false,
      },
      PortfolioPage: {
        type: 'object',
        required: ['items', 'totalCount'],
        properties: {
          items: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/PortfolioItem',
            },
          },
          totalCount: {
            type: 'integer',
            minimum: 0,
            description: 'Entities matching the filters, on every page.',
          },
          nextCursor: {
            type: 'string',
            description: 'The cursor of the next page; absent on the last one.',
          },
        },
        additionalProperties: false,
      },
      PortfolioSummary: {
        type: 'object',
        required: ['totalCount', 'grades', 'gates'],
        properties: {
          totalCount: {
            type: 'integer',
            minimum: 0,
            description: 'Entities matching the filters.',
          },
          grades: {
            type: 'object',
            description: 'Entities per grade of their latest release.',
            required: ['A', 'B', 'C', 'D', 'F'],
            properties: {
              A: {
                type: 'integer',
                minimum: 0,
              },
              B: {
                type: 'integer',
                minimum: 0,
              },
              C: {
                type: 'integer',
                minimum: 0,
              },
              D: {
                type: 'integer',
                minimum: 0,
              },
              F: {
                type: 'integer',
                minimum: 0,
              },
            },
            additionalProperties: false,
          },
          gates: {
            type: 'object',
            description:
              'Per gated environment, entities per gate decision of the policy, before overrides.',
            additionalProperties: {
              type: 'object',
              required: ['pass', 'warn', 'fail'],
              properties: {
                pass: {
                  type: 'integer',
                  minimum: 0,
                },
                warn: {
                  type: 'integer',
                  minimum: 0,
                },
                fail: {
                  type: 'integer',
                  minimum: 0,
                },
              },
              additionalProperties: false,
            },
          },
        },
        additionalProperties: false,
      },
      DoraBand: {
        type: 'string',
        description: 'A DORA performance band, best first.',
        enum: ['elite', 'high', 'medium', 'low'],
      },
      DoraFigures: {
        type: 'object',
        description: 'The four DORA keys over one window.',
        required: [
          'from',
          'to',
          'days',
          'deploymentFrequency',
          'leadTimeForChanges',
          'changeFailureRate',
          'failedDeploymentRecoveryTime',
        ],
        properties: {
          from: {
            type: 'string',
            format: 'date-time',
            description: 'Start of the window, inclusive.',
          },
          to: {
            type: 'string',
            format: 'date-time',
            description: 'End of the window, exclusive.',
          },
          days: {
            type: 'number',
            description: 'Length of the window in days.',
          },
          deploymentFrequency: {
            type: 'object',
            required: ['deployments', 'perDay', 'perWeek', 'band'],
            properties: {
              deployments: {
                type: 'integer',
                minimum: 0,
                description:
                  'Production deployments in the window, failed ones included.',
              },
              perDay: {
                type: 'number',
                minimum: 0,
              },
              perWeek: {
                type: 'number',
                minimum: 0,
              },
              band: {
                $ref: '#/components/schemas/DoraBand',
              },
            },
            additionalProperties: false,
          },
          leadTimeForChanges: {
            type: 'object',
            required: ['medianHours', 'changes'],
            properties: {
              medianHours: {
                type: 'number',
                nullable: true,
                description:
                  'Median hours from merge to the production deployment that shipped it; null without changes.',
              },
              changes: {
                type: 'integer',
                minimum: 0,
              },
            },
            additionalProperties: false,
          },
          changeFailureRate: {
            type: 'object',
            required: ['rate', 'failedDeployments', 'deployments'],
            properties: {
              rate: {
                type: 'number',
                minimum: 0,
                maximum: 1,
                nullable: true,
                description:
                  'Failed over all production deployments; null without deployments.',
              },
              failedDeployments: {
                type: 'integer',
                minimum: 0,
              },
              deployments: {
                type: 'integer',
                minimum: 0,
              },
            },
            additionalProperties: false,
          },
          failedDeploymentRecoveryTime: {
            type: 'object',
            required: ['medianHours', 'recoveries', 'unrecovered'],
            properties: {
              medianHours: {
                type: 'number',
                nullable: true,
                description:
                  'Median hours from failure to recovery; null without recoveries.',
              },
              recoveries: {
                type: 'integer',
                minimum: 0,
              },
              unrecovered: {
                type: 'integer',
                minimum: 0,
              },
            },
            additionalProperties: false,
          },
        },
        additionalProperties: false,
      },
      DoraTrend: {
        type: 'object',
        description:
          'DORA figures for a window and for the window of equal length just before it.',
        required: ['current', 'previous'],
        properties: {
          current: {
            $ref: '#/components/schemas/DoraFigures',
          },
          previous: {
            $ref: '#/components/schemas/DoraFigures',
          },
        },
        additionalProperties: false,
      },
      DoraResponse: {
        type: 'object',
        description: 'A DoraTrend and the entities it counts.',
        required: ['entityRefs', 'current', 'previous'],
        properties: {
          entityRefs: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
          current: {
            $ref: '#/components/schemas/DoraFigures',
          },
          previous: {
            $ref: '#/components/schemas/DoraFigures',
          },
        },
        additionalProperties: false,
      },
      DeliveryEventType: {
        type: 'string',
        enum: [
          'deployment',
          'rollback',
          'incident-detected',
          'incident-resolved',
          'change-merged',
        ],
      },
      WaybillDeliveryEvent: {
        type: 'object',
        description:
          "One delivery event in Waybill's JSON. Strict: unknown keys are refused. `incidentId` is\nrequired for `incident-detected` and `incident-resolved`, `commit` for `change-merged`.\n",
        required: ['type', 'entityRef', 'occurredAt'],
        properties: {
          type: {
            $ref: '#/components/schemas/DeliveryEventType',
          },
          entityRef: {
            type: 'string',
            description: 'Full entity ref, e.g. `component:default/inventory`.',
          },
          occurredAt: {
            type: 'string',
            format: 'date-time',
            description:
              'When it happened (not when it was reported), with a time zone.',
          },
          version: {
            type: 'string',
            minLength: 1,
            description:
              'The version deployed or rolled back to; for a merged change, the version that will ship it, when known.',
          },
          environment: {
            type: 'string',
            minLength: 1,
            description:
              'Only `production` events count towards DORA (incidents without an environment count too).',
          },
          commit: {
            type: 'string',
            minLength: 1,
            description:
              "The change's commit (for `change-merged` and deployments).",
          },
          incidentId: {
            type: 'string',
            minLength: 1,
            description: "Pairs an incident's detection with its resolution.",
          },
          failed: {
            type: 'boolean',
            description:
              'Whether a deployment failed; rollbacks and incidents also mark a deployment failed.',
          },
          source: {
            type: 'string',
            minLength: 1,
            description: 'Where the event came from, e.g. `argocd/prod-eu-1`.',
          },
          id: {
            type: 'string',
            minLength: 1,
            description:
              "The event's id at its source; derived from the content when absent.",
          },
        },
        additionalProperties: false,
      },
      CdEvent: {
        type: 'object',
        description:
          'A CDEvent (https://cdevents.dev, v0.4). Only the fields listed are read; the rest are\nignored. The Backstage entity comes from `customData.entityRef`, else from a\n`subject.source` of the form `backstage:<entity ref>`. The version deployed comes from\nthe package URL in `subject.content.artifactId`.\n',
        required: ['context', 'subject'],
        properties: {
          context: {
            type: 'object',
            required: ['id', 'source', 'type', 'timestamp'],
            properties: {
              id: {
                type: 'string',
                minLength: 1,
              },
              source: {
                type: 'string',
                minLength: 1,
              },
              type: {
                type: 'string',
                example: 'dev.cdevents.service.deployed.0.2.0',
              },
              timestamp: {
                type: 'string',
                format: 'date-time',
              },
            },
          },
          subject: {
            type: 'object',
            required: ['id'],
            properties: {
              id: {
                type: 'string',
                minLength: 1,
              },
              source: {
                type: 'string',
              },
              content: {
                type: 'object',
                properties: {
                  artifactId: {
                    type: 'string',
                    example: 'pkg:oci/orders@sha256%3A4f53cd',
                  },
                  environment: {
                    type: 'object',
                    required: ['id'],
                    properties: {
                      id: {
                        type: 'string',
                        minLength: 1,
                      },
                    },
                  },
                },
              },
            },
          },
          customData: {
            type: 'object',
            properties: {
              entityRef: {
                type: 'string',
                example: 'component:default/orders',
              },
            },
          },
        },
        additionalProperties: true,
      },
      DeliveryEventsRequest: {
        description:
          'One event, an array of events, or `{ "events": [...] }`; an element with a `context` is a CDEvent.',
        oneOf: [
          {
            type: 'object',
            required: ['events'],
            properties: {
              events: {
                type: 'array',
                items: {
                  anyOf: [
                    {
                      $ref: '#/components/schemas/WaybillDeliveryEvent',
                    },
                    {
                      $ref: '#/components/schemas/CdEvent',
                    },
                  ],
                },
              },
            },
            additionalProperties: false,
          },
          {
            $ref: '#/components/schemas/WaybillDeliveryEvent',
          },
          {
            $ref: '#/components/schemas/CdEvent',
          },
          {
            type: 'array',
            items: {
              anyOf: [
                {
                  $ref: '#/components/schemas/WaybillDeliveryEvent',
                },
                {
                  $ref: '#/components/schemas/CdEvent',
                },
              ],
            },
          },
        ],
      },
      DeliveryEventsResult: {
        type: 'object',
        description:
          'How many events were stored, and how many were already stored.',
        required: ['stored', 'duplicates'],
        properties: {
          stored: {
            type: 'integer',
            minimum: 0,
          },
          duplicates: {
            type: 'integer',
            minimum: 0,
          },
        },
        additionalProperties: false,
      },
      ReevaluateResult: {
        type: 'object',
        required: ['triggered'],
        properties: {
          triggered: {
            type: 'string',
            enum: ['scorecards-reevaluate'],
            description: 'The task that was started.',
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
  createValidatedOpenApiRouterFromGeneratedEndpointMap<ScorecardsEndpointMap>(
    spec as never,
    options,
  );
