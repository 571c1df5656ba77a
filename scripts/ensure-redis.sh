#!/bin/sh
# Makes sure `redis-server` is on PATH for the integration tests: installs Debian's redis-server
# when it is missing. Nothing to do when BULWARK_TEST_REDIS_URL names a server to use instead.
set -eu

say() { echo "ensure-redis: $*"; }

if [ -n "${BULWARK_TEST_REDIS_URL:-}" ]; then
    say "BULWARK_TEST_REDIS_URL is set; the tests use that server, nothing to install"
    exit 0
fi
if command -v redis-server >/dev/null 2>&1; then
    say "already present: $(command -v redis-server) ($(redis-server --version | cut -d' ' -f1-3))"
    exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
    # Not Debian: the tests can still use Docker; their failure message says what is missing.
    say "redis-server is not on PATH and there is no apt-get; install Redis yourself" >&2
    exit 0
fi
if [ "$(id -u)" -eq 0 ]; then
    as_root=""
elif command -v sudo >/dev/null 2>&1; then
    as_root="sudo"
else
    say "redis-server is not on PATH, and installing it needs root or sudo" >&2
    exit 0
fi

install() {
    $as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends redis-server
}
say "redis-server is not on PATH: ${as_root:+sudo }apt-get install -y redis-server"
if ! install; then
    say "install failed; refreshing the package lists (apt-get update) and trying again"
    $as_root apt-get update
    install
fi
say "installed $(command -v redis-server) ($(redis-server --version | cut -d' ' -f1-3))"
