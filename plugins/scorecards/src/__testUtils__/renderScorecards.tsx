import { Entity } from '@backstage/catalog-model';
import { discoveryApiRef } from '@backstage/core-plugin-api';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import {
  EntityProvider,
  catalogApiRef,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import {
  TestApiProvider,
  mockApis,
  renderInTestApp,
} from '@backstage/test-utils';
import { ScorecardsClient } from '@waybill/plugin-scorecards-common';
import { ReactElement } from 'react';
import { SWRConfig } from 'swr';
import { scorecardsApiRef } from '../api';

export const inventoryEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'inventory',
    namespace: 'default',
    annotations: { 'waybill.dev/tier': 'critical' },
  },
  spec: {
    type: 'service',
    lifecycle: 'production',
    owner: 'warehouse-systems',
  },
};

/**
 * Renders scorecards components in Backstage's test app with the real typed client, so every
 * request crosses HTTP to the msw handlers of the test; the catalog and permissions are mocks.
 */
export function renderScorecards(
  ui: ReactElement,
  options: {
    routeEntries?: string[];
    canOverride?: boolean;
    catalogEntities?: Entity[];
    entity?: Entity;
  } = {},
) {
  const discoveryApi = mockApis.discovery();
  return renderInTestApp(
    <TestApiProvider
      apis={[
        [
          scorecardsApiRef,
          new ScorecardsClient({
            discoveryApi,
            fetchApi: { fetch: (input, init) => fetch(input, init) },
          }),
        ],
        [discoveryApiRef, discoveryApi],
        [catalogApiRef, catalogApiMock({ entities: options.catalogEntities })],
        [
          permissionApiRef,
          mockApis.permission({
            authorize: options.canOverride
              ? AuthorizeResult.ALLOW
              : AuthorizeResult.DENY,
          }),
        ],
      ]}
    >
      {/* usePermission caches answers in SWR; each test starts with an empty cache. */}
      <SWRConfig value={{ provider: () => new Map() }}>
        {options.entity ? (
          <EntityProvider entity={options.entity}>{ui}</EntityProvider>
        ) : (
          ui
        )}
      </SWRConfig>
    </TestApiProvider>,
    {
      routeEntries: options.routeEntries,
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    },
  );
}
