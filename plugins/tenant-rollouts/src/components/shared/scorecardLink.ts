import { useRouteRef } from '@backstage/core-plugin-api';
import {
  entityRouteParams,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { useCallback } from 'react';

/**
 * The path of the scorecards plugin's entity tab below an entity's page. Its README asks apps to
 * keep it (`scorecards`): the scorecard card and the portfolio link to it too.
 */
export const SCORECARDS_TAB_PATH = 'scorecards';

/**
 * Links to a release's scorecard: the entity's scorecards tab, opened on `version` (its
 * `release` query parameter). The entity page is the catalog's `entityRouteRef`, so the link
 * follows wherever the app mounts the catalog.
 */
export function useScorecardLink(): (
  entityRef: string,
  version: string,
) => string {
  const entityRoute = useRouteRef(entityRouteRef);
  return useCallback(
    (entityRef, version) =>
      `${entityRoute(
        entityRouteParams(entityRef),
      )}/${SCORECARDS_TAB_PATH}?release=${encodeURIComponent(version)}`,
    [entityRoute],
  );
}
