import {
  AuthService,
  LoggerService,
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import catalogBackend from '@backstage/plugin-catalog-backend';
import {
  CatalogService,
  catalogServiceRef,
} from '@backstage/plugin-catalog-node';
import {
  EventsService,
  eventsServiceFactory,
  eventsServiceRef,
} from '@backstage/plugin-events-node';
import {
  DrivenEntityProvider,
  drivenEntityProvider,
} from '@waybill/bench-utils';
// The benchmark drives the backend plugin itself (a node-library may not, outside benchmarks).
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import dependencyMapBackend from '@waybill/plugin-dependency-map-backend';
import { DEFAULT_NODE_KINDS } from '@waybill/plugin-dependency-map-common';
import knexFactory from 'knex';
import { BENCH_LOCATION } from './catalogRelations';

/** Where the catalog keeps its entities: `WAYBILL_BENCH_CATALOG_DB`. */
export type CatalogEngine = 'sqlite' | 'postgres';

/**
 * The PostgreSQL server: `WAYBILL_BENCH_PG_URL`, else the one the tests use, else the local
 * default (as the other benches).
 */
const PG_URL =
  process.env.WAYBILL_BENCH_PG_URL ??
  process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING ??
  'postgresql://postgres@127.0.0.1:5432';

/**
 * The catalog's engine this run: `WAYBILL_BENCH_CATALOG_DB` (`postgres` or `sqlite`), else
 * PostgreSQL when its server answers, as large catalogs run (on SQLite the catalog's ingest
 * grows quadratically: see README.md), else SQLite in memory, saying so.
 */
export async function catalogEngine(
  log: (line: string) => void,
): Promise<CatalogEngine> {
  const asked = process.env.WAYBILL_BENCH_CATALOG_DB;
  if (asked !== undefined) {
    if (asked !== 'sqlite' && asked !== 'postgres') {
      throw new Error(
        `WAYBILL_BENCH_CATALOG_DB must be sqlite or postgres, not "${asked}"`,
      );
    }
    return asked;
  }
  const probe = knexFactory({
    client: 'pg',
    connection: `${serverUrl()}/postgres`,
    pool: { min: 0, max: 1 },
    acquireConnectionTimeout: 5000,
  });
  try {
    await probe.raw('select 1');
    return 'postgres';
  } catch (error) {
    log(
      `no PostgreSQL server at ${PG_URL} (${
        error instanceof Error ? error.message : String(error)
      }): the catalog runs on SQLite in memory`,
    );
    return 'sqlite';
  } finally {
    await probe.destroy();
  }
}

/** The server's URL without a database name. */
function serverUrl(): string {
  return PG_URL.replace(/\/[^/@]*$/, '');
}

/** The catalog's database on PostgreSQL, as Backstage's DatabaseManager names it from the prefix. */
const PG_PREFIX = 'waybill_bench_dm_';
const PG_CATALOG_DATABASE = `${PG_PREFIX}catalog`;

/** The catalog's engine in words, for the report. */
export function describeCatalogEngine(engine: CatalogEngine): string {
  return engine === 'postgres'
    ? `PostgreSQL (${PG_CATALOG_DATABASE}, created fresh and dropped at the end)`
    : 'SQLite in memory';
}

/** Drops the catalog's PostgreSQL database, if there is one. */
async function dropCatalogDatabase(): Promise<void> {
  const admin = knexFactory({
    client: 'pg',
    connection: `${serverUrl()}/postgres`,
    pool: { min: 0, max: 1 },
  });
  try {
    await admin.raw('DROP DATABASE IF EXISTS ?? WITH (FORCE)', [
      PG_CATALOG_DATABASE,
    ]);
  } finally {
    await admin.destroy();
  }
}

/**
 * `VACUUM ANALYZE` of the catalog's PostgreSQL database: the state autovacuum reaches after a
 * burst of writes, so the planner's statistics describe the entities just ingested (as
 * bench/scorecards settles its databases).
 */
async function analyzeCatalogDatabase(): Promise<void> {
  const catalogDb = knexFactory({
    client: 'pg',
    connection: `${serverUrl()}/${PG_CATALOG_DATABASE}`,
    pool: { min: 0, max: 1 },
  });
  try {
    await catalogDb.raw('VACUUM ANALYZE');
  } finally {
    await catalogDb.destroy();
  }
}

/** The backend's database config for an engine. */
function databaseConfig(engine: CatalogEngine) {
  return engine === 'postgres'
    ? { client: 'pg', connection: PG_URL, prefix: PG_PREFIX }
    : { client: 'better-sqlite3', connection: ':memory:' };
}

/** Topic on which the benchmark tells the plugin the catalog changed (the whole estate, or one entity). */
export const CATALOG_CHANGED_TOPIC = 'waybill-bench.catalog-changed';

/** The graph's node limit in the benchmark's backend: above the largest estate it is run with. */
export const BENCH_GRAPH_MAX_NODES = 200_000;

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

/** A backend holding the real catalog and the dependency-map plugin. */
export interface EstateBackend {
  baseUrl: string;
  handles: BackendHandles;
  /** The entity provider giving the catalog the estate: one delta mutation per call. */
  provider: DrivenEntityProvider;
  /**
   * After an ingest, brings the catalog's database to the state it reaches once autovacuum has
   * run: `VACUUM ANALYZE` on PostgreSQL; nothing on SQLite, which Backstage never analyzes.
   */
  settle(): Promise<void>;
  stop(): Promise<void>;
}

/** The test backend's config: its event bus, the kinds the catalog takes, the map's refresh. */
const BACKEND_CONFIG = {
  backend: { baseUrl: 'http://localhost:0' } as object,
  // One in-process event bus for the backend (the test backend's default gives each plugin
  // its own mock); no events backend to forward to.
  events: { useEventBus: 'never' },
  catalog: {
    // The catalog processes every entity again every 100-150 s by default: at 50,000 entities a
    // pass takes longer than that, so the old entities' passes starved a step's new ones (the 50k
    // step's ingest crawled at 6-10 entities a second). Once an hour, as bench/tenant-rollouts:
    // the benchmark's changes reach the catalog as delta mutations, processed at once.
    processingInterval: { hours: 1 },
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
    maxNodes: BENCH_GRAPH_MAX_NODES,
    refresh: {
      frequency: { hours: 1 },
      timeout: { minutes: 5 },
      eventTopics: [CATALOG_CHANGED_TOPIC],
      debounce: { milliseconds: 10 },
    },
  },
};

/**
 * Starts a backend with `@backstage/plugin-catalog-backend` on `engine` (SQLite in memory, or a
 * fresh PostgreSQL database dropped when the backend stops), fed by an entity
 * provider the benchmark drives (delta mutations: the catalog processes and stitches the
 * entities itself, computing the relations), the dependency-map plugin, and a small benchmark
 * plugin that hands out the catalog, auth, logger and events services it is given. The catalog
 * service is the default one: HTTP to the catalog plugin.
 *
 * The plugin's scheduled refresh is set to once an hour; it refreshes when the benchmark
 * publishes {@link CATALOG_CHANGED_TOPIC} on the events service (the real one, shared by the
 * plugins of the backend, as in production).
 */
export async function startEstateBackend(
  engine: CatalogEngine,
): Promise<EstateBackend> {
  if (engine === 'postgres') await dropCatalogDatabase();
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

  const provider = drivenEntityProvider({
    name: 'waybill-bench-estate',
    location: BENCH_LOCATION,
  });
  const backend = await startTestBackend({
    features: [
      catalogBackend,
      provider.module,
      dependencyMapBackend,
      benchPlugin,
      eventsServiceFactory,
      mockServices.rootConfig.factory({
        data: {
          ...BACKEND_CONFIG,
          backend: {
            ...BACKEND_CONFIG.backend,
            database: databaseConfig(engine),
          },
        },
      }),
    ],
  });
  if (!handles) throw new Error('The benchmark plugin was not started');
  const port = backend.server.port();
  return {
    baseUrl: `http://localhost:${port}`,
    handles,
    provider,
    settle: async () => {
      if (engine === 'postgres') await analyzeCatalogDatabase();
    },
    stop: async () => {
      await backend.stop();
      if (engine === 'postgres') await dropCatalogDatabase();
    },
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
