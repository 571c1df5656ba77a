"""The gateway's failures as the port's BrokerError, each with a one-line reason.

ibind raises ExternalBrokerError for an HTTP error (its `status_code` set) and for an answer
with an `error` field while it handles an order's questions (no status), TimeoutError for a
read timeout, and ValueError / RuntimeError for a question it has no positive answer to.
"""

from __future__ import annotations

from ports.trading.broker import BrokerError, BrokerErrorCode

# Words of IBKR's margin and funds refusals ("... EQUITY WITH LOAN VALUE ... MUST EXCEED THE
# INITIAL MARGIN", "insufficient buying power", "... cash available ..."), lower case.
_FUNDS = ("insufficient", "initial margin", "equity with loan", "buying power", "available funds")
# An order id the gateway already has for this session (ibind's own wording, and IBKR's).
_DUPLICATE = ("already registered", "local order id")


def http_error(status: int | None, text: str, name: str, action: str) -> BrokerError:
    """The BrokerError for a gateway answer of HTTP `status` (None: refused in a 200 body)."""
    reason = f"{name} {action}: {one_line(text)}"
    if status == 401:
        reason = (
            f"{name} {action}: the gateway's session is not authenticated "
            "(log in to the Client Portal Gateway again)"
        )
        return BrokerError(BrokerErrorCode.UNAVAILABLE, reason, retryable=True)
    if status == 429:
        return BrokerError(BrokerErrorCode.RATE_LIMITED, reason, retryable=True)
    if status is not None and (status >= 500 or status in (408, 502, 503, 504)):
        return BrokerError(BrokerErrorCode.UNAVAILABLE, reason, retryable=True)
    lowered = text.lower()
    if any(word in lowered for word in _FUNDS):
        return BrokerError(BrokerErrorCode.INSUFFICIENT_FUNDS, reason)
    if status == 404:
        return BrokerError(BrokerErrorCode.NOT_FOUND, reason)
    return BrokerError(BrokerErrorCode.REJECTED, reason)


def duplicate(exc: BrokerError) -> bool:
    """The gateway refused a client order id (cOID) it already has."""
    lowered = exc.message.lower()
    return exc.code is BrokerErrorCode.REJECTED and any(word in lowered for word in _DUPLICATE)


def one_line(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= 300 else flat[:297] + "..."
