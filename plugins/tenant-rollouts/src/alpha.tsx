/**
 * Tenant rollouts for apps on the new frontend system: the rollouts page (with its nav item),
 * whose board and freeze calendar live below it, the entity content tab for components, the
 * home page's rollouts in flight and coming freezes, rollouts in search results, and the API.
 *
 * @packageDocumentation
 */
import {
  ApiBlueprint,
  PageBlueprint,
  createFrontendPlugin,
} from '@backstage/frontend-plugin-api';
import { EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { HomePageWidgetBlueprint } from '@backstage/plugin-home-react/alpha';
import {
  SearchFilterResultTypeBlueprint,
  SearchResultListItemBlueprint,
} from '@backstage/plugin-search-react/alpha';
import Layers from '@material-ui/icons/Layers';
import { tenantRolloutsApiFactory } from './api';
import { ROLLOUT_SEARCH_TYPE } from './components/RolloutSearchResult/rolloutSearchResult';
import {
  ENTITY_TAB_PATH,
  freezeCalendarRouteRef,
  rolloutRouteRef,
  rootRouteRef,
} from './routes';

const tenantRolloutsApi = ApiBlueprint.make({
  params: defineParams => defineParams(tenantRolloutsApiFactory),
});

const rolloutsPage = PageBlueprint.make({
  params: {
    path: '/tenant-rollouts',
    routeRef: rootRouteRef,
    title: 'Tenant rollouts',
    icon: <Layers />,
    // The page's own Header is its one <h1>: the app's plugin header would be a second.
    noHeader: true,
    loader: () =>
      import('./components/TenantRolloutsRouter').then(m => (
        <m.TenantRolloutsRouter />
      )),
  },
});

const entityContent = EntityContentBlueprint.make({
  params: {
    path: ENTITY_TAB_PATH,
    title: 'Rollouts',
    filter: { kind: 'component' },
    loader: () =>
      import('./components/EntityRolloutsContent').then(m => (
        <m.EntityRolloutsContent />
      )),
  },
});

const rolloutsInFlightWidget = HomePageWidgetBlueprint.make({
  name: 'rollouts-in-flight',
  params: {
    name: 'RolloutsInFlight',
    title: 'Your rollouts in flight',
    description:
      'Planned, running and held rollouts of the services you own or started, held ones first',
    components: () =>
      import('./components/HomeWidgets').then(m => ({
        Content: m.RolloutsInFlightWidget,
      })),
  },
});

const upcomingFreezesWidget = HomePageWidgetBlueprint.make({
  name: 'upcoming-freezes',
  params: {
    name: 'UpcomingFreezes',
    title: 'Freezes this week',
    description: 'Freeze windows of the coming seven days, in local time',
    components: () =>
      import('./components/HomeWidgets').then(m => ({
        Content: m.UpcomingFreezesWidget,
      })),
  },
});

/** Rollouts in the search page's results, with their state, and as a result type. */
const rolloutSearchResultItem = SearchResultListItemBlueprint.make({
  name: 'rollout',
  params: {
    icon: <Layers />,
    predicate: result => result.type === ROLLOUT_SEARCH_TYPE,
    component: () =>
      import('./components/RolloutSearchResult').then(
        m => m.RolloutSearchResultListItem,
      ),
  },
});

const rolloutSearchResultType = SearchFilterResultTypeBlueprint.make({
  name: 'rollout',
  params: { value: ROLLOUT_SEARCH_TYPE, name: 'Rollouts', icon: <Layers /> },
});

export default createFrontendPlugin({
  pluginId: 'tenant-rollouts',
  title: 'Tenant rollouts',
  icon: <Layers />,
  info: { packageJson: () => import('../package.json') },
  routes: {
    root: rootRouteRef,
    rollout: rolloutRouteRef,
    freezeCalendar: freezeCalendarRouteRef,
  },
  extensions: [
    tenantRolloutsApi,
    rolloutsPage,
    entityContent,
    rolloutsInFlightWidget,
    upcomingFreezesWidget,
    rolloutSearchResultItem,
    rolloutSearchResultType,
  ],
});
