#!/usr/bin/env bash
# Sourced by scripts/test.sh: makes the machine's PostgreSQL available to TestDatabases.
#
# Points BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING at 127.0.0.1:5432 unless it is set,
# starts an installed-but-stopped cluster, and sets WAYBILL_REQUIRE_POSTGRES=1 so that database
# tests fail instead of skipping PostgreSQL. Without PostgreSQL, a CI run (CI=true, which
# scripts/test.sh always sets) fails here; sourced without CI, it warns and goes on.

export BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING="${BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING:-postgresql://postgres@127.0.0.1:5432}"

waybill_postgres_ready() {
  node -e '
    const { Client } = require("pg");
    const client = new Client({ connectionString: process.argv[1], connectionTimeoutMillis: 3000 });
    client.connect().then(() => client.end()).then(() => process.exit(0), () => process.exit(1));
  ' "$BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING"
}

if ! waybill_postgres_ready && command -v pg_ctlcluster >/dev/null 2>&1 && [ -d /etc/postgresql ]; then
  echo "postgres: not answering; starting the installed cluster" >&2
  for version in $(ls /etc/postgresql); do
    pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
  done
  for _ in 1 2 3 4 5 6 7 8 9 10; do waybill_postgres_ready && break; sleep 1; done
fi

if waybill_postgres_ready; then
  export WAYBILL_REQUIRE_POSTGRES=1
  echo "postgres: tests use $BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING" >&2
elif [ -n "${CI:-}" ]; then
  echo "postgres: no server at $BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING; CI runs must test PostgreSQL" >&2
  return 1 2>/dev/null || exit 1
else
  echo "postgres: WARNING no server at $BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING; database tests run on SQLite only" >&2
fi
