"""Illiquid assets and their manual valuations on SQL (PostgreSQL and SQLite).

One short transaction per call. A valuation is keyed by (asset_id, as_of): a second one on the
same day is DuplicateValuation (the unique key decides under concurrent writers too).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import and_, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncConnection

from adapters.postgres.rows import record, row_of
from adapters.postgres.stores import EngineStore
from adapters.postgres.tables.illiquid import illiquid_assets, illiquid_valuations
from domain.errors import Conflict, NotFound
from domain.portfolio.illiquid import (
    DuplicateValuation,
    IlliquidAsset,
    IlliquidKind,
    Valuation,
    ValuationMethod,
)

_assets = illiquid_assets
_values = illiquid_valuations
_CHUNK = 500


def _asset(row: Any) -> IlliquidAsset:
    return record(IlliquidAsset, row, kind=IlliquidKind(row.kind))


def _valuation(row: Any) -> Valuation:
    return record(Valuation, row, method=ValuationMethod(row.method))


class SqlIlliquidAssetStore(EngineStore):
    """An IlliquidAssetStore on the illiquid tables (adapters/postgres/tables/illiquid.py)."""

    async def add_asset(self, asset: IlliquidAsset) -> None:
        await self._write(lambda conn: self._add_asset(conn, asset))

    async def _add_asset(self, conn: AsyncConnection, asset: IlliquidAsset) -> None:
        taken = await conn.scalar(select(_assets.c.id).where(_assets.c.id == asset.id))
        if taken is not None:
            raise Conflict(f"illiquid asset {asset.id!r} already exists", field="id")
        try:
            await conn.execute(_assets.insert(), row_of(asset, _assets))
        except IntegrityError as exc:  # a concurrent writer, or no such portfolio
            raise Conflict("the asset id is taken or its portfolio is gone", field="id") from exc

    async def get_asset(self, asset_id: str) -> IlliquidAsset | None:
        return await self._read_one(select(_assets).where(_assets.c.id == asset_id), _asset)

    async def list_assets(
        self,
        owner_id: str,
        *,
        portfolio_id: str | None = None,
        after: str | None = None,
        limit: int = 50,
    ) -> list[IlliquidAsset]:
        query = select(_assets).where(_assets.c.owner_id == owner_id)
        if portfolio_id is not None:
            query = query.where(_assets.c.portfolio_id == portfolio_id)
        if after is not None:
            query = query.where(_assets.c.id > after)
        query = query.order_by(_assets.c.id).limit(max(limit, 0))
        return [_asset(r) for r in await self._read(query)]

    async def add_valuation(self, valuation: Valuation) -> None:
        await self._write(lambda conn: self._add_valuation(conn, valuation))

    async def _add_valuation(self, conn: AsyncConnection, valuation: Valuation) -> None:
        found = await conn.scalar(select(_assets.c.id).where(_assets.c.id == valuation.asset_id))
        if found is None:
            raise NotFound(f"no illiquid asset {valuation.asset_id!r}", field="asset_id")
        taken = await conn.scalar(
            select(_values.c.as_of).where(
                _values.c.asset_id == valuation.asset_id, _values.c.as_of == valuation.as_of
            )
        )
        if taken is not None:
            raise _duplicate(valuation)
        try:
            await conn.execute(_values.insert(), row_of(valuation, _values))
        except IntegrityError as exc:  # a concurrent writer took the day first
            raise _duplicate(valuation) from exc

    async def valuations(self, asset_id: str) -> list[Valuation]:
        query = select(_values).where(_values.c.asset_id == asset_id).order_by(_values.c.as_of)
        return [_valuation(r) for r in await self._read(query)]

    async def latest_valuations(self, asset_ids: Sequence[str]) -> dict[str, Valuation]:
        latest: dict[str, Valuation] = {}
        ids = list(asset_ids)
        for start in range(0, len(ids), _CHUNK):
            chunk = ids[start : start + _CHUNK]
            newest = (
                select(_values.c.asset_id, func.max(_values.c.as_of).label("as_of"))
                .where(_values.c.asset_id.in_(chunk))
                .group_by(_values.c.asset_id)
                .subquery()
            )
            query = select(_values).join(
                newest,
                and_(_values.c.asset_id == newest.c.asset_id, _values.c.as_of == newest.c.as_of),
            )
            for row in await self._read(query):
                latest[row.asset_id] = _valuation(row)
        return latest


def _duplicate(valuation: Valuation) -> DuplicateValuation:
    return DuplicateValuation(
        f"the asset has a valuation as of {valuation.as_of} already", field="as_of"
    )
