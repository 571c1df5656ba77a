"""ESG use cases: a portfolio's score with coverage, exclusion screens, carbon figures, and
one issuer's data. Holdings are posted or read from one of the caller's portfolios
(application/portfolio/portfolio_values.py); data comes through the EsgDataPort. The domain
functions run within the compute budget. Nothing is stored.

Refusals: 422 INVALID_ESG_INPUT naming the field (`holdings[3].value`, `thresholds.tobacco`,
`currency` for carbon figures of a portfolio not in USD), 404 PORTFOLIO_NOT_FOUND for a
portfolio that is not the caller's, 503 ESG_DATA_UNAVAILABLE when the data file is unreadable.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Generic, TypeVar

from application.core.compute_budget import ComputeBudget
from application.portfolio.portfolio_values import PostedHolding, ValuedHoldings, valued_holdings
from application.portfolio.portfolios import PortfolioService
from domain.analytics.esg.carbon import CarbonReport, carbon
from domain.analytics.esg.model import EsgHolding, EsgRecord, ExclusionCategory, InvalidEsgInput
from domain.analytics.esg.portfolio import EsgScore, ScreenReport, esg_score, screen
from domain.errors import NotFound
from domain.principals import Principal
from ports.analytics.esg import EsgDataPort, EsgDataset

T = TypeVar("T")
MAX_HOLDINGS = 5_000
DATA_CURRENCY = "USD"  # revenue and EVIC in the data are USD


class UnknownIssuer(NotFound):
    """The ESG data has no issuer of this symbol (404)."""

    code = "UNKNOWN_ISSUER"


@dataclass(frozen=True, slots=True)
class EsgQuery:
    """Exactly one of `holdings` (with their `currency`) or `portfolio_id`."""

    holdings: Sequence[PostedHolding] | None = None
    portfolio_id: str | None = None
    currency: str = "USD"


@dataclass(frozen=True, slots=True)
class EsgView(Generic[T]):
    """A figure with the holdings it was computed on and the data it rests on."""

    result: T
    holdings: ValuedHoldings
    dataset: EsgDataset


@dataclass(eq=False)
class EsgService:
    data: EsgDataPort
    budget: ComputeBudget
    portfolios: PortfolioService | None

    async def score(self, principal: Principal, query: EsgQuery) -> EsgView[EsgScore]:
        held, records = await self._inputs(principal, query)
        result = await self.budget.run("esg score", lambda: esg_score(_esg(held), records))
        return EsgView(result, held, await self.data.dataset())

    async def screen(
        self,
        principal: Principal,
        query: EsgQuery,
        thresholds: Mapping[str, Decimal] | None = None,
    ) -> EsgView[ScreenReport]:
        applied = None if thresholds is None else _thresholds(thresholds)
        held, records = await self._inputs(principal, query)
        result = await self.budget.run("esg screen", lambda: screen(_esg(held), records, applied))
        return EsgView(result, held, await self.data.dataset())

    async def carbon(self, principal: Principal, query: EsgQuery) -> EsgView[CarbonReport]:
        held, records = await self._inputs(principal, query)
        if held.currency != DATA_CURRENCY:
            field = "currency" if query.portfolio_id is None else "portfolio_id"
            raise InvalidEsgInput(
                f"carbon figures divide by USD revenue and EVIC: holdings must be in USD, "
                f"not {held.currency} (no FX conversion)",
                field=field,
            )
        result = await self.budget.run("esg carbon", lambda: carbon(_esg(held), records))
        return EsgView(result, held, await self.data.dataset())

    async def issuer(self, symbol: str) -> tuple[EsgRecord, EsgDataset]:
        record = await self.data.record(symbol[:32])
        if record is None:
            raise UnknownIssuer(f"the ESG data has no issuer {symbol[:32]!r}", field="symbol")
        return record, await self.data.dataset()

    async def dataset(self) -> EsgDataset:
        return await self.data.dataset()

    async def _inputs(
        self, principal: Principal, query: EsgQuery
    ) -> tuple[ValuedHoldings, dict[str, EsgRecord]]:
        held = await valued_holdings(
            self.portfolios,
            principal,
            holdings=query.holdings,
            portfolio_id=query.portfolio_id,
            currency=query.currency,
            max_holdings=MAX_HOLDINGS,
            error=InvalidEsgInput,
        )
        if not held.values:
            raise InvalidEsgInput(
                "the portfolio holds no priced position in its base currency: nothing to score",
                field="portfolio_id",
            )
        records = await self.data.records(sorted({s for s, _ in held.values}))
        return held, records


def _esg(held: ValuedHoldings) -> list[EsgHolding]:
    return [EsgHolding(symbol, value) for symbol, value in held.values]


def _thresholds(given: Mapping[str, Decimal]) -> dict[ExclusionCategory, Decimal]:
    known = {c.value: c for c in ExclusionCategory}
    applied = {}
    for name, value in given.items():
        category = known.get(name)
        if category is None:
            raise InvalidEsgInput(
                f"unknown category {name[:40]!r}; one of {', '.join(sorted(known))}",
                field=f"thresholds.{name[:40]}",
            )
        applied[category] = value
    if not applied:
        raise InvalidEsgInput("thresholds names no category", field="thresholds")
    return applied
