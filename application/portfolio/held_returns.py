"""The annual return and volatility of what a user holds, fitted from stored daily closes.

The securities fitted: the positions of the owner's OPEN trading accounts, weighted by their
value at reference prices (positions without a price are left out of the weights). Their
split- and dividend-adjusted daily closes come from the bar history store, the last LOOKBACK
calendar days, on the days every security has one; the fit is the calibrated Monte Carlo's
(domain/analytics/montecarlo/calibration.py: at most WINDOW daily log returns, at least
MIN_OBSERVATIONS). From the portfolio's daily log return (mean m, standard deviation s):
volatility sigma = s sqrt(252), continuous drift mu = 252 m + sigma^2 / 2, and the plan's
expected simple annual return exp(mu) - 1 (E[1 + R_year] = exp(mu)).

Nothing held, no stored bars for a security, or too short a history gives `NoFit` naming
what is missing.
"""

from __future__ import annotations

import asyncio
import math
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from application.core.stored_closes import daily_closes
from domain.analytics.montecarlo.calibration import (
    MIN_OBSERVATIONS,
    TRADING_DAYS,
    WINDOW,
    NoCalibration,
    calibrate,
)
from domain.risk.held_correlation import common_closes
from domain.trading.account_profile import AccountStatus
from ports.core.clock import Clock
from ports.core.unit_of_work import UnitOfWorkFactory
from ports.market_data.bar_store import BarStore
from ports.market_data.marketdata import MarketDataPort

LOOKBACK = timedelta(days=760)  # WINDOW (504) daily returns and a margin for holidays
SOURCE = "bar history store: split- and dividend-adjusted daily closes of the held securities"


@dataclass(frozen=True, slots=True)
class FittedReturns:
    """The fit over `observations` daily returns from `first_day` to `last_day`."""

    annual_return: float
    annual_volatility: float
    symbols: tuple[str, ...]
    observations: int
    first_day: date
    last_day: date
    window: int = WINDOW
    min_observations: int = MIN_OBSERVATIONS
    source: str = SOURCE


@dataclass(frozen=True, slots=True)
class NoFit:
    """Why nothing was fitted: a sentence naming what is missing."""

    reason: str
    symbols: tuple[str, ...] = ()
    min_observations: int = MIN_OBSERVATIONS


@dataclass(eq=False)
class HeldReturnsFitter:
    uow_factory: UnitOfWorkFactory
    market_data: MarketDataPort
    bars: Callable[[], BarStore]
    clock: Clock

    async def fit(self, owner_id: str) -> FittedReturns | NoFit:
        weights = await self._weights(owner_id)
        if not weights:
            return NoFit("no priced securities held in your open trading accounts to fit from")
        symbols = tuple(sorted(weights))
        now = self.clock.now()
        series = await daily_closes(self.bars(), symbols, now - LOOKBACK, now)
        missing = [s for s in symbols if s not in series or len(series[s]) == 0]
        if missing:
            return NoFit(f"no stored daily bars for {', '.join(missing)}", symbols)
        days, grid = common_closes({s: series[s].pairs() for s in symbols})
        total = sum(weights.values(), Decimal(0))
        shares = [float(weights[s] / total) for s in symbols]
        result = await asyncio.to_thread(calibrate, symbols, days, grid, shares)
        if isinstance(result, NoCalibration):
            return NoFit(result.reason, symbols)
        tails = result.portfolio
        sigma = tails.std * math.sqrt(TRADING_DAYS)
        mu = TRADING_DAYS * tails.mean + 0.5 * sigma * sigma
        return FittedReturns(
            math.expm1(mu), sigma, symbols, result.observations, result.first_day, result.last_day
        )

    async def _weights(self, owner_id: str) -> dict[str, Decimal]:
        async with self.uow_factory() as uow:
            owned = await uow.accounts.list(owner_id)
        held = [
            p
            for a in owned
            if a.owner_id == owner_id and a.status is AccountStatus.OPEN
            for p in a.positions.values()
            if not p.is_flat
        ]
        symbols = sorted({p.symbol for p in held})
        marks = await self.market_data.reference_prices(symbols) if symbols else {}
        weights: dict[str, Decimal] = {}
        for position in held:
            if position.symbol in marks:
                value = abs(position.quantity) * marks[position.symbol] * position.multiplier
                weights[position.symbol] = weights.get(position.symbol, Decimal(0)) + value
        return {s: v for s, v in weights.items() if v > 0}
