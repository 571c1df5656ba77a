"""Fixtures: the browser binaries (or a skip saying why), and a real `bulwark serve --demo`."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.browser.browser import ROOT, browser_binaries

# A loaded CI box (or a shared 2-core one) can take most of a minute to import and migrate.
READY_WITHIN_S = 90


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _bulwark(*args: str) -> list[str]:
    return [sys.executable, "-m", "bootstrap.cli", "--env-file", "", *args]


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
    done = subprocess.run(_bulwark("migrate"), cwd=ROOT, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    port = _free_port()
    log = (var / "server.log").open("wb")
    proc = subprocess.Popen(
        _bulwark("serve", "--demo"),
        cwd=ROOT,
        env={**env, "BULWARK_PORT": str(port), "BULWARK_KILL_SWITCH_PORT": "0"},
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + READY_WITHIN_S
        while True:
            if proc.poll() is not None:
                output = (var / "server.log").read_text()
                pytest.fail(f"bulwark serve exited with {proc.returncode}:\n{output}")
            try:
                if httpx.get(f"{base}/ready", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"bulwark serve did not become ready in {READY_WITHIN_S} s")
            time.sleep(0.2)
        yield base
    finally:
        proc.terminate()
        proc.wait(15)
        log.close()
