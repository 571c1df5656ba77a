"""Yahoo Finance's answers read whole before anything is made of them: the chart (bars and
events), the {"result", "error"} envelope, option contracts."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC, date, datetime
from decimal import ROUND_HALF_EVEN, Decimal
from typing import Any

from adapters.market_data.vendors._rest import decimal, optional_decimal
from adapters.market_data.vendors._rest_bars import make_bar
from adapters.market_data.vendors.common import day_start
from domain.market_data.bars import Bar, Timeframe
from domain.market_data.options import OptionQuote
from domain.trading.instruments import OptionRight
from ports.market_data.marketdata import ProviderError, QuoteUnavailable

NAME = "yahoo"
PLACES = Decimal("0.000001")


def rounded(value: Decimal) -> Decimal:
    return value.quantize(PLACES, ROUND_HALF_EVEN)


def epoch(seconds: int) -> datetime:
    return datetime.fromtimestamp(seconds, tz=UTC)


def result_of(body: Any, key: str, path: str, *, one: bool = False) -> list[Any]:
    """Yahoo's {key: {"result": [...], "error": ...}}; its error as the port's."""
    outer = body.get(key) if isinstance(body, dict) else None
    if not isinstance(outer, dict):
        raise ProviderError(NAME, f"{path}: malformed answer (no {key!r})")
    error = outer.get("error")
    if error:
        text = error.get("description") if isinstance(error, dict) else str(error)
        if isinstance(error, dict) and error.get("code") == "Not Found":
            raise QuoteUnavailable(f"{NAME}: {path}: {text}")
        raise ProviderError(NAME, f"{path}: {text}", retryable=False)
    result = outer.get("result")
    if result is None:
        result = []
    if not isinstance(result, list) or (one and len(result) != 1):
        raise ProviderError(NAME, f"{path}: malformed answer (result)")
    return result


def split_factor(day: date, splits: Sequence[tuple[date, Decimal]]) -> Decimal:
    """The product of the ratios of the splits after `day`: raw = split-adjusted × this."""
    factor = Decimal(1)
    for ex_date, ratio in set(splits):
        if ex_date > day:
            factor *= ratio
    return factor


class Chart:
    """One /v8/finance/chart result, checked whole before any bar is made of it."""

    def __init__(self) -> None:
        self.stamps: list[int] = []
        self.columns: dict[str, list[Any]] = {}
        self.adjclose: list[Any] | None = None
        self.offset = 0
        self.splits: list[tuple[date, Decimal]] = []
        self.dividends: list[tuple[date, Decimal]] = []

    @classmethod
    def parse(cls, result: Any, path: str) -> Chart:
        chart = cls()
        if not isinstance(result, dict) or not isinstance(result.get("meta"), dict):
            raise ProviderError(NAME, f"{path}: malformed chart")
        offset = result["meta"].get("gmtoffset", 0)
        stamps = result.get("timestamp") or []
        quotes = ((result.get("indicators") or {}).get("quote") or [{}])[0] or {}
        if not isinstance(offset, int) or not all(isinstance(s, int) for s in stamps):
            raise ProviderError(NAME, f"{path}: malformed chart times")
        for column in ("open", "high", "low", "close", "volume"):
            values = quotes.get(column) if stamps else []
            if not isinstance(values, list) or len(values) != len(stamps):
                raise ProviderError(NAME, f"{path}: malformed chart column {column!r}")
            chart.columns[column] = values
        adj = (result.get("indicators") or {}).get("adjclose")
        if adj and stamps:
            values = adj[0].get("adjclose") if isinstance(adj[0], dict) else None
            if not isinstance(values, list) or len(values) != len(stamps):
                raise ProviderError(NAME, f"{path}: malformed chart column 'adjclose'")
            chart.adjclose = values
        chart.stamps, chart.offset = stamps, offset
        events = result.get("events") or {}
        for row in (events.get("splits") or {}).values():
            num = decimal(NAME, row.get("numerator"), "split numerator")
            den = decimal(NAME, row.get("denominator"), "split denominator")
            if num <= 0 or den <= 0:
                raise ProviderError(NAME, f"{path}: bad split ratio")
            chart.splits.append((chart.day(row.get("date")), num / den))
        for row in (events.get("dividends") or {}).values():
            amount = decimal(NAME, row.get("amount"), "dividend amount")
            chart.dividends.append((chart.day(row.get("date")), amount))
        return chart

    def day(self, stamp: object) -> date:
        if not isinstance(stamp, int):
            raise ProviderError(NAME, "malformed event date")
        return epoch(stamp + self.offset).date()

    def bars(
        self,
        symbol: str,
        timeframe: Timeframe,
        adjusted: bool,
        later_splits: Sequence[tuple[date, Decimal]],
    ) -> list[Bar]:
        splits = [*self.splits, *later_splits]
        bars: list[Bar] = []
        for i, stamp in enumerate(self.stamps):
            row = [self.columns[c][i] for c in ("open", "high", "low", "close", "volume")]
            if any(v is None for v in row[:4]):
                continue  # a minute without trades
            o, h, low, c = (decimal(NAME, v, "price") for v in row[:4])
            v = optional_decimal(NAME, row[4], "volume") or Decimal(0)
            day = self.day(stamp)
            start = day_start(day) if timeframe is Timeframe.D1 else epoch(stamp)
            price, volume = Decimal(1), Decimal(1)
            if not adjusted:
                price = split_factor(day, splits)
                volume = 1 / price
            elif self.adjclose is not None and timeframe is Timeframe.D1:
                adj = optional_decimal(NAME, self.adjclose[i], "adjclose")
                price = adj / c if adj is not None and c > 0 else Decimal(1)
            prices = (
                rounded(o * price),
                rounded(h * price),
                rounded(low * price),
                rounded(c * price),
            )
            ohlcv = (*prices, (v * volume).quantize(Decimal(1), ROUND_HALF_EVEN))
            bars.append(make_bar(NAME, symbol, timeframe, start, ohlcv))
        return bars


def expiry_stamps(page: Mapping[str, Any]) -> list[object]:
    return [o.get("expirationDate") for o in page.get("options") or [] if isinstance(o, dict)]


def contracts_of(page: Mapping[str, Any], underlying: str) -> list[OptionQuote]:
    contracts: list[OptionQuote] = []
    for group in page.get("options") or []:
        if not isinstance(group, dict):
            raise ProviderError(NAME, "malformed option group")
        for right, key in ((OptionRight.CALL, "calls"), (OptionRight.PUT, "puts")):
            for row in group.get(key) or []:
                contracts.append(_contract(row, underlying, right))
    return contracts


def _contract(row: Any, underlying: str, right: OptionRight) -> OptionQuote:
    if not isinstance(row, dict) or not isinstance(row.get("contractSymbol"), str):
        raise ProviderError(NAME, "malformed option contract")
    expiration = row.get("expiration")
    if not isinstance(expiration, int):
        raise ProviderError(NAME, "malformed option expiration")
    bid = optional_decimal(NAME, row.get("bid"), "option bid") or Decimal(0)
    ask = optional_decimal(NAME, row.get("ask"), "option ask") or Decimal(0)
    last = optional_decimal(NAME, row.get("lastPrice"), "option lastPrice") or Decimal(0)
    iv = row.get("impliedVolatility")
    return OptionQuote(
        symbol=row["contractSymbol"],
        underlying=underlying,
        expiry=epoch(expiration).date(),
        strike=decimal(NAME, row.get("strike"), "option strike"),
        right=right,
        bid=max(bid, Decimal(0)),
        ask=max(ask, Decimal(0)),
        last=max(last, Decimal(0)),
        volume=int(row.get("volume") or 0),
        open_interest=int(row.get("openInterest") or 0),
        implied_volatility=float(iv) if isinstance(iv, int | float) else None,
    )
