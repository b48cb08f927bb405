import {
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
} from '@backstage/core-plugin-api';
import { dependencyMapApiFactory } from './api';
import { rootRouteRef } from './routes';

/** The dependency-map plugin for apps on the legacy frontend system; new apps use `@waybill/plugin-dependency-map/alpha`. */
export const dependencyMapPlugin = createPlugin({
  id: 'dependency-map',
  apis: [dependencyMapApiFactory],
  routes: { root: rootRouteRef },
});

/**
 * The dependency map and, below it at `release-train`, the release-train planner; mount it at
 * `/dependency-map/*` (the `*` lets the planner's path through).
 */
export const DependencyMapPage = dependencyMapPlugin.provide(
  createRoutableExtension({
    name: 'DependencyMapPage',
    component: () =>
      import('./components/DependencyMapRouter').then(
        m => m.DependencyMapRouter,
      ),
    mountPoint: rootRouteRef,
  }),
);

/** The dependencies tab of a component; mount it at the `dependencies` path of the entity page. */
export const EntityDependenciesContent = dependencyMapPlugin.provide(
  createComponentExtension({
    name: 'EntityDependenciesContent',
    component: {
      lazy: () =>
        import('./components/EntityDependenciesContent').then(
          m => m.EntityDependenciesContent,
        ),
    },
  }),
);
