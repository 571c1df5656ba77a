"""Whether new transactions fit a portfolio's ledger: checked before anything is written.

Two passes over the portfolio's booked transactions plus the new ones, in (trade_date, id)
order (the store's and the engine's):
1. positions (domain/portfolio/holdings.py, the same rule as the tax lots): every sale or
   transfer out larger than its account's position is found in one linear pass; the row is
   set aside and the walk goes on, so one answer names every such row;
2. the tax engine (`compute_tax_ledger`) once, for what positions cannot see (an unknown lot
   or a pick larger than its lot, a disposal in another currency than its lots). It stops at
   the first failing row; with several new rows that row is found by bisection over prefixes
   of the order (a prefix fails exactly when it holds that row: log2(n) engine runs).
A new row can also break an already booked one (a back-dated sale taking the shares a later
booked sale needed): the error then names the new row that did it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from domain.errors import InvalidTransaction
from domain.portfolio.holdings import HoldingsBuilder
from domain.portfolio.transactions import (
    CORPORATE_ACTION_KINDS,
    SHARE_KINDS,
    Transaction,
    TransactionKind,
    ledger_sorted,
)
from domain.tax.engine import TaxLedger, compute_tax_ledger
from domain.tax.lots import TaxAccount
from ports.portfolio.portfolios import Portfolio

MAX_LEDGER_ERRORS = 20


@dataclass(frozen=True, slots=True)
class LedgerError:
    """A new transaction the ledger refuses, with the engine's field and message."""

    transaction: Transaction
    field: str
    message: str


def tax_accounts(portfolio: Portfolio) -> dict[str, TaxAccount]:
    """The engine's view of the portfolio's accounts: tax type and default lot method."""
    return {a.id: TaxAccount(a.id, a.tax_type, a.lot_method) for a in portfolio.accounts}


def ordered(transactions: Sequence[Transaction]) -> list[Transaction]:
    """The engine's order: by trade date, a corporate action before the trades of its day,
    then by id (the store's order within a day)."""
    return ledger_sorted(sorted(transactions, key=lambda t: (t.trade_date, t.id)))


def ledger_of(transactions: Sequence[Transaction], accounts: Mapping[str, TaxAccount]) -> TaxLedger:
    """The tax ledger of already ordered transactions."""
    return compute_tax_ledger(transactions, accounts)


def check_new(
    booked: Sequence[Transaction],
    new: Sequence[Transaction],
    accounts: Mapping[str, TaxAccount],
    *,
    max_errors: int = MAX_LEDGER_ERRORS,
) -> list[LedgerError]:
    """Empty when `booked` + `new` is a consistent ledger; else up to `max_errors` errors,
    each naming a row of `new` (module doc)."""
    rows = ordered([*booked, *new])
    fresh = {t.id for t in new}
    errors = _position_errors(rows, fresh, max_errors)
    if errors:
        return errors
    while len(errors) < max_errors and any(t.id in fresh for t in rows):
        failure = _first_failure(rows, accounts)
        if failure is None:
            break
        at, exc = failure
        culprit = rows[at]
        if culprit.id in fresh:
            errors.append(LedgerError(culprit, exc.field or "quantity", exc.message))
        else:
            blamed = _blame(rows[:at], culprit, fresh)
            if blamed is None:  # the booked rows alone are inconsistent: not this batch's doing
                break
            errors.append(LedgerError(blamed, exc.field or "quantity", _broken(culprit, exc)))
            culprit = blamed
        rows = [t for t in rows if t.id != culprit.id]
    return errors


def _position_errors(
    rows: list[Transaction], fresh: set[str], max_errors: int
) -> list[LedgerError]:
    """Every disposal larger than its position, in one pass (a failing row is skipped)."""
    builder = HoldingsBuilder()
    errors: list[LedgerError] = []
    applied: list[Transaction] = []
    for tx in rows:
        try:
            builder.apply(tx)
        except InvalidTransaction as exc:
            if tx.id in fresh:
                errors.append(LedgerError(tx, "quantity", exc.message))
            else:
                blamed = _blame(applied, tx, fresh)
                if blamed is not None and all(e.transaction.id != blamed.id for e in errors):
                    errors.append(LedgerError(blamed, "quantity", _broken(tx, exc)))
            if len(errors) >= max_errors:
                break
            continue
        applied.append(tx)
    return errors


def _broken(booked: Transaction, exc: InvalidTransaction) -> str:
    return (
        f"it leaves the booked {booked.kind.value} of {booked.trade_date} ({booked.id}) "
        f"impossible: {exc.message}"
    )


def _first_failure(
    rows: list[Transaction], accounts: Mapping[str, TaxAccount]
) -> tuple[int, InvalidTransaction] | None:
    try:
        compute_tax_ledger(rows, accounts)
    except InvalidTransaction as exc:
        failure = exc
    else:
        return None
    lo, hi = 0, len(rows)  # rows[:lo] passes, rows[:hi] fails
    while hi - lo > 1:
        mid = (lo + hi) // 2
        try:
            compute_tax_ledger(rows[:mid], accounts)
        except InvalidTransaction as exc:
            hi, failure = mid, exc
        else:
            lo = mid
    return hi - 1, failure


def _blame(before: list[Transaction], broken: Transaction, fresh: set[str]) -> Transaction | None:
    """The latest new row before `broken` moving shares of its account and symbol (else the
    latest new row before it; None when there is none)."""
    moves = SHARE_KINDS | {TransactionKind.SPLIT} | CORPORATE_ACTION_KINDS
    mine = [t for t in before if t.id in fresh]
    for tx in reversed(mine):
        if tx.account_id == broken.account_id and tx.symbol == broken.symbol and tx.kind in moves:
            return tx
    return mine[-1] if mine else None
