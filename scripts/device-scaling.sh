#!/bin/sh
# On a lent many-core machine (docs/scaling.md, "Scale-out on 16 cores"): installs the device kit
# (built here by scripts/device-kit.sh into .kit, carried along) into /tmp with the machine's own
# Python 3.12, unpacks Redis and wrk, and runs benchmarks/bench_scale_out.py: 1, 2, 4 and 8
# `bulwark consume` processes on PostgreSQL with a 16-partition topic, then 1, 2 and 4 API
# workers. Everything it prints also goes to $OUT/scaling.txt when OUT is set. Offline; about
# 5 minutes, bounded at 8 (BUDGET_S for the measuring, 360 s). From the repository root:
#   sh scripts/device-scaling.sh [bench_scale_out options, e.g. --members 1,2 --workers 1]
set -eu

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
kit=${KIT:-$root/.kit}
python=${PYTHON:-python3}
env=/tmp/bulwark-kit-env tools=/tmp/bulwark-kit-tools
log=${OUT:-/tmp}/scaling.txt
: >"$log"
say() { echo "device-scaling: $*" | tee -a "$log"; }

if [ ! -d "$kit/wheels" ]; then
    say "no kit at $kit: build it with sh scripts/device-kit.sh and carry .kit"
    exit 2
fi
began=$(date +%s)
rm -rf "$env" "$tools"
KIT_COMPILE=1 sh scripts/device-kit-install.sh "$kit" "$env" "$python" 2>&1 | tee -a "$log"
mkdir -p "$tools/bin"
for deb in "$kit"/deb/*.deb; do dpkg -x "$deb" "$tools"; done
for program in redis-server wrk; do # their libraries for them alone, not for Python's processes
    printf '#!/bin/sh\nLD_LIBRARY_PATH=%s exec %s "$@"\n' "$tools/usr/lib/x86_64-linux-gnu" \
        "$tools/usr/bin/$program" >"$tools/bin/$program"
    chmod +x "$tools/bin/$program"
done
export PATH="$env/bin:$tools/bin:$PATH" PYTHONUNBUFFERED=1
say "installed in $(($(date +%s) - began)) s; $(nproc) cores; $(redis-server --version | cut -d' ' -f1-3); $(wrk --version 2>&1 | head -1 | cut -d' ' -f1-2)"
"$env/bin/python" -c 'import numpy, numba, pandas, scipy, onnxruntime, pyarrow, sqlalchemy, litestar, aiokafka
print("device-scaling: the machine'"'"'s numpy", numpy.__version__, "numba", numba.__version__, "pandas", pandas.__version__, "onnxruntime", onnxruntime.__version__)' 2>&1 | tee -a "$log"
rc=$tools/bench.rc
{
    timeout "$((${BUDGET_S:-360} + 45))" "$env/bin/python" -m benchmarks.bench_scale_out \
        --order-path --budget-s "${BUDGET_S:-360}" "$@" 2>&1 && echo 0 >"$rc" || echo $? >"$rc"
} | grep -v '^{' | tee -a "$log"
status=$(cat "$rc")
say "done in $(($(date +%s) - began)) s (exit $status)"
exit "$status"
