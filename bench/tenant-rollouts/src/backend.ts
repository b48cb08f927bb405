import { mkdtemp, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  AuthService,
  coreServices,
  createBackendPlugin,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import catalogBackend from '@backstage/plugin-catalog-backend';
import {
  CatalogService,
  catalogServiceRef,
} from '@backstage/plugin-catalog-node';
import eventsBackend from '@backstage/plugin-events-backend';
import { eventsServiceFactory } from '@backstage/plugin-events-node';
import signalsBackend from '@backstage/plugin-signals-backend';
import { catalogModuleProvidingEntities } from '@waybill/bench-utils';
// The benchmark drives the backend plugin itself (a node-library may not, outside benchmarks).
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import tenantRolloutsBackend from '@waybill/plugin-tenant-rollouts-backend';
import knexFactory from 'knex';
import { BENCH_LOCATION } from './tenants';

/** The database engines the rollouts plugin runs on. */
export type EngineName = 'sqlite' | 'postgres';

/**
 * The PostgreSQL server: `WAYBILL_BENCH_PG_URL`, else the one `source scripts/postgres.sh`
 * points the tests at, else the local default (as bench/scorecards).
 */
export const PG_URL =
  process.env.WAYBILL_BENCH_PG_URL ??
  process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING ??
  'postgresql://postgres@127.0.0.1:5432';

/** Prefix of the PostgreSQL database the benchmark creates and drops (as bench/scorecards). */
const PG_PREFIX = 'waybill_bench_';
/** The plugin's database on PostgreSQL, as Backstage's DatabaseManager names it. */
export const PG_DATABASE = `${PG_PREFIX}tenant-rollouts`;
/** The events backend's database (its event bus) beside it on PostgreSQL. */
const PG_EVENTS_DATABASE = `${PG_PREFIX}events`;

/**
 * What the portal's backend (packages/backend) has for live boards, in both backends: the events
 * service as `createBackend` installs it (one bus per process, so that the rollouts plugin's
 * signals reach the signals plugin; the test backend's mock gives each plugin its own), the
 * events backend (the event bus, which every publish also posts to, as in the portal) and the
 * signals backend (the WebSocket at `/api/signals`).
 */
const LIVE_UPDATES = [eventsServiceFactory, eventsBackend, signalsBackend];

/**
 * Where the plugin's SQLite file goes: a temp dir on tmpfs (`/dev/shm`) when there is one, so
 * commits do not wait for the disk; `WAYBILL_BENCH_SQLITE_DIR` overrides it.
 */
function sqliteParentDir(): string {
  if (process.env.WAYBILL_BENCH_SQLITE_DIR) {
    return process.env.WAYBILL_BENCH_SQLITE_DIR;
  }
  return existsSync('/dev/shm') ? '/dev/shm' : tmpdir();
}

/** A backend the benchmark started. */
export interface RunningBackend {
  baseUrl: string;
  /** Where the rollouts plugin's data lives. */
  location: string;
  stop(): Promise<void>;
}

/** The catalog backend, which the benchmark also reads through its service. */
export interface CatalogBackend extends RunningBackend {
  catalog: CatalogService;
  auth: AuthService;
}

/** Config shared by both backends. */
function baseConfig(tenantRollouts: object) {
  return {
    tenantRollouts,
    catalog: {
      rules: [{ allow: ['Component', 'Resource', 'Group', 'Location'] }],
      // The catalog would otherwise re-process all 5,001 entities every 100-150 s, in the middle
      // of the measurements; its first processing of new entities is not delayed by this.
      processingInterval: { hours: 1 },
    },
  };
}

/** Connects to PostgreSQL; the reason it cannot, or undefined when it can. */
export async function postgresUnavailable(): Promise<string | undefined> {
  const admin = knexFactory({
    client: 'pg',
    connection: { connectionString: PG_URL, connectionTimeoutMillis: 3000 },
    pool: { min: 0, max: 1 },
  });
  try {
    await admin.raw('select 1');
    return undefined;
  } catch (error) {
    return (error as Error).message || String(error);
  } finally {
    await admin.destroy();
  }
}

/** The PostgreSQL server's version. */
export async function postgresVersion(): Promise<string> {
  const admin = knexFactory({
    client: 'pg',
    connection: PG_URL,
    pool: { min: 0, max: 1 },
  });
  try {
    const { rows } = await admin.raw('show server_version');
    return `PostgreSQL ${String(rows[0].server_version).split(' ')[0]}`;
  } finally {
    await admin.destroy();
  }
}

async function dropPgDatabase(): Promise<void> {
  const admin = knexFactory({
    client: 'pg',
    connection: `${PG_URL.replace(/\/[^/@]*$/, '')}/postgres`,
    pool: { min: 0, max: 1 },
  });
  try {
    for (const database of [PG_DATABASE, PG_EVENTS_DATABASE]) {
      await admin.raw('DROP DATABASE IF EXISTS ?? WITH (FORCE)', [database]);
    }
  } finally {
    await admin.destroy();
  }
}

/**
 * Backend A: `@backstage/plugin-catalog-backend` on SQLite in memory, given the entities by an
 * entity provider (one `full` mutation) that it processes and stitches itself, and
 * `@waybill/plugin-tenant-rollouts-backend` as installed, its database a better-sqlite3 file
 * (one file per plugin, as app-config.yaml has it) in a temp dir. A small benchmark plugin hands
 * out the catalog and auth services so the benchmark can wait for the ingest. Everything else is
 * the test backend's: mock auth (the benchmark's requests carry `mockCredentials` tokens), mock
 * permissions (all allowed), the mock scheduler (which never runs the auto-advance task); but for
 * live boards, the portal's events service, events backend and signals backend (LIVE_UPDATES).
 */
export async function startCatalogBackend(
  entities: Entity[],
  tenantRollouts: object,
): Promise<CatalogBackend> {
  const directory = await mkdtemp(
    join(sqliteParentDir(), 'waybill-bench-tenant-rollouts-'),
  );
  let handles: { catalog: CatalogService; auth: AuthService } | undefined;
  const benchPlugin = createBackendPlugin({
    pluginId: 'waybill-bench',
    register(env) {
      env.registerInit({
        deps: { catalog: catalogServiceRef, auth: coreServices.auth },
        async init(deps) {
          handles = deps;
        },
      });
    },
  });
  const provider = catalogModuleProvidingEntities({
    name: 'waybill-bench-tenants',
    location: BENCH_LOCATION,
    entities,
  });
  const config = {
    backend: {
      baseUrl: 'http://localhost:0',
      database: {
        client: 'better-sqlite3',
        connection: ':memory:',
        plugin: {
          // directory + filename: the connector joins an absolute filename to '.'.
          'tenant-rollouts': {
            connection: { directory, filename: 'tenant-rollouts.sqlite' },
          },
        },
      },
    },
    ...baseConfig(tenantRollouts),
  };
  try {
    const backend = await startTestBackend({
      features: [
        catalogBackend,
        provider,
        tenantRolloutsBackend,
        ...LIVE_UPDATES,
        benchPlugin,
        mockServices.rootConfig.factory({ data: config }),
      ],
    });
    if (!handles) throw new Error('The benchmark plugin was not started');
    return {
      baseUrl: `http://localhost:${backend.server.port()}`,
      location: `${join(
        directory,
        'tenant-rollouts.sqlite',
      )} (better-sqlite3); catalog on SQLite in memory`,
      catalog: handles.catalog,
      auth: handles.auth,
      stop: async () => {
        await backend.stop();
        await rm(directory, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await rm(directory, { recursive: true, force: true });
    throw error;
  }
}

/**
 * Backend B: the rollouts plugin alone, its database on PostgreSQL (`waybill_bench_tenant-rollouts`,
 * created fresh, dropped at the end), reading tenants from backend A's catalog over HTTP: its
 * discovery sends `catalog` to backend A and everything else (the scorecards gate, absent; the
 * events bus and signals, installed here too, their bus in `waybill_bench_events`) to itself. A
 * plugin cannot be installed twice in one backend, hence the second backend.
 */
export async function startPostgresBackend(
  catalogBaseUrl: string,
  tenantRollouts: object,
): Promise<RunningBackend> {
  await dropPgDatabase();
  let ownBaseUrl = '';
  const discovery = createServiceFactory({
    service: coreServices.discovery,
    deps: {},
    factory: () => {
      const url = async (pluginId: string) =>
        `${
          pluginId === 'catalog' ? catalogBaseUrl : ownBaseUrl
        }/api/${pluginId}`;
      return { getBaseUrl: url, getExternalBaseUrl: url };
    },
  });
  const config = {
    backend: {
      baseUrl: 'http://localhost:0',
      database: { client: 'pg', connection: PG_URL, prefix: PG_PREFIX },
    },
    ...baseConfig(tenantRollouts),
  };
  try {
    const backend = await startTestBackend({
      features: [
        tenantRolloutsBackend,
        ...LIVE_UPDATES,
        discovery,
        mockServices.rootConfig.factory({ data: config }),
      ],
    });
    ownBaseUrl = `http://localhost:${backend.server.port()}`;
    return {
      baseUrl: ownBaseUrl,
      location: `${PG_URL}/${PG_DATABASE}`,
      stop: async () => {
        await backend.stop();
        await dropPgDatabase();
      },
    };
  } catch (error) {
    await dropPgDatabase().catch(() => {});
    throw error;
  }
}

/** Tenants (and the released component) the catalog serves now: one request each. */
export async function countIngested(
  backend: CatalogBackend,
): Promise<{ tenants: number; components: number }> {
  const credentials = await backend.auth.getOwnServiceCredentials();
  const count = async (filter: Record<string, string>) =>
    (
      await backend.catalog.queryEntities(
        { filter, limit: 1, fields: ['kind'] },
        { credentials },
      )
    ).totalItems;
  return {
    tenants: await count({ kind: 'Resource', 'spec.type': 'tenant' }),
    components: await count({ kind: 'Component' }),
  };
}

/**
 * Waits until the catalog serves `tenants` tenants and the released component, logging each new
 * count; answers how long that took, or fails after `timeoutMs`.
 */
export async function waitForIngest(
  backend: CatalogBackend,
  tenants: number,
  timeoutMs: number,
  log: (line: string) => void,
  /** The released components: one per size. */
  components = 1,
): Promise<number> {
  const start = performance.now();
  let last = -1;
  while (performance.now() - start < timeoutMs) {
    const served = await countIngested(backend);
    if (served.tenants !== last) {
      log(`catalog serves ${served.tenants} / ${tenants} tenants`);
      last = served.tenants;
    }
    if (served.tenants >= tenants && served.components >= components) {
      return performance.now() - start;
    }
    await sleep(1000);
  }
  throw new Error(
    `The catalog had not ingested the ${tenants} tenants after ${
      timeoutMs / 1000
    } s (WAYBILL_BENCH_INGEST_TIMEOUT_S)`,
  );
}
