"""Fixtures: the browser binaries (or a skip saying why), the worker's Chromium, and the
console's server: a real `bulwark serve --demo`.

Which server a module's tests get:

- `console`: ONE served demo per pytest worker (session-scoped: started by the first test
  that asks for it, stopped when the worker ends), shared by every module that takes it, in
  whatever subset and order pytest-xdist gives the worker. A module on it may add things of
  its own (a portfolio, a strategy, a document, a key, a donation, a rule it deletes after
  its test) and counts only what it made (ids, not "one row"); it must leave what other
  modules read as it found it: the demo account's holdings and target allocation, its
  trading state (no halt), global rules, the demo users' passcodes.
- `fresh_console`: the module's own served demo (module-scoped, its own SQLite file). A
  module opts in by taking `fresh_console` instead of `console` in its tests: one that halts
  trading (the kill switch), needs the demo account exactly as loaded, or counts what the
  whole server holds.

Both run the same configuration: a key-encryption key (the vault and KYC uploads refuse to
seal without one), a documents folder, and a login throttle that a whole worker's sign-ins
from 127.0.0.1 stay under (the throttle itself is tested in tests/http).
"""

from __future__ import annotations

import base64
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.browser.browser import Chromium, browser_binaries
from tests.bulwark_process import migrate, serving

# A loaded CI box (or a shared 2-core one) can take most of a minute to import and migrate.
READY_WITHIN_S = 90


@pytest.fixture(scope="session")
def binaries() -> tuple[str, str]:
    found = browser_binaries()
    if isinstance(found, str):
        pytest.skip(found)
    return found


@pytest.fixture(scope="session")
def chromium(binaries: tuple[str, str]) -> Iterator[Chromium]:
    """The worker's one Chromium; each test takes a fresh tab of it with `tab(chromium, ...)`."""
    shared = Chromium(*binaries)
    try:
        yield shared
    finally:
        shared.quit()


@pytest.fixture(scope="session")
def console(tmp_path_factory: pytest.TempPathFactory, binaries: tuple[str, str]) -> Iterator[str]:
    """The base URL of the worker's shared served demo (the module doc says who may share it)."""
    with served_demo(tmp_path_factory.mktemp("console")) as base:
        yield base


@pytest.fixture(scope="module")
def fresh_console(
    tmp_path_factory: pytest.TempPathFactory, binaries: tuple[str, str]
) -> Iterator[str]:
    """The base URL of a served demo of this module's own, on a fresh SQLite file."""
    with served_demo(tmp_path_factory.mktemp("fresh-console")) as base:
        yield base


@contextmanager
def served_demo(var: Path) -> Iterator[str]:
    """`bulwark serve --demo` on a fresh SQLite file in `var` (its log beside it)."""
    env = {
        # The harness's own variables (BULWARK_TEST_*) are not settings: the server refuses them.
        **{k: v for k, v in os.environ.items() if not k.startswith("BULWARK_TEST_")},
        "BULWARK_ENV": "test",
        "BULWARK_LOG_FORMAT": "json",
        "BULWARK_DATABASE_URL": f"sqlite+aiosqlite:///{var / 'bulwark.db'}",
        "BULWARK_SECRET_KEY": "x" * 43 + "=",
        "BULWARK_KEKS": f"main 1 {base64.b64encode(os.urandom(32)).decode()}",
        "BULWARK_DOCUMENTS_DIR": str(var / "documents"),
        "BULWARK_LOGIN_RATE_PER_MINUTE": "1000",
    }
    migrate(env)
    with serving(env, ready_within_s=READY_WITHIN_S, log=var / "server.log") as base:
        yield base
