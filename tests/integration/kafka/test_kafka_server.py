"""The Kafka broker resolver: address checks, its environment address, and a real broker
answering (the order it shares with the other resolvers: tests/integration/test_servers.py)."""

from __future__ import annotations

import socket

import pytest

from tests.integration.kafka_server import (
    KAFKA_ENV,
    _start_local_tansu,
    check_bootstrap,
    metadata_answers,
    parse_bootstrap,
    resolve_kafka,
)
from tests.integration.servers import ProvisioningError, Server
from tests.kit.ports import free_port as _closed_port


def _never() -> Server:
    raise AssertionError("must not be tried")


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("localhost:9092", ("localhost", 9092)),
        (" kafka:29092 ", ("kafka", 29092)),
        ("[::1]:9092", ("::1", 9092)),
    ],
)
def test_bootstrap_addresses_are_parsed(given: str, expected: tuple[str, int]) -> None:
    # Act / Assert
    assert parse_bootstrap(given) == expected


@pytest.mark.parametrize("given", ["kafka", "kafka:", ":9092", "kafka:port", "kafka:70000"])
def test_a_malformed_bootstrap_address_is_refused(given: str) -> None:
    # Act / Assert
    with pytest.raises(ValueError, match="not a host:port"):
        parse_bootstrap(given)


def test_the_session_broker_answers_a_metadata_request(kafka_bootstrap: str) -> None:
    # Arrange
    host, port = parse_bootstrap(kafka_bootstrap)

    # Act / Assert
    assert metadata_answers(host, port)


def test_nothing_listening_is_no_broker() -> None:
    # Act / Assert
    assert not metadata_answers("127.0.0.1", _closed_port())


def test_a_port_that_speaks_no_kafka_is_no_broker() -> None:
    # Arrange: a server that hangs up on whatever it is sent
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen()

        # Act
        answered = metadata_answers("127.0.0.1", listener.getsockname()[1], timeout_s=0.2)

    # Assert
    assert not answered


def test_the_environment_address_wins_and_starts_nothing(
    monkeypatch: pytest.MonkeyPatch, kafka_bootstrap: str
) -> None:
    # Arrange
    monkeypatch.setenv(KAFKA_ENV, kafka_bootstrap)

    # Act
    server = resolve_kafka(docker=_never, local=_never)

    # Assert
    assert server.url == kafka_bootstrap
    assert server.source == f"${KAFKA_ENV}"
    server.stop()  # nothing to stop: must not raise


def test_an_environment_address_without_a_broker_fails_instead_of_being_passed_over(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Arrange
    monkeypatch.setenv(KAFKA_ENV, f"127.0.0.1:{_closed_port()}")
    monkeypatch.setattr("tests.integration.kafka_server.ENV_CHECK_TIMEOUT_S", 0.0)  # one try

    # Act / Assert
    with pytest.raises(ProvisioningError, match=f"\\${KAFKA_ENV}: no Kafka broker answered"):
        resolve_kafka(docker=_never, local=_never)


def test_check_bootstrap_refuses_a_malformed_address_before_connecting() -> None:
    # Act / Assert
    with pytest.raises(ValueError, match="not a host:port"):
        check_bootstrap("kafka")


def test_a_local_tansu_answers_until_it_is_stopped() -> None:
    # Arrange
    server = _start_local_tansu()
    host, port = parse_bootstrap(server.url)
    answered = metadata_answers(host, port)

    # Act
    server.stop()

    # Assert
    assert answered
    assert server.source.startswith("tansu broker from ")
    assert not metadata_answers(host, port)
