import {
  analyzeImpact,
  IMPACT_PROCESS_REFS,
  ImpactPage,
  pageImpact,
} from '@waybill/plugin-dependency-map-common';
import { requireEntities, summaryOf } from '../service/routerInput';
import {
  callerGraph,
  DependencyMapActionServices,
  entityRefInput,
  graphSummaryOutput,
  READ_ONLY,
  Zod,
} from './dependencyMapActionContext';

/** Entities and tenants listed by default, and at most. */
const DEFAULT_LIMIT = 100;
const MAX_LIMIT = 1000;

const impactInput = (z: Zod) =>
  z.object({
    entityRef: entityRefInput(z),
    maxDepth: z
      .number()
      .int()
      .min(1)
      .max(50)
      .optional()
      .describe(
        'Stop this many hops from the entity (default: follow every consumer). `truncated.byDepth` says whether that cut the search short.',
      ),
    limit: z
      .number()
      .int()
      .min(1)
      .max(MAX_LIMIT)
      .optional()
      .describe(
        `Most affected entities and tenants listed, nearest first (default ${DEFAULT_LIMIT}); the counts cover all of them.`,
      ),
    offset: z
      .number()
      .int()
      .min(0)
      .optional()
      .describe(
        'Affected entities to skip (by distance, then ref), to read the next page; default 0.',
      ),
  });

const affectedEntity = (z: Zod) =>
  z.object({
    entityRef: z.string(),
    kind: z.string(),
    type: z.string().optional(),
    title: z.string(),
    depth: z
      .number()
      .describe('Hops from the changed entity: 1 for its direct consumers.'),
    via: z
      .string()
      .describe('The entity one hop nearer the change it is affected through.'),
  });

const affectedProcess = (z: Zod) =>
  z.object({
    ref: z.string(),
    name: z.string(),
    title: z.string(),
    criticality: z.string().optional(),
    depth: z
      .number()
      .describe(
        'The nearest of its entities to the change (0: the changed entity itself takes part).',
      ),
    entityCount: z.number(),
    entityRefs: z
      .array(z.string())
      .describe(
        `The changed and affected entities that take part in it, nearest first (at most ${IMPACT_PROCESS_REFS}).`,
      ),
  });

const affectedTenant = (z: Zod) =>
  z.object({
    entityRef: z.string(),
    title: z.string(),
    labels: z
      .record(z.string())
      .describe('segment, region, tier, cloud, tenancy, timezone'),
    depth: z.number(),
    servedBy: z
      .array(z.string())
      .describe('The changed or affected deployables that serve it.'),
  });

const impactOutput = (z: Zod) =>
  z.object({
    entityRef: z.string().describe('The changed entity, as a full ref.'),
    affected: z
      .array(affectedEntity(z))
      .describe(
        'One page of everything that depends on the entity, transitively (tenants excluded), by distance, then ref.',
      ),
    affectedCount: z
      .number()
      .describe('Every affected entity, on the page or not.'),
    offset: z.number(),
    businessProcesses: z
      .array(affectedProcess(z))
      .describe('The business processes (Domains) the change reaches.'),
    tenants: z
      .array(affectedTenant(z))
      .describe(
        'The tenants served by the changed entity or anything affected.',
      ),
    tenantCount: z.number(),
    truncated: z
      .object({
        byDepth: z
          .boolean()
          .describe(
            '`maxDepth` stopped the search before it ran out of consumers.',
          ),
        affected: z
          .boolean()
          .describe(
            'More affected entities lie past this page: ask again with `offset` + `limit`.',
          ),
        tenants: z
          .boolean()
          .describe('More tenants than `limit`; only the nearest are listed.'),
      })
      .describe('Where the answer was cut off, if anywhere.'),
    graph: graphSummaryOutput(z),
  });

function toImpactOutput(page: ImpactPage) {
  return {
    entityRef: page.entityRefs[0],
    affected: page.affected.map(a => ({
      entityRef: a.entityRef,
      kind: a.kind,
      type: a.type,
      title: a.title,
      depth: a.distance,
      via: a.via,
    })),
    affectedCount: page.total,
    offset: page.offset,
    businessProcesses: page.businessProcesses.map(p => ({
      ref: p.ref,
      name: p.name,
      title: p.title,
      criticality: p.criticality,
      depth: p.distance,
      entityCount: p.entityCount,
      entityRefs: p.entityRefs,
    })),
    tenants: page.tenants.map(t => ({
      entityRef: t.entityRef,
      title: t.title,
      labels: Object.fromEntries(
        Object.entries(t.labels).filter(([, value]) => value !== undefined),
      ),
      depth: t.distance,
      servedBy: t.servedBy,
    })),
    tenantCount: page.tenantCount,
    truncated: {
      byDepth: page.depthTruncated,
      affected: page.truncated,
      tenants: page.tenantCount > page.tenants.length,
    },
  };
}

/**
 * `get-change-impact`: the blast radius of changing an entity, as the HTTP route
 * `GET /entities/:kind/:namespace/:name/impact` computes it, bounded for an assistant's answer.
 */
export function registerChangeImpactAction(
  services: DependencyMapActionServices,
): void {
  services.actionsRegistry.register({
    name: 'get-change-impact',
    title: 'Impact of changing an entity',
    description: [
      'What changing a catalog entity (a service, API or resource) affects: every entity that',
      'depends on it, transitively, nearest first with its depth and the neighbour it is affected',
      'through; the business processes those entities take part in; and the tenants they serve.',
      'Lists are bounded by `limit` and paged by `offset` (and the search by `maxDepth`); `truncated`',
      'says where the answer was cut off and the counts cover everything. Read from the dependency graph the',
      'portal builds from the catalog. Reads only; needs `dependency-map.graph.read`, and shows',
      'only entities the caller may read.',
    ].join(' '),
    attributes: READ_ONLY,
    schema: { input: impactInput, output: impactOutput },
    examples: [
      {
        title: 'What does a change to inventory affect?',
        input: { entityRef: 'component:default/inventory', limit: 20 },
      },
    ],
    action: async ({ input, credentials }) => {
      const snapshot = await callerGraph(services, credentials);
      requireEntities(snapshot.graph, [input.entityRef], 'entityRef');
      const report = analyzeImpact(snapshot.graph, input.entityRef, {
        maxDepth: input.maxDepth,
      });
      const page = pageImpact(report, {
        limit: input.limit ?? DEFAULT_LIMIT,
        offset: input.offset ?? 0,
      });
      return {
        output: {
          ...toImpactOutput(page),
          graph: summaryOf(snapshot),
        },
      };
    },
  });
}
