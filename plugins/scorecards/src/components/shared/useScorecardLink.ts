import { useRouteRef } from '@backstage/core-plugin-api';
import {
  entityRouteParams,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { entityTabLink } from '@waybill/plugin-waybill-common';
import { useCallback } from 'react';

/**
 * Links to an entity's Waybill tabs (`ENTITY_TABS` of waybill-common) below its page, which the
 * catalog's `entityRouteRef` places: its scorecards, optionally opened on one release, and the
 * rollouts of a release (the tenant-rollouts plugin's tab).
 */
function useEntityTabLink(
  tab: 'scorecards' | 'rollouts',
): (entityRef: string, version?: string) => string {
  const entityRoute = useRouteRef(entityRouteRef);
  return useCallback(
    (entityRef, version) =>
      entityTabLink(entityRoute(entityRouteParams(entityRef)), tab, version),
    [entityRoute, tab],
  );
}

/** Links to an entity's scorecards tab, optionally opened on one release. */
export const useScorecardLink = () => useEntityTabLink('scorecards');

/** Links to the rollouts of an entity's release: its rollouts tab, filtered to that version. */
export const useRolloutsLink = () => useEntityTabLink('rollouts');
