"""The market-data port's base fake (ports/market_data/marketdata.py: MarketDataProvider), and
the replay provider over the fixture files, read once per process."""

from __future__ import annotations

import functools
from collections.abc import AsyncIterator, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import pytest

from adapters.market_data.replay import ReplayMarketData
from adapters.market_data.replay_files import ReplayData, load_replay
from domain.market_data.bars import Bar, Timeframe
from domain.market_data.book import OrderBook
from domain.market_data.options import OptionChain
from ports.core.clock import Clock
from ports.market_data.marketdata import ProviderError, Quote, QuoteUnavailable, RateLimitUsage


@contextmanager
def raises_unknown_symbol() -> Iterator[None]:
    """The block raises QuoteUnavailable: a symbol the provider does not know, which is no
    failure of the provider (not a ProviderError)."""
    with pytest.raises(QuoteUnavailable) as raised:
        yield
    assert not isinstance(raised.value, ProviderError)


@dataclass(frozen=True)
class BarAsk:
    """One call of a BarSource's bars(): what was asked, as the port takes it."""

    symbol: str
    timeframe: Timeframe
    start: datetime | None
    end: datetime | None
    limit: int


class ServesBars:
    """A BarSource fake: bars() takes the port's arguments and hands them, as one BarAsk, to
    serve(), the one method a fake writes; it knows no symbol until then."""

    async def bars(
        self,
        symbol: str,
        timeframe: Timeframe,
        *,
        start: datetime | None = None,
        end: datetime | None = None,
        limit: int = 500,
    ) -> list[Bar]:
        return await self.serve(BarAsk(symbol, timeframe, start, end, limit))

    async def serve(self, ask: BarAsk) -> list[Bar]:
        raise QuoteUnavailable(ask.symbol)


class OffersNothing(ServesBars):
    """A MarketDataProvider that knows no symbol: every read raises QuoteUnavailable, reference
    prices are empty, it has no stream and no budget. A fake answers what its tests need by
    overriding those reads (bars through serve()) and inherits the rest."""

    name: str = "nothing"

    async def quote(self, symbol: str) -> Quote:
        raise QuoteUnavailable(symbol)

    async def reference_prices(self, symbols: list[str]) -> dict[str, Decimal]:
        return {}

    async def order_book(self, symbol: str, depth: int = 10) -> OrderBook:
        raise QuoteUnavailable(symbol)

    async def option_chain(self, underlying: str, expiry: date | None = None) -> OptionChain:
        raise QuoteUnavailable(underlying)

    async def stream_quotes(self, symbols: Sequence[str]) -> AsyncIterator[Quote]:
        raise ProviderError(self.name, "no stream")
        yield  # pragma: no cover

    def rate_limit(self) -> RateLimitUsage | None:
        return None


REPLAY_FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "replay"


@functools.cache
def replay_fixture(folder: str) -> ReplayData:
    """The replay fixture files of `folder` ("csv" or "parquet"), read once per process: the
    rows are immutable, and each test builds its own provider over them."""
    return load_replay(REPLAY_FIXTURES / folder)


def replay_provider(folder: str, clock: Clock, *, speed: float | None = None) -> ReplayMarketData:
    """A replay provider over the fixture rows of `folder`, on `clock`."""
    data = replay_fixture(folder)
    return ReplayMarketData(clock, bars=data.bars, quotes=data.quotes, speed=speed)
