"""Trace context carried in Kafka record headers: written on send, continued on receipt.

The Kafka adapters hold a MessageTracing; NO_MESSAGE_TRACING (tracing off) adds no header and
opens no span. A consumed record's work runs under a CONSUMER span whose parent is the
producer's span, so the command's trace goes on in `bulwark consume`; a batch of records
decided together has the first record's producer as parent and links to the others'.
"""

from __future__ import annotations

import asyncio
import contextvars
from collections.abc import Coroutine, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, TypeVar

from opentelemetry import context as otel_context
from opentelemetry import trace
from opentelemetry.trace import Link, SpanKind, Status, StatusCode

from adapters.tracing.propagation import context_from_record, current_headers

T = TypeVar("T")
Headers = Sequence[tuple[str, bytes | None]] | None


class MessageTracing:
    """Headers out, spans in; `tracer` None: tracing off, every call a pass-through."""

    def __init__(self, tracer: trace.Tracer | None = None) -> None:
        self._tracer = tracer
        self.enabled = tracer is not None

    def headers(self, headers: list[tuple[str, bytes]]) -> list[tuple[str, bytes]]:
        """`headers` plus the current trace context (the same list when off or outside one)."""
        if self._tracer is None:
            return headers
        return headers + current_headers()

    @contextmanager
    def consuming(self, name: str, headers: Headers, topic: str) -> Iterator[None]:
        """A CONSUMER span, child of the record's producer, current for the block."""
        if self._tracer is None:
            yield
            return
        span = self._start(name, [headers], topic)
        token = otel_context.attach(trace.set_span_in_context(span))
        try:
            yield
        except BaseException as exc:
            _failed(span, exc)
            raise
        finally:
            otel_context.detach(token)
            span.end()

    def spawn(
        self, name: str, headers: Sequence[Headers], topic: str, work: Coroutine[Any, Any, T]
    ) -> asyncio.Task[T]:
        """`work` as a task under one CONSUMER span for several records, ended with it."""
        if self._tracer is None:
            return asyncio.get_running_loop().create_task(work)
        span = self._start(name, headers, topic)
        task_context = contextvars.copy_context()
        task_context.run(otel_context.attach, trace.set_span_in_context(span))
        task = asyncio.get_running_loop().create_task(work, context=task_context)

        def finished(done: asyncio.Task[T]) -> None:
            if not done.cancelled() and done.exception() is not None:
                _failed(span, done.exception())  # type: ignore[arg-type]
            span.end()

        task.add_done_callback(finished)
        return task

    def _start(self, name: str, headers: Sequence[Headers], topic: str) -> trace.Span:
        assert self._tracer is not None
        contexts = [c for c in (context_from_record(h) for h in headers) if c is not None]
        links = [
            Link(linked)
            for linked in (trace.get_current_span(c).get_span_context() for c in contexts[1:])
            if linked.is_valid
        ]
        return self._tracer.start_span(
            name,
            context=contexts[0] if contexts else None,
            kind=SpanKind.CONSUMER,
            links=links,
            attributes={
                "messaging.system": "kafka",
                "messaging.destination.name": topic,
                "messaging.batch.message_count": len(headers),
            },
        )


def _failed(span: trace.Span, exc: BaseException) -> None:
    span.record_exception(exc)
    span.set_status(Status(StatusCode.ERROR, type(exc).__name__))


NO_MESSAGE_TRACING = MessageTracing()
