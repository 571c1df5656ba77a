#!/bin/sh
# Makes sure `promtool` is on PATH for the alert-rule tests (tests/unit/deploy): installs
# Debian's prometheus package, which ships it, when it is missing. Not required: without it
# the rule tests skip and say why.
set -eu

say() { echo "ensure-promtool: $*"; }

if command -v promtool >/dev/null 2>&1; then
    say "already present: $(command -v promtool) ($(promtool --version 2>&1 | head -n 1))"
    exit 0
fi
sh "$(dirname "$0")/ensure-debian-package.sh" ensure-promtool promtool prometheus \
    "Prometheus's promtool"
if command -v promtool >/dev/null 2>&1; then
    say "installed $(command -v promtool) ($(promtool --version 2>&1 | head -n 1))"
fi
