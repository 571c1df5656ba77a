"""The inputs of an optimisation read from what is stored: a portfolio's or an account's
holdings, the bar store's daily closes, the instruments' sectors.

- Holdings (application/analytics/stored_holdings.py, shared with ESG and the liquidity
  stress): a ledger `portfolio_id` of the caller's (application/portfolio/portfolio_values.py:
  positions priced at their reference prices in the portfolio's base currency, summed by
  symbol across its accounts; cash and positions in another currency or without a price are
  left out, and named) or a trading `account_id` the caller may read (its open positions at
  their marks, signed: a short weighs negative). Another owner's id answers 404. The current
  weights w0 are the positions' market values over their total (the invested part; cash
  does not enter the optimisation), so the answer's turnover is measured from them.
- Returns: each symbol's daily closes (adjusted for splits and dividends) from the bar store
  over [start, end] (UTC days), on the days every symbol has a close; the simple returns of
  those closes go to the optimisation as posted prices would. A symbol with no close in the
  range is refused (422 STORED_INPUTS_MISSING naming it).
- Sectors, for `sector_limits` without posted `sectors`: each asset's stored instrument's.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

import numpy as np

from application.analytics.stored_holdings import StoredHoldings
from application.core.stored_closes import DailyCloses, daily_closes_between
from application.portfolio.portfolios import PortfolioService
from domain.analytics.optimization.errors import InvalidOptimizationInput, StoredInputsMissing
from domain.analytics.optimization.problem import (
    MAX_ASSETS,
    MAX_OBSERVATIONS,
    MIN_OBSERVATIONS,
    check_size,
)
from domain.principals import Principal
from ports.core.unit_of_work import UnitOfWorkFactory
from ports.market_data.bar_store import BarStore
from ports.market_data.marketdata import MarketDataPort

if TYPE_CHECKING:  # the use case imports this module
    from application.analytics.optimization import OptimizationRequest

ZERO = Decimal(0)
# Calendar days a request's range may span: ~MAX_OBSERVATIONS trading days.
MAX_RANGE_DAYS = MAX_OBSERVATIONS * 7 // 5


@dataclass(frozen=True, slots=True)
class StoredSource:
    """Where a stored optimisation's inputs came from."""

    portfolio_id: str | None
    account_id: str | None
    start: date
    end: date
    left_out: tuple[str, ...]  # "SYMBOL: why" (positions not weighed)


@dataclass(eq=False)
class StoredInputs:
    """Reads holdings, closes and sectors for OptimizationService (module doc)."""

    uow_factory: UnitOfWorkFactory
    market_data: MarketDataPort
    bars: BarStore | None = None
    portfolios: PortfolioService | None = None

    async def resolve(
        self, principal: Principal, request: OptimizationRequest
    ) -> tuple[OptimizationRequest, StoredSource]:
        """The request with assets, prices and current weights from what is stored."""
        if request.portfolio_id is not None and request.account_id is not None:
            raise InvalidOptimizationInput(
                "post a portfolio_id or an account_id, not both", field="account_id"
            )
        field = "portfolio_id" if request.portfolio_id is not None else "account_id"
        for name in ("returns", "prices", "covariance", "current_weights"):
            if getattr(request, name) is not None:
                raise InvalidOptimizationInput(
                    f"{name} come from the stored {field.removesuffix('_id')}: post one or "
                    "the other",
                    field=name,
                )
        start, end = _range(request.start, request.end)
        if request.portfolio_id is not None:
            held, left_out = await self._portfolio(principal, request.portfolio_id)
        else:
            assert request.account_id is not None
            held, left_out = await self._account(principal, request.account_id)
        total = sum((v for _, v in held), ZERO)
        if not held or total <= ZERO:
            raise StoredInputsMissing(
                f"the {field.removesuffix('_id')} holds no priced position of positive net "
                "value to weigh" + (f" (left out: {', '.join(left_out)})" if left_out else ""),
                field=field,
            )
        symbols = [s for s, _ in held]
        extra = [a for a in request.assets if a not in set(symbols)]
        universe = symbols + extra
        if len(universe) > MAX_ASSETS:
            raise InvalidOptimizationInput(
                f"at most {MAX_ASSETS:,} assets, the holdings and assets make {len(universe):,}",
                field=field,
            )
        prices = await self.closes(universe, start, end)
        current = {s: float(v / total) for s, v in held}
        source = StoredSource(request.portfolio_id, request.account_id, start, end, left_out)
        resolved = dataclasses.replace(
            request,
            assets=tuple(universe),
            prices=prices,
            current_weights=current,
            portfolio_id=None,
            account_id=None,
        )
        return resolved, source

    async def closes(self, symbols: Sequence[str], start: date, end: date) -> list[list[float]]:
        """Adjusted daily closes, oldest first, on the days every symbol has one."""
        if self.bars is None:
            raise StoredInputsMissing(
                "this instance keeps no bar store: post returns or prices", field="start"
            )
        check_size((end - start).days * 5 // 7 + 1, len(symbols), "start")  # before reading
        found = await daily_closes_between(self.bars, symbols, start, end)
        missing = [s for s in symbols if s not in found or len(found[s]) == 0]
        if missing:
            raise StoredInputsMissing(
                f"the bar store holds no daily close of {', '.join(missing[:5])} between "
                f"{start} and {end}: backfill it (bulwark bars backfill) or post prices",
                field="start",
            )
        return _aligned(symbols, found, start, end)

    async def sectors(self, assets: Sequence[str]) -> dict[str, str]:
        """Each asset's stored instrument's sector; refuses an asset with no instrument."""
        found: dict[str, str] = {}
        async with self.uow_factory() as uow:
            for asset in assets:
                instrument = await uow.instruments.get(asset)
                if instrument is None:
                    raise InvalidOptimizationInput(
                        f"{asset!r} has no stored instrument to read its sector from: post "
                        "sectors {asset: sector}",
                        field="sectors",
                    )
                found[asset] = instrument.sector
        return found

    async def _portfolio(
        self, principal: Principal, portfolio_id: str
    ) -> tuple[list[tuple[str, Decimal]], tuple[str, ...]]:
        held = await self._stored().read(
            principal, portfolio_id=portfolio_id, max_holdings=MAX_ASSETS,
            error=InvalidOptimizationInput,
        )  # fmt: skip
        return list(held.values), held.left_out

    async def _account(
        self, principal: Principal, account_id: str
    ) -> tuple[list[tuple[str, Decimal]], tuple[str, ...]]:
        held = await self._stored().account(
            principal, account_id, MAX_ASSETS, InvalidOptimizationInput
        )  # NotFound: not the caller's
        return list(held.values), held.left_out

    def _stored(self) -> StoredHoldings:
        return StoredHoldings(self.uow_factory, self.market_data, self.portfolios)


def _range(start: date | None, end: date | None) -> tuple[date, date]:
    if start is None or end is None:
        raise InvalidOptimizationInput(
            "a stored portfolio's returns are read from the bar store over start to end: post both",
            field="start" if start is None else "end",
        )
    if end <= start:
        raise InvalidOptimizationInput("end must be after start", field="end")
    if (end - start).days > MAX_RANGE_DAYS:
        raise InvalidOptimizationInput(
            f"at most {MAX_RANGE_DAYS:,} days from start to end", field="end"
        )
    return start, end


def _aligned(
    symbols: Sequence[str], found: dict[str, DailyCloses], start: date, end: date
) -> list[list[float]]:
    common = None
    for symbol in symbols:
        days = found[symbol].days
        common = days if common is None else np.intersect1d(common, days)
    assert common is not None
    if len(common) < MIN_OBSERVATIONS + 1:
        raise StoredInputsMissing(
            f"the bar store holds {len(common)} day(s) with a close of every symbol between "
            f"{start} and {end}: at least {MIN_OBSERVATIONS + 1} are needed",
            field="start",
        )
    columns = []
    for symbol in symbols:
        series = found[symbol]
        at = np.searchsorted(series.days, common)
        columns.append(series.closes[at])
    rows: list[list[float]] = np.column_stack(columns).tolist()
    return rows
