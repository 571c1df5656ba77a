"""Tracing as the use cases see it: named spans around the steps an operator wants timed.

The use cases mark their steps (the gate, the store's commit, the broker call, a kill
switch's phases) through this port; adapters/tracing implements it with OpenTelemetry and
bootstrap chooses it. With tracing off the use cases get NO_TRACER, whose span is one shared
object that does nothing: a method call and a `with`, no allocation per step.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from contextlib import AbstractContextManager
from typing import Protocol

AttributeValue = str | int | float | bool


class Span(Protocol):
    """A step being timed; `set` adds what was learnt during it (an outcome, a count)."""

    def set(self, key: str, value: AttributeValue) -> None: ...


class Tracer(Protocol):
    """Opens spans as children of the caller's current span (the request's, the message's).

    `enabled` is False when nothing is recorded, so a caller can skip preparing attributes
    that cost something to compute. An exception leaving a span marks it failed.
    """

    enabled: bool

    def span(self, name: str, /, **attributes: AttributeValue) -> AbstractContextManager[Span]:
        """A span current for the `with` block."""
        ...

    def origin(self) -> object | None:
        """The caller's trace position, to hand to work that runs elsewhere (another task)."""
        ...

    def follows(
        self, name: str, origins: Sequence[object | None], /, **attributes: AttributeValue
    ) -> AbstractContextManager[Span]:
        """A span for work done on behalf of several callers (a batch): the first known
        origin is its parent, the others are linked; with none, as `span`."""
        ...

    def carrier(self) -> dict[str, str]:
        """The current span's trace context as W3C headers (traceparent, tracestate), to
        store with work done later (events in the outbox); empty when off or outside a span."""
        ...

    def sending(
        self, name: str, carrier: Mapping[str, str], /, **attributes: AttributeValue
    ) -> AbstractContextManager[Span]:
        """A span for sending messages later on behalf of the trace `carrier` was taken in
        (the outbox relay): its child, current for the block, so the messages carry that
        trace on; with an empty carrier, as `span`."""
        ...


class _NoSpan:
    """The span of NO_TRACER: enters, exits and records nothing."""

    __slots__ = ()

    def __enter__(self) -> _NoSpan:
        return self

    def __exit__(self, *_: object) -> None:
        return None

    def set(self, key: str, value: AttributeValue) -> None:
        return None


_NO_SPAN = _NoSpan()


class NoTracer:
    """Tracing off: every span is the same do-nothing object."""

    enabled = False

    def span(self, name: str, /, **attributes: AttributeValue) -> _NoSpan:
        return _NO_SPAN

    def origin(self) -> object | None:
        return None

    def follows(
        self, name: str, origins: Sequence[object | None], /, **attributes: AttributeValue
    ) -> _NoSpan:
        return _NO_SPAN

    def carrier(self) -> dict[str, str]:
        return {}

    def sending(
        self, name: str, carrier: Mapping[str, str], /, **attributes: AttributeValue
    ) -> _NoSpan:
        return _NO_SPAN


NO_TRACER: Tracer = NoTracer()
