import { Entity } from '@backstage/catalog-model';
import { discoveryApiRef } from '@backstage/core-plugin-api';
import {
  httpClientOptions,
  renderPlugin,
  RenderPluginOptions,
} from '@waybill/frontend-test-utils';
import { DependencyMapClient } from '@waybill/plugin-dependency-map-common';
import { ReactElement } from 'react';
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
  options: {
    routeEntries?: string[];
    entity?: Entity;
    /** More APIs, e.g. other plugins' the component reaches for. */
    apis?: RenderPluginOptions['apis'];
    allows?: RenderPluginOptions['allows'];
    /** More route refs to mount, e.g. other plugins' pages it links to. */
    mountedRoutes?: RenderPluginOptions['mountedRoutes'];
  } = {},
) {
  const client = httpClientOptions();
  return renderPlugin(ui, {
    ...options,
    apis: [
      [dependencyMapApiRef, new DependencyMapClient(client)],
      [discoveryApiRef, client.discoveryApi],
      ...(options.apis ?? []),
    ],
    mountedRoutes: {
      '/dependency-map': rootRouteRef,
      ...options.mountedRoutes,
    },
  });
}
