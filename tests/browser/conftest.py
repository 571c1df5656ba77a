"""Fixtures: the browser binaries (or a skip saying why), the worker's Chromium, and the
console's server: a real `bulwark serve --demo`.

Which server a module's tests get:

- `console`: ONE served demo per pytest worker (started by the first module that asks for
  it), shared by every module that takes it, in whatever subset and order pytest-xdist gives
  the worker. A module on it may add things of
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

The shared server and the worker's Chromium stop when the worker's next test is outside this
folder (in `make test` the worker goes on with other folders: an idle served demo still costs
a few percent of a core), and start again if it comes back to it.
"""

from __future__ import annotations

import base64
import os
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

import pytest

from tests.browser.browser import Chromium, browser_binaries
from tests.bulwark_process import migrate, server_environment, serving

# A loaded CI box (or a shared 2-core one) can take most of a minute to import and migrate.
READY_WITHIN_S = 90


class SharedDemo:
    """The worker's shared served demo: started by the first module that asks for it, stopped
    when the worker leaves this folder (`pytest_runtest_teardown`)."""

    def __init__(self, tmp_path_factory: pytest.TempPathFactory) -> None:
        self._tmp = tmp_path_factory
        self._running: tuple[str, ExitStack] | None = None

    def base(self) -> str:
        if self._running is None:
            stack = ExitStack()
            base = stack.enter_context(served_demo(self._tmp.mktemp("console")))
            self._running = (base, stack)
        return self._running[0]

    def stop(self) -> None:
        running, self._running = self._running, None
        if running is not None:
            running[1].close()


CHROMIUM = pytest.StashKey[Chromium]()
SHARED_DEMO = pytest.StashKey[SharedDemo]()
HERE = Path(__file__).parent


@pytest.hookimpl(trylast=True)
def pytest_runtest_teardown(item: pytest.Item, nextitem: pytest.Item | None) -> None:
    """After this folder's last test in a row: stop the shared server and the Chromium."""
    if nextitem is not None and nextitem.path.parent == HERE:
        return
    if (demo := item.config.stash.get(SHARED_DEMO, None)) is not None:
        demo.stop()
    if (browser := item.config.stash.get(CHROMIUM, None)) is not None:
        browser.quit()


@pytest.fixture(scope="session")
def binaries() -> tuple[str, str]:
    found = browser_binaries()
    if isinstance(found, str):
        pytest.skip(found)
    return found


@pytest.fixture(scope="session")
def chromium(binaries: tuple[str, str], pytestconfig: pytest.Config) -> Iterator[Chromium]:
    """The worker's one Chromium; each test takes a fresh tab of it with `tab(chromium, ...)`."""
    shared = pytestconfig.stash[CHROMIUM] = Chromium(*binaries)
    try:
        yield shared
    finally:
        shared.quit()


@pytest.fixture(scope="session")
def shared_demo(
    tmp_path_factory: pytest.TempPathFactory, pytestconfig: pytest.Config
) -> Iterator[SharedDemo]:
    shared = pytestconfig.stash[SHARED_DEMO] = SharedDemo(tmp_path_factory)
    try:
        yield shared
    finally:
        shared.stop()


@pytest.fixture(scope="module")
def console(shared_demo: SharedDemo, binaries: tuple[str, str]) -> str:
    """The base URL of the worker's shared served demo (the module doc says who may share it)."""
    return shared_demo.base()


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
        **server_environment(f"sqlite+aiosqlite:///{var / 'bulwark.db'}"),
        "BULWARK_KEKS": f"main 1 {base64.b64encode(os.urandom(32)).decode()}",
        "BULWARK_DOCUMENTS_DIR": str(var / "documents"),
        "BULWARK_LOGIN_RATE_PER_MINUTE": "1000",
    }
    migrate(env)
    with serving(env, ready_within_s=READY_WITHIN_S, log=var / "server.log") as base:
        yield base
