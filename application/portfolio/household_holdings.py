"""Everything one user holds, read from the stores, each part with its source and as-of date.

`HouseholdHoldingsReader.read(owner_id, currency)` sums, in `currency` (no FX conversion):

- TRADING_ACCOUNT: each OPEN trading account of the owner, its equity (cash plus positions
  at reference prices), as of now. An account whose currency differs is left out (CURRENCY),
  one holding a position without a reference price too (UNPRICED), and one held in a
  ledger portfolio whose value is counted is left out (IN_PORTFOLIO): counted once, there.
- PORTFOLIO: each ledger portfolio of the owner, its latest stored end-of-day value
  (ports/portfolio/portfolios.py ValuationPoint) within the last year; none: NO_VALUATION.
- ILLIQUID_ASSET: each illiquid asset of the owner, its latest manual valuation; none:
  NO_VALUATION.
- LINKED_ACCOUNT: each account read through a linked (Plaid) item of the owner, its current
  balance as of the item's last sync; credit and loan balances are debts and count negative.
  No balance: NO_BALANCE; no stated currency or another one: CURRENCY.

Every read is by the owner's id and every record is checked to be the owner's again, so
another user's holdings are never counted. A source whose store is not given is skipped.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal

from domain.trading.account_profile import AccountStatus
from ports.aggregation.aggregation import AggregationStore
from ports.core.clock import Clock
from ports.core.unit_of_work import UnitOfWorkFactory
from ports.market_data.marketdata import MarketDataPort
from ports.portfolio.illiquid import IlliquidAssetStore
from ports.portfolio.portfolios import PortfolioStore

ZERO = Decimal(0)
PAGE = 200
VALUATION_LOOKBACK = timedelta(days=366)
DEBT_TYPES = frozenset({"credit", "loan"})

TRADING_ACCOUNT = "TRADING_ACCOUNT"
PORTFOLIO = "PORTFOLIO"
ILLIQUID_ASSET = "ILLIQUID_ASSET"
LINKED_ACCOUNT = "LINKED_ACCOUNT"


@dataclass(frozen=True, slots=True)
class HoldingPart:
    """One holding counted: `value` in the household's currency (negative for a debt)."""

    source: str
    id: str
    name: str
    value: Decimal
    as_of: date


@dataclass(frozen=True, slots=True)
class LeftOutHolding:
    """One holding not counted; reason CURRENCY, UNPRICED, IN_PORTFOLIO, NO_VALUATION or
    NO_BALANCE."""

    source: str
    id: str
    reason: str


@dataclass(frozen=True, slots=True)
class HouseholdHoldings:
    currency: str
    parts: tuple[HoldingPart, ...]
    left_out: tuple[LeftOutHolding, ...]

    @property
    def total(self) -> Decimal:
        return sum((p.value for p in self.parts), ZERO)

    def total_of(self, source: str) -> Decimal:
        return sum((p.value for p in self.parts if p.source == source), ZERO)

    def count_of(self, source: str) -> int:
        return sum(1 for p in self.parts if p.source == source)


@dataclass(eq=False)
class HouseholdHoldingsReader:
    """Reads the stores it is given (module doc); trading accounts always."""

    uow_factory: UnitOfWorkFactory
    market_data: MarketDataPort
    clock: Clock
    portfolios: PortfolioStore | None = None
    illiquid: IlliquidAssetStore | None = None
    linked: AggregationStore | None = None

    async def read(self, owner_id: str, currency: str) -> HouseholdHoldings:
        parts: list[HoldingPart] = []
        left_out: list[LeftOutHolding] = []
        in_counted_portfolio = await self._portfolios(owner_id, currency, parts, left_out)
        await self._accounts(owner_id, currency, in_counted_portfolio, parts, left_out)
        await self._illiquid(owner_id, currency, parts, left_out)
        await self._linked(owner_id, currency, parts, left_out)
        return HouseholdHoldings(currency, tuple(parts), tuple(left_out))

    async def _accounts(
        self,
        owner_id: str,
        currency: str,
        in_portfolio: set[str],
        parts: list[HoldingPart],
        left_out: list[LeftOutHolding],
    ) -> None:
        async with self.uow_factory() as uow:
            owned = await uow.accounts.list(owner_id)
        accounts = sorted(
            (a for a in owned if a.owner_id == owner_id and a.status is AccountStatus.OPEN),
            key=lambda a: a.id,
        )
        symbols = sorted({s for a in accounts for s, p in a.positions.items() if not p.is_flat})
        marks = await self.market_data.reference_prices(symbols) if symbols else {}
        today = self.clock.now().date()
        for account in accounts:
            held = [s for s, p in account.positions.items() if not p.is_flat]
            reason = None
            if account.id in in_portfolio:
                reason = "IN_PORTFOLIO"
            elif account.currency != currency:
                reason = "CURRENCY"
            elif not all(s in marks for s in held):
                reason = "UNPRICED"
            if reason is not None:
                left_out.append(LeftOutHolding(TRADING_ACCOUNT, account.id, reason))
                continue
            value = account.equity(marks)
            parts.append(HoldingPart(TRADING_ACCOUNT, account.id, account.name, value, today))

    async def _portfolios(
        self, owner_id: str, currency: str, parts: list[HoldingPart], left_out: list[LeftOutHolding]
    ) -> set[str]:
        """Counts each portfolio's latest value; answers the trading accounts they hold."""
        if self.portfolios is None:
            return set()
        today = self.clock.now().date()
        covered: set[str] = set()
        after = None
        while True:
            page = await self.portfolios.list_portfolios(owner_id, after=after, limit=PAGE)
            for portfolio in page:
                if portfolio.owner_id != owner_id:
                    continue
                if portfolio.base_currency != currency:
                    left_out.append(LeftOutHolding(PORTFOLIO, portfolio.id, "CURRENCY"))
                    continue
                points = await self.portfolios.valuations(
                    portfolio.id, today - VALUATION_LOOKBACK, today
                )
                if not points:
                    left_out.append(LeftOutHolding(PORTFOLIO, portfolio.id, "NO_VALUATION"))
                    continue
                last = max(points, key=lambda p: p.day)
                parts.append(
                    HoldingPart(
                        PORTFOLIO, portfolio.id, portfolio.name, last.market_value, last.day
                    )
                )
                covered.update(a.id for a in portfolio.accounts if a.kind == "trading")
            if len(page) < PAGE:
                return covered
            after = page[-1].id

    async def _illiquid(
        self, owner_id: str, currency: str, parts: list[HoldingPart], left_out: list[LeftOutHolding]
    ) -> None:
        if self.illiquid is None:
            return
        after = None
        while True:
            page = await self.illiquid.list_assets(owner_id, after=after, limit=PAGE)
            mine = [a for a in page if a.owner_id == owner_id]
            latest = await self.illiquid.latest_valuations([a.id for a in mine]) if mine else {}
            for asset in mine:
                valuation = latest.get(asset.id)
                if asset.currency != currency:
                    left_out.append(LeftOutHolding(ILLIQUID_ASSET, asset.id, "CURRENCY"))
                elif valuation is None:
                    left_out.append(LeftOutHolding(ILLIQUID_ASSET, asset.id, "NO_VALUATION"))
                else:
                    parts.append(
                        HoldingPart(
                            ILLIQUID_ASSET, asset.id, asset.name, valuation.value, valuation.as_of
                        )
                    )
            if len(page) < PAGE:
                return
            after = page[-1].id

    async def _linked(
        self, owner_id: str, currency: str, parts: list[HoldingPart], left_out: list[LeftOutHolding]
    ) -> None:
        if self.linked is None:
            return
        for item in await self.linked.items_of(owner_id):
            if item.owner_id != owner_id:
                continue
            synced: datetime = item.last_synced_at or item.created_at
            for account in await self.linked.accounts_of(owner_id, item.id):
                if account.owner_id != owner_id:
                    continue
                if account.current_balance is None:
                    left_out.append(LeftOutHolding(LINKED_ACCOUNT, account.id, "NO_BALANCE"))
                elif account.currency != currency:
                    left_out.append(LeftOutHolding(LINKED_ACCOUNT, account.id, "CURRENCY"))
                else:
                    sign = -1 if account.type.lower() in DEBT_TYPES else 1
                    value = sign * account.current_balance
                    parts.append(
                        HoldingPart(LINKED_ACCOUNT, account.id, account.name, value, synced.date())
                    )
