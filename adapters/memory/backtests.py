"""Backtest runs in memory: the embedded store's and the unit tests' BacktestRepository."""

from __future__ import annotations

import copy

from domain.backtests.model import Backtest
from ports.strategies.backtests import BacktestPage


class InMemoryBacktestRepository:
    """Keeps copies, so a caller's changes count only once saved (as with SQL)."""

    def __init__(self) -> None:
        self._runs: dict[str, Backtest] = {}

    async def add(self, backtest: Backtest) -> None:
        if backtest.id in self._runs:
            raise ValueError(f"backtest {backtest.id} exists already")
        self._runs[backtest.id] = copy.copy(backtest)

    async def save(self, backtest: Backtest) -> None:
        if backtest.id not in self._runs:
            raise KeyError(backtest.id)
        self._runs[backtest.id] = copy.copy(backtest)

    async def get(self, backtest_id: str, owner_id: str) -> Backtest | None:
        found = self._runs.get(backtest_id)
        return copy.copy(found) if found is not None and found.owner_id == owner_id else None

    async def page(self, page: BacktestPage) -> list[Backtest]:
        mine = sorted(
            (b for b in list(self._runs.values()) if b.owner_id == page.owner_id),
            key=lambda b: (b.created_at, b.id),
            reverse=True,
        )
        if page.after is not None:
            anchor = next((i for i, b in enumerate(mine) if b.id == page.after), None)
            if anchor is None:
                return []
            mine = mine[anchor + 1 :]
        return [copy.copy(b) for b in mine[: page.limit]]

    async def count_unfinished(self, owner_id: str | None = None) -> int:
        return sum(
            1
            for b in list(self._runs.values())
            if not b.status.finished and (owner_id is None or b.owner_id == owner_id)
        )
