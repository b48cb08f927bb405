import { Entity } from '@backstage/catalog-model';
import { discoveryApiRef } from '@backstage/core-plugin-api';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import {
  TestApiProvider,
  mockApis,
  renderInTestApp,
} from '@backstage/test-utils';
import { DependencyMapClient } from '@waybill/plugin-dependency-map-common';
import { ReactElement } from 'react';
import { SWRConfig } from 'swr';
import { dependencyMapApiRef } from '../api';
import { rootRouteRef } from '../routes';

export const inventoryEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'inventory', namespace: 'default', title: 'Inventory' },
  spec: {
    type: 'erp-module',
    lifecycle: 'production',
    owner: 'warehouse-systems',
  },
};

/**
 * Renders dependency-map components in Backstage's test app with the real typed client, so
 * every request crosses HTTP to the msw handlers of the test.
 */
export function renderDependencyMap(
  ui: ReactElement,
  options: { routeEntries?: string[]; entity?: Entity } = {},
) {
  const discoveryApi = mockApis.discovery();
  return renderInTestApp(
    <TestApiProvider
      apis={[
        [
          dependencyMapApiRef,
          new DependencyMapClient({
            discoveryApi,
            fetchApi: { fetch: (input, init) => fetch(input, init) },
          }),
        ],
        [discoveryApiRef, discoveryApi],
      ]}
    >
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
      mountedRoutes: {
        '/catalog/:namespace/:kind/:name': entityRouteRef,
        '/dependency-map': rootRouteRef,
      },
    },
  );
}
