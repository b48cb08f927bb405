/**
 * Dependency maps for apps on the new frontend system: the dependency map page (with its nav
 * item, and the release-train planner below it), the dependencies tab for components, and the
 * API.
 *
 * @packageDocumentation
 */
import {
  ApiBlueprint,
  PageBlueprint,
  createFrontendPlugin,
} from '@backstage/frontend-plugin-api';
import { EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import DeviceHub from '@material-ui/icons/DeviceHub';
import { dependencyMapApiFactory } from './api';
import { ENTITY_TAB_PATH, rootRouteRef } from './routes';

const dependencyMapApi = ApiBlueprint.make({
  params: defineParams => defineParams(dependencyMapApiFactory),
});

const dependencyMapPage = PageBlueprint.make({
  params: {
    path: '/dependency-map',
    routeRef: rootRouteRef,
    title: 'Dependency map',
    icon: <DeviceHub />,
    // Each page's own Header (PluginPage) is its one <h1>: the app's plugin header would be a second.
    noHeader: true,
    loader: () =>
      import('./components/DependencyMapRouter').then(m => (
        <m.DependencyMapRouter />
      )),
  },
});

const entityContent = EntityContentBlueprint.make({
  params: {
    path: ENTITY_TAB_PATH,
    title: 'Dependencies',
    filter: { kind: 'component' },
    loader: () =>
      import('./components/EntityDependenciesContent').then(m => (
        <m.EntityDependenciesContent />
      )),
  },
});

export default createFrontendPlugin({
  pluginId: 'dependency-map',
  title: 'Dependency map',
  icon: <DeviceHub />,
  info: { packageJson: () => import('../package.json') },
  routes: { root: rootRouteRef },
  extensions: [dependencyMapApi, dependencyMapPage, entityContent],
});
