import {
  assertPostgresWhenRequired,
  createTestDatabases,
} from './createTestDatabases';

const databases = createTestDatabases();

describe('createTestDatabases', () => {
  it('tests SQLite always and PostgreSQL whenever the run requires it', () => {
    const ids = databases.eachSupportedId().map(([id]) => id);
    const expected = process.env.WAYBILL_REQUIRE_POSTGRES
      ? ['SQLITE_3', 'POSTGRES_15']
      : ['SQLITE_3'];
    expect(ids).toEqual(expect.arrayContaining(expected));
  });
});

describe('assertPostgresWhenRequired', () => {
  const withoutPostgres = { supports: () => false };

  it('fails a run that requires PostgreSQL but cannot reach it', () => {
    expect(() =>
      assertPostgresWhenRequired(withoutPostgres, {
        WAYBILL_REQUIRE_POSTGRES: '1',
      }),
    ).toThrow(/PostgreSQL 15 is not available/);
  });

  it('lets a local run without PostgreSQL go on', () => {
    expect(() => assertPostgresWhenRequired(withoutPostgres, {})).not.toThrow();
  });
});
