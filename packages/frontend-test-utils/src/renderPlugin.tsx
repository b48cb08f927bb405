/*
 * Rendering a plugin's components in Backstage's test app the way every Waybill frontend test
 * does: the plugin's real typed client sending its requests over HTTP (to the test's msw
 * handlers), permissions answered by name, an empty SWR cache and an optional entity.
 */
import { Entity } from '@backstage/catalog-model';
import { DiscoveryApi, FetchApi, RouteRef } from '@backstage/core-plugin-api';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import {
  TestApiProvider,
  TestApiProviderProps,
  mockApis,
  renderInTestApp,
} from '@backstage/test-utils';
import { ReactElement } from 'react';
import { SWRConfig } from 'swr';

/**
 * What a plugin's typed client is built from in tests: `mockApis.discovery()` (so the backend is
 * at `http://example.com/api/<pluginId>`) and the global `fetch`, which msw intercepts.
 */
export function httpClientOptions(): {
  discoveryApi: DiscoveryApi;
  fetchApi: FetchApi;
} {
  return {
    discoveryApi: mockApis.discovery(),
    fetchApi: { fetch: (input, init) => fetch(input, init) },
  };
}

/** How {@link renderPlugin} renders. */
export interface RenderPluginOptions {
  /** The APIs the components use, as `[apiRef, implementation]` pairs. */
  apis: TestApiProviderProps<any[]>['apis'];
  /**
   * Whether the user holds the permission of this name; given, a mock permission API answers
   * with it (and usePermission's answers are cached per test only).
   */
  allows?: (permission: string) => boolean;
  /** The entity of an entity page, provided to the components. */
  entity?: Entity;
  /** The router's initial entries. */
  routeEntries?: string[];
  /** Route refs to mount besides the catalog's entity route. */
  mountedRoutes?: Record<string, RouteRef>;
}

/**
 * Renders `ui` in Backstage's test app with `options.apis`, inside an empty SWR cache (so each
 * test starts afresh) and, given an entity, an entity provider. The catalog's entity route is
 * mounted at `/catalog/:namespace/:kind/:name`, so entity links resolve.
 */
export function renderPlugin(ui: ReactElement, options: RenderPluginOptions) {
  const { allows } = options;
  const apis = allows
    ? [
        ...options.apis,
        [
          permissionApiRef,
          mockApis.permission({
            authorize: request =>
              allows(request.permission.name)
                ? AuthorizeResult.ALLOW
                : AuthorizeResult.DENY,
          }),
        ] as const,
      ]
    : options.apis;
  return renderInTestApp(
    <TestApiProvider apis={apis}>
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
        ...options.mountedRoutes,
      },
    },
  );
}
