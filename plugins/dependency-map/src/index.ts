/**
 * Dependency maps in the portal, for apps on the legacy frontend system: the dependency map
 * page with the release-train planner below it, the dependencies tab of a component, and the
 * API. Apps on the new frontend system install `@waybill/plugin-dependency-map/alpha` instead.
 *
 * @packageDocumentation
 */

export {
  dependencyMapPlugin,
  DependencyMapPage,
  EntityDependenciesContent,
} from './plugin';
export { dependencyMapApiRef, dependencyMapApiFactory } from './api';
export {
  rootRouteRef as dependencyMapRouteRef,
  ENTITY_TAB_PATH as DEPENDENCY_MAP_ENTITY_TAB_PATH,
  RELEASE_TRAIN_PATH as DEPENDENCY_MAP_RELEASE_TRAIN_PATH,
} from './routes';
export { computeLayout } from './layout/layout';
export type {
  GraphLayout,
  LayoutEdge,
  LayoutInput,
  LayoutLaneInput,
  LayoutNode,
  PositionedEdge,
  PositionedLane,
  PositionedNode,
} from './layout/layout';
