"""Options requests' inputs and the provider's failures, as the options use cases see them."""

from __future__ import annotations

from collections.abc import Awaitable
from datetime import date
from typing import TypeVar

from application.market_data.market import MarketDataUnavailable, SymbolNotFound, provider_answer
from domain.errors import DomainError

T = TypeVar("T")
_SYMBOL_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789./-_:")

__all__ = [
    "ExpiryNotListed",
    "InvalidOptionsRequest",
    "MarketDataUnavailable",
    "SymbolNotFound",
    "ask_provider",
    "parse_expiry",
    "valid_symbol",
]


class InvalidOptionsRequest(DomainError):
    """A parameter of an options request is malformed or out of range; `field` names it."""

    code = "INVALID_OPTIONS_REQUEST"

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}", field=field)


class ExpiryNotListed(InvalidOptionsRequest):
    """The asked expiry is not one of the chain's listed expiries."""

    code = "EXPIRY_NOT_LISTED"


def valid_symbol(symbol: str) -> str:
    text = symbol.strip().upper()
    if not text or len(text) > 32 or not set(text) <= _SYMBOL_CHARS:
        raise InvalidOptionsRequest("symbol", "1 to 32 letters, digits or . / - _ :")
    return text


def parse_expiry(expiry: str | date | None) -> date | None:
    if expiry is None or isinstance(expiry, date):
        return expiry
    if len(expiry) > 32:
        raise InvalidOptionsRequest("expiry", "must be a date, YYYY-MM-DD")
    try:
        return date.fromisoformat(expiry.strip())
    except ValueError:
        raise InvalidOptionsRequest("expiry", "must be a date, YYYY-MM-DD") from None


async def ask_provider(symbol: str, call: Awaitable[T]) -> T:
    """The provider's answer, its failures mapped as the market screens map them."""
    return await provider_answer(
        call, f"option chain of {symbol}", f"no option chain for symbol {symbol}"
    )
