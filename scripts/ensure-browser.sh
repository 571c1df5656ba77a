#!/bin/sh
# Makes sure a headless browser and its driver are on PATH for the console's browser tests
# (tests/browser): Debian's `chromium` and `chromium-driver`. Nothing to do when both are
# there, or when BULWARK_TEST_CHROMIUM / BULWARK_TEST_CHROMEDRIVER name them. Without apt-get
# or root it says so and exits 0: the browser tests then skip, naming what is missing.
set -eu

say() { echo "ensure-browser: $*"; }
here=$(dirname "$0")

browser=${BULWARK_TEST_CHROMIUM:-chromium}
driver=${BULWARK_TEST_CHROMEDRIVER:-chromedriver}
if command -v "$browser" >/dev/null 2>&1 && command -v "$driver" >/dev/null 2>&1; then
    say "already present: $(command -v "$browser") and $(command -v "$driver")"
    exit 0
fi
sh "$here/ensure-debian-package.sh" ensure-browser chromium chromium "Chromium (chromium)"
sh "$here/ensure-debian-package.sh" ensure-browser chromedriver chromium-driver "its driver (chromium-driver)"
if command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1; then
    say "installed $(chromium --version 2>/dev/null || echo chromium) and its driver"
else
    say "no browser: the browser tests will skip and say why"
fi
