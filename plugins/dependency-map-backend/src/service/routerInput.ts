import { InputError, NotFoundError } from '@backstage/errors';
import {
  DependencyGraph,
  DependencyGraphSummary,
  ReleaseTrainChange,
  ReleaseTrainRequest,
  findNode,
  normalizeEntityRef,
} from '@waybill/plugin-dependency-map-common';
import { GraphSnapshot } from './CatalogDependencyGraph';

/*
 * What the dependency-map routes read from a request beyond the spec, which has validated its
 * shape (types, bounds, enumerations: a 400 naming the field); these are the rules it cannot
 * state: lists as they arrive (read by `listParam` and `graphFilter` of -common, which the
 * frontend's test backend reads them with too), and refs checked against the graph.
 */

/** Largest release-train body accepted: 500 changes with long refs fit with room to spare. */
export const RELEASE_TRAIN_BODY_BYTES = 256 * 1024;

/** A release train's changes, their refs and versions without the white space around them. */
export function trainChanges(body: ReleaseTrainRequest): ReleaseTrainChange[] {
  return body.changes.map(c => ({
    entityRef: c.entityRef.trim(),
    version: c.version.trim(),
  }));
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

/** The graph a view was answered from, as every view response carries it in `graph`. */
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
