"""Fixtures: the browser binaries (or a skip saying why), and a real `bulwark serve --demo`."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.browser.browser import browser_binaries
from tests.bulwark_process import migrate, serving

# A loaded CI box (or a shared 2-core one) can take most of a minute to import and migrate.
READY_WITHIN_S = 90


@pytest.fixture(scope="session")
def binaries() -> tuple[str, str]:
    found = browser_binaries()
    if isinstance(found, str):
        pytest.skip(found)
    return found


@pytest.fixture(scope="module")
def console(tmp_path_factory: pytest.TempPathFactory, binaries: tuple[str, str]) -> Iterator[str]:
    """The console's base URL on a real server process with demo data, on a fresh SQLite file."""
    var: Path = tmp_path_factory.mktemp("console")
    env = {
        **os.environ,
        "BULWARK_ENV": "test",
        "BULWARK_LOG_FORMAT": "json",
        "BULWARK_DATABASE_URL": f"sqlite+aiosqlite:///{var / 'bulwark.db'}",
        "BULWARK_SECRET_KEY": "x" * 43 + "=",
    }
    migrate(env)
    with serving(env, ready_within_s=READY_WITHIN_S, log=var / "server.log") as base:
        yield base
