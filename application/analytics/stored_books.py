"""The books a stored attribution weighs, read from the ledger, the bar store and the
instruments (application/analytics/stored_attribution.py has the conventions).

Per period: the portfolio's book (its ledger's shares per symbol after the trades on or
before the period's start, every account together; a symbol last traded in another currency
than the portfolio's base is left out and named) and the benchmark's (a benchmark
portfolio's the same way, or the constituents' weights over their closes at the period's
start). Per boundary: the close in force of every symbol weighed on either side of it (the
last stored adjusted daily close on or before the day, at most MAX_CLOSE_AGE days old).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from application.core.stored_closes import daily_closes_between
from application.core.stored_instruments import stored_sectors
from domain.market_data.daily_closes import DailyCloses
from domain.portfolio.holdings import holdings
from domain.portfolio.holdings_attribution import Constituent as Constituent  # in its requests
from domain.portfolio.stored_periods import InsufficientStoredHistory, book_value, book_weights
from ports.core.unit_of_work import UnitOfWorkFactory
from ports.market_data.bar_store import BarStore
from ports.portfolio.portfolios import Portfolio, PortfolioStore

MAX_CLOSE_AGE = 7  # calendar days: a weekend and a holiday or two
NAMED = 8  # symbols named in a refusal


@dataclass(frozen=True, slots=True)
class Book:
    """What one side holds through one period: units per symbol."""

    units: dict[str, float]

    def weights(self, prices: Mapping[str, float]) -> dict[str, float]:
        return book_weights(self.units, prices)


@dataclass(frozen=True, slots=True)
class Books:
    portfolio: tuple[Book, ...]  # one per period
    benchmark: tuple[Book, ...]
    prices: tuple[dict[str, float], ...]  # one per boundary: the closes in force
    closes: dict[str, DailyCloses]
    sectors: dict[str, str]  # symbol -> sector
    sector_names: tuple[str, ...]  # sorted
    left_out: tuple[str, ...]


def _named(symbols: Sequence[str]) -> str:
    more = f" and {len(symbols) - NAMED} more" if len(symbols) > NAMED else ""
    return ", ".join(symbols[:NAMED]) + more


@dataclass(eq=False)
class StoredBooks:
    store: PortfolioStore
    uow_factory: UnitOfWorkFactory
    bars: BarStore

    async def read(
        self,
        mine: Portfolio,
        theirs: Portfolio | None,
        constituents: Sequence[Constituent],
        bounds: Sequence[date],
        since: date,
    ) -> Books:
        """The books of every period of `bounds`, closes read from `since` (module doc)."""
        left_out: dict[str, None] = {}
        starts = bounds[:-1]
        held = await self._ledger(mine, starts, left_out)
        other = await self._ledger(theirs, starts, left_out) if theirs else None
        weights = {c.symbol: c.weight for c in constituents if c.weight > 0.0}
        symbols = sorted({s for q in (*held, *(other or ())) for s in q} | set(weights))
        first = min(since, bounds[0]) - timedelta(days=MAX_CLOSE_AGE)
        closes = await daily_closes_between(self.bars, symbols, first, bounds[-1])
        needed = [set(held[0]) | set(other[0] if other else weights)]
        for i in range(1, len(bounds)):
            before = set(held[i - 1]) | set(other[i - 1] if other else weights)
            after = set(held[i]) | set(other[i] if other else weights) if i < len(starts) else set()
            needed.append(before | after)
        prices = tuple(
            _prices(closes, sorted(n), day) for n, day in zip(needed, bounds, strict=True)
        )
        portfolio = tuple(_book(q, prices[i], "portfolio", starts[i]) for i, q in enumerate(held))
        if other is not None:
            benchmark = tuple(
                _book(q, prices[i], "benchmark portfolio", starts[i]) for i, q in enumerate(other)
            )
        else:
            total = math.fsum(weights.values())
            benchmark = tuple(
                Book({s: w / total / prices[i][s] for s, w in weights.items()})
                for i in range(len(starts))
            )
        named = {c.symbol: c.sector for c in constituents if c.sector}
        sectors = await stored_sectors(self.uow_factory, symbols, named)
        return Books(
            portfolio, benchmark, prices, closes, sectors, tuple(sorted(set(sectors.values()))),
            tuple(left_out),
        )  # fmt: skip

    async def _ledger(
        self, portfolio: Portfolio, starts: Sequence[date], left_out: dict[str, None]
    ) -> list[dict[str, float]]:
        """Shares per symbol held at each start (symbols in another currency left out)."""
        txs = await self.store.list_transactions(portfolio.id)
        found = []
        for day in starts:
            position = holdings(txs, until=day)
            quantities = {}
            for symbol, quantity in sorted(position.symbol_quantities().items()):
                currency = position.currencies.get(symbol, portfolio.base_currency)
                if currency != portfolio.base_currency:
                    left_out[f"{portfolio.id} {symbol}: held in {currency}, not "
                             f"{portfolio.base_currency}"] = None  # fmt: skip
                    continue
                quantities[symbol] = float(quantity)
            found.append(quantities)
        return found


def _prices(
    closes: Mapping[str, DailyCloses], symbols: Sequence[str], day: date
) -> dict[str, float]:
    found: dict[str, float] = {}
    for symbol in symbols:
        stored = closes.get(symbol)
        close = stored.on_or_before(day, MAX_CLOSE_AGE) if stored is not None else None
        if close is not None and close > 0.0:
            found[symbol] = close
    missing = [s for s in symbols if s not in found]
    if missing:
        raise InsufficientStoredHistory(
            f"no stored daily close of {_named(missing)} on {day} or in the {MAX_CLOSE_AGE} days "
            "before it: backfill their daily bars (docs/bar-store.md) or choose other dates",
            field="start",
        )
    return found


def _book(quantities: dict[str, float], prices: Mapping[str, float], side: str, day: date) -> Book:
    if not quantities or not book_value(quantities, prices) > 0.0:
        raise InsufficientStoredHistory(
            f"the {side} holds nothing of positive value on {day}: start the range on or after "
            "its first holding",
            field="start",
        )
    return Book(quantities)
