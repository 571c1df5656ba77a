"""The annual return and volatility of what a user holds, fitted from stored daily closes.

The securities fitted: everything the owner holds that has a market price history, from
three sources (the names are application/portfolio/household_holdings.py's):

- TRADING_ACCOUNT: the positions of the owner's OPEN trading accounts (|quantity| x the
  contract multiplier).
- PORTFOLIO: the holdings of each ledger portfolio of the owner, its stored transactions
  folded by domain/portfolio/holdings.py (shares per (account, symbol)). A ledger account
  that is one of the owner's trading accounts is counted once, from the trading account
  (its fills are booked in both).
- LINKED_ACCOUNT: the latest holdings snapshot of the owner's linked (Plaid) accounts, each
  holding with a ticker (upper-cased); cash securities (type "cash", "CUR:" tickers) are cash.

Each security is weighted by its value at reference prices (the market feed's), the same
symbol held in several places summed. Cash, illiquid assets and linked securities without a
ticker have no daily closes and stay out of the weights. A security without a reference
price (UNPRICED) or without stored daily bars (NO_BARS) is left out and named, with the
sources holding it (`FittedReturns.left_out`, and in words in its `source`, which the
answer shows); the rest are fitted. Their split- and dividend-adjusted daily closes come
from the bar history store, the last LOOKBACK calendar days, on the days every fitted security
has one; the fit is the calibrated Monte Carlo's (domain/analytics/montecarlo/calibration.py:
at most WINDOW daily log returns, at least MIN_OBSERVATIONS). From the portfolio's daily log
return (mean m, standard deviation s): volatility sigma = s sqrt(252), continuous drift
mu = 252 m + sigma^2 / 2, and the plan's expected simple annual return exp(mu) - 1
(E[1 + R_year] = exp(mu)).

Every read is by the owner's id and every record is checked to be the owner's again, so
another user's holdings never enter. A source whose store is not given is skipped. Nothing
priced held, no stored bars for any priced security, or too short a history gives `NoFit`
naming what is missing.
"""

from __future__ import annotations

import asyncio
import math
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from application.core.stored_closes import daily_closes
from application.portfolio.household_holdings import LINKED_ACCOUNT, PORTFOLIO, TRADING_ACCOUNT
from domain.analytics.montecarlo.calibration import (
    MIN_OBSERVATIONS,
    TRADING_DAYS,
    WINDOW,
    NoCalibration,
    calibrate,
)
from domain.portfolio.holdings import holdings
from domain.risk.held_correlation import common_closes
from domain.trading.account_profile import AccountStatus
from ports.aggregation.aggregation import AggregationStore
from ports.core.clock import Clock
from ports.core.unit_of_work import UnitOfWorkFactory
from ports.market_data.bar_store import BarStore
from ports.market_data.marketdata import MarketDataPort
from ports.portfolio.portfolios import PortfolioStore

UNPRICED = "UNPRICED"
NO_BARS = "NO_BARS"
LOOKBACK = timedelta(days=760)  # WINDOW (504) daily returns and a margin for holidays
SOURCE = "bar history store: split- and dividend-adjusted daily closes of the held securities"
HELD_IN = {
    TRADING_ACCOUNT: "trading accounts",
    PORTFOLIO: "ledger portfolios",
    LINKED_ACCOUNT: "linked accounts",
}
WHY = {UNPRICED: "no reference price", NO_BARS: "no stored daily bars"}
PAGE = 200
ZERO = Decimal(0)
SOURCE_ORDER = (TRADING_ACCOUNT, PORTFOLIO, LINKED_ACCOUNT)


@dataclass(frozen=True, slots=True)
class HeldUnits:
    """Units of one security held in one place: shares, or contracts x their multiplier."""

    source: str
    symbol: str
    units: Decimal


@dataclass(frozen=True, slots=True)
class FittedWeight:
    """One fitted security: its `value` at the reference price summed over the `sources`
    holding it, and `weight` = value / the fitted securities' total value."""

    symbol: str
    value: Decimal
    weight: Decimal
    sources: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class LeftOutSecurity:
    """A held security not fitted: `reason` UNPRICED (no reference price) or NO_BARS (no
    stored daily closes), with the sources holding it."""

    symbol: str
    reason: str
    sources: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class FittedReturns:
    """The fit over `observations` daily returns from `first_day` to `last_day`, of the
    `weights` (by symbol) held in `held_in` (the sources); `left_out` names what was not."""

    annual_return: float
    annual_volatility: float
    symbols: tuple[str, ...]
    observations: int
    first_day: date
    last_day: date
    weights: tuple[FittedWeight, ...] = ()
    left_out: tuple[LeftOutSecurity, ...] = ()
    held_in: tuple[str, ...] = ()
    window: int = WINDOW
    min_observations: int = MIN_OBSERVATIONS
    source: str = SOURCE


@dataclass(frozen=True, slots=True)
class NoFit:
    """Why nothing was fitted: a sentence naming what is missing."""

    reason: str
    symbols: tuple[str, ...] = ()
    min_observations: int = MIN_OBSERVATIONS
    left_out: tuple[LeftOutSecurity, ...] = ()


def _sources(held: list[HeldUnits], symbol: str) -> tuple[str, ...]:
    found = {h.source for h in held if h.symbol == symbol}
    return tuple(s for s in SOURCE_ORDER if s in found)


def _is_cash(symbol: str, security_type: str | None) -> bool:
    return security_type == "cash" or symbol.upper().startswith("CUR:")


@dataclass(eq=False)
class HeldReturnsFitter:
    """Fits what the owner holds (module doc); trading accounts always, the ledger and the
    linked accounts when their stores are given."""

    uow_factory: UnitOfWorkFactory
    market_data: MarketDataPort
    bars: Callable[[], BarStore]
    clock: Clock
    portfolios: PortfolioStore | None = None
    linked: AggregationStore | None = None

    async def fit(self, owner_id: str) -> FittedReturns | NoFit:
        held = await self.held(owner_id)
        values, left_out = await self._priced(held)
        if not values:
            named = f"; {_why(left_out)}" if left_out else ""
            return NoFit(
                "no priced securities held in your trading accounts, ledger portfolios or "
                f"linked accounts to fit from{named}",
                left_out=tuple(left_out),
            )
        priced = tuple(sorted(values))
        now = self.clock.now()
        series = await daily_closes(self.bars(), priced, now - LOOKBACK, now)
        no_bars = [s for s in priced if s not in series or len(series[s]) == 0]
        left_out += [LeftOutSecurity(s, NO_BARS, _sources(held, s)) for s in no_bars]
        left_out.sort(key=lambda x: x.symbol)
        fitted = tuple(s for s in priced if s not in no_bars)
        if not fitted:
            return NoFit(_why(left_out), priced, left_out=tuple(left_out))
        total = sum((values[s] for s in fitted), ZERO)
        weights = tuple(
            FittedWeight(s, values[s], values[s] / total, _sources(held, s)) for s in fitted
        )
        days, grid = common_closes({s: series[s].pairs() for s in fitted})
        shares = [float(w.weight) for w in weights]
        result = await asyncio.to_thread(calibrate, fitted, days, grid, shares)
        if isinstance(result, NoCalibration):
            return NoFit(result.reason, fitted, left_out=tuple(left_out))
        tails = result.portfolio
        sigma = tails.std * math.sqrt(TRADING_DAYS)
        mu = TRADING_DAYS * tails.mean + 0.5 * sigma * sigma
        held_in = tuple(s for s in SOURCE_ORDER if any(s in w.sources for w in weights))
        source = f"{SOURCE}; held in {_places(held_in)}"
        return FittedReturns(
            math.expm1(mu), sigma, fitted, result.observations, result.first_day,
            result.last_day, weights, tuple(left_out), held_in,
            source=f"{source}; left out: {_why(left_out)}" if left_out else source,
        )  # fmt: skip

    async def _priced(
        self, held: list[HeldUnits]
    ) -> tuple[dict[str, Decimal], list[LeftOutSecurity]]:
        """Each security's value at its reference price, summed over where it is held (those
        worth more than 0); the securities without a price."""
        symbols = sorted({h.symbol for h in held})
        marks = await self.market_data.reference_prices(symbols) if symbols else {}
        values: dict[str, Decimal] = {}
        for h in held:
            if h.symbol in marks:
                values[h.symbol] = values.get(h.symbol, ZERO) + h.units * marks[h.symbol]
        unpriced = [
            LeftOutSecurity(s, UNPRICED, _sources(held, s)) for s in symbols if s not in marks
        ]
        return {s: v for s, v in values.items() if v > 0}, unpriced

    async def held(self, owner_id: str) -> list[HeldUnits]:
        """What the owner holds of each security, source by source (module doc)."""
        traded, trading_ids = await self._trading(owner_id)
        return traded + await self._ledger(owner_id, trading_ids) + await self._linked(owner_id)

    async def _trading(self, owner_id: str) -> tuple[list[HeldUnits], set[str]]:
        async with self.uow_factory() as uow:
            owned = [a for a in await uow.accounts.list(owner_id) if a.owner_id == owner_id]
        held = [
            HeldUnits(TRADING_ACCOUNT, p.symbol, abs(p.quantity) * p.multiplier)
            for a in owned
            if a.status is AccountStatus.OPEN
            for p in a.positions.values()
            if not p.is_flat
        ]
        return held, {a.id for a in owned}

    async def _ledger(self, owner_id: str, trading_ids: set[str]) -> list[HeldUnits]:
        if self.portfolios is None:
            return []
        held: list[HeldUnits] = []
        after = None
        while True:
            page = await self.portfolios.list_portfolios(owner_id, after=after, limit=PAGE)
            for portfolio in page:
                if portfolio.owner_id != owner_id:
                    continue
                rows = await self.portfolios.list_transactions(portfolio.id)
                folded = holdings(tx for tx in rows if tx.portfolio_id == portfolio.id)
                held.extend(
                    HeldUnits(PORTFOLIO, symbol, abs(quantity))
                    for (account_id, symbol), quantity in sorted(folded.quantities.items())
                    if account_id not in trading_ids and quantity
                )
            if len(page) < PAGE:
                return held
            after = page[-1].id

    async def _linked(self, owner_id: str) -> list[HeldUnits]:
        if self.linked is None:
            return []
        held: list[HeldUnits] = []
        for item in await self.linked.items_of(owner_id):
            if item.owner_id != owner_id:
                continue
            accounts = {
                a.id for a in await self.linked.accounts_of(owner_id, item.id)
                if a.owner_id == owner_id
            }  # fmt: skip
            held.extend(
                HeldUnits(LINKED_ACCOUNT, h.symbol.upper(), h.quantity)
                for h in await self.linked.holdings_of(owner_id, item.id)
                if h.account_id in accounts
                and h.symbol
                and h.quantity > 0
                and not _is_cash(h.symbol, h.security_type)
            )
        return held


def _places(sources: tuple[str, ...]) -> str:
    """("TRADING_ACCOUNT", "PORTFOLIO") -> "trading accounts and ledger portfolios"."""
    words = [HELD_IN[s] for s in sources]
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} and {words[-1]}"


def _why(left_out: list[LeftOutSecurity]) -> str:
    """Each reason, its securities and where they are held: "no stored daily bars for QQQ
    (ledger portfolios); no reference price for XYZ (linked accounts)"."""
    return "; ".join(
        f"{WHY[reason]} for "
        + ", ".join(f"{x.symbol} ({_places(x.sources)})" for x in left_out if x.reason == reason)
        for reason in (NO_BARS, UNPRICED)
        if any(x.reason == reason for x in left_out)
    )
