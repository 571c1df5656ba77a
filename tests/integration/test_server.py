"""`bulwark serve` as a real process on a free port: the walkthrough over a real socket."""

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

from tests.walkthrough import walkthrough

ROOT = Path(__file__).resolve().parents[2]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def server() -> Iterator[str]:
    port = _free_port()
    env = {
        **os.environ,
        "BULWARK_ENV": "test",
        "BULWARK_LOG_FORMAT": "json",
        "BULWARK_PORT": str(port),
    }
    bulwark = [sys.executable, "-m", "bootstrap.cli", "--env-file", "", "serve", "--demo"]
    proc = subprocess.Popen(
        bulwark, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            if proc.poll() is not None:
                output = proc.stdout.read().decode() if proc.stdout else ""
                pytest.fail(f"bulwark serve exited with {proc.returncode}:\n{output}")
            try:
                if httpx.get(f"{base}/ready", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                pytest.fail("bulwark serve did not become ready in 30 s")
            time.sleep(0.2)
        yield base
    finally:
        proc.terminate()
        proc.wait(15)


async def test_walkthrough_against_a_real_server_process(server: str) -> None:
    # Arrange
    async with httpx.AsyncClient(base_url=server, timeout=10) as client:
        # Act
        steps = await walkthrough(client)

    # Assert
    assert steps[0] == "login"
    assert "order denied TRADING_HALTED" in steps
    assert steps[-1] == "order filled"
