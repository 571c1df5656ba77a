"""Portfolio ledger store: portfolios, their accounts, transactions and daily valuations.

A portfolio is owned by one user and holds accounts: trading accounts of the trading core
(`kind="trading"`, the id is the trading account's id; its fills book here) and manual
holdings (`kind="manual"`, entered or imported by the user). An account belongs to one
portfolio at most. Transactions are the ledger's rows (domain/portfolio/transactions.py);
money is Decimal in the row's currency, kept to the last digit by every store.

Ordering: transactions list in (trade_date, id) order. The ledger's ids therefore sort in
booking order within a day (`transaction_id()` below: a time-ordered id), since the tax
engine processes a day's rows in their order.
"""

from __future__ import annotations

import os
import time
from collections.abc import Awaitable, Callable, Collection, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Literal, Protocol

import numpy as np

from domain.errors import AccountAlreadyHeld, DuplicateTransaction
from domain.portfolio.transactions import Transaction
from domain.tax.methods import AccountTaxType, LotMethod
from ports.portfolio.transaction_batch import TransactionBatch

__all__ = [
    "AccountAlreadyHeld",
    "AccountKind",
    "DuplicateTransaction",
    "Portfolio",
    "PortfolioAccount",
    "PortfolioStore",
    "ValuationPoint",
    "duplicate_external",
    "duplicate_id",
    "transaction_id",
    "transaction_ids",
]

AccountKind = Literal["trading", "manual"]


@dataclass(frozen=True, slots=True)
class PortfolioAccount:
    """One account of a portfolio: a trading account's id (`kind="trading"`) or a manual
    holding's id (`kind="manual"`); its tax treatment and default lot-relief method."""

    id: str
    name: str
    kind: AccountKind = "manual"
    tax_type: AccountTaxType = AccountTaxType.TAXABLE
    lot_method: LotMethod = LotMethod.FIFO


@dataclass(frozen=True, slots=True)
class Portfolio:
    """A user's portfolio; `base_currency` (ISO 4217) is what valuations are stated in;
    `created_at` is timezone-aware UTC."""

    id: str
    owner_id: str
    name: str
    base_currency: str
    created_at: datetime
    accounts: tuple[PortfolioAccount, ...] = ()

    def account(self, account_id: str) -> PortfolioAccount | None:
        return next((a for a in self.accounts if a.id == account_id), None)


@dataclass(frozen=True, slots=True)
class ValuationPoint:
    """A portfolio's end-of-day value: `market_value` (holdings at the day's close plus cash),
    `cash_flow` the day's external flows (deposits +, withdrawals -), both in `currency`."""

    portfolio_id: str
    day: date
    market_value: Decimal
    cash_flow: Decimal
    currency: str


class PortfolioStore(Protocol):
    """Portfolios, their transactions and valuations (memory, SQLite, PostgreSQL alike).

    - `add_portfolio(p)`: stores a new portfolio with its accounts; Conflict when the id is
      taken, AccountAlreadyHeld when one of its accounts is in another portfolio.
    - `add_account(portfolio_id, account)`: appends an account; the portfolio after it, None
      when there is no such portfolio; AccountAlreadyHeld when any portfolio holds the id.
    - `get_portfolio(id)` / `portfolio_for_account(account_id)`: the portfolio or None.
    - `portfolios_for_accounts(account_ids)`: account id -> the portfolio holding it, for
      the ids a portfolio holds (the others are absent); one read for the lot.
    - `list_portfolios(owner_id, after=, limit=)`: the owner's, in id order, after the id
      `after` (a keyset cursor), at most `limit`.
    - `add_transactions(portfolio_id, txs)`: all or nothing. A transaction whose
      `external_id` is already booked in the portfolio (or repeats within `txs`), or whose
      `id` is taken, raises DuplicateTransaction naming it, and nothing of `txs` is written;
      NotFound when there is no such portfolio.
      The store does not validate the rows (the application does, with the tax engine).
    - `import_transactions(portfolio_id, batch, gate=)`: the same for a batch of new rows
      (ports/portfolio/transaction_batch.py: an import's rows, column-wise; PostgreSQL bulk-loads
      its
      CSV with COPY, the other stores take its Transaction objects), with the same errors.
      `gate`, when given, is awaited before anything is committed (PostgreSQL: after the
      rows are copied, inside the transaction, so the copy and the caller's last check run
      at the same time; the others: first). If it raises, nothing is written and its
      exception propagates; if the write fails first, `gate` may not have been awaited.
    - `list_transactions(portfolio_id, after=, limit=, until=)`: (trade_date, id) order,
      strictly after the key `after`, trade_date <= `until`, at most `limit` (None: all).
    - `transactions_of_owner(owner_id)`: every transaction of every portfolio of the owner,
      in (trade_date, id) order (the tax engine's input: wash sales look across accounts).
    - `put_valuations(points)`: upserts by (portfolio_id, day).
    - `valuations(portfolio_id, start, end)`: the points with start <= day <= end, by day.
    """

    async def add_portfolio(self, portfolio: Portfolio) -> None: ...

    async def add_account(
        self, portfolio_id: str, account: PortfolioAccount
    ) -> Portfolio | None: ...

    async def get_portfolio(self, portfolio_id: str) -> Portfolio | None: ...

    async def list_portfolios(
        self, owner_id: str, *, after: str | None = None, limit: int = 50
    ) -> list[Portfolio]: ...

    async def portfolio_for_account(self, account_id: str) -> Portfolio | None: ...

    async def portfolios_for_accounts(
        self, account_ids: Collection[str]
    ) -> dict[str, Portfolio]: ...

    async def add_transactions(self, portfolio_id: str, txs: Sequence[Transaction]) -> None: ...

    async def import_transactions(
        self,
        portfolio_id: str,
        batch: TransactionBatch,
        *,
        gate: Callable[[], Awaitable[None]] | None = None,
    ) -> None: ...

    async def list_transactions(
        self,
        portfolio_id: str,
        *,
        after: tuple[date, str] | None = None,
        limit: int | None = None,
        until: date | None = None,
    ) -> list[Transaction]: ...

    async def transactions_of_owner(self, owner_id: str) -> list[Transaction]: ...

    async def put_valuations(self, points: Sequence[ValuationPoint]) -> None: ...

    async def valuations(
        self, portfolio_id: str, start: date, end: date
    ) -> list[ValuationPoint]: ...


_last_stamp = 0


def transaction_id() -> str:
    """A new ledger id that sorts after every id this process made before: 16 hex digits of
    nanoseconds since the epoch (strictly increasing here) then 8 random hex digits, so rows
    booked within one day list in booking order."""
    global _last_stamp
    stamp = max(time.time_ns(), _last_stamp + 1)
    _last_stamp = stamp
    return f"{stamp:016x}{os.urandom(4).hex()}"


def transaction_ids(count: int) -> list[str]:
    """`count` new ledger ids in one call, as `count` calls of `transaction_id()` would make
    them (consecutive nanosecond stamps, each with its own 8 random hex digits): for an
    import's rows, one clock read and one read of the random source instead of one a row."""
    global _last_stamp
    if count <= 0:
        return []
    first = max(time.time_ns(), _last_stamp + 1)
    _last_stamp = first + count - 1
    stamps = np.arange(first, first + count, dtype=np.uint64).astype(">u8")
    noise = np.frombuffer(os.urandom(4 * count), np.uint8).reshape(count, 4)
    digits = np.concatenate([stamps.view(np.uint8).reshape(count, 8), noise], axis=1)
    text = digits.tobytes().hex()  # 24 hex digits an id: 16 of the stamp, 8 random
    return [text[i : i + 24] for i in range(0, 24 * count, 24)]


def duplicate_external(external_id: str) -> DuplicateTransaction:
    """The refusal of a transaction whose external id the portfolio has booked already."""
    return DuplicateTransaction(
        f"external_id {external_id!r} is already booked", external_id=external_id
    )


def duplicate_id(tx_id: str) -> DuplicateTransaction:
    """The refusal of a transaction whose id is taken."""
    return DuplicateTransaction(f"transaction id {tx_id!r} is taken", field="id")
