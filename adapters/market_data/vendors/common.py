"""What the vendor adapters share: windows of bars, daily bars' starts, numbers, "not offered"."""

from __future__ import annotations

from collections.abc import (
    AsyncGenerator,
    Awaitable,
    Callable,
    Iterable,
    Iterator,
    Mapping,
    Sequence,
)
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal, InvalidOperation
from typing import Any
from zoneinfo import ZoneInfo

from adapters.market_data.quotes_each import known_quotes
from adapters.vendor_http.client import VendorHttp
from domain.market_data.bars import Bar, Timeframe
from domain.market_data.book import OrderBook
from domain.market_data.corporate_actions import ActionKind, CorporateAction
from domain.market_data.options import OptionChain
from ports.core.clock import Clock
from ports.market_data.marketdata import ProviderError, Quote, RateLimitUsage

NEW_YORK = ZoneInfo("America/New_York")


def not_offered(provider: str, what: str) -> ProviderError:
    """The port's "not offered" error: not retryable, so the failover asks the next one."""
    return ProviderError(provider, f"{what} is not offered by {provider}", retryable=False)


@contextmanager
def parsing(provider: str, what: str) -> Iterator[None]:
    """A malformed answer (missing key, wrong type, bad number) as one clear ProviderError."""
    try:
        yield
    except (KeyError, TypeError, ValueError, IndexError, InvalidOperation, AttributeError) as exc:
        detail = f"missing {exc}" if isinstance(exc, KeyError) else str(exc) or type(exc).__name__
        raise ProviderError(provider, f"malformed {what}: {detail}") from None


def dec(value: Any) -> Decimal:
    """A vendor number (JSON number or numeric string) as a finite Decimal."""
    if isinstance(value, bool) or value is None:
        raise ValueError(f"expected a number, got {value!r}")
    number = Decimal(str(value))
    if not number.is_finite():
        raise ValueError(f"expected a finite number, got {value!r}")
    return number


def day_start(day: date) -> datetime:
    """A daily bar's start: midnight UTC of its trading date (as the Alpaca adapter does)."""
    return datetime.combine(day, time(0), UTC)


def lookback_start(timeframe: Timeframe, limit: int, end: datetime) -> datetime:
    """A start wide enough for `limit` bars across nights, weekends and holidays."""
    return end - (timeframe.delta * limit * 3 + timedelta(days=5))


async def batched_prices(
    symbols: Iterable[str],
    size: int,
    quotes_of: Callable[[list[str]], Awaitable[Mapping[str, Quote]]],
) -> dict[str, Decimal]:
    """The mid prices of `symbols` (each asked once), `size` symbols a call to `quotes_of` (a
    batch's quotes by symbol); a symbol without a quote or a positive mid is left out."""
    wanted = list(dict.fromkeys(symbols))
    found: dict[str, Quote] = {}
    for i in range(0, len(wanted), size):
        found.update(await quotes_of(wanted[i : i + size]))
    return {s: found[s].mid for s in wanted if s in found and found[s].mid > 0}


def wants_no_bars(start: datetime | None, end: datetime | None, limit: int) -> bool:
    """Whether a bars call can have no answer but none: no room (`limit` below one) or an
    empty [start, end)."""
    return limit <= 0 or (start is not None and end is not None and start >= end)


def finish(
    bars: Iterable[Bar],
    start: datetime | None,
    end: datetime | None,
    limit: int,
) -> list[Bar]:
    """The bars in [start, end), deduplicated by start, oldest first; the first `limit` from
    `start`, else the latest `limit`."""
    by_start = {
        bar.start: bar
        for bar in bars
        if (start is None or bar.start >= start) and (end is None or bar.start < end)
    }
    ordered = [by_start[at] for at in sorted(by_start)]
    return ordered[:limit] if start is not None else ordered[-limit:]


def dividends_with_closes(
    symbol: str, dividends: Iterable[tuple[date, Decimal]], daily: Sequence[Bar]
) -> list[CorporateAction]:
    """Cash dividends with the close of the last daily bar before each ex date (those whose
    close is not in `daily`, or is not above the amount, are left out)."""
    closes = sorted((bar.start.date(), bar.close) for bar in daily)
    actions = []
    for ex_date, amount in dividends:
        before = [close for day, close in closes if day < ex_date]
        if not before or before[-1] <= amount or amount <= 0:
            continue
        actions.append(
            CorporateAction(
                symbol, ActionKind.DIVIDEND, ex_date, amount, reference_close=before[-1]
            )
        )
    return actions


def sorted_actions(
    actions: Iterable[CorporateAction], start: date, end: date
) -> list[CorporateAction]:
    """Actions with an ex date in [start, end), one per (kind, ex date), by ex date then kind."""
    kept = {a.key: a for a in actions if start <= a.ex_date < end}
    return sorted(kept.values(), key=lambda a: (a.ex_date, a.kind.value))


def parse_day(value: Any) -> date:
    return date.fromisoformat(str(value)[:10])


@dataclass(frozen=True, slots=True)
class BarCall:
    """A bars call as asked, and the range [lower, upper] to ask the vendor for: the asked
    one, or (without `start`) a lookback wide enough for `limit` bars before `end` or now."""

    symbol: str
    timeframe: Timeframe
    start: datetime | None
    end: datetime | None
    limit: int
    adjusted: bool
    lower: datetime
    upper: datetime

    def finish(self, bars: Iterable[Bar]) -> list[Bar]:
        """The answer of this call out of `bars` (see `finish`)."""
        return finish(bars, self.start, self.end, self.limit)


class VendorDefaults:
    """What a vendor adapter answers unless its vendor offers more: reference prices from its
    quotes, and "not offered" for corporate actions, order books, option chains and streams
    (a subclass overrides what its vendor offers)."""

    name: str

    async def quote(self, symbol: str) -> Quote:
        raise NotImplementedError

    async def reference_prices(self, symbols: list[str]) -> dict[str, Decimal]:
        """One quote call per symbol (concurrently); unknown symbols are left out, a provider
        failure (a rate limit included) fails the whole call."""
        quotes = await known_quotes(self.quote, dict.fromkeys(symbols))
        return {q.symbol: q.mid for q in quotes if q.mid > 0}

    async def corporate_actions(self, symbol: str, start: date, end: date) -> list[CorporateAction]:
        raise not_offered(self.name, "corporate actions")

    async def order_book(self, symbol: str, depth: int = 10) -> OrderBook:
        raise not_offered(self.name, "an order book")

    async def option_chain(self, underlying: str, expiry: date | None = None) -> OptionChain:
        raise not_offered(self.name, "an option chain")

    async def stream_quotes(self, symbols: Sequence[str]) -> AsyncGenerator[Quote, None]:
        raise not_offered(self.name, "a quote stream")
        yield  # pragma: no cover - makes this an async generator


class VendorAdapter(VendorDefaults):
    """A vendor over HTTP: its VendorHttp, budget and cost."""

    def __init__(self, http: VendorHttp, clock: Clock) -> None:
        self._http = http
        self._clock = clock
        self.name = http.name

    async def bars(
        self,
        symbol: str,
        timeframe: Timeframe,
        *,
        start: datetime | None = None,
        end: datetime | None = None,
        limit: int = 500,
        adjusted: bool = True,
    ) -> list[Bar]:
        """No bars for a call that wants none; otherwise the vendor's bars (`_fetch_bars`)
        in [start, end), cut to `limit` (see `finish`)."""
        if wants_no_bars(start, end, limit):
            return []
        upper = end or self._clock.now()
        lower = start or lookback_start(timeframe, limit, upper)
        call = BarCall(symbol, timeframe, start, end, limit, adjusted, lower, upper)
        return call.finish(await self._fetch_bars(call))

    async def _fetch_bars(self, call: BarCall) -> list[Bar]:
        """The vendor's bars of `call`, in any order, a range wider than asked allowed."""
        raise NotImplementedError

    @property
    def spent(self) -> Decimal:
        return self._http.spent

    def rate_limit(self) -> RateLimitUsage | None:
        return self._http.rate_limit()

    async def aclose(self) -> None:
        await self._http.aclose()
