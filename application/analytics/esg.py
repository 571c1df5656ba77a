"""ESG use cases: a portfolio's score with coverage, exclusion screens, carbon figures, and
one issuer's data. Holdings are posted, or read from one of the caller's ledger portfolios
or trading accounts (application/analytics/stored_holdings.py: positions by market value;
an account's shorts are left out and named, cash is never a holding and is reported beside
them); data comes through the EsgDataPort. The domain functions run within the compute
budget. Nothing is stored.

Refusals: 422 INVALID_ESG_INPUT naming the field (`holdings[3].value`, `thresholds.tobacco`,
`currency` for carbon figures of a portfolio not in USD), 404 PORTFOLIO_NOT_FOUND for a
portfolio that is not the caller's (NOT_FOUND for an account), 503 ESG_DATA_UNAVAILABLE when
the data file is unreadable.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Generic, TypeVar

from application.analytics.stored_holdings import StoredHoldings, longs_only
from application.core.compute_budget import ComputeBudget
from application.portfolio.portfolio_values import PostedHolding, ValuedHoldings
from application.portfolio.portfolios import PortfolioService
from domain.analytics.esg.carbon import CarbonReport, carbon
from domain.analytics.esg.model import EsgHolding, EsgRecord, ExclusionCategory, InvalidEsgInput
from domain.analytics.esg.portfolio import EsgScore, ScreenReport, esg_score, screen
from domain.errors import NotFound
from domain.principals import Principal
from ports.analytics.esg import EsgDataPort, EsgDataset
from ports.core.unit_of_work import UnitOfWorkFactory
from ports.market_data.marketdata import MarketDataPort

T = TypeVar("T")
MAX_HOLDINGS = 5_000
DATA_CURRENCY = "USD"  # revenue and EVIC in the data are USD


class UnknownIssuer(NotFound):
    """The ESG data has no issuer of this symbol (404)."""

    code = "UNKNOWN_ISSUER"


@dataclass(frozen=True, slots=True)
class EsgQuery:
    """Exactly one of `holdings` (with their `currency`), `portfolio_id` or `account_id`."""

    holdings: Sequence[PostedHolding] | None = None
    portfolio_id: str | None = None
    currency: str = "USD"
    account_id: str | None = None

    @property
    def field(self) -> str:
        """The field the holdings came from."""
        if self.portfolio_id is not None:
            return "portfolio_id"
        return "account_id" if self.account_id is not None else "currency"


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
    uow_factory: UnitOfWorkFactory | None = None  # trading accounts (`account_id`)
    market_data: MarketDataPort | None = None

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
            field = query.field
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
        stored = StoredHoldings(self.uow_factory, self.market_data, self.portfolios)
        held = await stored.read(
            principal,
            holdings=query.holdings,
            portfolio_id=query.portfolio_id,
            account_id=query.account_id,
            currency=query.currency,
            max_holdings=MAX_HOLDINGS,
            error=InvalidEsgInput,
        )
        if query.account_id is not None:
            held = longs_only(held)  # a short is not an ownership stake to weigh
        if not held.values:
            what = "account" if query.account_id is not None else "portfolio"
            raise InvalidEsgInput(
                f"the {what} holds no priced long position in its currency: nothing to score"
                + (f" (left out: {', '.join(held.left_out[:10])})" if held.left_out else ""),
                field=query.field,
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
