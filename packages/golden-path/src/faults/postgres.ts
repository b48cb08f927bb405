import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Knex, knex } from 'knex';

/**
 * The PostgreSQL server the fault suite runs the backend on: the one `make test` points the
 * tests at (`BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING`), else the local default.
 */
export const PG_URL =
  process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING ??
  'postgresql://postgres@127.0.0.1:5432';

/** A session of the backend's as `pg_stat_activity` shows it. */
export interface BackendSession {
  pid: number;
  datname: string;
  query: string;
  waitEventType: string | null;
  /** Set once the session's transaction has written something. */
  backendXid: string | null;
}

/** Connection settings for the server, naming the session `applicationName`. */
function connectionOf(applicationName: string, database?: string) {
  const url = new URL(PG_URL);
  return {
    host: url.hostname,
    port: Number(url.port || 5432),
    user: decodeURIComponent(url.username) || 'postgres',
    ...(url.password ? { password: decodeURIComponent(url.password) } : {}),
    database: database ?? 'postgres',
    application_name: applicationName,
  };
}

/**
 * The databases of one suite run: Backstage's pg client makes one per plugin,
 * `<prefix><pluginId>`, with a prefix unique to the run. Each backend replica connects under
 * its own `application_name`, so its sessions can be told apart and terminated.
 */
export class FaultDatabases {
  readonly prefix = `waybill_faults_${randomBytes(4).toString('hex')}_`;
  private readonly admin = knex({
    client: 'pg',
    connection: connectionOf('waybill-faults-driver'),
    pool: { min: 0, max: 16 },
  });
  private readonly plugins = new Map<string, Knex>();

  /** The `database` option of `startWaybill` for a replica named `replica`. */
  backendDatabase(replica: string) {
    return {
      client: 'pg' as const,
      connection: connectionOf(`waybill-faults-${replica}`),
      prefix: this.prefix,
    };
  }

  /** A client of a plugin's database (as the test driver, not as the backend). */
  plugin(pluginId: string): Knex {
    let client = this.plugins.get(pluginId);
    if (!client) {
      client = knex({
        client: 'pg',
        connection: connectionOf(
          'waybill-faults-driver',
          `${this.prefix}${pluginId}`,
        ),
        pool: { min: 0, max: 4 },
      });
      this.plugins.set(pluginId, client);
    }
    return client;
  }

  /** The replica's open sessions on this run's databases. */
  async sessions(replica: string): Promise<BackendSession[]> {
    const rows = await this.admin('pg_stat_activity')
      .where('application_name', `waybill-faults-${replica}`)
      .andWhereRaw('starts_with(datname, ?)', [this.prefix])
      .select(
        'pid',
        'datname',
        'query',
        'wait_event_type',
        this.admin.raw('backend_xid::text as backend_xid'),
      );
    return rows.map(row => ({
      pid: row.pid,
      datname: row.datname,
      query: row.query,
      waitEventType: row.wait_event_type,
      backendXid: row.backend_xid,
    }));
  }

  /** Waits until the replica has a session waiting on a lock in each query `patterns` names. */
  async waitForLockWaits(
    replica: string,
    patterns: RegExp[],
    timeoutMs = 30_000,
  ): Promise<BackendSession[]> {
    const deadline = Date.now() + timeoutMs;
    let waiting: BackendSession[] = [];
    while (Date.now() < deadline) {
      const locked = (await this.sessions(replica)).filter(
        s => s.waitEventType === 'Lock',
      );
      const found = patterns.map(p => locked.find(s => p.test(s.query)));
      if (found.every(Boolean)) return found as BackendSession[];
      waiting = locked;
      await sleep(100);
    }
    throw new Error(
      `${replica} is not waiting on ${patterns.join(
        ', ',
      )} after ${timeoutMs} ms; its waiting sessions: ${JSON.stringify(
        waiting,
      )}`,
    );
  }

  /** Waits until the replica has no session left (a killed backend's transactions have ended). */
  async waitUntilGone(replica: string, timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while ((await this.sessions(replica)).length > 0) {
      if (Date.now() > deadline) {
        throw new Error(
          `${replica} still has sessions after ${timeoutMs} ms: ${JSON.stringify(
            await this.sessions(replica),
          )}`,
        );
      }
      await sleep(100);
    }
  }

  /** Terminates every session of the replica on this run's databases; answers how many. */
  async terminate(replica: string): Promise<number> {
    const { rows } = await this.admin.raw(
      `SELECT pg_terminate_backend(pid) AS terminated FROM pg_stat_activity
       WHERE application_name = ? AND starts_with(datname, ?) AND pid <> pg_backend_pid()`,
      [`waybill-faults-${replica}`, this.prefix],
    );
    return rows.filter((row: { terminated: boolean }) => row.terminated).length;
  }

  /** Closes the driver's clients and drops every database of the run. */
  async drop(): Promise<void> {
    await Promise.all([...this.plugins.values()].map(c => c.destroy()));
    const databases: Array<{ datname: string }> = await this.admin(
      'pg_database',
    )
      .whereRaw('starts_with(datname, ?)', [this.prefix])
      .select('datname');
    // In parallel: each DROP DATABASE waits for a checkpoint, and concurrent ones share it.
    await Promise.all(
      databases.map(({ datname }) =>
        this.admin.raw('DROP DATABASE IF EXISTS ?? WITH (FORCE)', [datname]),
      ),
    );
    await this.admin.destroy();
  }
}
