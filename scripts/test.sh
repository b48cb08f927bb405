#!/usr/bin/env bash
# `make test`: type check, lint, every package's tests, browser tests. Prints each step's time.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/toolchain.sh

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
step "unit and database tests" env CI=true yarn backstage-cli repo test --testPathIgnorePatterns /packages/golden-path/
# The golden path starts a whole backend and runs generated pipelines; on its own it does not
# starve the database tests of the 2 cores.
step "golden path (generated pipelines against a real backend)" env CI=true yarn workspace @waybill/golden-path test
source scripts/chromium.sh
step "browser tests" yarn playwright test
