import { InputError, NotFoundError } from '@backstage/errors';
import {
  DEFAULT_MAX_NODES,
  DEFAULT_NEIGHBOURHOOD_DEPTH,
  DEPENDENCY_DIRECTIONS,
  DEPENDENCY_EDGE_TYPES,
  DependencyGraph,
  DependencyGraphSummary,
  GraphFilter,
  MAX_NEIGHBOURHOOD_DEPTH,
  MAX_NODES_LIMIT,
  findNode,
  normalizeEntityRef,
} from '@waybill/plugin-dependency-map-common';
import { z } from 'zod';
import { GraphSnapshot } from './CatalogDependencyGraph';

/*
 * What the dependency-map routes read from a request (query schemas) and check against the
 * graph before answering.
 */

/** A query parameter given once, repeated (`?kind=a&kind=b`) or comma-separated (`?kind=a,b`). */
const listParam = z.union([z.string(), z.array(z.string())]).transform(value =>
  [value]
    .flat()
    .flatMap(v => v.split(','))
    .map(v => v.trim())
    .filter(v => v !== ''),
);

const filterParams = {
  kind: listParam.optional(),
  type: listParam.optional(),
  owner: listParam.optional(),
  businessProcess: listParam.optional(),
  relation: listParam.pipe(z.array(z.enum(DEPENDENCY_EDGE_TYPES))).optional(),
};
const maxNodesParam = z.coerce
  .number()
  .int()
  .min(1)
  .max(MAX_NODES_LIMIT)
  .default(DEFAULT_MAX_NODES);

export const estateQuery = z
  .object({ ...filterParams, maxNodes: maxNodesParam })
  .strict();
const { businessProcess: _process, ...processFilterParams } = filterParams;
export const processQuery = z
  .object({ ...processFilterParams, maxNodes: maxNodesParam })
  .strict();
export const neighbourhoodQuery = z
  .object({
    ...filterParams,
    maxNodes: maxNodesParam,
    depth: z.coerce
      .number()
      .int()
      .min(0)
      .max(MAX_NEIGHBOURHOOD_DEPTH)
      .default(DEFAULT_NEIGHBOURHOOD_DEPTH),
    direction: z.enum(DEPENDENCY_DIRECTIONS).default('both'),
  })
  .strict();
export const impactQuery = z
  .object({
    maxDepth: z.coerce.number().int().min(1).optional(),
  })
  .strict();
export const deployOrderQuery = z
  .object({
    entityRef: listParam
      .pipe(
        z
          .array(z.string())
          .max(
            MAX_NODES_LIMIT,
            `at most ${MAX_NODES_LIMIT} entity refs per request`,
          ),
      )
      .optional(),
  })
  .strict();
export function graphFilter(query: {
  kind?: string[];
  type?: string[];
  owner?: string[];
  businessProcess?: string[];
  relation?: GraphFilter['relations'];
}): GraphFilter {
  return {
    kinds: query.kind,
    types: query.type,
    owners: query.owner,
    businessProcesses: query.businessProcess,
    relations: query.relation,
  };
}

/**
 * Checks that every ref names an entity of the graph: one that cannot be read as a ref is a
 * 400, one that is not in the graph a 404, each naming every offender.
 */
export function requireEntities(
  graph: DependencyGraph,
  refs: readonly string[],
  what: string,
): void {
  const unreadable = refs.filter(r => normalizeEntityRef(r) === undefined);
  if (unreadable.length > 0) {
    throw new InputError(
      `${what}: ${unreadable
        .map(r => `"${r}"`)
        .join(', ')} cannot be read as an entity ref`,
    );
  }
  const unknown = refs.filter(r => !findNode(graph, r));
  if (unknown.length > 0) {
    throw new NotFoundError(
      `No entit${unknown.length > 1 ? 'ies' : 'y'} ${unknown
        .map(r => `"${r}"`)
        .join(
          ', ',
        )} in the dependency map (it holds Components, APIs, Resources, Systems and Domains read from the catalog)`,
    );
  }
}

export function summaryOf({ build }: GraphSnapshot): DependencyGraphSummary {
  return {
    builtAt: build.builtAt,
    nodeCount: build.nodeCount,
    edgeCount: build.edgeCount,
    catalogEntities: build.catalogEntities,
    maxNodes: build.maxNodes,
    truncated: build.truncated,
    ...(build.message ? { message: build.message } : {}),
  };
}
