#!/usr/bin/env bash
# The Redis tests start their own redis-server on a free loopback port. Use $REDIS_SERVER_PATH or
# the one on PATH; install Debian's package when neither exists (we run as root on CI; elsewhere
# we say what to do).
set -euo pipefail
if [ -n "${REDIS_SERVER_PATH:-}" ] && [ -x "$REDIS_SERVER_PATH" ]; then exit 0; fi
if command -v redis-server >/dev/null 2>&1; then exit 0; fi
if [ "$(id -u)" != "0" ] && ! command -v sudo >/dev/null 2>&1; then
  echo "redis-server is missing: install Debian's 'redis-server' package or set REDIS_SERVER_PATH" >&2
  exit 1
fi
SUDO=""; [ "$(id -u)" = "0" ] || SUDO="sudo"
echo "Installing Debian's redis-server package for the Redis tests..." >&2
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq >/dev/null
# The package's service is not started here: each test suite starts its own server.
$SUDO apt-get install -y -qq --no-install-recommends redis-server >/dev/null
command -v redis-server >/dev/null
