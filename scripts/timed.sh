#!/bin/sh
# timed.sh STEP COMMAND...: runs COMMAND, then says how long STEP took (make test's tiers).
step=$1
shift
start=$(date +%s)
"$@"
status=$?
echo "make: $step took $(( $(date +%s) - start )) s" >&2
exit $status
