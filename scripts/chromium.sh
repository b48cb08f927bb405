#!/usr/bin/env bash
# Sourced by scripts/test.sh: finds a Chromium for the Playwright tests, installing Debian's
# `chromium` package when none is there (Playwright's own browser download is not used).
if [ -z "${WAYBILL_CHROMIUM:-}" ]; then
  for candidate in /usr/bin/chromium /usr/bin/chromium-browser; do
    [ -x "$candidate" ] && WAYBILL_CHROMIUM="$candidate" && break
  done
fi
if [ -z "${WAYBILL_CHROMIUM:-}" ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "chromium: installing Debian's chromium package" >&2
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
    WAYBILL_CHROMIUM=/usr/bin/chromium
  else
    echo "chromium: not found; install it (apt-get install chromium) or set WAYBILL_CHROMIUM" >&2
    return 1 2>/dev/null || exit 1
  fi
fi
export WAYBILL_CHROMIUM
