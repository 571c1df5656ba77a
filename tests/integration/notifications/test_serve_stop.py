"""`bulwark serve` stops within its grace while the dispatcher works off a backlog, and the
deliveries it did not send are sent after the next start (the outbox is persistent)."""

from __future__ import annotations

import asyncio
import os
import signal
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest

from bootstrap.shutdown_grace import MARGIN_S
from tests.bulwark_process import ROOT, bulwark, free_port, migrate, server_environment
from tests.kit.notification_backlog import backlog_counts, seed_backlog
from tests.kit.processes import LocalProcess

pytestmark = [pytest.mark.integration, pytest.mark.slow]

GRACE_S = 3.0
BACKLOG = 20_000  # more than a second's work for the dispatcher: still pending at the stop


@contextmanager
def _serve(env: dict[str, str], log: Path) -> Iterator[LocalProcess]:
    port = free_port()
    env = {**env, "BULWARK_PORT": str(port), "BULWARK_KILL_SWITCH_PORT": "0"}
    server = LocalProcess.start("serve", bulwark("serve"), env=env, cwd=ROOT, log=log)
    try:
        deadline = time.monotonic() + 90
        while not _ready(f"http://127.0.0.1:{port}"):
            assert server.running(), server.tail()
            assert time.monotonic() < deadline, f"not ready in 90 s:\n{server.tail()}"
            time.sleep(0.2)
        yield server
    finally:
        server.stop()


def _ready(base: str) -> bool:
    try:
        return httpx.get(f"{base}/ready", timeout=1).status_code == 200
    except httpx.TransportError:
        return False


def _stop_within_the_grace(server: LocalProcess, sig: signal.Signals) -> None:
    """Sends `sig`; the process is gone within the grace and a short margin (the watcher
    would end it MARGIN_S after the grace: a stop that needs the watcher fails here too)."""
    asked = time.monotonic()
    os.killpg(server.proc.pid, sig)
    code = server.wait(GRACE_S + MARGIN_S + 10)
    took = time.monotonic() - asked
    assert code is not None, f"still running {took:.1f} s after {sig.name}:\n{server.tail()}"
    assert took <= GRACE_S + 1.5, f"{sig.name}: gone after {took:.1f} s:\n{server.tail()}"


def test_a_stop_is_bounded_by_the_grace_and_the_backlog_is_sent_after_a_restart(
    tmp_path: Path,
) -> None:
    # Arrange: a served SQLite store, then a backlog the dispatcher starts on.
    url = f"sqlite+aiosqlite:///{tmp_path / 'bulwark.db'}"
    env = {**server_environment(url), "BULWARK_SHUTDOWN_GRACE_SECONDS": str(GRACE_S)}
    migrate(env)
    with _serve(env, tmp_path / "first.log") as server:
        asyncio.run(seed_backlog(url, BACKLOG))
        while not asyncio.run(backlog_counts(url)).get("sent"):  # the dispatcher's poll finds it
            time.sleep(0.05)
        # Act: SIGTERM in the middle of the work.
        _stop_within_the_grace(server, signal.SIGTERM)
    # Assert: nothing lost.
    stopped = asyncio.run(backlog_counts(url))
    assert stopped.get("sent", 0) > 0, stopped  # the dispatcher was at work...
    assert stopped.get("pending", 0) > 0, stopped  # ...and was cut off with work left
    assert sum(stopped.values()) == BACKLOG, stopped
    # Act: start again.
    with _serve(env, tmp_path / "second.log") as server:
        deadline = time.monotonic() + 60
        while (counts := asyncio.run(backlog_counts(url))).get("pending", 0):
            assert time.monotonic() < deadline, f"backlog left after 60 s: {counts}"
            time.sleep(0.5)
        _stop_within_the_grace(server, signal.SIGINT)  # Ctrl-C: as bounded
    # Assert: every delivery of the backlog went out, once.
    assert counts == {"sent": BACKLOG}, counts
