"""Attribution of a stored portfolio against a benchmark's constituents over dated periods.

From stored data: the portfolio's ledger (its holdings at each period boundary, every
account of the portfolio together), daily closes (MarketDataProvider.bars, 1d: a symbol's
latest close on or before a boundary), and each symbol's sector (the instrument's, or the
one the benchmark constituent names; else UNCLASSIFIED). The caller names the boundaries
(d_0 < d_1 < ... <= today: period i runs d_i..d_i+1) and the benchmark: its constituents'
weights (held at each period start) and optionally factor returns, one per period.

Per period the portfolio weights are its holdings' values at the boundary's closes over
their sum (invested assets: cash is left out), each symbol's return close(d_i+1) /
close(d_i) - 1. Then Brinson-Fachler per sector (domain.portfolio.holdings_attribution),
linked over the periods by Carino (or Menchero), and, with factors, the regression of the
portfolio's period returns on them (domain.portfolio.factor_attribution). 422
INVALID_ATTRIBUTION_INPUT names the field (`boundaries`, `benchmark`, `factors`) or the
symbols without a close.
"""

from __future__ import annotations

import asyncio
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from itertools import pairwise
from typing import Protocol

from application.core.provider_closes import provider_closes
from application.core.stored_instruments import stored_sectors
from domain.portfolio.attribution import InvalidAttributionInput
from domain.portfolio.factor_attribution import FactorAttribution, factor_attribution
from domain.portfolio.holdings import holdings
from domain.portfolio.holdings_attribution import (
    Constituent as Constituent,  # in its requests
)
from domain.portfolio.holdings_attribution import (
    HoldingsAttribution,
    HoldingsPeriod,
    attribute_holdings,
)
from domain.portfolio.linking import LinkingMethod
from domain.principals import Principal
from ports.core.clock import Clock
from ports.core.unit_of_work import UnitOfWorkFactory
from ports.market_data.marketdata import MarketDataProvider, QuoteUnavailable
from ports.portfolio.portfolios import Portfolio, PortfolioStore

MAX_PERIODS = 120
MAX_CONSTITUENTS = 2_000


@dataclass(frozen=True, slots=True)
class StoredAttributionRequest:
    portfolio_id: str
    boundaries: tuple[date, ...]
    benchmark: tuple[Constituent, ...]
    factors: Mapping[str, tuple[float, ...]] = field(default_factory=dict)
    linking: LinkingMethod = LinkingMethod.CARINO


@dataclass(frozen=True, slots=True)
class StoredAttribution:
    portfolio_id: str
    boundaries: tuple[date, ...]
    brinson: HoldingsAttribution
    factors: FactorAttribution | None


def _bad(field_name: str, message: str) -> InvalidAttributionInput:
    return InvalidAttributionInput(message, field=field_name)


def _check(req: StoredAttributionRequest, today: date) -> None:
    days = req.boundaries
    if not 2 <= len(days) <= MAX_PERIODS + 1:
        raise _bad("boundaries", f"2 to {MAX_PERIODS + 1} dates")
    if any(b <= a for a, b in pairwise(days)) or days[-1] > today:
        raise _bad("boundaries", "dates must increase and end no later than today")
    if not 1 <= len(req.benchmark) <= MAX_CONSTITUENTS:
        raise _bad("benchmark", f"1 to {MAX_CONSTITUENTS} constituents")
    if len({c.symbol for c in req.benchmark}) != len(req.benchmark):
        raise _bad("benchmark", "a symbol is named twice")
    if any(not c.weight >= 0 for c in req.benchmark) or sum(c.weight for c in req.benchmark) <= 0:
        raise _bad("benchmark", "weights must be >= 0 and not all zero")
    for name, series in req.factors.items():
        if len(series) != len(days) - 1:
            raise _bad(f"factors.{name}", "one return per period")


class OwnedPortfolios(Protocol):
    """Who may see a portfolio: its owner (RebalancingService.owned_portfolio; else 404)."""

    async def owned_portfolio(self, principal: Principal, portfolio_id: str) -> Portfolio: ...


@dataclass(eq=False)
class StoredAttributionService:
    portfolios: PortfolioStore
    uow_factory: UnitOfWorkFactory
    market: MarketDataProvider
    clock: Clock
    owned: OwnedPortfolios

    async def attribute(
        self, principal: Principal, req: StoredAttributionRequest
    ) -> StoredAttribution:
        portfolio = await self.owned.owned_portfolio(principal, req.portfolio_id)
        _check(req, self.clock.now().date())
        rows = await self.portfolios.list_transactions(portfolio.id, limit=None)
        held = [holdings(rows, until=d).symbol_quantities() for d in req.boundaries[:-1]]
        symbols = sorted({s for h in held for s in h} | {c.symbol for c in req.benchmark})
        closes = await self._closes(symbols, req.boundaries[0], req.boundaries[-1])
        named = {c.symbol: c.sector for c in req.benchmark if c.sector}
        sector_of = await stored_sectors(self.uow_factory, symbols, named)
        periods = []
        for i, start in enumerate(req.boundaries[:-1]):
            end = req.boundaries[i + 1]
            needed = set(held[i]) | {c.symbol for c in req.benchmark}
            begin = {s: _close_on(closes[s], start) for s in needed}
            finish = {s: _close_on(closes[s], end) for s in needed}
            at_start = {s: p for s, p in begin.items() if p is not None}
            at_end = {s: p for s, p in finish.items() if p is not None}
            missing = sorted(needed - (at_start.keys() & at_end.keys()))
            if missing:
                raise _bad(
                    "boundaries", f"no daily close by {start} or {end} for {', '.join(missing)}"
                )
            values = {s: q * at_start[s] for s, q in held[i].items()}
            total = sum(values.values(), Decimal(0))
            if total <= 0:
                raise _bad("portfolio_id", f"the portfolio holds nothing priced on {start}")
            returns = {s: float(at_end[s] / at_start[s] - 1) for s in needed}
            periods.append(
                HoldingsPeriod(
                    {s: float(v / total) for s, v in values.items()},
                    {c.symbol: c.weight for c in req.benchmark},
                    returns,
                )
            )
        brinson = attribute_holdings(periods, sector_of, linking=req.linking)
        factors = None
        if req.factors:
            try:
                factors = factor_attribution(
                    [p.portfolio_return for p in brinson.periods],
                    {k: list(v) for k, v in req.factors.items()},
                )
            except ValueError as exc:  # too few periods for the factors, a non-finite return
                raise _bad("factors", str(exc)) from exc
        return StoredAttribution(portfolio.id, req.boundaries, brinson, factors)

    async def _closes(
        self, symbols: list[str], start: date, end: date
    ) -> dict[str, dict[date, Decimal]]:
        async def one(symbol: str) -> dict[date, Decimal]:
            try:
                return await provider_closes(self.market, symbol, start - timedelta(days=15), end)
            except QuoteUnavailable:
                return {}

        found = await asyncio.gather(*(one(s) for s in symbols))
        return dict(zip(symbols, found, strict=True))


def _close_on(closes: dict[date, Decimal], day: date) -> Decimal | None:
    before = [d for d in closes if d <= day]
    return closes[max(before)] if before else None
