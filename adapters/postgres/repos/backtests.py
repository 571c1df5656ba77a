"""Backtest runs on SQL: one row each, the request and result as JSON (backtest_codec.py)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import and_, desc, func, or_, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from adapters.postgres.repos.backtest_codec import request_doc, request_of, result_doc, result_of
from adapters.postgres.rows import record, row_of
from adapters.postgres.stores import EngineStore
from adapters.postgres.tables.backtests import backtests
from domain.backtests.model import Backtest, BacktestStatus
from ports.strategies.backtests import BacktestPage

_UNFINISHED = (BacktestStatus.QUEUED.value, BacktestStatus.RUNNING.value)


def _row(backtest: Backtest) -> dict[str, Any]:
    result = backtest.result
    return row_of(
        backtest,
        backtests,
        strategy_id=backtest.request.strategy_id,
        request=request_doc(backtest.request),
        result=None if result is None else result_doc(result),
    )


def _backtest(row: Any) -> Backtest:
    return record(
        Backtest,
        row,
        request=request_of(row.request),
        status=BacktestStatus(row.status),
        progress=float(row.progress),
        result=None if row.result is None else result_of(row.result),
    )


class SqlBacktestRepository(EngineStore):
    """A BacktestRepository on the `backtests` table."""

    async def add(self, backtest: Backtest) -> None:
        await self._insert_new(backtests, _row(backtest), f"backtest {backtest.id} exists already")

    async def save(self, backtest: Backtest) -> None:
        row = _row(backtest)
        for fixed in ("id", "owner_id", "strategy_id", "request", "created_at"):
            del row[fixed]

        async def work(conn: AsyncConnection) -> None:
            result = await conn.execute(
                update(backtests).where(backtests.c.id == backtest.id).values(row)
            )
            if result.rowcount != 1:
                raise KeyError(backtest.id)

        await self._write(work)

    async def get(self, backtest_id: str, owner_id: str) -> Backtest | None:
        query = select(backtests).where(
            backtests.c.id == backtest_id, backtests.c.owner_id == owner_id
        )
        return await self._read_one(query, _backtest)

    async def page(self, page: BacktestPage) -> list[Backtest]:
        query = select(backtests).where(backtests.c.owner_id == page.owner_id)
        if page.after is not None:
            anchor = await self.get(page.after, page.owner_id)
            if anchor is None:
                return []
            query = query.where(
                or_(
                    backtests.c.created_at < anchor.created_at,
                    and_(
                        backtests.c.created_at == anchor.created_at,
                        backtests.c.id < anchor.id,
                    ),
                )
            )
        query = query.order_by(desc(backtests.c.created_at), desc(backtests.c.id)).limit(page.limit)
        return [_backtest(r) for r in await self._read(query)]

    async def count_unfinished(self, owner_id: str | None = None) -> int:
        query = (
            select(func.count()).select_from(backtests).where(backtests.c.status.in_(_UNFINISHED))
        )
        if owner_id is not None:
            query = query.where(backtests.c.owner_id == owner_id)
        rows = await self._read(query)
        return int(rows[0][0])
