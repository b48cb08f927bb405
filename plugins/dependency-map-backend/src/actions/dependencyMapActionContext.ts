import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { dependencyMapReadPermission } from '@waybill/plugin-dependency-map-common';
import {
  actionReaderAccess,
  ActionZod,
  READ_ONLY_ACTION,
} from '@waybill/plugin-waybill-node';
import {
  CatalogDependencyGraph,
  GraphSnapshot,
} from '../service/CatalogDependencyGraph';
import { visibleSnapshot } from '../service/visibleGraph';

/** The zod (v3 API) the actions registry hands each action's schema functions. */
export type Zod = ActionZod;

/** Every dependency-map action reads, idempotently: assistants may call them without asking. */
export const READ_ONLY = READ_ONLY_ACTION;

/** What the dependency-map actions are built from: the services the HTTP routes use. */
export interface DependencyMapActionServices {
  actionsRegistry: ActionsRegistryService;
  graph: CatalogDependencyGraph;
  permissions: PermissionsService;
  catalog: CatalogService;
}

/**
 * The graph as the caller may see it, as every route reads it: the caller needs
 * `dependency-map.graph.read` (a NotAllowedError naming it otherwise), and the entities the
 * catalog does not let them read are left out (an entity among them is then not found).
 */
export async function callerGraph(
  services: DependencyMapActionServices,
  credentials: BackstageCredentials,
): Promise<GraphSnapshot> {
  const access = await actionReaderAccess(
    services,
    credentials,
    dependencyMapReadPermission,
  );
  return visibleSnapshot(await services.graph.current(), access);
}

/** An entity ref input as the views take it. */
export const entityRefInput = (z: Zod) =>
  z
    .string()
    .min(1)
    .describe(
      'A catalog entity: `component:default/inventory`, or a bare name such as `inventory` (read as a Component in the default namespace).',
    );

/** The graph an answer was read from: when it was built, and whether it holds the whole estate. */
export const graphSummaryOutput = (z: Zod) =>
  z
    .object({
      builtAt: z.string(),
      nodeCount: z.number(),
      edgeCount: z.number(),
      truncated: z
        .boolean()
        .describe(
          'The catalog held more entities than `dependencyMap.maxNodes`: the graph, and so this answer, may miss some.',
        ),
      message: z.string().optional(),
    })
    .describe('The dependency graph the answer was read from.');

/** A dependency edge, as cycles name theirs. */
const edgeOutput = (z: Zod) =>
  z.object({ source: z.string(), target: z.string(), type: z.string() });

/** A cycle that prevents a strict order, as deploy orders and release trains report them. */
export const cycleBlockerOutput = (z: Zod) =>
  z.object({
    stage: z.number().describe('The stage its members share.'),
    entityRefs: z.array(z.string()).describe('The members being ordered.'),
    message: z.string(),
    cycle: z.object({
      members: z.array(z.string()),
      closingEdges: z
        .array(edgeOutput(z))
        .describe('Edges whose removal breaks every cycle among the members.'),
    }),
  });
