/**
 * Release scorecards for apps on the new frontend system: the portfolio page (with its nav
 * item), the entity card and content tab for components, the home page's blocked releases and
 * waivers expiring soon, the catalog's "Release gate" filter, releases in search results, and
 * the API. The catalog's grade and gate columns are the app's to place
 * (`useCatalogReleaseColumns`, exported from the package's main entry).
 *
 * @packageDocumentation
 */
import {
  ApiBlueprint,
  PageBlueprint,
  createFrontendPlugin,
} from '@backstage/frontend-plugin-api';
import {
  CatalogFilterBlueprint,
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import { HomePageWidgetBlueprint } from '@backstage/plugin-home-react/alpha';
import {
  SearchFilterResultTypeBlueprint,
  SearchResultListItemBlueprint,
} from '@backstage/plugin-search-react/alpha';
import Assessment from '@material-ui/icons/Assessment';
import { scorecardsApiFactory } from './api';
import { RELEASE_SEARCH_TYPE } from './components/ReleaseSearchResult/releaseSearchResult';
import { ENTITY_TAB_PATH, rootRouteRef } from './routes';

const scorecardsApi = ApiBlueprint.make({
  params: defineParams => defineParams(scorecardsApiFactory),
});

const portfolioPage = PageBlueprint.make({
  params: {
    path: '/scorecards',
    routeRef: rootRouteRef,
    title: 'Scorecards',
    icon: <Assessment />,
    // The page's own Header is its one <h1>: the app's plugin header would be a second.
    noHeader: true,
    loader: () =>
      import('./components/PortfolioPage').then(m => <m.PortfolioPage />),
  },
});

const entityCard = EntityCardBlueprint.make({
  name: 'release',
  params: {
    filter: { kind: 'component' },
    loader: () =>
      import('./components/EntityScorecardCard').then(m => (
        <m.EntityScorecardCard />
      )),
  },
});

const entityContent = EntityContentBlueprint.make({
  params: {
    path: ENTITY_TAB_PATH,
    title: 'Scorecards',
    filter: { kind: 'component' },
    loader: () =>
      import('./components/EntityScorecardContent').then(m => (
        <m.EntityScorecardContent />
      )),
  },
});

const blockedReleasesWidget = HomePageWidgetBlueprint.make({
  name: 'blocked-releases',
  params: {
    name: 'BlockedReleases',
    title: 'Your blocked releases',
    description:
      'Latest releases of the services you own that a gate blocks, with the failing checks',
    components: () =>
      import('./components/BlockedReleases').then(m => ({
        Content: m.BlockedReleasesWidget,
      })),
  },
});

const expiringWaiversWidget = HomePageWidgetBlueprint.make({
  name: 'expiring-waivers',
  params: {
    name: 'ExpiringWaivers',
    title: 'Waivers expiring soon',
    description:
      'Active waivers of failing checks that end within a week, each linked to its release',
    components: () =>
      import('./components/ExpiringWaivers').then(m => ({
        Content: m.ExpiringWaiversWidget,
      })),
  },
});

/** The catalog sidebar's filter by the verdict of a component's latest release. */
const releaseGateFilter = CatalogFilterBlueprint.make({
  name: 'release-gate',
  params: {
    loader: () =>
      import('./components/CatalogColumns').then(m => <m.ReleaseGatePicker />),
  },
});

/** Releases in the search page's results, with their grade and gates, and as a result type. */
const releaseSearchResultItem = SearchResultListItemBlueprint.make({
  name: 'release',
  params: {
    icon: <Assessment />,
    predicate: result => result.type === RELEASE_SEARCH_TYPE,
    component: () =>
      import('./components/ReleaseSearchResult').then(
        m => m.ReleaseSearchResultListItem,
      ),
  },
});

const releaseSearchResultType = SearchFilterResultTypeBlueprint.make({
  name: 'release',
  params: {
    value: RELEASE_SEARCH_TYPE,
    name: 'Releases',
    icon: <Assessment />,
  },
});

export default createFrontendPlugin({
  pluginId: 'scorecards',
  title: 'Scorecards',
  icon: <Assessment />,
  info: { packageJson: () => import('../package.json') },
  routes: { root: rootRouteRef },
  extensions: [
    scorecardsApi,
    portfolioPage,
    entityCard,
    entityContent,
    blockedReleasesWidget,
    expiringWaiversWidget,
    releaseGateFilter,
    releaseSearchResultItem,
    releaseSearchResultType,
  ],
});
