"""structlog processor: the current span's trace_id and span_id on every log line.

With them a log line found in an incident leads to its trace, and a trace to its lines.
Outside a span (tracing off included) the line is left as it is, after one look at an empty
context: the processor runs for every line, the access log's included.
"""

from __future__ import annotations

from opentelemetry import trace
from opentelemetry.context import get_current
from structlog.typing import EventDict, WrappedLogger


def add_trace_ids(_: WrappedLogger, __: str, event_dict: EventDict) -> EventDict:
    current = get_current()
    if not current:  # nothing attached: tracing off, or outside every span
        return event_dict
    context = trace.get_current_span(current).get_span_context()
    if context.is_valid:
        event_dict["trace_id"] = format(context.trace_id, "032x")
        event_dict["span_id"] = format(context.span_id, "016x")
    return event_dict
