"""Tax views of a user's ledger: open lots, realized gains, wash sales, Form 8949.

Every view is computed from ALL the caller's transactions (PortfolioStore.transactions_of_owner:
every portfolio, every account) because wash sales look across accounts, an IRA included; each
account's tax type and default lot method come from its Portfolio record. The engine
(domain.tax.engine.compute_tax_ledger) runs in a worker thread for ledgers larger than
`thread_threshold` rows so the event loop keeps serving. A `portfolio_id` filter narrows what
is LISTED, never what is computed; another user's portfolio is 404, like one that does not
exist. Tax years run 1970 .. this year + 1 (422 INVALID_TAX_INPUT naming `year` otherwise).

Conventions stated in every answer: the lot method of each account (a sale may override it),
the term rule ("held more than one year (IRS)": long when sold after the first anniversary of
the acquisition, the day after acquisition counting as day one), the currency of each figure
(the transaction's; Form 8949 wants US dollars), the tax year (calendar, by trade date).
Harvesting is in application/portfolio/tax_harvesting.py.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Sequence
from dataclasses import KW_ONLY, dataclass, replace
from datetime import date
from decimal import Decimal
from typing import TypeVar

from application.core.access import owned_by
from application.core.cursors import decode_json_cursor, encode_json_cursor
from application.portfolio.owner_ledger import OwnerLedger
from application.portfolio.tax_harvesting import (
    HarvestReport,
    HarvestRequest,
    check_request,
    grouping,
    plan_harvest,
)
from domain.errors import NotFound
from domain.principals import Principal
from domain.tax.brackets import DEFAULT_BRACKETS, InvalidTaxInput
from domain.tax.engine import compute_tax_ledger
from domain.tax.form8949 import form_8949_csv
from domain.tax.holding import holding_term
from domain.tax.lots import RealizedLot, TaxAccount, TaxLot, WashSale
from domain.tax.methods import AccountTaxType, LotMethod, Term
from ports.core.clock import Clock
from ports.core.unit_of_work import UnitOfWorkFactory
from ports.market_data.marketdata import MarketDataPort, MarketDataProvider
from ports.portfolio.portfolios import Portfolio, PortfolioStore
from ports.wealth.investor_profiles import InvestorProfileRepository

TERM_RULE = "held more than one year (IRS)"
MAX_PAGE = 500
FIRST_YEAR = 1970
THREAD_THRESHOLD = 5_000
_PORTFOLIO_PAGE = 500
MAX_CURSOR_LENGTH = 512
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class LotView:
    """An open lot with its account's terms and, when priced, its unrealized result."""

    lot: TaxLot
    portfolio_id: str | None
    tax_type: AccountTaxType
    lot_method: LotMethod
    term_today: Term
    price: Decimal | None
    unrealized: Decimal | None


@dataclass(frozen=True, slots=True)
class LotsPage:
    items: tuple[LotView, ...]
    next_cursor: str | None
    as_of: date


@dataclass(frozen=True, slots=True)
class TermTotals:
    """Sums of Form 8949 columns d, e, g, h for one term and currency (reportable rows)."""

    proceeds: Decimal = Decimal(0)
    cost_basis: Decimal = Decimal(0)
    wash_disallowed: Decimal = Decimal(0)
    gain: Decimal = Decimal(0)

    def plus(self, row: RealizedLot) -> TermTotals:
        return TermTotals(
            self.proceeds + row.proceeds,
            self.cost_basis + row.cost_basis,
            self.wash_disallowed + row.wash_disallowed,
            self.gain + row.gain,
        )


@dataclass(frozen=True, slots=True)
class RealizedPage:
    year: int
    items: tuple[RealizedLot, ...]
    next_cursor: str | None
    totals: dict[str, dict[Term, TermTotals]]  # currency -> term -> totals (whole year)
    lot_methods: dict[str, LotMethod]


@dataclass(frozen=True, slots=True)
class WashSaleView:
    wash: WashSale
    sale_date: date | None
    symbol: str | None
    currency: str | None


@dataclass(frozen=True, slots=True)
class WashSalesPage:
    year: int
    items: tuple[WashSaleView, ...]
    next_cursor: str | None
    lot_methods: dict[str, LotMethod]


def encode_cursor(key: Sequence[str]) -> str:
    """An opaque cursor for the position after the item of sort key `key`."""
    return encode_json_cursor(list(key))


def decode_cursor(cursor: str, parts: int) -> tuple[str, ...]:
    """The key an `encode_cursor` cursor stands for; 422 naming `cursor` for anything else."""
    try:
        if len(cursor) > MAX_CURSOR_LENGTH:
            raise ValueError(cursor)
        key = decode_json_cursor(cursor)
        if not (
            isinstance(key, list) and len(key) == parts and all(isinstance(k, str) for k in key)
        ):
            raise ValueError(cursor)
    except ValueError:
        raise InvalidTaxInput("cursor", "was not handed out by this listing") from None
    return tuple(key)


def page_of(
    items: Sequence[T],
    key: Callable[[T], tuple[str, ...]],
    parts: int,
    cursor: str | None,
    limit: int,
) -> tuple[tuple[T, ...], str | None]:
    """Items (sorted by `key`, a tuple of `parts` strings) after the cursor's key, at most
    `limit`, and the next cursor (None on the last page)."""
    if not 1 <= limit <= MAX_PAGE:
        raise InvalidTaxInput("limit", f"must be 1..{MAX_PAGE}, got {limit}")
    ordered = sorted(items, key=key)
    if cursor is not None:
        after = decode_cursor(cursor, parts)
        ordered = [item for item in ordered if key(item) > after]
    chosen = tuple(ordered[:limit])
    more = len(ordered) > limit
    return chosen, (encode_cursor(key(chosen[-1])) if more and chosen else None)


def check_year(year: int, today: date) -> int:
    if not FIRST_YEAR <= year <= today.year + 1:
        raise InvalidTaxInput("year", f"must be {FIRST_YEAR}..{today.year + 1}, got {year}")
    return year


def _lot_key(view: LotView) -> tuple[str, ...]:
    lot = view.lot
    return (lot.account_id, lot.symbol, lot.acquired.isoformat(), lot.id)


def _realized_key(row: RealizedLot) -> tuple[str, ...]:
    return (row.sold.isoformat(), row.sale_id, row.lot_id)


@dataclass(eq=False)
class TaxService:
    """The tax endpoints' reads (module doc)."""

    portfolios: PortfolioStore
    prices: MarketDataPort
    clock: Clock
    _: KW_ONLY
    history: MarketDataProvider | None = None
    uow_factory: UnitOfWorkFactory | None = None
    thread_threshold: int = THREAD_THRESHOLD
    profiles: InvestorProfileRepository | None = None

    def today(self) -> date:
        """The tax views' "today": the UTC date of the clock."""
        return self.clock.now().date()

    async def owner_ledger(
        self, owner_id: str, *, identical: Callable[[str], str] | None = None
    ) -> OwnerLedger:
        """Every portfolio, account and transaction of `owner_id`, and the ledger of them."""
        portfolios: list[Portfolio] = []
        after: str | None = None
        while True:
            batch = await self.portfolios.list_portfolios(
                owner_id, after=after, limit=_PORTFOLIO_PAGE
            )
            portfolios.extend(p for p in batch if p.owner_id == owner_id)
            if len(batch) < _PORTFOLIO_PAGE:
                break
            after = batch[-1].id
        accounts: dict[str, TaxAccount] = {}
        portfolio_of: dict[str, str] = {}
        for p in portfolios:
            for a in p.accounts:
                accounts[a.id] = TaxAccount(a.id, a.tax_type, a.lot_method)
                portfolio_of[a.id] = p.id
        txs = tuple(await self.portfolios.transactions_of_owner(owner_id))
        if len(txs) > self.thread_threshold:
            ledger = await asyncio.to_thread(compute_tax_ledger, txs, accounts, identical=identical)
        else:
            ledger = compute_tax_ledger(txs, accounts, identical=identical)
        return OwnerLedger(tuple(portfolios), accounts, portfolio_of, txs, ledger)

    async def owned_portfolio(self, principal: Principal, portfolio_id: str) -> Portfolio:
        """The caller's portfolio `portfolio_id`; 404 when absent or someone else's."""
        found = await self.portfolios.get_portfolio(portfolio_id)
        return owned_by(principal, found, NotFound(f"no portfolio {portfolio_id!r}"))

    async def lots(
        self, principal: Principal, *, portfolio_id: str | None, cursor: str | None, limit: int
    ) -> LotsPage:
        """The caller's open lots (of one portfolio when given), by account, symbol, date."""
        wanted = None
        if portfolio_id is not None:
            wanted = {a.id for a in (await self.owned_portfolio(principal, portfolio_id)).accounts}
        owned = await self.owner_ledger(principal.id)
        today = self.today()
        lots = [lot for lot in owned.ledger.open_lots if wanted is None or lot.account_id in wanted]
        views = [self._view(owned, lot, today, None) for lot in lots]
        chosen, next_cursor = page_of(views, _lot_key, 4, cursor, limit)
        symbols = sorted({v.lot.symbol for v in chosen})
        marks = await self.prices.reference_prices(symbols) if symbols else {}
        priced = tuple(self._view(owned, v.lot, today, marks.get(v.lot.symbol)) for v in chosen)
        return LotsPage(priced, next_cursor, today)

    @staticmethod
    def _view(owned: OwnerLedger, lot: TaxLot, today: date, price: Decimal | None) -> LotView:
        account = owned.accounts.get(lot.account_id) or TaxAccount(lot.account_id)
        unrealized = None if price is None else lot.quantity * price - lot.cost_basis
        return LotView(
            lot=lot,
            portfolio_id=owned.portfolio_of.get(lot.account_id),
            tax_type=account.tax_type,
            lot_method=account.lot_method,
            term_today=_term(lot.acquired, today),
            price=price,
            unrealized=unrealized,
        )

    async def realized(
        self, principal: Principal, year: int, *, cursor: str | None, limit: int
    ) -> RealizedPage:
        """The year's realized lots (Form 8949 rows, IRA rows too: `reportable` says which),
        by sale date; totals over the whole year's reportable rows per currency and term."""
        check_year(year, self.today())
        owned = await self.owner_ledger(principal.id)
        rows = owned.ledger.realized_in(year)
        totals = {
            currency: {
                term: TermTotals(s.proceeds, s.cost_basis, s.wash_disallowed, s.gain)
                for term, s in terms.items()
            }
            for currency, terms in owned.ledger.year_totals(year).items()
        }
        chosen, next_cursor = page_of(rows, _realized_key, 3, cursor, limit)
        methods = owned.lot_methods([r.account_id for r in rows])
        return RealizedPage(year, chosen, next_cursor, totals, methods)

    async def wash_sales(
        self, principal: Principal, year: int, *, cursor: str | None, limit: int
    ) -> WashSalesPage:
        """Wash sales of loss sales made in `year` (the sale's trade date), by sale date."""
        check_year(year, self.today())
        owned = await self.owner_ledger(principal.id)
        by_id = {tx.id: tx for tx in owned.transactions}
        views = []
        for wash in owned.ledger.wash_sales:
            sale = by_id.get(wash.sale_id)
            if sale is not None and sale.trade_date.year == year:
                views.append(WashSaleView(wash, sale.trade_date, sale.symbol, sale.currency))

        def key(view: WashSaleView) -> tuple[str, ...]:
            w = view.wash
            day = view.sale_date.isoformat() if view.sale_date else ""
            return (day, w.sale_id, w.sold_lot_id, w.replacement_lot_id)

        chosen, next_cursor = page_of(views, key, 4, cursor, limit)
        accounts = [by_id[v.wash.sale_id].account_id for v in views]
        accounts += [v.wash.replacement_account_id for v in views]
        return WashSalesPage(year, chosen, next_cursor, owned.lot_methods(accounts))

    async def form_8949(self, principal: Principal, year: int) -> str:
        """The year's Form 8949 (reportable rows) as CSV text."""
        check_year(year, self.today())
        owned = await self.owner_ledger(principal.id)
        rows = [row for row in owned.ledger.realized_in(year) if row.reportable]
        return form_8949_csv(rows, year)

    async def harvest(self, principal: Principal, req: HarvestRequest) -> HarvestReport:
        """Harvesting candidates of the caller (of one portfolio's accounts when given), their
        savings, replacements and the year's projection
        (application/portfolio/tax_harvesting.py). Without brackets or a filing status, the
        caller's investor profile gives the filing status (single without a profile)."""
        if req.brackets is None and req.filing_status is None:
            req = replace(req, filing_status=await self._filing_status(principal))
        brackets = check_request(req)
        wanted = None
        if req.portfolio_id is not None:
            portfolio = await self.owned_portfolio(principal, req.portfolio_id)
            wanted = frozenset(a.id for a in portfolio.accounts)
        identical = grouping(req.identical_groups)
        owned = await self.owner_ledger(principal.id, identical=identical)
        return await plan_harvest(
            owned,
            req,
            brackets,
            identical,
            today=self.today(),
            prices=self.prices,
            history=self.history,
            uow_factory=self.uow_factory,
            wanted_accounts=wanted,
        )

    async def _filing_status(self, principal: Principal) -> str:
        profile = await self.profiles.get(principal.id) if self.profiles else None
        if profile is None:
            return "single"
        status = profile.filing_status.value
        if status not in DEFAULT_BRACKETS:
            raise InvalidTaxInput(
                "filing_status",
                f"your investor profile's {status!r} has no shipped brackets: give brackets or "
                f"one of {sorted(DEFAULT_BRACKETS)}",
            )
        return status


def _term(acquired: date, day: date) -> Term:
    return holding_term(acquired, day)
