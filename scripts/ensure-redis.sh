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
# Not Debian, or no root: the tests can still use Docker; their failure message says what is missing.
sh "$(dirname "$0")/ensure-debian-package.sh" ensure-redis redis-server redis-server Redis required
if command -v redis-server >/dev/null 2>&1; then
    say "installed $(command -v redis-server) ($(redis-server --version | cut -d' ' -f1-3))"
fi
