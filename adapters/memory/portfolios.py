"""In-process portfolio ledger (the embedded store's and the unit tests' PortfolioStore)."""

from __future__ import annotations

import bisect
from collections.abc import Awaitable, Callable, Collection, Sequence
from dataclasses import replace
from datetime import date

from domain.errors import AccountAlreadyHeld, Conflict, NotFound
from domain.portfolio.transactions import Transaction
from ports.portfolio.portfolios import (
    Portfolio,
    PortfolioAccount,
    ValuationPoint,
    duplicate_external,
    duplicate_id,
)
from ports.portfolio.transaction_batch import TransactionBatch


def _key(tx: Transaction) -> tuple[date, str]:
    return (tx.trade_date, tx.id)


class InMemoryPortfolioStore:
    """A PortfolioStore in dicts; each portfolio's transactions kept sorted by (day, id)."""

    def __init__(self) -> None:
        self._portfolios: dict[str, Portfolio] = {}
        self._by_account: dict[str, str] = {}
        self._txs: dict[str, list[Transaction]] = {}
        self._keys: dict[str, list[tuple[date, str]]] = {}
        self._external: dict[str, set[str]] = {}
        self._ids: set[str] = set()
        self._valuations: dict[tuple[str, date], ValuationPoint] = {}

    async def add_portfolio(self, portfolio: Portfolio) -> None:
        if portfolio.id in self._portfolios:
            raise Conflict(f"portfolio {portfolio.id!r} already exists", field="id")
        seen: set[str] = set()
        for account in portfolio.accounts:
            if account.id in self._by_account or account.id in seen:
                raise AccountAlreadyHeld(
                    f"account {account.id!r} already belongs to a portfolio", field="accounts"
                )
            seen.add(account.id)
        self._portfolios[portfolio.id] = portfolio
        for account in portfolio.accounts:
            self._by_account[account.id] = portfolio.id
        self._txs[portfolio.id] = []
        self._keys[portfolio.id] = []
        self._external[portfolio.id] = set()

    async def add_account(self, portfolio_id: str, account: PortfolioAccount) -> Portfolio | None:
        portfolio = self._portfolios.get(portfolio_id)
        if portfolio is None:
            return None
        if account.id in self._by_account:
            raise AccountAlreadyHeld(
                f"account {account.id!r} already belongs to a portfolio", field="id"
            )
        portfolio = replace(portfolio, accounts=(*portfolio.accounts, account))
        self._portfolios[portfolio_id] = portfolio
        self._by_account[account.id] = portfolio_id
        return portfolio

    async def get_portfolio(self, portfolio_id: str) -> Portfolio | None:
        return self._portfolios.get(portfolio_id)

    async def list_portfolios(
        self, owner_id: str, *, after: str | None = None, limit: int = 50
    ) -> list[Portfolio]:
        mine = sorted(
            (p for p in self._portfolios.values() if p.owner_id == owner_id),
            key=lambda p: p.id,
        )
        return [p for p in mine if after is None or p.id > after][: max(limit, 0)]

    async def portfolio_for_account(self, account_id: str) -> Portfolio | None:
        portfolio_id = self._by_account.get(account_id)
        return None if portfolio_id is None else self._portfolios.get(portfolio_id)

    async def portfolios_for_accounts(self, account_ids: Collection[str]) -> dict[str, Portfolio]:
        held = {a: self._by_account.get(a) for a in account_ids}
        return {a: self._portfolios[p] for a, p in held.items() if p in self._portfolios}

    async def add_transactions(self, portfolio_id: str, txs: Sequence[Transaction]) -> None:
        if portfolio_id not in self._portfolios:
            raise NotFound(f"no portfolio {portfolio_id!r}", field="portfolio_id")
        external = self._external[portfolio_id]
        batch_external: set[str] = set()
        batch_ids: set[str] = set()
        for tx in txs:  # check everything first: all or nothing
            if tx.external_id is not None:
                if tx.external_id in external or tx.external_id in batch_external:
                    raise duplicate_external(tx.external_id)
                batch_external.add(tx.external_id)
            if tx.id in self._ids or tx.id in batch_ids:
                raise duplicate_id(tx.id)
            batch_ids.add(tx.id)
        rows, keys = self._txs[portfolio_id], self._keys[portfolio_id]
        for tx in sorted((replace(tx, portfolio_id=portfolio_id) for tx in txs), key=_key):
            at = bisect.bisect_right(keys, _key(tx))
            keys.insert(at, _key(tx))
            rows.insert(at, tx)
        external |= batch_external
        self._ids |= batch_ids

    async def import_transactions(
        self,
        portfolio_id: str,
        batch: TransactionBatch,
        *,
        gate: Callable[[], Awaitable[None]] | None = None,
    ) -> None:
        if batch.portfolio_id != portfolio_id:
            raise ValueError("the batch is another portfolio's")
        if gate is not None:
            await gate()
        await self.add_transactions(portfolio_id, batch.transactions())

    async def list_transactions(
        self,
        portfolio_id: str,
        *,
        after: tuple[date, str] | None = None,
        limit: int | None = None,
        until: date | None = None,
    ) -> list[Transaction]:
        rows, keys = self._txs.get(portfolio_id, []), self._keys.get(portfolio_id, [])
        start = 0 if after is None else bisect.bisect_right(keys, after)
        stop = len(rows) if until is None else bisect.bisect_right(keys, (until, "\U0010ffff"))
        if limit is not None:
            stop = min(stop, start + max(limit, 0))
        return rows[start:stop]

    async def transactions_of_owner(self, owner_id: str) -> list[Transaction]:
        mine = [
            tx
            for p in self._portfolios.values()
            if p.owner_id == owner_id
            for tx in self._txs[p.id]
        ]
        return sorted(mine, key=_key)

    async def put_valuations(self, points: Sequence[ValuationPoint]) -> None:
        for point in points:
            self._valuations[(point.portfolio_id, point.day)] = point

    async def valuations(self, portfolio_id: str, start: date, end: date) -> list[ValuationPoint]:
        return sorted(
            (
                p
                for (pid, day), p in self._valuations.items()
                if pid == portfolio_id and start <= day <= end
            ),
            key=lambda p: p.day,
        )
