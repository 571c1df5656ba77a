#!/bin/sh
# Installs the device kit (tools/device_kit.py) into a new environment at PREFIX, as the lent
# machine does (scripts/device-scaling.sh) and as the kit's check does here, offline: the kit's
# wheels, then Bulwark's own wheel built from this checkout with the kit's hatchling (no tests in
# it), then the interpreter's own packages (the machine's numpy, pandas, ...) read after them,
# and bin/bulwark. Usage: device-kit-install.sh KIT PREFIX [PYTHON]
set -eu

kit=$1 prefix=$2 python=${3:-python3}
root=$(cd "$(dirname "$0")/.." && pwd)
say() { echo "device-kit-install: $*"; }

if ! ls "$kit"/wheels/*.whl >/dev/null 2>&1; then
    say "no wheels in $kit/wheels: build the kit first (sh scripts/device-kit.sh)" >&2
    exit 2
fi
pip_install() {
    "$python" -m pip install --quiet --disable-pip-version-check --no-index --no-deps \
        --no-compile --no-cache-dir --target "$site" "$@"
}
# The interpreter's own packages, read before the environment exists.
machine=$("$python" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')
"$python" -m venv --without-pip "$prefix"
site=$("$prefix/bin/python" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')
pip_install "$kit"/wheels/*.whl
dist=$(mktemp -d)
(cd "$root" && PYTHONPATH="$site" "$prefix/bin/python" -I -c "import sys; sys.path.insert(0, '$site')
from hatchling.build import build_wheel
print(build_wheel('$dist'))" >/dev/null)
pip_install --upgrade "$dist"/bulwark-*.whl
rm -rf "$dist"
# Read after the environment's own site-packages: the kit's versions come first.
printf "import site; site.addsitedir('%s')\n" "$machine" >"$site/zz_machine.pth"
# As pip writes a console script: the guard keeps uvicorn's spawned workers (BULWARK_WORKERS > 1),
# which import the main module again, from running the command a second time.
cat >"$prefix/bin/bulwark" <<LAUNCHER
#!$prefix/bin/python
import sys

from bootstrap.cli import main

if __name__ == "__main__":
    sys.exit(main())
LAUNCHER
chmod +x "$prefix/bin/bulwark"
if [ "${KIT_COMPILE:-}" = 1 ]; then
    "$prefix/bin/python" -m compileall -q -j 0 "$site" >/dev/null 2>&1 || true
fi
say "installed $(ls "$kit"/wheels/*.whl | wc -l) wheels and Bulwark's into $site ($("$prefix/bin/python" -V))"
