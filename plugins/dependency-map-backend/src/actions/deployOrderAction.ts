import { planDeployOrder } from '@waybill/plugin-dependency-map-common';
import { requireEntities, summaryOf } from '../service/routerInput';
import {
  callerGraph,
  cycleBlockerOutput,
  DependencyMapActionServices,
  entityRefInput,
  graphSummaryOutput,
  READ_ONLY,
  Zod,
} from './dependencyMapActionContext';

const deployOrderInput = (z: Zod) =>
  z.object({
    entityRefs: z
      .array(entityRefInput(z))
      .min(1)
      .max(10000)
      .describe('The services (or other deployables) to order.'),
  });

const deployOrderOutput = (z: Zod) =>
  z.object({
    stages: z
      .array(
        z.object({
          index: z.number(),
          entityRefs: z
            .array(z.string())
            .describe(
              'Entities that may deploy in parallel once earlier stages are out.',
            ),
          blockers: z
            .array(z.number())
            .describe('Indices into `blockers` of the cycles in this stage.'),
        }),
      )
      .describe('Deploy stages (waves), providers first.'),
    sequence: z
      .array(z.string())
      .describe('The entities in one safe order, stage by stage.'),
    blockers: z
      .array(cycleBlockerOutput(z))
      .describe(
        'Dependency cycles among the entities: their members share a stage, and no strict order exists until the cycle is broken. Empty when there are none.',
      ),
    graph: graphSummaryOutput(z),
  });

/**
 * `plan-deploy-order`: deploy stages for a set of entities, as the HTTP route
 * `GET /deploy-order?entityRef=...` plans them.
 */
export function registerDeployOrderAction(
  services: DependencyMapActionServices,
): void {
  services.actionsRegistry.register({
    name: 'plan-deploy-order',
    title: 'Deploy order for a set of services',
    description: [
      'The order in which to deploy a set of services: stages (waves) whose members may deploy',
      'in parallel, providers before their consumers, and one safe sequence. Dependencies',
      'through entities outside the set still count. Members of a dependency cycle share a',
      'stage and the cycle is reported in `blockers` with the edges that would break it. Read',
      'from the dependency graph the portal builds from the catalog. Reads only; needs',
      '`dependency-map.graph.read`; an entity the caller may not read is not found.',
    ].join(' '),
    attributes: READ_ONLY,
    schema: { input: deployOrderInput, output: deployOrderOutput },
    examples: [
      {
        title: 'In which order do sales, inventory and customer-portal deploy?',
        input: { entityRefs: ['sales', 'inventory', 'customer-portal'] },
      },
    ],
    action: async ({ input, credentials }) => {
      const snapshot = await callerGraph(services, credentials);
      requireEntities(snapshot.graph, input.entityRefs, 'entityRefs');
      const order = planDeployOrder(snapshot.graph, {
        entityRefs: input.entityRefs,
      });
      return { output: { ...order, graph: summaryOf(snapshot) } };
    },
  });
}
