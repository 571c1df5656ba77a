"""structlog processor: the current span's trace_id and span_id on every log line.

With them a log line found in an incident leads to its trace, and a trace to its lines.
Outside a span (tracing off included) the line is left as it is.
"""

from __future__ import annotations

from opentelemetry import trace
from structlog.typing import EventDict, WrappedLogger


def add_trace_ids(_: WrappedLogger, __: str, event_dict: EventDict) -> EventDict:
    context = trace.get_current_span().get_span_context()
    if context.is_valid:
        event_dict["trace_id"] = format(context.trace_id, "032x")
        event_dict["span_id"] = format(context.span_id, "016x")
    return event_dict
