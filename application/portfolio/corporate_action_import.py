"""Import a portfolio's corporate actions from a vendor (docs/ledger.md "Corporate actions from
a vendor").

The symbols asked for are every symbol the portfolio's ledger names (`symbol` and
`new_symbol` of its transactions); when the vendor's answer moves shares to a symbol not yet
asked for (a merger, a spin-off, a symbol change), that symbol is asked for too, up to
MAX_ROUNDS rounds. The actions are then walked in effective-date order beside the ledger:
an action books one transaction per account that holds the symbol once the ledger's rows of
that day are applied (a new row's id sorts after every booked one, so the tax engine applies
it after them too), with `amount` = the cash the account receives (shares x cash per share).

Idempotent: a second import over the same window adds nothing. A row is already present when
its `external_id` (`<vendor id>@<account id>`) is booked, or when the account has booked an
action of the same family (split/reverse split; cash/stock/mixed merger; spin-off; symbol
change) of that symbol on that date, from a file or by hand.

Skipped, each with its reason (never guessed): what the vendor maps to no ledger kind
(the adapters say which), an action held by no account on its date, one not yet effective
(after today), a mixed merger without the fair market value of a new share, a spin-off
without its basis allocation (Form 8937), and a row the ledger's checks refuse. What is
added is written at once, all or nothing, after the tax engine has checked it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from application.core.access import ensure_may_change
from application.portfolio.ledger_changes import LedgerChanges
from application.portfolio.ledger_checks import check_new, ordered, tax_accounts
from application.portfolio.portfolios import PortfolioService
from domain.errors import CapabilityNotConfigured, InvalidTransaction
from domain.numbers import ZERO
from domain.portfolio.holdings import HoldingsBuilder
from domain.portfolio.transactions import (
    Transaction,
    TransactionKind,
    TransactionSource,
    day_rank,
    validate_transaction,
)
from domain.principals import Principal
from ports.core.clock import Clock
from ports.portfolio.corporate_action_source import (
    CorporateActionSource,
    SkippedAction,
    SourcedActions,
    VendorAction,
)
from ports.portfolio.portfolios import Portfolio, PortfolioStore, transaction_id

MAX_ROUNDS = 3
MAX_WINDOW_DAYS = 366 * 20
SOURCES = ("alpaca", "polygon")
_FAMILY = {
    TransactionKind.SPLIT: "split",
    TransactionKind.REVERSE_SPLIT: "split",
    TransactionKind.CASH_MERGER: "merger",
    TransactionKind.STOCK_MERGER: "merger",
    TransactionKind.MIXED_MERGER: "merger",
    TransactionKind.SPIN_OFF: "spin_off",
    TransactionKind.SYMBOL_CHANGE: "symbol_change",
}
_CASH_KINDS = (TransactionKind.CASH_MERGER, TransactionKind.MIXED_MERGER)

# A configured vendor's source, or CapabilityNotConfigured naming the settings it needs.
SourceFactory = Callable[[], CorporateActionSource]


class InvalidActionImport(InvalidTransaction):
    """The import's source or window is wrong; `field` names it."""

    code = "INVALID_ACTION_IMPORT"


@dataclass(frozen=True, slots=True)
class BookedAction:
    """An action of a vendor record in one account: the ledger row added, or the one that
    was there already (`transaction_id`)."""

    vendor_id: str
    symbol: str
    kind: TransactionKind
    effective_date: date
    account_id: str
    transaction_id: str


@dataclass(frozen=True, slots=True)
class ActionImport:
    """What an import did: rows added, rows present already, records skipped with reasons."""

    source: str
    start: date
    end: date
    symbols: list[str]
    added: list[BookedAction] = field(default_factory=list)
    already_present: list[BookedAction] = field(default_factory=list)
    skipped: list[SkippedAction] = field(default_factory=list)


@dataclass(eq=False)
class CorporateActionImportService:
    """The import (module doc): `sources` by name ("alpaca", "polygon")."""

    portfolios: PortfolioService
    store: PortfolioStore
    clock: Clock
    sources: Mapping[str, SourceFactory]
    changes: LedgerChanges = field(default_factory=LedgerChanges)

    async def import_actions(
        self, principal: Principal, portfolio_id: str, source: str, start: date, end: date
    ) -> ActionImport:
        """Book the vendor's actions of the portfolio's symbols effective in [start, end]."""
        portfolio = await self.portfolios.get(principal, portfolio_id)
        ensure_may_change(principal)
        today = self.clock.now().date()
        _check_window(start, end, today)
        vendor = self._source(source)
        booked = ordered(await self.store.list_transactions(portfolio.id))
        asked = _ledger_symbols(booked)
        fetched = SourcedActions()
        pending = set(asked)
        for _ in range(MAX_ROUNDS):
            if not pending:
                break
            got = await vendor.actions(sorted(pending), start, end)
            fetched.actions.extend(got.actions)
            fetched.skipped.extend(got.skipped)
            pending = {a.new_symbol for a in got.actions if a.new_symbol} - asked
            asked |= pending
        report = ActionImport(source, start, end, sorted(asked), skipped=list(fetched.skipped))
        new = _plan(portfolio, booked, _unique(fetched.actions), today, report)
        new = _fitting(portfolio, booked, new, report)
        if new:
            await self.store.add_transactions(portfolio.id, [tx for tx, _ in new])
            self.changes.changed(portfolio.id)
        report.added.extend(_booked(action, tx) for tx, action in new)
        return report

    def _source(self, name: str) -> CorporateActionSource:
        factory = self.sources.get(name)
        if factory is None:
            raise InvalidActionImport(
                f"source must be one of {', '.join(sorted(self.sources))}", field="source"
            )
        try:
            return factory()
        except CapabilityNotConfigured as exc:
            raise exc.again() from None


def _check_window(start: date, end: date, today: date) -> None:
    if start > end:
        raise InvalidActionImport(f"start {start} is after end {end}", field="start")
    if end > today:
        raise InvalidActionImport(f"end {end} is after today ({today})", field="end")
    if (end - start).days > MAX_WINDOW_DAYS:
        raise InvalidActionImport(
            f"the window is longer than {MAX_WINDOW_DAYS} days", field="start"
        )


def _ledger_symbols(booked: Sequence[Transaction]) -> set[str]:
    named = {t.symbol for t in booked if t.symbol} | {t.new_symbol for t in booked if t.new_symbol}
    return {s for s in named if s}


def _unique(actions: Sequence[VendorAction]) -> list[VendorAction]:
    """Each vendor id once, in (effective date, symbol, vendor id) order."""
    seen: dict[str, VendorAction] = {}
    for action in actions:
        seen.setdefault(action.vendor_id, action)
    return sorted(seen.values(), key=lambda a: (a.effective_date, a.symbol, a.vendor_id))


def _plan(
    portfolio: Portfolio,
    booked: Sequence[Transaction],
    actions: Sequence[VendorAction],
    today: date,
    report: ActionImport,
) -> list[tuple[Transaction, VendorAction]]:
    """The rows to add, walking the actions beside the ledger (module doc)."""
    externals = {t.external_id: t.id for t in booked if t.external_id}
    present: dict[tuple[str, str, str, date], str] = {}
    for t in booked:
        if t.kind in _FAMILY and t.symbol:
            present[(t.account_id, t.symbol, _FAMILY[t.kind], t.trade_date)] = t.id
    accounts = [a.id for a in portfolio.accounts]
    builder = HoldingsBuilder()
    at = 0
    new: list[tuple[Transaction, VendorAction]] = []
    for action in actions:
        when = action.effective_date
        # What was held as the action's day opened: the days before, and that day's actions
        # (a trade of the ex-date is of the new shares: domain/portfolio/transactions.py).
        while at < len(booked) and (
            booked[at].trade_date < when
            or (booked[at].trade_date == when and day_rank(booked[at]) == 0)
        ):
            builder.apply(booked[at])
            at += 1
        holders = [a for a in accounts if builder.quantities.get((a, action.symbol), ZERO) > 0]
        reason = _not_importable(action, today, holders)
        if reason is not None:
            report.skipped.append(_skipped(action, reason))
            continue
        rows: list[tuple[tuple[str, str, str, date], Transaction]] = []
        for account_id in holders:
            external = f"{action.vendor_id}@{account_id}"
            key = (account_id, action.symbol, _FAMILY[action.kind], when)
            found = externals.get(external) or present.get(key)
            if found is not None:
                report.already_present.append(_booked(action, None, account_id, found))
                continue
            held = builder.quantities[(account_id, action.symbol)]
            currency = builder.currencies.get(action.symbol, portfolio.base_currency)
            rows.append((key, _transaction(portfolio.id, account_id, action, held, currency,
                                           external)))  # fmt: skip
        try:
            for _, tx in rows:
                validate_transaction(tx)
        except InvalidTransaction as exc:
            report.skipped.append(_skipped(action, f"{exc.field}: {exc.message}"))
            continue
        for key, tx in rows:
            builder.apply(tx)
            present[key] = tx.id
            new.append((tx, action))
    return new


def _not_importable(action: VendorAction, today: date, holders: list[str]) -> str | None:
    if action.kind not in _FAMILY:
        return f"{action.kind.value} is not imported from a vendor"
    if action.effective_date > today:
        return f"not effective yet: {action.effective_date} is after today ({today})"
    if not holders:
        return f"no account of the portfolio held {action.symbol} on {action.effective_date}"
    if action.kind is TransactionKind.MIXED_MERGER and not action.new_price:
        return (
            "the vendor gives no fair market value of a new share (new_price), which the "
            "boot's gain needs: book this merger from a file"
        )
    if action.kind is TransactionKind.SPIN_OFF and action.allocation is None:
        return (
            "the vendor gives no basis allocation (Form 8937): book this spin-off from a file "
            "with its allocation"
        )
    return None


def _transaction(
    portfolio_id: str,
    account_id: str,
    action: VendorAction,
    held: Decimal,
    currency: str,
    external: str,
) -> Transaction:
    kind = action.kind
    cash = action.cash_per_share if kind in _CASH_KINDS else ZERO
    return Transaction(
        id=transaction_id(),
        portfolio_id=portfolio_id,
        account_id=account_id,
        kind=kind,
        trade_date=action.effective_date,
        currency=currency,
        symbol=action.symbol,
        price=cash,
        amount=held * cash,
        split_ratio=action.ratio if kind is not TransactionKind.SYMBOL_CHANGE else None,
        source=TransactionSource.IMPORT,
        external_id=external,
        note=f"{action.source} {action.vendor_type} {action.vendor_id}"[:500],
        new_symbol=action.new_symbol,
        new_price=action.new_price or ZERO,
        allocation=action.allocation,
    )


def _fitting(
    portfolio: Portfolio,
    booked: Sequence[Transaction],
    new: list[tuple[Transaction, VendorAction]],
    report: ActionImport,
) -> list[tuple[Transaction, VendorAction]]:
    """`new` less the rows the tax engine refuses (each skipped with the engine's message)."""
    accounts = tax_accounts(portfolio)
    while new:
        errors = check_new(booked, [tx for tx, _ in new], accounts)
        if not errors:
            break
        refused = {e.transaction.id: e for e in errors}
        for tx, action in new:
            if tx.id in refused:
                error = refused[tx.id]
                report.skipped.append(
                    _skipped(action, f"account {tx.account_id}: {error.field}: {error.message}")
                )
        new = [(tx, action) for tx, action in new if tx.id not in refused]
    return new


def _booked(
    action: VendorAction,
    tx: Transaction | None,
    account_id: str | None = None,
    transaction_id: str | None = None,
) -> BookedAction:
    return BookedAction(
        action.vendor_id,
        action.symbol,
        action.kind,
        action.effective_date,
        tx.account_id if tx is not None else account_id or "",
        tx.id if tx is not None else transaction_id or "",
    )


def _skipped(action: VendorAction, reason: str) -> SkippedAction:
    return SkippedAction(
        action.source,
        action.vendor_id,
        action.vendor_type,
        action.symbol,
        action.effective_date,
        reason,
    )
