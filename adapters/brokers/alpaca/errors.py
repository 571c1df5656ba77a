"""Alpaca HTTP failures mapped to the broker port's error codes, once."""

from __future__ import annotations

from adapters.alpaca.http import (
    AlpacaConnectionError,
    AlpacaHttpError,
    AlpacaMalformed,
    AlpacaRateLimited,
    AlpacaTimeout,
)
from ports.trading.broker import BrokerError, BrokerErrorCode


def error_code(status: int | None, message: str = "") -> BrokerErrorCode:
    """The port's code for an HTTP status (None: no answer at all)."""
    if status is None:
        return BrokerErrorCode.UNAVAILABLE
    if status == 429:
        return BrokerErrorCode.RATE_LIMITED
    if status == 401:
        return BrokerErrorCode.AUTH_FAILED
    if status == 404:
        return BrokerErrorCode.NOT_FOUND
    if status == 403 and _is_funds(message):
        return BrokerErrorCode.INSUFFICIENT_FUNDS
    if status >= 500:
        return BrokerErrorCode.UNAVAILABLE
    return BrokerErrorCode.REJECTED


def broker_error(exc: AlpacaHttpError, action: str, vendor: str = "alpaca") -> BrokerError:
    """The BrokerError an adapter raises for a failed call of Alpaca (or of another broker
    on the same REST client, named by `vendor`)."""
    text = f"{vendor} {action}: {exc.message}"
    if isinstance(exc, AlpacaRateLimited):
        wait = f" (retry after {exc.retry_after:g}s)" if exc.retry_after is not None else ""
        return BrokerError(BrokerErrorCode.RATE_LIMITED, text + wait, retryable=True)
    if isinstance(exc, AlpacaTimeout):
        return BrokerError(BrokerErrorCode.TIMEOUT, text, retryable=True)
    if isinstance(exc, AlpacaConnectionError):
        return BrokerError(BrokerErrorCode.UNAVAILABLE, text, retryable=True)
    if isinstance(exc, AlpacaMalformed):
        # The broker's state after a garbled answer is unknown: say so, do not loop on it.
        return BrokerError(BrokerErrorCode.UNAVAILABLE, text, retryable=False)
    code = error_code(exc.status, exc.message)
    retryable = code in (BrokerErrorCode.UNAVAILABLE, BrokerErrorCode.RATE_LIMITED)
    return BrokerError(code, text, retryable=retryable)


def _is_funds(message: str) -> bool:
    # Alpaca's 403 (code 40310000) covers buying power and other refusals (wash trades, ...).
    lowered = message.lower()
    return "buying power" in lowered or "insufficient" in lowered


def key_refused(error: BrokerError) -> bool:
    """Whether Alpaca refused the key itself (401, or a 403 that is not about funds): the
    one failure after which trying a rotated-out key in its grace period can help."""
    cause = error.__cause__
    if not isinstance(cause, AlpacaHttpError) or cause.status not in (401, 403):
        return False
    return not (cause.status == 403 and _is_funds(cause.message))
