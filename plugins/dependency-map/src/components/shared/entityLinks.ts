import { useRouteRef } from '@backstage/core-plugin-api';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { ENTITY_TABS } from '@waybill/plugin-waybill-common';
import { useCallback } from 'react';
import { entityRouteParams } from './refs';

/**
 * Paths of the tabs Waybill's plugins add below a component's entity page (`ENTITY_TABS` of
 * waybill-common, where every plugin reads them): the scorecards, the rollouts, and this
 * plugin's own dependencies tab (blast radius).
 */
export const SCORECARDS_TAB_PATH = ENTITY_TABS.scorecards.path;
export const ROLLOUTS_TAB_PATH = ENTITY_TABS.rollouts.path;
export const DEPENDENCIES_TAB_PATH = ENTITY_TABS.dependencies.path;

/**
 * The path of an entity's page in the catalog, or of a tab below it. The page is the catalog's
 * `entityRouteRef`, so links follow wherever the app mounts the catalog.
 */
export function useEntityPath(): (entityRef: string, tab?: string) => string {
  const entityRoute = useRouteRef(entityRouteRef);
  return useCallback(
    (entityRef, tab) => {
      const path = entityRoute(entityRouteParams(entityRef));
      return tab ? `${path}/${tab}` : path;
    },
    [entityRoute],
  );
}
