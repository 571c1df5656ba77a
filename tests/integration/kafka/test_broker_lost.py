"""A broker lost under a running `bulwark serve`: one line per retry interval, no traceback.

aiokafka alone logs dozens of lines a second while a broker is away, some with a
traceback; Bulwark folds them (bootstrap/kafka_logs.py) and its own retries say so once
per interval (adapters/kafka/runtime.py). The broker here is the test's own, stopped
half-way; the process runs the venv's console script as an operator would.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from tests.integration.kafka_server import broker_of_its_own
from tests.integration.servers import Unavailable, _dying_with_parent
from tests.kit.ports import free_port

ROOT = Path(__file__).resolve().parents[3]
BULWARK = Path(sys.executable).parent / "bulwark"
START_TIMEOUT_S = 180.0  # a loaded 2-core box has taken over 60 s to start a process
RETRY_S = 1.0
OUTAGE_S = 6.0
STARTED = '"kafka.started"'
KAFKA_LOGGERS = ("aiokafka", "adapters.kafka", "bulwark.kafka")


def json_lines(text: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in text.splitlines() if line.startswith("{")]


def test_serve_tells_a_lost_broker_once_per_retry_interval_without_a_traceback(
    tmp_path: Path,
) -> None:
    # Arrange: serve on a broker of this test's own, started and listening
    try:
        broker = broker_of_its_own()
    except Unavailable as exc:  # never a skip: `make test` runs this for real
        pytest.fail(f"no Tansu broker to stop: {exc}", pytrace=False)
    inherited = {k: v for k, v in os.environ.items() if not k.startswith("BULWARK_")}
    env = {
        **inherited,
        "BULWARK_ENV": "test",
        "BULWARK_DATABASE_URL": "memory://",
        "BULWARK_PORT": str(free_port()),
        "BULWARK_KILL_SWITCH_PORT": str(free_port()),
        "BULWARK_KAFKA_BOOTSTRAP": broker.url,
        "BULWARK_KAFKA_IDEMPOTENT_PRODUCER": "false",  # Tansu has no InitProducerId
        "BULWARK_KAFKA_SESSION_TIMEOUT_MS": "3000",
        "BULWARK_KAFKA_RETRY_SECONDS": str(RETRY_S),
        "BULWARK_LOG_FORMAT": "json",
    }
    log = tmp_path / "serve.log"
    with log.open("wb") as out:
        proc = subprocess.Popen(
            [BULWARK, "--env-file", "", "serve"],
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            preexec_fn=_dying_with_parent(signal.SIGKILL),
        )
    try:
        deadline = time.monotonic() + START_TIMEOUT_S
        while STARTED not in log.read_text(errors="replace"):
            assert proc.poll() is None, log.read_text(errors="replace")[-3000:]
            assert time.monotonic() < deadline, "serve did not start"
            time.sleep(0.1)
        before = len(log.read_bytes())

        # Act: the broker goes away for a while under the running process
        broker.stop()
        time.sleep(OUTAGE_S)
        during = log.read_bytes()[before:].decode(errors="replace")
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        broker.stop()
    after = log.read_bytes()[before:].decode(errors="replace")

    # Assert: told, once per interval (the client's lines folded in), and never a traceback
    assert "Traceback" not in after, after[-3000:]
    kafka = [r for r in json_lines(during) if str(r.get("logger", "")).startswith(KAFKA_LOGGERS)]
    client = [r for r in kafka if str(r["logger"]).startswith("aiokafka")]
    intervals = OUTAGE_S / RETRY_S + 1
    assert client, during[-3000:]
    assert len(client) <= intervals, "\n".join(r["event"] for r in client)
    assert len(kafka) <= 2 * intervals, "\n".join(f"{r['logger']}: {r['event']}" for r in kafka)
    assert any("left out since the last one" in r["event"] for r in client)
    assert all("exception" not in r for r in json_lines(after))
