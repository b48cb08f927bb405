import {
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
} from '@backstage/core-plugin-api';
import { scorecardsApiFactory } from './api';
import { rootRouteRef } from './routes';

/** The scorecards plugin for apps on the legacy frontend system; new apps use `@waybill/plugin-scorecards/alpha`. */
export const scorecardsPlugin = createPlugin({
  id: 'scorecards',
  apis: [scorecardsApiFactory],
  routes: { root: rootRouteRef },
});

/** The portfolio page; mount it at `/scorecards`. */
export const ScorecardsPortfolioPage = scorecardsPlugin.provide(
  createRoutableExtension({
    name: 'ScorecardsPortfolioPage',
    component: () =>
      import('./components/PortfolioPage').then(m => m.PortfolioPage),
    mountPoint: rootRouteRef,
  }),
);

/** The latest release's scorecard, for a component's overview. */
export const EntityScorecardCard = scorecardsPlugin.provide(
  createComponentExtension({
    name: 'EntityScorecardCard',
    component: {
      lazy: () =>
        import('./components/EntityScorecardCard').then(
          m => m.EntityScorecardCard,
        ),
    },
  }),
);

/** The scorecards tab of a component; mount it at the `scorecards` path of the entity page. */
export const EntityScorecardContent = scorecardsPlugin.provide(
  createComponentExtension({
    name: 'EntityScorecardContent',
    component: {
      lazy: () =>
        import('./components/EntityScorecardContent').then(
          m => m.EntityScorecardContent,
        ),
    },
  }),
);
