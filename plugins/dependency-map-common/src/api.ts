/*
 * The HTTP contract of the dependency-map backend, shared with the UI and other callers: one
 * request answers each view. Query types describe GET parameters after parsing; responses are
 * exactly what the pure functions of this package return, so the backend serves them as is.
 */
import { z } from 'zod';
import type { DeployOrder } from './deployOrder';
import type { ImpactReport } from './impact';
import type {
  BusinessProcessGraph,
  DependencyDirection,
  DependencyNeighbourhood,
  EstateGraph,
  GraphFilter,
} from './neighbourhood';
import type { ReleaseTrainPlan } from './releaseTrain';

/** The plugin id the backend registers under (and discovery resolves). */
export const DEPENDENCY_MAP_PLUGIN_ID = 'dependency-map';

/** Most changes one release-train request may carry. */
export const MAX_RELEASE_TRAIN_CHANGES = 500;

/** GET the neighbourhood of an entity. */
export interface NeighbourhoodQuery extends GraphFilter {
  entityRef: string;
  depth?: number;
  direction?: DependencyDirection;
  maxNodes?: number;
}
/** Response to {@link NeighbourhoodQuery}. */
export type NeighbourhoodResponse = DependencyNeighbourhood;

/** GET a business process's graph (`process` is a name or Domain ref). */
export interface BusinessProcessGraphQuery extends GraphFilter {
  process: string;
  maxNodes?: number;
}
/** Response to {@link BusinessProcessGraphQuery}. */
export type BusinessProcessGraphResponse = BusinessProcessGraph;

/** GET the whole estate, filtered and limited. */
export interface EstateQuery extends GraphFilter {
  maxNodes?: number;
}
/** Response to {@link EstateQuery}, with when the graph was built. */
export interface EstateResponse extends EstateGraph {
  /** ISO 8601 time the served graph was built from the catalog. */
  builtAt?: string;
}

/** GET the blast radius of changing an entity. */
export interface ImpactQuery {
  entityRef: string;
  maxDepth?: number;
}
/** Response to {@link ImpactQuery}. */
export type ImpactResponse = ImpactReport;

/** GET deploy waves for a set of entities (default: every deployable). */
export interface DeployOrderQuery {
  entityRefs?: string[];
}
/** Response to {@link DeployOrderQuery}. */
export type DeployOrderResponse = DeployOrder;

/** Validates the body of POST release-train plan requests. */
export const releaseTrainRequestSchema = z
  .object({
    changes: z
      .array(
        z
          .object({
            entityRef: z.string().trim().min(1, 'entityRef is empty'),
            version: z
              .string()
              .trim()
              .min(1, 'version is empty')
              .max(128, 'version is longer than 128 characters'),
          })
          .strict(),
      )
      .min(1, 'a release train needs at least one change')
      .max(
        MAX_RELEASE_TRAIN_CHANGES,
        `a release train takes at most ${MAX_RELEASE_TRAIN_CHANGES} changes`,
      ),
  })
  .strict();

/** Body of POST release-train plan requests. */
export type ReleaseTrainRequest = z.infer<typeof releaseTrainRequestSchema>;
/** Response to {@link ReleaseTrainRequest}. */
export type ReleaseTrainResponse = ReleaseTrainPlan;
