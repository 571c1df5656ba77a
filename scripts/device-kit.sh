#!/bin/sh
# Builds the device kit into OUT (default .kit, git-ignored) and checks it: the wheels and
# Debian packages a lent 16-core machine (Python 3.12, no package registry) lacks to run
# `bulwark serve` and `bulwark consume` on PostgreSQL, Kafka and Redis (tools/device_kit.py,
# docs/scaling.md "Scale-out on 16 cores"). The downloads are cached once per lock in
# ~/.cache/bulwark/device-kit (DEVICE_KIT_CACHE to move it). Usage: device-kit.sh [OUT]
set -eu

root=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-$root/.kit}
python=$root/.venv/bin/python
if [ ! -x "$python" ]; then
    echo "device-kit: no $python: run make install first" >&2
    exit 2
fi
cd "$root"
"$python" -m tools.device_kit build --out "$out"
"$python" -m tools.device_kit check --kit "$out"
