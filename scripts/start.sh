#!/usr/bin/env bash
# `make start`: the portal as it is deployed. The app's production build (minified, split into
# chunks) is served by the backend (@backstage/plugin-app-backend) on one origin with the APIs,
# http://localhost:7007, on SQLite in .data/sqlite with the demo catalog and evidence.
# The build is redone only when a frontend source, a package manifest or yarn.lock is newer than
# it (about 20 s on 2 cores); the app's configuration is injected when it is served, so a config
# change needs no rebuild.
#
# `make dev` (WAYBILL_START=dev): the development servers instead, for working on the code: the
# app on :3000 with hot reload (unminified, 8 to 18 s to a first paint on a cold load) and the
# backend on :7007.
set -eo pipefail
cd "$(dirname "$0")/.."
source scripts/toolchain.sh
mkdir -p .data/sqlite

if [[ "${WAYBILL_START:-build}" == dev ]]; then
  exec yarn start
fi

readonly URL=http://localhost:7007
readonly BUILT=packages/app/dist/index.html

# The first frontend source, manifest or lock file newer than the build, if any.
changed_since_build() {
  find packages/app plugins yarn.lock \
    \( -name node_modules -o -name dist -o -name dist-types -o -name '*-backend*' \) -prune \
    -o -type f \( -name '*.ts' -o -name '*.tsx' -o -name '*.css' -o -name '*.svg' \
    -o -name '*.png' -o -name package.json -o -name yarn.lock \) \
    -newer "$BUILT" -print -quit
}

if [[ ! -f "$BUILT" ]]; then
  echo "start: building the app for production (yarn workspace @waybill/app build)" >&2
  yarn workspace @waybill/app build
elif changed="$(changed_since_build)" && [[ -n "$changed" ]]; then
  echo "start: $changed is newer than the app's build; building it again" >&2
  yarn workspace @waybill/app build
fi

echo "start: the portal will answer at $URL (app and APIs on one origin)" >&2
export APP_CONFIG_app_baseUrl="$URL"
export APP_CONFIG_backend_baseUrl="$URL"
export APP_CONFIG_backend_cors_origin="$URL"
exec yarn workspace @waybill/backend start
