#!/bin/sh
# kernels-warm.sh start|wait PYTHON: fills numba's on-disk kernel cache (tools/warm_kernels.py)
# in the background while `make test` type-checks on one core, then waits for it before pytest.
# A fresh clone otherwise compiles each kernel inside whichever test calls it first, under the
# coverage tracer, minutes in all; with the cache filled, tests load the kernels instead.
# The warm-up only saves time: its failure is reported and the tests go on (and compile).
set -u
mode=$1
python=${2:-.venv/bin/python}
log=var/kernels-warm.log
pidfile=var/kernels-warm.pid
mkdir -p var
case $mode in
start)
    date +%s > var/kernels-warm.start
    nohup "$python" -m tools.warm_kernels > "$log" 2>&1 &
    echo $! > "$pidfile"
    echo "kernels: warming numba's cache in the background ($log)"
    ;;
wait)
    [ -s "$pidfile" ] || exit 0
    pid=$(cat "$pidfile")
    waited=$(date +%s)
    while kill -0 "$pid" 2> /dev/null; do sleep 1; done
    rm -f "$pidfile"
    sed 's/^/kernels: /' "$log"
    now=$(date +%s)
    echo "make: kernels warm took $(( now - $(cat var/kernels-warm.start) )) s, $(( now - waited )) s of it waited for" >&2
    ;;
*)
    echo "usage: kernels-warm.sh start|wait [PYTHON]" >&2
    exit 2
    ;;
esac
