import {
  createApiFactory,
  createApiRef,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import {
  ScorecardsApi,
  ScorecardsClient,
} from '@waybill/plugin-scorecards-common';

/** The scorecards backend, as the portal's components reach it. */
export const scorecardsApiRef = createApiRef<ScorecardsApi>({
  id: 'plugin.scorecards.service',
});

/** The default implementation: the typed client, through the portal's discovery and authenticated fetch. */
export const scorecardsApiFactory = createApiFactory({
  api: scorecardsApiRef,
  deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
  factory: ({ discoveryApi, fetchApi }) =>
    new ScorecardsClient({ discoveryApi, fetchApi }),
});
