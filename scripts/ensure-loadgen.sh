#!/bin/sh
# Makes sure `wrk` (the HTTP benchmarks' load generator, C) is on PATH: installs Debian's
# wrk when it is missing, as ensure-redis.sh installs Redis. Prints one line when it cannot.
set -eu

exec sh "$(dirname "$0")/ensure-debian-package.sh" ensure-loadgen wrk wrk wrk
