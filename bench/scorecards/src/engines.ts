import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseManager } from '@backstage/backend-defaults/database';
import {
  DatabaseService,
  LifecycleServiceShutdownHook,
  RootLifecycleService,
} from '@backstage/backend-plugin-api';
import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import knexFactory from 'knex';

/** The database engines the benchmark runs on. */
export type EngineName = 'sqlite' | 'postgres';

/** Every engine, in run order. */
export const ENGINES: EngineName[] = ['postgres', 'sqlite'];

/** Prefix of the PostgreSQL databases the benchmark creates and drops. */
const PG_PREFIX = 'waybill_bench_';

/** The plugin ids whose databases the benchmark uses. */
export const PLUGIN_IDS = ['scorecards', 'tech-insights'] as const;

/** The PostgreSQL server, from `WAYBILL_BENCH_PG_URL`. */
export const PG_URL =
  process.env.WAYBILL_BENCH_PG_URL ?? 'postgresql://postgres@127.0.0.1:5432';

/**
 * Where SQLite files go: a temp dir on tmpfs (`/dev/shm`) when there is one, so that commits do
 * not wait for the disk (see the README); `WAYBILL_BENCH_SQLITE_DIR` overrides it.
 */
export function sqliteParentDir(): string {
  if (process.env.WAYBILL_BENCH_SQLITE_DIR) {
    return process.env.WAYBILL_BENCH_SQLITE_DIR;
  }
  return existsSync('/dev/shm') ? '/dev/shm' : tmpdir();
}

/** A root lifecycle that runs its shutdown hooks when the benchmark is done with an engine. */
class BenchLifecycle implements RootLifecycleService {
  private readonly hooks: LifecycleServiceShutdownHook[] = [];

  addStartupHook(): void {}

  addBeforeShutdownHook(hook: () => void | Promise<void>): void {
    this.hooks.unshift(hook);
  }

  addShutdownHook(hook: LifecycleServiceShutdownHook): void {
    this.hooks.push(hook);
  }

  async shutdown(): Promise<void> {
    for (const hook of this.hooks) await hook();
  }
}

/** The plugin databases of one engine, set up the way a Backstage backend sets them up. */
export interface BenchDatabases {
  engine: EngineName;
  /** Where the data lives: a file directory or a server URL. */
  location: string;
  /** The `DatabaseService` a plugin gets, from Backstage's own `DatabaseManager`. */
  forPlugin(pluginId: (typeof PLUGIN_IDS)[number]): DatabaseService;
  /**
   * Brings a plugin's database to the state autovacuum reaches after a burst of writes: on
   * PostgreSQL `VACUUM ANALYZE`, so the planner's statistics describe the data; nothing on
   * SQLite, which Backstage never analyzes.
   */
  settle(pluginId: (typeof PLUGIN_IDS)[number]): Promise<void>;
  /** Closes every connection and deletes the data (SQLite files, PostgreSQL databases). */
  close(): Promise<void>;
}

function pgDatabaseName(pluginId: string): string {
  return `${PG_PREFIX}${pluginId}`;
}

async function dropPgDatabases(): Promise<void> {
  const admin = knexFactory({
    client: 'pg',
    connection: `${PG_URL.replace(/\/[^/@]*$/, '')}/postgres`,
    pool: { min: 0, max: 1 },
  });
  try {
    for (const pluginId of PLUGIN_IDS) {
      await admin.raw('DROP DATABASE IF EXISTS ?? WITH (FORCE)', [
        pgDatabaseName(pluginId),
      ]);
    }
  } finally {
    await admin.destroy();
  }
}

/**
 * Opens the plugin databases of an engine through `DatabaseManager.fromConfig`, so the knex
 * clients carry the same settings as in a Backstage backend: better-sqlite3 files in a temp
 * directory, or one PostgreSQL database per plugin (`waybill_bench_<pluginId>`), created fresh.
 */
export async function openDatabases(
  engine: EngineName,
  options: { sqliteParent?: string } = {},
): Promise<BenchDatabases> {
  const lifecycle = new BenchLifecycle();
  const rootLogger = mockServices.rootLogger({ level: 'warn' });
  let directory: string | undefined;
  let databaseConfig: object;
  if (engine === 'sqlite') {
    directory = await mkdtemp(
      join(options.sqliteParent ?? sqliteParentDir(), 'waybill-bench-'),
    );
    databaseConfig = { client: 'better-sqlite3', connection: { directory } };
  } else {
    await dropPgDatabases();
    databaseConfig = { client: 'pg', connection: PG_URL, prefix: PG_PREFIX };
  }
  const manager = DatabaseManager.fromConfig(
    new ConfigReader({ backend: { database: databaseConfig } }),
    { rootLifecycle: lifecycle, rootLogger },
  );
  const services = new Map<string, DatabaseService>();
  const forPlugin = (pluginId: (typeof PLUGIN_IDS)[number]) => {
    let service = services.get(pluginId);
    if (!service) {
      service = manager.forPlugin(pluginId, {
        logger: rootLogger.child({ plugin: pluginId }),
        lifecycle,
      });
      services.set(pluginId, service);
    }
    return service;
  };
  return {
    engine,
    location:
      directory ??
      PLUGIN_IDS.map(id => `${PG_URL}/${pgDatabaseName(id)}`).join(', '),
    forPlugin,
    async settle(pluginId) {
      if (engine === 'postgres') {
        const client = await forPlugin(pluginId).getClient();
        await client.raw('VACUUM ANALYZE');
      }
    },
    async close() {
      // The manager's shutdown does not close every client (it skips SQLite, and its client
      // type test does not match knex 3's config object), so close them here first.
      for (const service of services.values()) {
        await (await service.getClient()).destroy();
      }
      await lifecycle.shutdown();
      if (directory) await rm(directory, { recursive: true, force: true });
      else await dropPgDatabases();
    },
  };
}
