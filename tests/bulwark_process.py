"""A real `bulwark serve --demo` process on a free port, for the tests that need one over a
socket (tests/integration/test_server.py, the browser tests in tests/browser/).

One place for the free port, the command line (`--env-file ""`: only the environment given
counts), that environment and the readiness wait, so both suites (and the benchmarks that
serve) start the server the same way and report a server that died or never became ready
with its own output (a RuntimeError: a test fails on it, a benchmark prints it as its one
line).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

from tests.kit.ports import free_port

ROOT = Path(__file__).resolve().parents[1]


def bulwark(*args: str) -> list[str]:
    """The `bulwark` command line, run by this interpreter, reading no .env file."""
    return [sys.executable, "-m", "bootstrap.cli", "--env-file", "", *args]


def server_environment(database_url: str) -> dict[str, str]:
    """The environment of a served Bulwark's processes: this process's own (less the harness's
    BULWARK_TEST_* variables: no settings, a server refuses them), the test profile, JSON logs,
    the store at `database_url`, and one secret key for every process (so a restart keeps the
    sessions)."""
    return {
        **{k: v for k, v in os.environ.items() if not k.startswith("BULWARK_TEST_")},
        "BULWARK_ENV": "test",
        "BULWARK_LOG_FORMAT": "json",
        "BULWARK_DATABASE_URL": database_url,
        "BULWARK_SECRET_KEY": "x" * 43 + "=",
    }


def migrate(env: dict[str, str]) -> None:
    done = subprocess.run(bulwark("migrate"), cwd=ROOT, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"bulwark migrate failed:\n{done.stderr[-4000:]}")


@contextmanager
def serving(
    env: dict[str, str], *, ready_within_s: float = 30, log: Path | None = None
) -> Iterator[str]:
    """`bulwark serve --demo` on a free port until the block ends; yields its base URL.

    Its output goes to `log` (a temporary file when none is given) and is shown in the
    failure when the process exits or is not ready in time.
    """
    port = free_port()
    with tempfile.TemporaryDirectory() as spare:
        path = log or Path(spare) / "server.log"
        with path.open("wb") as out:
            proc = subprocess.Popen(
                bulwark("serve", "--demo"),
                cwd=ROOT,
                env={**env, "BULWARK_PORT": str(port), "BULWARK_KILL_SWITCH_PORT": "0"},
                stdout=out,
                stderr=subprocess.STDOUT,
            )
            base = f"http://127.0.0.1:{port}"
            try:
                wait_ready(proc, base, ready_within_s, path)
                yield base
            finally:
                proc.terminate()
                proc.wait(15)


def wait_ready(proc: subprocess.Popen[bytes], base: str, within_s: float, log: Path) -> None:
    deadline = time.monotonic() + within_s
    while True:
        if proc.poll() is not None:
            raise RuntimeError(f"bulwark serve exited with {proc.returncode}:\n{log.read_text()}")
        try:
            if httpx.get(f"{base}/ready", timeout=1).status_code == 200:
                return
        except httpx.TransportError:
            pass
        if time.monotonic() > deadline:
            raise RuntimeError(f"bulwark serve did not become ready in {within_s:g} s")
        time.sleep(0.2)
