"""Portfolio ledger use cases: portfolios, their accounts, transactions, imports.

Owner scoping: a portfolio is its owner's alone. Anyone else, whatever their role, is
answered 404 PORTFOLIO_NOT_FOUND on every route, as if it did not exist; a viewer's change
to their own is 403 (application/core/access.py). A trading account joins a portfolio only when
the caller may act on it (`account_for`: else 404); a manual holding account is made by name.

Writes are all or nothing: a transaction (or an import's every row) is validated
(domain/portfolio/transactions.py), then the tax engine runs over the portfolio's booked
transactions plus the new ones (application/portfolio/ledger_checks.py), so a sale or transfer out
larger than the position, or an unknown lot, is refused with 422 naming the field (the row,
for an import) before anything is committed (an import's rows are copied in while the engine
checks them, and committed only when it passes). Holdings are in application/portfolio_views.py,
the valuation series and returns in application/portfolio/valuations.py.
"""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from typing import TypeVar

from application.core.access import account_for, ensure_may_change, owned_by
from application.core.cursors import decode_json_cursor, encode_json_cursor
from application.core.paging import Page as Page  # listings of portfolios, by its HTTP schemas
from application.core.paging import page_of
from application.portfolio.ledger_changes import LedgerChanges
from application.portfolio.ledger_checks import check_new, ledger_of, tax_accounts
from application.portfolio.portfolio_holdings import HoldingsView, holdings_view
from application.portfolio.settlement import Settlement
from application.portfolio.transaction_import import (
    CsvInvalid,
    CsvParser,
    ImportContext,
    RowError,
    column_of,
    parse_batch,
)
from domain.errors import InvalidTransaction, NotFound
from domain.portfolio.currencies import is_currency
from domain.portfolio.holdings import holdings
from domain.portfolio.transactions import (
    Transaction,
    TransactionSource,
    identifiers_of,
    validate_transaction,
)
from domain.principals import Principal
from domain.tax.methods import AccountTaxType, LotMethod
from ports.core.clock import Clock, IdGenerator
from ports.core.unit_of_work import UnitOfWorkFactory
from ports.market_data.marketdata import MarketDataPort
from ports.portfolio.portfolios import (
    AccountKind,
    Portfolio,
    PortfolioAccount,
    PortfolioStore,
    transaction_id,
    transaction_ids,
)

T = TypeVar("T")
DEFAULT_LIMIT = 50
MAX_LIMIT = 500
MAX_NAME = 100
OFF_LOOP_BYTES = 65_536  # CSV bodies larger than this are parsed and checked in a thread
OFF_LOOP_ROWS = 5_000  # a ledger longer than this is run through the engine in a thread


class PortfolioNotFound(NotFound):
    """No such portfolio, or it is someone else's (answered the same way)."""

    code = "PORTFOLIO_NOT_FOUND"


class InvalidPortfolio(InvalidTransaction):
    """A portfolio's or account's field is wrong (name, currency, kind); `field` names it."""

    code = "INVALID_PORTFOLIO"


class InvalidCursor(InvalidTransaction):
    """A `cursor` that no listing of this API produced."""

    code = "INVALID_CURSOR"


@dataclass(frozen=True, slots=True)
class NewAccount:
    """An account to attach: `kind="trading"` with the trading account's `account_id`, or
    `kind="manual"` with a `name` (a new holding account is made)."""

    kind: AccountKind
    account_id: str | None = None
    name: str | None = None
    tax_type: AccountTaxType = AccountTaxType.TAXABLE
    lot_method: LotMethod = LotMethod.FIFO


@dataclass(frozen=True, slots=True)
class ImportReport:
    """What an import booked: row count, counts per kind and per account, the date span."""

    imported: int
    by_kind: dict[str, int]
    by_account: dict[str, int]
    first_date: date
    last_date: date


@dataclass(eq=False)
class PortfolioService:
    """The portfolio routes' use cases (module doc)."""

    store: PortfolioStore
    uow_factory: UnitOfWorkFactory
    clock: Clock
    ids: IdGenerator
    market: MarketDataPort
    csv_parser: CsvParser = parse_batch
    changes: LedgerChanges = field(default_factory=LedgerChanges)  # told after every write
    # T+1 of a US trade booked without a settlement date (none: left unknown)
    settlement: Settlement = field(default_factory=Settlement)

    async def create(self, principal: Principal, name: str, base_currency: str) -> Portfolio:
        """A new empty portfolio of the caller's."""
        ensure_may_change(principal)
        name = _name(name, "name")
        if not is_currency(base_currency):
            raise InvalidPortfolio(
                f"base_currency must be an ISO 4217 code, got {base_currency[:8]!r}",
                field="base_currency",
            )
        portfolio = Portfolio(
            id=self.ids.new("pf-"),
            owner_id=principal.id,
            name=name,
            base_currency=base_currency,
            created_at=self.clock.now(),
        )
        await self.store.add_portfolio(portfolio)
        return portfolio

    async def list(
        self, principal: Principal, cursor: str | None = None, limit: int = DEFAULT_LIMIT
    ) -> Page[Portfolio]:
        """The caller's portfolios in id order, `limit` a page."""
        after = None if not cursor else _decode(cursor, 1)[0]
        limit = _limit(limit)
        found = await self.store.list_portfolios(principal.id, after=after, limit=limit + 1)
        mine = [p for p in found if p.owner_id == principal.id]
        return page_of(mine, limit, lambda portfolio: _encode(portfolio.id))

    async def get(self, principal: Principal, portfolio_id: str) -> Portfolio:
        """The caller's portfolio, or 404 PORTFOLIO_NOT_FOUND (also for someone else's)."""
        portfolio = await self.store.get_portfolio(portfolio_id)
        return owned_by(
            principal, portfolio, PortfolioNotFound(f"portfolio {portfolio_id[:64]} not found")
        )

    async def add_account(
        self, principal: Principal, portfolio_id: str, new: NewAccount
    ) -> Portfolio:
        """Attach a trading account the caller may act on, or make a manual one by name."""
        portfolio = await self.get(principal, portfolio_id)
        ensure_may_change(principal)
        if new.kind == "trading":
            if not new.account_id:
                raise InvalidPortfolio("a trading account needs its account_id", field="account_id")
            async with self.uow_factory() as uow:
                account = await account_for(uow, principal, new.account_id)
            name = _name(new.name or account.id, "name")
            added = PortfolioAccount(account.id, name, "trading", new.tax_type, new.lot_method)
        elif new.kind == "manual":
            if new.account_id:
                raise InvalidPortfolio(
                    "a manual account is made here: give its name, not an id", field="account_id"
                )
            name = _name(new.name or "", "name")
            if any(a.name == name for a in portfolio.accounts):
                raise InvalidPortfolio(f"an account named {name!r} exists already", field="name")
            added = PortfolioAccount(
                self.ids.new("ma-"), name, "manual", new.tax_type, new.lot_method
            )
        else:
            raise InvalidPortfolio("kind must be trading or manual", field="kind")
        changed = await self.store.add_account(portfolio.id, added)
        if changed is None:
            raise PortfolioNotFound(f"portfolio {portfolio_id[:64]} not found")
        self.changes.changed(portfolio.id)
        return changed

    async def add_transaction(
        self, principal: Principal, portfolio_id: str, draft: Transaction
    ) -> Transaction:
        """Book one transaction (its id, portfolio and source are set here; an empty currency
        is the base currency); 422 naming the field when it is invalid or does not fit the
        ledger (nothing written)."""
        portfolio = await self.get(principal, portfolio_id)
        ensure_may_change(principal)
        tx = replace(
            draft,
            id=transaction_id(),
            portfolio_id=portfolio.id,
            source=TransactionSource.MANUAL,
            currency=draft.currency or portfolio.base_currency,
        )
        if portfolio.account(tx.account_id) is None:
            raise InvalidTransaction(
                f"{tx.account_id[:64]!r} is not an account of this portfolio", field="account_id"
            )
        if tx.trade_date > self._today():
            raise InvalidTransaction("trade_date is after today (UTC)", field="trade_date")
        cusip, isin = identifiers_of(tx.cusip, tx.isin)
        tx = self.settlement.settled(replace(tx, cusip=cusip, isin=isin))
        validate_transaction(tx)
        booked = await self.store.list_transactions(portfolio.id)
        errors = await _off_loop(
            lambda: check_new(booked, [tx], tax_accounts(portfolio), max_errors=1),
            large=len(booked) > OFF_LOOP_ROWS,
        )
        if errors:
            raise InvalidTransaction(errors[0].message, field=errors[0].field)
        await self.store.add_transactions(portfolio.id, [tx])
        self.changes.changed(portfolio.id)
        return tx

    async def import_csv(self, principal: Principal, portfolio_id: str, text: str) -> ImportReport:
        """Book every row of a broker CSV (application/portfolio/transaction_import.py), or none:
        422 CSV_INVALID with every row error.

        The file is parsed (off the loop when large); then the store copies the rows in while
        the tax engine checks them against the ledger in a worker thread, and commits only
        when the check passes (PortfolioStore.import_transactions' gate): the copy's time is
        hidden behind the check's. A check error wins over a store error (as when the store
        was only called after the check)."""
        portfolio = await self.get(principal, portfolio_id)
        ensure_may_change(principal)
        booked = await self.store.list_transactions(portfolio.id)
        accounts = {a.name: a.id for a in portfolio.accounts} | {
            a.id: a.id for a in portfolio.accounts
        }
        context = ImportContext(
            portfolio_id=portfolio.id,
            base_currency=portfolio.base_currency,
            accounts=accounts,
            booked_references=frozenset(t.external_id for t in booked if t.external_id),
            today=self._today(),
            new_id=transaction_id,
            new_ids=transaction_ids,
            settle_on=self.settlement.settle_on,
        )
        large = len(text) > OFF_LOOP_BYTES
        batch = await _off_loop(lambda: self.csv_parser(text, context), large=large)

        def check() -> None:
            new = batch.transactions()
            errors = check_new(booked, new, tax_accounts(portfolio))
            if errors:
                row_of = dict(zip((t.id for t in new), batch.row_numbers(), strict=True))
                raise CsvInvalid(
                    f"{len(errors)} row(s) do not fit the ledger; nothing was imported",
                    sorted(
                        (
                            RowError(row_of[e.transaction.id], column_of(e.field), e.message)
                            for e in errors
                        ),
                        key=lambda e: e.row,
                    ),
                )

        checked = asyncio.ensure_future(_off_loop(check, large=large))
        try:
            await self.store.import_transactions(portfolio.id, batch, gate=lambda: checked)
        except Exception:
            await asyncio.wait([checked])  # its thread runs on; its error comes first
            checked.result()
            raise
        self.changes.changed(portfolio.id)
        new = batch.transactions()
        return ImportReport(
            imported=len(new),
            by_kind=dict(sorted(Counter(t.kind.value for t in new).items())),
            by_account=dict(sorted(Counter(t.account_id for t in new).items())),
            first_date=min(t.trade_date for t in new),
            last_date=max(t.trade_date for t in new),
        )

    async def transactions(
        self,
        principal: Principal,
        portfolio_id: str,
        cursor: str | None = None,
        limit: int = DEFAULT_LIMIT,
    ) -> Page[Transaction]:
        """The portfolio's transactions in (trade_date, id) order, `limit` a page."""
        portfolio = await self.get(principal, portfolio_id)
        after = None
        if cursor:
            day, tx_id = _decode(cursor, 2)
            try:
                after = (date.fromisoformat(day), tx_id)
            except ValueError:
                raise InvalidCursor("cursor is not one this listing made", field="cursor") from None
        limit = _limit(limit)
        found = await self.store.list_transactions(portfolio.id, after=after, limit=limit + 1)
        return page_of(found, limit, lambda tx: _encode(tx.trade_date.isoformat(), tx.id))

    async def holdings(self, principal: Principal, portfolio_id: str) -> HoldingsView:
        """Positions with their open lots (the account's lot method), cash, at reference prices."""
        portfolio = await self.get(principal, portfolio_id)
        txs = await self.store.list_transactions(portfolio.id)
        ledger = await _off_loop(
            lambda: ledger_of(txs, tax_accounts(portfolio)), large=len(txs) > OFF_LOOP_ROWS
        )
        held = holdings(txs)
        symbols = sorted({symbol for _, symbol in held.quantities})
        marks = await self.market.reference_prices(symbols) if symbols else {}
        return holdings_view(portfolio, held, ledger, marks)

    def _today(self) -> date:
        return self.clock.now().date()


async def _off_loop(work: Callable[[], T], *, large: bool) -> T:
    return await asyncio.to_thread(work) if large else work()


def _name(value: str, field: str) -> str:
    name = value.strip()
    if not name or len(name) > MAX_NAME or not name.isprintable():
        raise InvalidPortfolio(f"{field} must be 1 to {MAX_NAME} printable characters", field=field)
    return name


def _limit(limit: int) -> int:
    if not 1 <= limit <= MAX_LIMIT:
        raise InvalidCursor(f"limit must be 1 to {MAX_LIMIT}", field="limit")
    return limit


def _encode(*parts: str) -> str:
    return encode_json_cursor(list(parts))


def _decode(cursor: str, parts: int) -> list[str]:
    try:
        data = decode_json_cursor(cursor)
    except ValueError:
        data = None
    if (
        not isinstance(data, list)
        or len(data) != parts
        or not all(isinstance(p, str) and p for p in data)
    ):
        raise InvalidCursor("cursor is not one this listing made", field="cursor")
    return data
