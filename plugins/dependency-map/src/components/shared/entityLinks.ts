import { useRouteRef } from '@backstage/core-plugin-api';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { useCallback } from 'react';
import { ENTITY_TAB_PATH } from '../../routes';
import { entityRouteParams } from './refs';

/**
 * Paths of the tabs other Waybill plugins add below a component's entity page; their READMEs
 * ask apps to keep them (`scorecards` of `@waybill/plugin-scorecards`, `rollouts` of
 * `@waybill/plugin-tenant-rollouts`).
 */
export const SCORECARDS_TAB_PATH = 'scorecards';
export const ROLLOUTS_TAB_PATH = 'rollouts';
/** This plugin's own dependencies tab (blast radius). */
export const DEPENDENCIES_TAB_PATH = ENTITY_TAB_PATH;

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
