"""Databento's MBP-10 records (market by price, top ten levels) read into an OrderBook.

Every MBP-10 record carries the whole top-ten book after its event, so the newest record of a
symbol is its latest book. In the JSON encoding a record's `levels` is a list of ten objects
(`bid_px`, `ask_px`, `bid_sz`, `ask_sz`, `bid_ct`, `ask_ct`), best first; the CSV-style flat
form (`bid_px_00` ... `ask_ct_09`) is read as well. A price is either fixed point (an integer,
or a string of digits: units of 1e-9) or, with `pretty_px=true`, a decimal string (Databento
writes nine decimals). An empty level has the undefined price (the i64 maximum, or null when
pretty) or a size of 0; the levels past it on that side are empty too and are not read.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from decimal import Decimal
from typing import Any

from adapters.market_data.vendors._rest import brief, decimal
from domain.market_data.book import BookLevel, OrderBook
from ports.market_data.marketdata import ProviderError

MBP_LEVELS = 10
UNDEF_PRICE = 9_223_372_036_854_775_807  # Databento's undefined price: the i64 maximum
_FIXED_SCALE = Decimal("1e-9")
_UNDEF_PRETTY = Decimal(UNDEF_PRICE) * _FIXED_SCALE
_FIELDS = ("bid_px", "ask_px", "bid_sz", "ask_sz", "bid_ct", "ask_ct")
_Side = tuple[BookLevel, ...]


def mbp10_levels(provider: str, record: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    """The record's levels, best first, as `bid_px`/`ask_px`/... mappings (at most ten)."""
    levels = record.get("levels")
    if levels is None and "bid_px_00" in record:
        return [
            {field: record.get(f"{field}_{index:02d}") for field in _FIELDS}
            for index in range(MBP_LEVELS)
        ]
    if not isinstance(levels, list) or not all(isinstance(level, dict) for level in levels):
        raise ProviderError(provider, "malformed mbp-10 record (levels)")
    return levels[:MBP_LEVELS]


def mbp10_book(
    provider: str, record: Mapping[str, Any], symbol: str, at: datetime, depth: int
) -> OrderBook | None:
    """The record's book, up to `depth` levels a side; None when both sides are empty.

    A crossed or locked book, or a side out of order, is a malformed answer (ProviderError).
    """
    if depth < 1:
        raise ValueError("depth must be at least 1")
    levels = mbp10_levels(provider, record)[:depth]
    bids = _side(provider, levels, "bid")
    asks = _side(provider, levels, "ask")
    if not (bids or asks):
        return None
    try:
        return OrderBook(symbol=symbol, bids=bids, asks=asks, at=at)
    except ValueError as exc:
        raise ProviderError(provider, f"mbp-10 book refused: {exc}") from None


def _side(provider: str, levels: list[Mapping[str, Any]], side: str) -> _Side:
    out: list[BookLevel] = []
    for level in levels:
        price = mbp_price(provider, level.get(f"{side}_px"))
        size = decimal(provider, level.get(f"{side}_sz", 0), f"{side}_sz")
        if price is None or size <= 0:
            break  # an empty level: the deeper ones are empty too
        count = level.get(f"{side}_ct")
        orders = None if count is None else int(decimal(provider, count, f"{side}_ct"))
        out.append(BookLevel(price=price, size=size, orders=orders if orders else None))
    return tuple(out)


def mbp_price(provider: str, value: object) -> Decimal | None:
    """A Databento price: a decimal string (pretty) or 1e-9 fixed point; None when undefined."""
    if value is None:
        return None
    if isinstance(value, str) and "." in value:
        price = decimal(provider, value, "price")
        if price >= _UNDEF_PRETTY:
            return None
    elif (isinstance(value, int) and not isinstance(value, bool)) or (
        isinstance(value, str) and value.lstrip("-").isdigit()
    ):
        raw = int(value)
        if raw == UNDEF_PRICE:
            return None
        price = Decimal(raw) * _FIXED_SCALE
    else:
        raise ProviderError(provider, f"malformed price: {brief(str(value), 40)}")
    if price <= 0:
        raise ProviderError(provider, f"malformed price: {brief(str(value), 40)}")
    return price
