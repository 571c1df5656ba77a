"""Arrival stamps: when a request reached the server, on the app's clock.

The edge middleware (adapters/http/edge.py) writes ARRIVED_AT on each HTTP request;
bootstrap/serving.py's protocol writes RECEIVED_AT when the event loop parsed its first bytes.
"""

from __future__ import annotations

from litestar.types import Scope

# Set by the server's protocol when a request's first bytes are parsed (time.monotonic()).
RECEIVED_AT = "bulwark.received_at"
# When the request arrived, on the app's Clock.monotonic() (what deadlines are measured on).
ARRIVED_AT = "bulwark.arrived_at"


def arrived_at(scope: Scope) -> float | None:
    """A request's arrival on the app's clock (None outside the edge middleware)."""
    value = scope.get(ARRIVED_AT)
    return value if isinstance(value, float) else None
