#!/bin/sh
# Makes sure COMMAND is on PATH, installing Debian's PACKAGE with apt-get (as root or through
# sudo) when it is missing. Without apt-get or root it prints one line and exits 0 (the caller
# says what else can serve). A failed install prints one line and exits 0, or fails with
# apt-get's status when the 5th argument is `required`.
# Usage: ensure-debian-package.sh TAG COMMAND PACKAGE WHAT [required]
#   TAG prefixes every line (e.g. ensure-redis); WHAT names the thing to install by hand.
set -eu

tag=$1 command=$2 package=$3 what=$4 required=${5:-}
say() { echo "$tag: $*"; }

if command -v "$command" >/dev/null 2>&1; then
    exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
    say "$command is not on PATH and there is no apt-get; install $what yourself" >&2
    exit 0
fi
if [ "$(id -u)" -eq 0 ]; then
    as_root=""
elif command -v sudo >/dev/null 2>&1; then
    as_root="sudo"
else
    say "$command is not on PATH, and installing it needs root or sudo" >&2
    exit 0
fi

install() {
    $as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "$package"
}
say "$command is not on PATH: ${as_root:+sudo }apt-get install -y $package"
if ! install; then
    say "install failed; refreshing the package lists (apt-get update) and trying again"
    if [ "$required" = required ]; then
        $as_root apt-get update
        install
    else
        $as_root apt-get update || true
        install || say "could not install $package" >&2
    fi
fi
