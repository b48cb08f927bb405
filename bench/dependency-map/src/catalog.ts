import {
  AuthService,
  LoggerService,
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import catalogBackend from '@backstage/plugin-catalog-backend';
import {
  CatalogService,
  catalogServiceRef,
} from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  EventsService,
  eventsServiceFactory,
  eventsServiceRef,
} from '@backstage/plugin-events-node';
import { catalogModuleProvidingEntities } from '@waybill/bench-utils';
// The benchmark drives the backend plugin itself (a node-library may not, outside benchmarks).
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import dependencyMapBackend from '@waybill/plugin-dependency-map-backend';
import { DEFAULT_NODE_KINDS } from '@waybill/plugin-dependency-map-common';
import { BENCH_LOCATION, withCatalogRelations } from './catalogRelations';

/** Where the entities are served from. */
export type CatalogMode = 'real' | 'mock';

/** Topic the benchmark publishes once the catalog holds the whole estate. */
export const ESTATE_READY_TOPIC = 'waybill-bench.estate-ready';

/** Counts every call made to a catalog service, by method. */
export class CatalogCallCounter {
  readonly calls = new Map<string, number>();

  total(): number {
    let sum = 0;
    for (const n of this.calls.values()) sum += n;
    return sum;
  }

  reset(): void {
    this.calls.clear();
  }

  /** The service with every method call counted. */
  wrap(catalog: CatalogService): CatalogService {
    return new Proxy(catalog, {
      get: (target, property, receiver) => {
        const value = Reflect.get(target, property, receiver);
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          const name = String(property);
          this.calls.set(name, (this.calls.get(name) ?? 0) + 1);
          return value.apply(target, args);
        };
      },
    });
  }
}

/** What the benchmark needs from inside the backend: the services the plugin gets too. */
export interface BackendHandles {
  catalog: CatalogService;
  auth: AuthService;
  logger: LoggerService;
  events: EventsService;
}

/** A backend holding the catalog (real or mock) and the dependency-map plugin. */
export interface EstateBackend {
  mode: CatalogMode;
  baseUrl: string;
  handles: BackendHandles;
  stop(): Promise<void>;
}

/** The test backend's config: its event bus, the kinds the catalog takes, the map's refresh. */
const BACKEND_CONFIG = {
  backend: { baseUrl: 'http://localhost:0' },
  // One in-process event bus for the backend (the test backend's default gives each plugin
  // its own mock); no events backend to forward to.
  events: { useEventBus: 'never' },
  catalog: {
    rules: [
      {
        allow: [
          'Component',
          'System',
          'API',
          'Resource',
          'Location',
          'Domain',
          'Group',
          'User',
        ],
      },
    ],
  },
  dependencyMap: {
    refresh: {
      frequency: { hours: 1 },
      timeout: { minutes: 5 },
      eventTopics: [ESTATE_READY_TOPIC],
      debounce: { milliseconds: 10 },
    },
  },
};

/**
 * Starts a backend with the catalog serving `entities`, the dependency-map plugin, and a small
 * benchmark plugin that hands out the catalog, auth, logger and events services it is given.
 *
 * - `real`: `@backstage/plugin-catalog-backend` on SQLite in memory, the entities given to it by
 *   an entity provider (a full mutation), processed and stitched by the catalog itself, which
 *   computes the relations. The catalog service is the default one: HTTP to the catalog plugin.
 * - `mock`: `catalogServiceMock` holding the entities with the relations the catalog would add.
 *
 * The plugin's scheduled refresh is set to once an hour; it rebuilds when the benchmark
 * publishes {@link ESTATE_READY_TOPIC} on the events service (the real one, shared by the
 * plugins of the backend, as in production).
 */
export async function startEstateBackend(
  mode: CatalogMode,
  entities: Entity[],
): Promise<EstateBackend> {
  let handles: BackendHandles | undefined;
  const benchPlugin = createBackendPlugin({
    pluginId: 'waybill-bench',
    register(env) {
      env.registerInit({
        deps: {
          catalog: catalogServiceRef,
          auth: coreServices.auth,
          logger: coreServices.logger,
          events: eventsServiceRef,
        },
        async init(deps) {
          handles = deps;
        },
      });
    },
  });

  const features =
    mode === 'real'
      ? [
          catalogBackend,
          catalogModuleProvidingEntities({
            name: 'waybill-bench-estate',
            location: BENCH_LOCATION,
            entities,
          }),
        ]
      : [
          catalogServiceMock.factory({
            entities: withCatalogRelations(entities),
          }),
        ];

  const backend = await startTestBackend({
    features: [
      ...features,
      dependencyMapBackend,
      benchPlugin,
      eventsServiceFactory,
      mockServices.rootConfig.factory({ data: BACKEND_CONFIG }),
    ],
  });
  if (!handles) throw new Error('The benchmark plugin was not started');
  const port = backend.server.port();
  return {
    mode,
    baseUrl: `http://localhost:${port}`,
    handles,
    stop: () => backend.stop(),
  };
}

/** Entities of the kinds the graph reads that the catalog holds now (one request). */
export async function countMappedEntities(
  handles: BackendHandles,
): Promise<number> {
  const page = await handles.catalog.queryEntities(
    { filter: { kind: [...DEFAULT_NODE_KINDS] }, limit: 1, fields: ['kind'] },
    { credentials: await handles.auth.getOwnServiceCredentials() },
  );
  return page.totalItems;
}

/** Publishes the estate-ready event and waits for the plugin's own build of the whole estate. */
export async function pluginBuildOnEvent(
  backend: EstateBackend,
  expectedEdges: number,
) {
  const { handles } = backend;
  const api = `${backend.baseUrl}/api/dependency-map`;
  const authorization = mockCredentials.user.header();
  const status = async () =>
    (await (
      await fetch(`${api}/status`, { headers: { authorization } })
    ).json()) as {
      current?: {
        trigger: string;
        durationMs: number;
        catalogRequests: number;
        nodeCount: number;
        edgeCount: number;
      };
    };
  await handles.events.publish({
    topic: ESTATE_READY_TOPIC,
    eventPayload: {},
  });
  let pluginBuild = (await status()).current;
  const pluginDeadline = performance.now() + 60_000;
  while (
    pluginBuild?.trigger !== 'event' ||
    pluginBuild.edgeCount !== expectedEdges
  ) {
    if (performance.now() > pluginDeadline) {
      throw new Error('The plugin did not rebuild its graph on the event');
    }
    await sleep(200);
    pluginBuild = (await status()).current;
  }
  return pluginBuild;
}
