/**
 * Dependency-map backend: builds the estate's dependency graph from the catalog in batched
 * reads, keeps it fresh in memory and serves neighbourhoods, business-process graphs, blast
 * radius, deploy order and release-train plans.
 *
 * @packageDocumentation
 */
export { dependencyMapPlugin as default } from './plugin';
export {
  dependencyMapPermissions,
  dependencyMapReadPermission,
} from '@waybill/plugin-dependency-map-common';
export {
  CatalogDependencyGraph,
  type CatalogDependencyGraphOptions,
  type GraphBuild,
  type GraphBuildTrigger,
  type GraphSnapshot,
  type GraphStatus,
} from './service/CatalogDependencyGraph';
export {
  GRAPH_ENTITY_FIELDS,
  readEstateFromCatalog,
  type EstateRead,
  type ReadEstateOptions,
} from './service/readEstateFromCatalog';
