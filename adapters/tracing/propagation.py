"""W3C trace context (traceparent, tracestate) read from and written to header lists.

HTTP (ASGI) headers are (bytes, bytes) pairs, Kafka record headers (str, bytes) pairs; both
go through the one TraceContext propagator, so a trace continues across either.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from opentelemetry.context import Context
from opentelemetry.propagators.textmap import Getter
from opentelemetry.trace.propagation.tracecontext import TraceContextTextMapPropagator

TRACEPARENT = "traceparent"
_PROPAGATOR = TraceContextTextMapPropagator()
_NAMES = frozenset(_PROPAGATOR.fields)
_NAMES_BYTES = frozenset(name.encode() for name in _NAMES)


class _PairsGetter(Getter[dict[str, str]]):
    def get(self, carrier: dict[str, str], key: str) -> list[str] | None:
        value = carrier.get(key)
        return None if value is None else [value]

    def keys(self, carrier: dict[str, str]) -> list[str]:
        return list(carrier)


_GETTER = _PairsGetter()


def context_from_http(headers: Iterable[tuple[bytes, bytes]]) -> Context | None:
    """The caller's trace from ASGI headers; None when it sent none (a new trace starts)."""
    found = {
        name.decode("latin-1"): value.decode("latin-1")
        for name, value in headers
        if name in _NAMES_BYTES
    }
    return _PROPAGATOR.extract(found, getter=_GETTER) if found else None


def context_from_record(headers: Sequence[tuple[str, bytes | None]] | None) -> Context | None:
    """The producer's trace from Kafka record headers; None when it sent none."""
    found = {
        name: value.decode("latin-1")
        for name, value in headers or ()
        if name in _NAMES and value is not None
    }
    return _PROPAGATOR.extract(found, getter=_GETTER) if found else None


def current_headers() -> list[tuple[str, bytes]]:
    """traceparent (and tracestate) of the current span, for a record sent now; [] outside
    any span."""
    carrier: dict[str, str] = {}
    _PROPAGATOR.inject(carrier)
    return [(name, value.encode("latin-1")) for name, value in carrier.items()]


def current_carrier() -> dict[str, str]:
    """traceparent (and tracestate) of the current span, to store with work done later;
    empty outside any span."""
    carrier: dict[str, str] = {}
    _PROPAGATOR.inject(carrier)
    return carrier


def context_from_carrier(carrier: Mapping[str, str] | None) -> Context | None:
    """The trace a stored carrier was taken in; None when it holds none."""
    found = {name: value for name, value in (carrier or {}).items() if name in _NAMES}
    return _PROPAGATOR.extract(found, getter=_GETTER) if found else None
