# The two commands of the README. Each brings its own toolchain first (scripts/toolchain.sh):
# Node 22 from the npm registry when the machine's node is older, Yarn 4 through corepack.
SHELL := /usr/bin/env bash
.SHELLFLAGS := -eo pipefail -c
WITH_TOOLCHAIN := source scripts/toolchain.sh &&

.PHONY: start dev test install

## install: install dependencies exactly as yarn.lock says
install:
	@$(WITH_TOOLCHAIN) yarn install --immutable

## start: the portal as deployed at http://localhost:7007: the app's production build served by the
## backend, SQLite in .data/, demo catalog (scripts/start.sh)
start: install
	@scripts/start.sh

## dev: the development servers: the app on http://localhost:3000 with hot reload, backend on :7007
dev: install
	@WAYBILL_START=dev scripts/start.sh

## test: type check, lint, every package's tests (SQLite and PostgreSQL), browser tests in Chromium
test: install
	@$(WITH_TOOLCHAIN) scripts/test.sh
