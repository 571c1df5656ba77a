"""Bulwark symbols <-> ccxt unified symbols, and numbers from ccxt as Decimal.

ccxt names a spot market "BASE/QUOTE" ("BTC/USDT") and a swap "BASE/QUOTE:SETTLE"
("BTC/USDT:USDT"). The mapping, in this order:
- an explicit entry of `symbols` (Bulwark -> ccxt) wins both ways: {"XBT": "BTC/USD"};
- a Bulwark symbol without "/" is the base asset of a spot pair in the quote currency:
  "BTC" -> "BTC/USDT" with quote "USDT", and "BTC/USDT" comes back as "BTC";
- any other symbol is the ccxt unified symbol itself ("ETH/BTC", "BTC/USDT:USDT").
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal, InvalidOperation


class SymbolMap:
    """The two-way mapping described in the module docstring."""

    def __init__(self, quote: str, symbols: Mapping[str, str] | None = None) -> None:
        self.quote = quote
        self._to_venue = dict(symbols or {})
        self._from_venue = {venue: ours for ours, venue in self._to_venue.items()}

    def to_venue(self, symbol: str) -> str:
        explicit = self._to_venue.get(symbol)
        if explicit is not None:
            return explicit
        return symbol if "/" in symbol else f"{symbol}/{self.quote}"

    def from_venue(self, venue_symbol: str) -> str:
        explicit = self._from_venue.get(venue_symbol)
        if explicit is not None:
            return explicit
        base, _, quote = venue_symbol.partition("/")
        return base if quote == self.quote else venue_symbol


def decimal(value: object) -> Decimal | None:
    """A number ccxt returned, as Decimal; None stays None.

    The broker sets `exchange.number = str`, so ccxt hands over the venue's own strings
    ("0.00100000") and nothing passes through float. A float that still arrives (an
    exchange class that computes one) is read through repr(), the shortest text that
    round-trips: exact for every decimal of up to 15 significant digits.
    """
    if value is None or value == "":
        return None
    if isinstance(value, float):
        value = repr(value)
    try:
        return Decimal(str(value))
    except InvalidOperation as exc:
        raise ValueError(f"not a number: {value!r}") from exc


def amount(value: object) -> Decimal:
    """A quantity or price that must be there; a missing one reads as zero."""
    found = decimal(value)
    return found if found is not None else Decimal(0)


def text(value: Decimal) -> str:
    """A Decimal as a plain string ccxt passes on unchanged: no exponent, no float."""
    return format(value.normalize(), "f") if value == value.to_integral() else format(value, "f")
