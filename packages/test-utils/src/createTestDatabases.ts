import { TestDatabases } from '@backstage/backend-test-utils';

/** The databases every Waybill store and migration is tested on. */
export const WAYBILL_TEST_DATABASE_IDS = ['SQLITE_3', 'POSTGRES_15'] as const;

/**
 * Fails when a run requires PostgreSQL (`WAYBILL_REQUIRE_POSTGRES`, set by `make test` once it
 * has found the server) and the databases under test do not include it.
 */
export function assertPostgresWhenRequired(
  databases: Pick<TestDatabases, 'supports'>,
  env: NodeJS.ProcessEnv = process.env,
): void {
  if (env.WAYBILL_REQUIRE_POSTGRES && !databases.supports('POSTGRES_15')) {
    throw new Error(
      'WAYBILL_REQUIRE_POSTGRES is set but PostgreSQL 15 is not available to tests; set ' +
        'BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING (make test does this)',
    );
  }
}

/**
 * `TestDatabases` for SQLite and PostgreSQL 15, for use at the top of a test file. A run that
 * requires PostgreSQL fails instead of skipping it, so a green run means both were tested.
 */
export function createTestDatabases(): TestDatabases {
  const databases = TestDatabases.create({
    ids: [...WAYBILL_TEST_DATABASE_IDS],
  });
  assertPostgresWhenRequired(databases);
  return databases;
}
