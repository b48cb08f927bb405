#!/usr/bin/env bash
# `make test`: type check, lint, every package's tests, browser tests. Prints each step's time.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/toolchain.sh
# The whole run is a CI run, on a developer's machine too: Jest does not watch, Playwright forbids
# test.only, retries once and starts its own portal instead of reusing one on :3000, and a
# missing PostgreSQL fails the run (scripts/postgres.sh).
export CI=true

step() {
  local name="$1"; shift
  local start=$SECONDS
  echo "==> $name" >&2
  "$@"
  echo "<== $name: $((SECONDS - start)) s" >&2
}

source scripts/postgres.sh
step "type check" yarn tsc
step "lint" yarn backstage-cli repo lint --max-warnings 0
step "format" yarn prettier --check .
step "generated API code is current" yarn openapi:generate --check
step "unit and database tests" yarn backstage-cli repo test --testPathIgnorePatterns /packages/golden-path/
# The golden path starts a whole backend and runs generated pipelines; on its own it does not
# starve the database tests of the 2 cores.
step "golden path (generated pipelines against a real backend)" yarn workspace @waybill/golden-path test
source scripts/chromium.sh
step "browser tests" yarn playwright test
