import { Entity } from '@backstage/catalog-model';
import { registerMswTestHooks } from '@backstage/test-utils';
import { httpClientOptions, renderPlugin } from '@waybill/frontend-test-utils';
import { TenantRolloutsClient } from '@waybill/plugin-tenant-rollouts-common';
import { setupServer } from 'msw/node';
import { ReactElement } from 'react';
import { tenantRolloutsApiRef } from '../api';
import { rootRouteRef } from '../routes';

/** The tenant-rollouts backend's address in tests (`mockApis.discovery()`'s default). */
export const ROLLOUTS_URL = 'http://example.com/api/tenant-rollouts';

/** An msw server for the test file; handlers are added per test with `server.use`. */
export function setupRolloutsServer() {
  const server = setupServer();
  registerMswTestHooks(server);
  return server;
}

export const salesEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'sales', namespace: 'default' },
  spec: { type: 'service', lifecycle: 'production', owner: 'order-management' },
};

/**
 * Renders tenant-rollouts components in Backstage's test app with the real typed client, so
 * every request crosses HTTP to the msw handlers of the test. `allowed` names the permissions
 * the user holds (e.g. `tenant-rollouts.rollout.advance`); every other one is denied.
 */
export function renderRollouts(
  ui: ReactElement,
  options: {
    routeEntries?: string[];
    allowed?: string[];
    entity?: Entity;
  } = {},
) {
  const { allowed = [], ...rest } = options;
  return renderPlugin(ui, {
    ...rest,
    apis: [
      [tenantRolloutsApiRef, new TenantRolloutsClient(httpClientOptions())],
    ],
    allows: permission => allowed.includes(permission),
    mountedRoutes: { '/tenant-rollouts': rootRouteRef },
  });
}
