"""ccxt's exception hierarchy mapped to the broker port's error codes, once.

ccxt raises one family of exceptions for every venue (ccxt/base/errors.py); the venue's
own code and message (Binance's {"code": -2010, "msg": ...}) are in the exception text,
which becomes the BrokerError's message on one line.
"""

from __future__ import annotations

import ccxt.async_support as ccxt  # type: ignore[import-untyped]

from adapters.ccxt_venues.exchange import one_line
from ports.trading.broker import BrokerError, BrokerErrorCode

# Most specific first: ccxt's classes nest (OrderNotFound is an InvalidOrder, RateLimitExceeded
# a NetworkError), so the first match wins. (code, retryable)
_MAPPING: tuple[tuple[type[Exception], BrokerErrorCode, bool], ...] = (
    (ccxt.RateLimitExceeded, BrokerErrorCode.RATE_LIMITED, True),
    # HTTP 418/429 (Binance: IP banned or over its request weight) come as DDoSProtection.
    (ccxt.DDoSProtection, BrokerErrorCode.RATE_LIMITED, True),
    (ccxt.RequestTimeout, BrokerErrorCode.TIMEOUT, True),
    (ccxt.NetworkError, BrokerErrorCode.UNAVAILABLE, True),
    # A garbled answer leaves the venue's state unknown: say so, do not loop on it.
    (ccxt.BadResponse, BrokerErrorCode.UNAVAILABLE, False),
    (ccxt.InsufficientFunds, BrokerErrorCode.INSUFFICIENT_FUNDS, False),
    (ccxt.OrderNotFound, BrokerErrorCode.NOT_FOUND, False),
    # A wrong or revoked key, a missing permission, a suspended account.
    (ccxt.AuthenticationError, BrokerErrorCode.AUTH_FAILED, False),
)


def error_code(exc: Exception) -> tuple[BrokerErrorCode, bool]:
    """The port's code for a ccxt exception, and whether trying again can help."""
    for kind, code, retryable in _MAPPING:
        if isinstance(exc, kind):
            return code, retryable
    # InvalidOrder, BadRequest, OperationRejected, NotSupported, ...:
    # the venue (or ccxt on its behalf) refused the request as it stands.
    return BrokerErrorCode.REJECTED, False


def broker_error(exc: Exception, venue: str, action: str) -> BrokerError:
    """The BrokerError an adapter raises for a failed ccxt call."""
    code, retryable = error_code(exc)
    return BrokerError(code, f"{venue} {action}: {one_line(exc)}", retryable=retryable)
