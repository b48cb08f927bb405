# The two commands of the README. Each brings its own toolchain first (scripts/toolchain.sh):
# Node 22 from the npm registry when the machine's node is older, Yarn 4 through corepack.
SHELL := /usr/bin/env bash
.SHELLFLAGS := -eo pipefail -c
WITH_TOOLCHAIN := source scripts/toolchain.sh &&

.PHONY: start test install

## install: install dependencies exactly as yarn.lock says
install:
	@$(WITH_TOOLCHAIN) yarn install --immutable

## start: serve the portal at http://localhost:3000 (backend on :7007), SQLite in .data/, demo catalog
start: install
	@$(WITH_TOOLCHAIN) mkdir -p .data/sqlite && yarn start

## test: type check, lint, every package's tests (SQLite and PostgreSQL), browser tests in Chromium
test: install
	@$(WITH_TOOLCHAIN) scripts/test.sh
