/**
 * Dependency maps for Backstage: the graph model built from catalog entities and the pure,
 * linear-time algorithms over it (cycles, deploy stages, blast radius, neighbourhoods, API
 * compatibility, release-train plans), plus the HTTP contract the backend serves, shared by the
 * dependency-map backend and frontend, with the read permission and a typed client of the backend.
 *
 * @packageDocumentation
 */

export * from './model';
export * from './buildDependencyGraph';
export * from './liveDependencyGraph';
export type { EntityReading } from './buildGraph/readEntity';
export { findNode, normalizeEntityRef } from './graphIndex';
export * from './digraph';
export * from './stronglyConnectedComponents';
export { findCycles } from './cycles';
export type { DependencyCycle, FindCyclesOptions } from './cycles';
export { deployLevels, deployStages, planDeployOrder } from './deployOrder';
export type {
  DeployBlocker,
  DeployOrder,
  DeployOrderOptions,
  DeployStage,
} from './deployOrder';
export * from './impact';
export * from './impactPage';
export * from './neighbourhood';
export * from './graphFilterQuery';
export * from './apiCompatibility';
export * from './releaseTrain';
export * from './api';
export * from './permissions';
export * from './client';
export {
  DependencyMapApiClient,
  type DependencyMapEndpointMap,
  type DependencyMapOperations,
  type DependencyMapSchemas,
} from './schema/openapi.generated';
