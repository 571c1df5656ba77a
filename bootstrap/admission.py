"""Each API worker's admission to the order path (BULWARK_ADMISSION_MAX_WAIT_MS), and the
server's early refusal of an order the worker cannot take in time (bootstrap/serving.py)."""

from __future__ import annotations

import time
from typing import Any

import structlog

from application.core.admission import OrderAdmission, Refusal

_log = structlog.get_logger("bulwark.admission")
_UNKNOWN = object()


def order_admission(max_wait_ms: int) -> OrderAdmission | None:
    """The worker's admission control (one per process: the container is built per worker);
    None when the bound is 0 (off: every order waits its turn, however long)."""
    return OrderAdmission(max_wait_ms / 1000) if max_wait_ms > 0 else None


def refused_early(protocol: Any, cycle: Any) -> bool:
    """Whether uvicorn's httptools `protocol` answered the request of `cycle` itself: 503
    OVERLOADED written back as it was parsed, no task made for it (the app's admission said
    so: adapters/http/trading/admission.py `EarlyRefusal`). False: the request goes on as
    usual (no order, the worker takes it, or the app has no admission control)."""
    early: Any = getattr(protocol, "_bulwark_early", _UNKNOWN)
    if early is _UNKNOWN:  # found once per connection, through the server's own wrappers
        from adapters.http.trading.admission import early_refusal

        early = protocol._bulwark_early = early_refusal(protocol.app)
    if early is None:
        return False
    try:
        refusal = early(
            cycle.scope,
            cycle.keep_alive,
            protocol.server_state.default_headers,
            protocol.transport.write,
        )
    except Exception as exc:  # the app's own layer answers instead
        _log.error("early_refusal_failed", error_type=type(exc).__name__)
        return False
    if refusal is None:
        return False
    # What uvicorn's own `send` does at the end of an answer: the body still to come is
    # dropped, the connection kept (or closed), the next pipelined request started.
    cycle.response_started = cycle.response_complete = True
    if not cycle.keep_alive:
        protocol.transport.close()
    protocol.on_response_complete()
    hold_back(protocol, refusal)
    return True


def hold_back(protocol: Any, refusal: Refusal) -> None:
    """A connection refused again before the Retry-After it was given had passed is not read
    until this refusal's Retry-After has: what it was told to wait, it waits. A client that
    honours the header never meets this; a flood of clients that do not (1,000 connections
    sending again at once) would otherwise take the whole event loop one refusal at a time,
    from the orders already admitted and the threads they wait on."""
    now = time.monotonic()
    ignored = now < getattr(protocol, "_bulwark_retry_at", 0.0)
    protocol._bulwark_retry_at = now + refusal.retry_after
    if ignored and not protocol.transport.is_closing():
        protocol.flow.pause_reading()
        protocol.loop.call_later(refusal.retry_after, _read_again, protocol)


def _read_again(protocol: Any) -> None:
    if not protocol.transport.is_closing():
        protocol.flow.resume_reading()
