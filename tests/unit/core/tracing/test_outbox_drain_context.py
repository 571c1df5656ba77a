"""The outbox's shared drain runs in a context of its own, not in its first caller's."""

from __future__ import annotations

from typing import Any

import structlog
from opentelemetry import trace

from adapters.postgres.outbox import RelayingPublisher
from tests.http.tracing_harness import traced_provider


class _Relay:
    """Notes what the drain sees: the request id bound for logs and the current span."""

    def __init__(self) -> None:
        self.seen: list[tuple[Any, bool]] = []

    async def drain(self) -> None:
        request_id = structlog.contextvars.get_contextvars().get("request_id")
        self.seen.append((request_id, trace.get_current_span().get_span_context().is_valid))

    def nudge(self) -> None:
        return None


class _Publisher:
    async def publish(self, events: Any) -> None:
        return None


async def test_a_drain_started_by_a_request_carries_neither_its_request_id_nor_its_trace() -> None:
    # Arrange
    relay = _Relay()
    publisher = RelayingPublisher(_Publisher(), relay)  # type: ignore[arg-type]
    provider, _ = traced_provider()

    # Act: the first committer of many starts the drain that sends everyone's events
    with (
        structlog.contextvars.bound_contextvars(request_id="req-1"),
        provider.get_tracer("test").start_as_current_span("HTTP POST /api/v1/orders"),
    ):
        await publisher.publish([])
    await publisher.idle()

    # Assert
    assert relay.seen == [(None, False)]
