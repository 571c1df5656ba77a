"""Twelve Data's answers as Bulwark's values: bars, quotes, splits, dividends; and the
request's time texts."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any

from adapters.market_data.vendors._rest import brief, decimal, optional_decimal
from adapters.market_data.vendors._rest_bars import make_bar
from adapters.market_data.vendors.common import day_start
from domain.market_data.bars import Bar, Timeframe
from ports.core.clock import Clock
from ports.market_data.marketdata import ProviderError, Quote

NAME = "twelvedata"


def first_day(moment: datetime) -> datetime:
    """The first daily bar's start at or after `moment` (Twelve Data reads dates of days)."""
    midnight = day_start(moment.astimezone(UTC).date())
    return midnight if midnight == moment else midnight + timedelta(days=1)


def utc_text(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S")


def bar_start(text: object, timeframe: Timeframe) -> datetime:
    if not isinstance(text, str):
        raise ProviderError(NAME, f"malformed datetime: {text!r}")
    try:
        if timeframe is Timeframe.D1:
            return day_start(date.fromisoformat(text[:10]))
        return datetime.fromisoformat(text).replace(tzinfo=UTC)
    except ValueError:
        raise ProviderError(NAME, f"malformed datetime: {brief(text, 40)}") from None


def bar_of(row: Any, symbol: str, timeframe: Timeframe) -> Bar:
    if not isinstance(row, dict):
        raise ProviderError(NAME, "/time_series: malformed value row")
    ohlcv = tuple(decimal(NAME, row.get(f), f) for f in ("open", "high", "low", "close"))
    volume = optional_decimal(NAME, row.get("volume"), "volume") or Decimal(0)
    start = bar_start(row.get("datetime"), timeframe)
    return make_bar(NAME, symbol, timeframe, start, (*ohlcv, volume))  # type: ignore[arg-type]


def quote_of(symbol: str, row: Any, clock: Clock) -> Quote | None:
    if not isinstance(row, dict):
        raise ProviderError(NAME, "/quote: malformed answer")
    close = optional_decimal(NAME, row.get("close"), "close")
    if close is None or close <= 0:
        return None
    stamp = row.get("last_quote_at") or row.get("timestamp")
    at = datetime.fromtimestamp(stamp, tz=UTC) if isinstance(stamp, int) else clock.now()
    return Quote(symbol=symbol, bid=Decimal(0), ask=Decimal(0), last=close, at=at)


def rows_of(body: Any, key: str) -> list[Any]:
    rows = body.get(key) if isinstance(body, dict) else None
    if rows is None:
        return []
    if not isinstance(rows, list):
        raise ProviderError(NAME, f"/{key}: malformed answer")
    return rows


def split_of(row: Any) -> tuple[date, Decimal]:
    if not isinstance(row, dict):
        raise ProviderError(NAME, "/splits: malformed row")
    new = decimal(NAME, row.get("from_factor"), "split from_factor")
    old = decimal(NAME, row.get("to_factor"), "split to_factor")
    if new <= 0 or old <= 0:
        raise ProviderError(NAME, "/splits: bad split ratio")
    try:
        return date.fromisoformat(str(row.get("date"))), new / old
    except ValueError:
        raise ProviderError(NAME, "/splits: malformed date") from None


def dividend_of(row: Any) -> tuple[date, Decimal]:
    if not isinstance(row, dict):
        raise ProviderError(NAME, "/dividends: malformed row")
    amount = decimal(NAME, row.get("amount"), "dividend amount")
    try:
        return date.fromisoformat(str(row.get("ex_date"))), amount
    except ValueError:
        raise ProviderError(NAME, "/dividends: malformed ex_date") from None


def from_percent(value: Decimal | None) -> Decimal | None:
    return None if value is None else value / 100
