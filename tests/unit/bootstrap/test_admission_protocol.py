"""The server's early refusal, as uvicorn's protocol calls it: the answer written and the request
ended as uvicorn's own send ends one, other requests left alone, and a connection refused again
before its Retry-After had passed not read until this one's has."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from application.core.admission import Refusal
from bootstrap.admission import refused_early

SERVER_HEADERS = [(b"server", b"uvicorn")]


@dataclass
class Transport:
    written: list[bytes] = field(default_factory=list)
    closed: bool = False

    def write(self, data: bytes) -> None:
        self.written.append(data)

    def close(self) -> None:
        self.closed = True

    def is_closing(self) -> bool:
        return self.closed


@dataclass
class Flow:
    read_paused: bool = False

    def pause_reading(self) -> None:
        self.read_paused = True

    def resume_reading(self) -> None:
        self.read_paused = False


@dataclass
class Loop:
    """Runs what is scheduled when told to (`advance`), never by itself."""

    later: list[tuple[float, Any, tuple[Any, ...]]] = field(default_factory=list)

    def call_later(self, delay: float, callback: Any, *args: Any) -> None:
        self.later.append((delay, callback, args))

    def advance(self) -> None:
        for _, callback, args in self.later:
            callback(*args)
        self.later.clear()


@dataclass
class ServerState:
    default_headers: list[tuple[bytes, bytes]] = field(default_factory=lambda: SERVER_HEADERS)


@dataclass
class Cycle:
    scope: dict[str, Any]
    keep_alive: bool = True
    response_started: bool = False
    response_complete: bool = False


class Early:
    """The app's early refusal: refuses every order with `retry_after`, writes its answer."""

    def __init__(self, retry_after: int | None) -> None:
        self.retry_after = retry_after

    def __call__(
        self, scope: dict[str, Any], keep_alive: bool, headers: Any, write: Any
    ) -> Refusal | None:
        if self.retry_after is None or scope["path"] != "/api/v1/orders":
            return None
        write(b"HTTP/1.1 503 Service Unavailable\r\n\r\n")
        return Refusal(self.retry_after, 1.0)


@dataclass
class Protocol:
    _bulwark_early: Early
    transport: Transport = field(default_factory=Transport)
    flow: Flow = field(default_factory=Flow)
    loop: Loop = field(default_factory=Loop)
    server_state: ServerState = field(default_factory=ServerState)
    responses: int = 0

    def on_response_complete(self) -> None:
        self.responses += 1
        self.flow.resume_reading()


def order() -> Cycle:
    return Cycle({"type": "http", "method": "POST", "path": "/api/v1/orders", "headers": []})


def test_a_refused_order_is_answered_and_ended_as_uvicorn_ends_an_answer() -> None:
    # Arrange
    protocol, cycle = Protocol(Early(retry_after=1)), order()

    # Act
    refused = refused_early(protocol, cycle)

    # Assert
    assert refused is True
    assert protocol.transport.written == [b"HTTP/1.1 503 Service Unavailable\r\n\r\n"]
    assert cycle.response_started and cycle.response_complete  # the body to come is dropped
    assert protocol.responses == 1 and not protocol.transport.closed
    assert not protocol.flow.read_paused  # told once: read as usual


def test_a_request_the_worker_takes_goes_on_untouched() -> None:
    # Arrange
    protocol, cycle = Protocol(Early(retry_after=None)), order()

    # Act
    refused = refused_early(protocol, cycle)

    # Assert
    assert refused is False
    assert protocol.transport.written == [] and protocol.responses == 0
    assert not cycle.response_complete


def test_a_connection_refused_again_before_its_retry_after_is_read_again_after_it() -> None:
    # Arrange: refused once, and at once another order on the same connection
    protocol = Protocol(Early(retry_after=30))
    refused_early(protocol, order())

    # Act
    refused_early(protocol, order())
    held, scheduled = protocol.flow.read_paused, [d for d, _, _ in protocol.loop.later]
    protocol.loop.advance()

    # Assert: not read until this refusal's Retry-After has run, then read again
    assert held is True
    assert scheduled == [30]
    assert not protocol.flow.read_paused


def test_a_refusal_on_a_connection_that_is_not_kept_closes_it() -> None:
    # Arrange
    protocol, cycle = Protocol(Early(retry_after=1)), order()
    cycle.keep_alive = False

    # Act
    refused_early(protocol, cycle)

    # Assert
    assert protocol.transport.closed
    assert protocol.responses == 1
