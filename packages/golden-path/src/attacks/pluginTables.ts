import path from 'node:path';
import { Knex, knex } from 'knex';

/** Row counts by table. */
export type RowCounts = Record<string, number>;

/**
 * The backend's plugin databases (`<pluginId>.sqlite` in its database directory), opened
 * read-only, for counting rows around a request.
 */
export class PluginTables {
  private readonly connections = new Map<string, Knex>();

  constructor(private readonly databaseDirectory: string) {}

  private connection(pluginId: string): Knex {
    let db = this.connections.get(pluginId);
    if (!db) {
      db = knex({
        client: 'better-sqlite3',
        connection: {
          filename: path.join(this.databaseDirectory, `${pluginId}.sqlite`),
          options: { readonly: true },
        },
        useNullAsDefault: true,
      });
      this.connections.set(pluginId, db);
    }
    return db;
  }

  /** The row count of every table of the plugin's database. */
  async counts(pluginId: string): Promise<RowCounts> {
    const db = this.connection(pluginId);
    const tables: Array<{ name: string }> = await db('sqlite_master')
      .where('type', 'table')
      .andWhereNot('name', 'like', 'sqlite_%')
      .select('name');
    const counts: RowCounts = {};
    for (const { name } of tables) {
      const [row] = await db(name).count({ n: '*' });
      counts[name] = Number(row.n);
    }
    return counts;
  }

  /** A query on the plugin's database, for checks beyond counts. */
  query(pluginId: string): Knex {
    return this.connection(pluginId);
  }

  async close(): Promise<void> {
    await Promise.all([...this.connections.values()].map(db => db.destroy()));
    this.connections.clear();
  }
}
