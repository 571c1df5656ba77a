"""Kafka gone between `bulwark serve`'s preflight and its start-up: the preflight's one line
naming BULWARK_KAFKA_BOOTSTRAP and a start-up that fails, never uvicorn's traceback.

The preflight's broker check passed (it is not run here); the brokers are gone when the app's
lifespan starts the Kafka link, whose producer start raises aiokafka's KafkaConnectionError
(nothing listens on the port).
"""

from __future__ import annotations

import logging

import pytest
import uvicorn

from bootstrap.app import create_app
from bootstrap.cli_preflight import kafka_refusal
from bootstrap.containers.application import build_container
from bootstrap.logging import is_bulwarks
from bootstrap.settings import load_settings
from tests.kit.ports import free_port as closed_port


async def test_serve_whose_brokers_left_after_the_preflight_fails_its_start_up_in_one_line(
    capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Arrange: the log lines go to caplog, not to a stream an earlier test configured (and
    # pytest has closed since: its write would print "--- Logging error ---" on stderr)
    root = logging.getLogger()
    monkeypatch.setattr(root, "handlers", [h for h in root.handlers if not is_bulwarks(h)])
    bootstrap = f"127.0.0.1:{closed_port()}"
    settings = load_settings(
        {
            "BULWARK_ENV": "test",
            "BULWARK_DATABASE_URL": "memory://",
            "BULWARK_KAFKA_BOOTSTRAP": bootstrap,
            "BULWARK_KILL_SWITCH_LANE": "false",
            "BULWARK_SERVED_CONTEXTS": "health,core",
        },
        env_file=None,
    )
    app = create_app(settings, build_container(settings))
    server = uvicorn.Server(
        uvicorn.Config(app, host="127.0.0.1", port=0, log_config=None, lifespan="on")
    )
    caplog.set_level(logging.INFO)

    # Act
    with pytest.raises(SystemExit) as exited:
        await server.serve()

    # Assert: not started, a failing exit, the preflight's line and no traceback
    told = capsys.readouterr()
    expected = kafka_refusal(bootstrap, ConnectionError(), 0).replace(
        "ConnectionError", "could not connect to any broker"
    )
    assert server.started is False
    assert exited.value.code == 3  # EXIT_REFUSED, as the preflight's
    assert told.err.splitlines() == [f"bulwark: {expected}"]
    assert "BULWARK_KAFKA_BOOTSTRAP" in expected
    logged = "\n".join(r.getMessage() for r in caplog.records if r.name.startswith("uvicorn"))
    assert "Traceback" not in logged + told.err + told.out
    assert not [r for r in caplog.records if r.exc_info and r.name.startswith("uvicorn")]
