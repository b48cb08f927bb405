import { Entity } from '@backstage/catalog-model';
import { registerMswTestHooks } from '@backstage/test-utils';
import { httpClientOptions, renderPlugin } from '@waybill/frontend-test-utils';
import {
  CreateRolloutRequest,
  RolloutStrategy,
  tenantRolloutsAdvancePermission,
  tenantRolloutsCreatePermission,
  tenantRolloutsOverridePermission,
  tenantRolloutsRollbackPermission,
  TenantRolloutsClient,
} from '@waybill/plugin-tenant-rollouts-common';
import { http, HttpResponse } from 'msw';
import { SetupServer, setupServer } from 'msw/node';
import { signalApiRef, SignalApi } from '@backstage/plugin-signals-react';
import { ReactElement } from 'react';
import { tenantRolloutsApiRef } from '../api';
import { rootRouteRef } from '../routes';
import { rolloutView, STRATEGY } from './fixtures';

/** The tenant-rollouts backend's address in tests (`mockApis.discovery()`'s default). */
export const ROLLOUTS_URL = 'http://example.com/api/tenant-rollouts';

/** An msw server for the test file; handlers are added per test with `server.use`. */
export function setupRolloutsServer() {
  const server = setupServer();
  registerMswTestHooks(server);
  return server;
}

/** The names of the permissions a test user may hold, as `renderRollouts`'s `allowed` takes them. */
export const CREATE = tenantRolloutsCreatePermission.name;
export const ADVANCE = tenantRolloutsAdvancePermission.name;
export const ROLLBACK = tenantRolloutsRollbackPermission.name;
export const OVERRIDE = tenantRolloutsOverridePermission.name;

/**
 * Answers the rollouts list with `rollouts`, the strategies with `strategies` (by name; the
 * fixtures' `STRATEGY` as `default` unless given) and POST /rollouts with `create` (a planned
 * rollout 12 unless given), on the msw `server`; records the list queries and the bodies created.
 */
export function rolloutsBackend(
  server: SetupServer,
  options: {
    rollouts?: unknown[];
    strategies?: Record<string, RolloutStrategy>;
    create?: (body: CreateRolloutRequest) => Response;
  } = {},
) {
  const {
    rollouts = [],
    strategies = { default: STRATEGY },
    create = () =>
      HttpResponse.json(rolloutView({ id: 12, state: 'planned' }), {
        status: 201,
      }),
  } = options;
  const asked = {
    lists: [] as URLSearchParams[],
    created: [] as CreateRolloutRequest[],
  };
  server.use(
    http.get(`${ROLLOUTS_URL}/rollouts`, ({ request }) => {
      asked.lists.push(new URL(request.url).searchParams);
      return HttpResponse.json({ items: rollouts });
    }),
    http.get(`${ROLLOUTS_URL}/strategies`, () =>
      HttpResponse.json({
        items: Object.entries(strategies).map(([name, strategy]) => ({
          name,
          strategy,
        })),
      }),
    ),
    http.post(`${ROLLOUTS_URL}/rollouts`, async ({ request }) => {
      const body = (await request.json()) as CreateRolloutRequest;
      asked.created.push(body);
      return create(body);
    }),
  );
  return asked;
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
    /** The portal's signals; without it, the portal has none (and live pages poll). */
    signals?: SignalApi;
  } = {},
) {
  const { allowed = [], signals, ...rest } = options;
  return renderPlugin(ui, {
    ...rest,
    apis: [
      [tenantRolloutsApiRef, new TenantRolloutsClient(httpClientOptions())],
      ...(signals ? [[signalApiRef, signals] as const] : []),
    ],
    allows: permission => allowed.includes(permission),
    mountedRoutes: { '/tenant-rollouts': rootRouteRef },
  });
}
