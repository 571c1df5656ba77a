"""aiokafka's warnings and errors folded to one line per interval, without a traceback."""

from __future__ import annotations

import io
import json
import logging

import pytest

from bootstrap.kafka_logs import KafkaClientLines
from bootstrap.logging import configure_logging
from tests.kit.clocks import ManualClock


def record(
    name: str, level: int, message: str, error: BaseException | None = None
) -> logging.LogRecord:
    exc_info = None if error is None else (type(error), error, error.__traceback__)
    return logging.LogRecord(name, level, __file__, 1, message, None, exc_info)


def test_the_first_client_error_of_each_interval_passes_and_names_the_rest() -> None:
    # Arrange
    clock = ManualClock()
    lines = KafkaClientLines(1.0, clock)
    burst = [record("aiokafka", logging.ERROR, f"Unable connect to node {i}") for i in range(5)]
    later = record("aiokafka.consumer.fetcher", logging.ERROR, "Failed fetch messages")

    # Act
    passed = [lines.filter(r) for r in burst]
    clock.now += 1.0
    passed_later = lines.filter(later)

    # Assert
    assert passed == [True, False, False, False, False]
    assert passed_later
    assert later.getMessage() == (
        "Failed fetch messages [4 more Kafka client lines left out since the last one]"
    )


def test_a_client_traceback_becomes_its_error_on_the_same_line() -> None:
    # Arrange
    lines = KafkaClientLines(1.0, ManualClock())
    try:
        raise ConnectionRefusedError("[Errno 111] Connection refused")
    except ConnectionRefusedError as exc:
        failed = record("aiokafka.conn", logging.ERROR, "Unexpected exception", exc)

    # Act
    lines.filter(failed)

    # Assert
    assert failed.exc_info is None and failed.exc_text is None
    assert failed.getMessage() == (
        "Unexpected exception (ConnectionRefusedError: [Errno 111] Connection refused)"
    )


@pytest.mark.parametrize(
    ("name", "level"),
    [
        ("aiokafka.consumer.group_coordinator", logging.INFO),  # joins and assignments
        ("bulwark.kafka", logging.ERROR),  # Bulwark's own lines are its own business
        ("aiokafkaish", logging.ERROR),  # another library whose name merely starts alike
    ],
)
def test_other_lines_pass_unchanged_however_many(name: str, level: int) -> None:
    # Arrange
    lines = KafkaClientLines(1.0, ManualClock())
    records = [record(name, level, "same again") for _ in range(3)]

    # Act
    passed = [lines.filter(r) for r in records]

    # Assert
    assert passed == [True, True, True]
    assert {r.getMessage() for r in records} == {"same again"}


def test_bulwarks_handler_folds_the_clients_lines() -> None:
    # Arrange
    logs = io.StringIO()
    configure_logging("info", "json", stream=logs, kafka_retry_s=60.0)

    # Act: a broker gone, as aiokafka says it
    client = logging.getLogger("aiokafka")
    for _ in range(50):
        try:
            raise OSError("Connect call failed")
        except OSError:
            client.exception("Unable connect to node with id 1")

    # Assert
    [line] = [json.loads(text) for text in logs.getvalue().splitlines()]
    assert line["event"] == "Unable connect to node with id 1 (OSError: Connect call failed)"
    assert "exception" not in line
