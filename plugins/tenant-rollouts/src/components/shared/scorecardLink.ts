import { useRouteRef } from '@backstage/core-plugin-api';
import {
  entityRouteParams,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { entityTabLink } from '@waybill/plugin-waybill-common';
import { useCallback } from 'react';

/**
 * Links to a release's scorecard: the scorecards plugin's entity tab (`ENTITY_TABS` of
 * waybill-common), opened on `version`. The entity page is the catalog's `entityRouteRef`, so the
 * link follows wherever the app mounts the catalog.
 */
export function useScorecardLink(): (
  entityRef: string,
  version: string,
) => string {
  const entityRoute = useRouteRef(entityRouteRef);
  return useCallback(
    (entityRef, version) =>
      entityTabLink(
        entityRoute(entityRouteParams(entityRef)),
        'scorecards',
        version,
      ),
    [entityRoute],
  );
}
