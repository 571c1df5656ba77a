#!/bin/sh
# Makes sure `wrk` (the HTTP benchmarks' load generator, C) is on PATH: installs Debian's
# wrk when it is missing, as ensure-redis.sh installs Redis. Prints one line when it cannot.
set -eu

say() { echo "ensure-loadgen: $*"; }

if command -v wrk >/dev/null 2>&1; then
    exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
    say "wrk is not on PATH and there is no apt-get; install wrk yourself" >&2
    exit 0
fi
if [ "$(id -u)" -eq 0 ]; then
    as_root=""
elif command -v sudo >/dev/null 2>&1; then
    as_root="sudo"
else
    say "wrk is not on PATH, and installing it needs root or sudo" >&2
    exit 0
fi

install() {
    $as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends wrk
}
say "wrk is not on PATH: ${as_root:+sudo }apt-get install -y wrk"
if ! install; then
    say "install failed; refreshing the package lists (apt-get update) and trying again"
    $as_root apt-get update || true
    install || say "could not install wrk" >&2
fi
