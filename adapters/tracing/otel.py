"""The Tracer port (ports/core/tracing.py) on the OpenTelemetry API.

A span is made current for its `with` block, so the spans opened beneath it (and the log
lines written in it, adapters/tracing/logs.py) belong to it; an exception leaving the block
is recorded on the span, which is then marked failed. Beneath a span that is not recorded
(its trace was sampled out; bootstrap's sampler is ParentBased, so its children would not be
recorded either) no span is started at all: a trace sampled out costs next to nothing.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from contextlib import AbstractContextManager
from typing import Any

from opentelemetry import context as otel_context
from opentelemetry import trace
from opentelemetry.context import Context
from opentelemetry.trace import Link, SpanKind, Status, StatusCode

from adapters.tracing.propagation import context_from_carrier, current_carrier
from ports.core.tracing import NO_TRACER, AttributeValue, Span


class OtelSpan:
    """One `with` block's span; `set` adds an attribute."""

    __slots__ = (
        "_attributes",
        "_kind",
        "_links",
        "_name",
        "_parent",
        "_span",
        "_token",
        "_tracer",
    )

    def __init__(
        self,
        tracer: trace.Tracer,
        name: str,
        attributes: dict[str, AttributeValue],
        parent: Context | None = None,
        links: Sequence[Link] = (),
        kind: SpanKind = SpanKind.INTERNAL,
    ) -> None:
        self._tracer = tracer
        self._kind = kind
        self._name = name
        self._attributes = attributes
        self._parent = parent
        self._links = links
        self._span: trace.Span = trace.INVALID_SPAN
        self._token: object = None

    def __enter__(self) -> OtelSpan:
        span = self._tracer.start_span(
            self._name,
            context=self._parent,
            kind=self._kind,
            attributes=self._attributes,
            links=self._links,
        )
        self._span = span
        self._token = otel_context.attach(trace.set_span_in_context(span))
        return self

    def __exit__(self, _: Any, exc: BaseException | None, __: Any) -> None:
        span = self._span
        if exc is not None:
            span.record_exception(exc)
            span.set_status(Status(StatusCode.ERROR, type(exc).__name__))
        otel_context.detach(self._token)  # type: ignore[arg-type]  # attach's own token
        span.end()

    def set(self, key: str, value: AttributeValue) -> None:
        self._span.set_attribute(key, value)


def _sampled_out(span: trace.Span) -> bool:
    """A span of a trace not sampled (the invalid span, outside any trace, is not one)."""
    context = span.get_span_context()
    return context.is_valid and not context.trace_flags.sampled


_UNRECORDED = NO_TRACER.span("unrecorded")


class OtelTracer:
    """Spans from one OpenTelemetry tracer (its provider decides sampling and export)."""

    enabled = True

    def __init__(self, tracer: trace.Tracer) -> None:
        self._tracer = tracer

    def span(self, name: str, /, **attributes: AttributeValue) -> AbstractContextManager[Span]:
        if _sampled_out(trace.get_current_span()):
            return _UNRECORDED
        return OtelSpan(self._tracer, name, attributes)

    def origin(self) -> object | None:
        return otel_context.get_current()

    def follows(
        self, name: str, origins: Sequence[object | None], /, **attributes: AttributeValue
    ) -> AbstractContextManager[Span]:
        contexts = [o for o in origins if isinstance(o, Context)]
        if not contexts:
            return self.span(name, **attributes)
        parent = contexts[0]
        if _sampled_out(trace.get_current_span(parent)):
            return _UNRECORDED
        first = trace.get_current_span(parent).get_span_context()
        links: list[Link] = []
        seen = {first.span_id}
        for other in contexts[1:]:
            linked = trace.get_current_span(other).get_span_context()
            if linked.is_valid and linked.span_id not in seen:
                seen.add(linked.span_id)
                links.append(Link(linked))
        return OtelSpan(self._tracer, name, attributes, parent, links)

    def carrier(self) -> dict[str, str]:
        return current_carrier()

    def sending(
        self, name: str, carrier: Mapping[str, str], /, **attributes: AttributeValue
    ) -> AbstractContextManager[Span]:
        # Always started, even in a trace sampled out: the span (recording or not) is what
        # puts the trace's context, sampled flag included, into the messages sent beneath it.
        parent = context_from_carrier(carrier)
        if parent is None:
            return self.span(name, **attributes)
        return OtelSpan(self._tracer, name, attributes, parent, kind=SpanKind.PRODUCER)
