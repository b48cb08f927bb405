import { parseEntityRef } from '@backstage/catalog-model';
import { useRouteRef } from '@backstage/core-plugin-api';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { useCallback } from 'react';
import { ENTITY_TAB_PATH } from '../../routes';

/** Links to an entity's scorecards tab, optionally opened on one release. */
export function useScorecardLink(): (
  entityRef: string,
  version?: string,
) => string {
  const entityRoute = useRouteRef(entityRouteRef);
  return useCallback(
    (entityRef, version) => {
      const { kind, namespace, name } = parseEntityRef(entityRef);
      const base = `${entityRoute({
        kind,
        namespace,
        name,
      })}/${ENTITY_TAB_PATH}`;
      return version ? `${base}?release=${encodeURIComponent(version)}` : base;
    },
    [entityRoute],
  );
}
