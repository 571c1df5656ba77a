"""Bar plumbing of the vendor adapters: aggregation to timeframes a vendor lacks (every
vendor's), and what the Twelve Data, Yahoo and Databento adapters share: the port's bars call
and the range it asks for, and the reference closes of dividends."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import ClassVar

from adapters.market_data.bar_rollup import rolled_up
from adapters.market_data.vendors._rest import not_offered
from adapters.market_data.vendors.common import wants_no_bars
from domain.market_data.bars import Bar, Timeframe
from domain.market_data.corporate_actions import ActionKind, CorporateAction
from ports.core.clock import Clock
from ports.market_data.marketdata import ProviderError


@dataclass(frozen=True, slots=True)
class BarWindow:
    """The [start, end) a bars call covers, and whether it wants the latest `limit` bars."""

    start: datetime
    end: datetime
    latest: bool


def window(
    timeframe: Timeframe, start: datetime | None, end: datetime | None, limit: int, now: datetime
) -> BarWindow:
    """Without `start`, a lookback wide enough for `limit` bars across nights and weekends."""
    stop = end or now + timeframe.delta
    if start is not None:
        return BarWindow(start, stop, latest=False)
    reach = timeframe.delta * limit * 3 + timedelta(days=5)
    return BarWindow(stop - reach, stop, latest=True)


def keep(bars: Iterable[Bar], span: BarWindow, limit: int) -> list[Bar]:
    """The bars starting in the window, one per start (the last one wins), oldest first, cut to
    `limit`: the first ones from `start`, or the latest ones."""
    by_start = {b.start: b for b in bars if span.start <= b.start < span.end}
    ordered = [by_start[at] for at in sorted(by_start)]
    return ordered[-limit:] if span.latest else ordered[:limit]


@dataclass(frozen=True, slots=True)
class WindowCall:
    """A bars call of a vendor: what it asks for, over its window."""

    symbol: str
    timeframe: Timeframe
    span: BarWindow
    limit: int
    adjusted: bool


class WindowedBars:
    """The port's bars call: no bars for a call that wants none, else the vendor's bars
    (`_fetch_bars`) over the call's `window`, kept to it and to `limit` (`keep`)."""

    name: str
    _clock: Clock
    # Why a vendor of raw bars only refuses `adjusted=True` (None: it serves both).
    raw_only: ClassVar[str | None] = None

    async def bars(
        self,
        symbol: str,
        timeframe: Timeframe,
        *,
        start: datetime | None = None,
        end: datetime | None = None,
        limit: int = 500,
        adjusted: bool = False,
    ) -> list[Bar]:
        if adjusted and self.raw_only is not None:
            raise not_offered(self.name, self.raw_only)
        if wants_no_bars(start, end, limit):
            return []
        span = window(timeframe, start, end, limit, self._clock.now())
        found = await self._fetch_bars(WindowCall(symbol, timeframe, span, limit, adjusted))
        return keep(found, span, limit)

    async def _fetch_bars(self, call: WindowCall) -> list[Bar]:
        """The vendor's bars of `call`, in any order, some outside its window allowed."""
        raise NotImplementedError


def aggregate(bars: Sequence[Bar], timeframe: Timeframe) -> list[Bar]:
    """Bars of a smaller timeframe merged into `timeframe`'s epoch-aligned bars (oldest first);
    VWAP volume-weighted where every part has one, trade counts summed."""
    groups: dict[datetime, list[Bar]] = {}
    for bar in sorted(bars, key=lambda b: b.start):
        groups.setdefault(timeframe.floor(bar.start), []).append(bar)
    merged: list[Bar] = []
    for at, parts in groups.items():
        volume = sum((p.volume for p in parts), Decimal(0))
        vwaps = [p.vwap for p in parts]
        vwap = None
        if volume > 0 and all(v is not None for v in vwaps):
            vwap = sum((p.vwap * p.volume for p in parts if p.vwap is not None), Decimal(0))
            vwap = vwap / volume
        merged.append(rolled_up(parts, at, timeframe, vwap))
    return merged


def make_bar(
    provider: str,
    symbol: str,
    timeframe: Timeframe,
    start: datetime,
    ohlcv: tuple[Decimal, Decimal, Decimal, Decimal, Decimal],
    *,
    vwap: Decimal | None = None,
    trades: int | None = None,
) -> Bar:
    """A Bar, or ProviderError when the vendor's numbers are not a bar (high below close...)."""
    open_, high, low, close, volume = ohlcv
    try:
        return Bar(symbol, timeframe, start, open_, high, low, close, volume, vwap, trades)
    except ValueError as exc:
        raise ProviderError(provider, f"bad bar for {symbol}: {exc}") from None


def with_reference_closes(
    provider: str,
    symbol: str,
    splits: Sequence[tuple[date, Decimal]],
    dividends: Sequence[tuple[date, Decimal]],
    daily: Sequence[Bar],
) -> list[CorporateAction]:
    """Actions by ex date; a dividend's reference close is the last daily close before its ex
    date (a dividend with no such bar, or a close not above the amount, is left out: it cannot
    adjust anything Bulwark holds)."""
    if any(ratio <= 0 for _day, ratio in splits):
        raise ProviderError(provider, f"bad split ratio for {symbol}")
    closes = sorted((b.start.date(), b.close) for b in daily)
    actions = [CorporateAction(symbol, ActionKind.SPLIT, day, ratio) for day, ratio in splits]
    for day, amount in dividends:
        before = [close for bar_day, close in closes if bar_day < day]
        if not before or before[-1] <= amount:
            continue
        actions.append(
            CorporateAction(symbol, ActionKind.DIVIDEND, day, amount, reference_close=before[-1])
        )
    return sorted(actions, key=lambda a: (a.ex_date, a.kind.value))
