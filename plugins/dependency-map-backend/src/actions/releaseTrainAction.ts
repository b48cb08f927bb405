import { planReleaseTrain } from '@waybill/plugin-dependency-map-common';
import { summaryOf, trainChanges } from '../service/routerInput';
import {
  callerGraph,
  cycleBlockerOutput,
  DependencyMapActionServices,
  graphSummaryOutput,
  READ_ONLY,
  Zod,
} from './dependencyMapActionContext';

/** What the HTTP route takes (`ReleaseTrainRequest` of the spec), with its bounds. */
const releaseTrainInput = (z: Zod) =>
  z.object({
    changes: z
      .array(
        z
          .object({
            entityRef: z
              .string()
              .min(1)
              .regex(/\S/)
              .describe(
                'A Component or Resource (a release), or an API (the contract version its provider will expose); a full ref or a bare name.',
              ),
            version: z
              .string()
              .min(1)
              .max(128)
              .regex(/\S/)
              .describe('The version it moves to (semver x.y.z for an API).'),
          })
          .strict(),
      )
      .min(1)
      .max(500)
      .describe('The changes of the train, in the order they were asked for.'),
  });

const plannedChange = (z: Zod) =>
  z.object({
    entityRef: z.string(),
    kind: z.string(),
    type: z.string().optional(),
    title: z.string(),
    version: z.string(),
    currentVersion: z
      .string()
      .optional()
      .describe('For an API, its version before the train.'),
    stage: z.number(),
    ridesWith: z
      .array(z.string())
      .optional()
      .describe(
        'For an API, the providers whose deployment makes the new version live.',
      ),
    tenants: z
      .number()
      .optional()
      .describe(
        'For a release, how many tenants it serves (a tenant rollout goes to them).',
      ),
  });

const releaseTrainOutput = (z: Zod) =>
  z.object({
    safe: z
      .boolean()
      .describe(
        'No cycles, no incompatibilities and every change planned: the train can go as sequenced.',
      ),
    changes: z
      .array(plannedChange(z))
      .describe('The planned changes in request order, each with its stage.'),
    sequence: z.array(z.string()).describe('The entities in one safe order.'),
    stages: z.array(
      z.object({
        index: z.number(),
        changes: z.array(plannedChange(z)),
        blockers: z.array(z.number()),
      }),
    ),
    blockers: z
      .array(cycleBlockerOutput(z))
      .describe('Cycles among the changes that prevent a strict order.'),
    incompatibilities: z
      .array(
        z.object({
          consumer: z.string(),
          api: z.string(),
          providers: z.array(z.string()),
          range: z.string().describe('The API versions the consumer requires.'),
          version: z.string().optional(),
          versionSource: z.enum(['train', 'current']).optional(),
          status: z.string(),
          message: z.string(),
        }),
      )
      .describe(
        'API requirements the versions after the train would not meet.',
      ),
    prematureConsumers: z
      .array(
        z.object({
          consumer: z.string(),
          needs: z.string(),
          reason: z.enum(['needs-new-api-version', 'listed-before-provider']),
          api: z.string().optional(),
          range: z.string().optional(),
          message: z.string(),
        }),
      )
      .describe(
        'Changes that would break if they went out before what they need.',
      ),
    rejected: z
      .array(
        z.object({
          index: z
            .number()
            .describe("Its position in the request's `changes`."),
          entityRef: z.string(),
          version: z.string(),
          reason: z.enum([
            'unreadable-ref',
            'unknown-entity',
            'duplicate',
            'invalid-version',
          ]),
          message: z.string(),
        }),
      )
      .describe(
        'Changes that could not be planned, and why; the others are planned without them.',
      ),
    graph: graphSummaryOutput(z),
  });

/**
 * `plan-release-train`: the plan the HTTP route `POST /release-train` answers for the same
 * changes.
 */
export function registerReleaseTrainAction(
  services: DependencyMapActionServices,
): void {
  services.actionsRegistry.register({
    name: 'plan-release-train',
    title: 'Plan a release train',
    description: [
      'Plans releasing several (entity, version) changes together: the safe sequence and its',
      'stages (providers first; an API change goes live with its provider), the cycles that',
      'prevent a strict order, the API requirements the train would leave unmet, and the',
      'consumers that would break if they went out first. A change that cannot be planned (an',
      'unknown or hidden entity, a duplicate, an API version that is not semver) is listed in',
      '`rejected` and the rest is planned; `safe` says whether the train can go as sequenced.',
      'Changes nothing. Needs `dependency-map.graph.read`.',
    ].join(' '),
    attributes: READ_ONLY,
    schema: { input: releaseTrainInput, output: releaseTrainOutput },
    examples: [
      {
        title: 'A new pricing API with its provider and a consumer',
        input: {
          changes: [
            { entityRef: 'api:pricing-api', version: '3.0.0' },
            { entityRef: 'pricing-api', version: '3.0.0' },
            { entityRef: 'customer-portal', version: '5.0.0' },
          ],
        },
      },
    ],
    action: async ({ input, credentials }) => {
      const changes = trainChanges(input);
      const snapshot = await callerGraph(services, credentials);
      return {
        output: {
          ...planReleaseTrain(snapshot.graph, changes),
          graph: summaryOf(snapshot),
        },
      };
    },
  });
}
