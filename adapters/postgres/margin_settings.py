"""Per-account margin settings on the `margin_settings` table, one short transaction per call."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.postgres.engine import guarded
from adapters.postgres.repos.base import upsert
from adapters.postgres.tables.platform import margin_settings
from domain.margin import MarginRates, MarginSchedule
from domain.trading.instruments import AssetClass
from ports.margin_settings import MarginSettings


def _rates_document(rates: MarginRates) -> dict[str, str]:
    # Decimal strings, not JSON numbers: a float on the way back would not be exact.
    return {
        "initial": str(rates.initial),
        "maintenance_long": str(rates.maintenance_long),
        "maintenance_short": str(rates.maintenance_short),
    }


def _rates(document: Mapping[str, str]) -> MarginRates:
    return MarginRates(
        initial=Decimal(document["initial"]),
        maintenance_long=Decimal(document["maintenance_long"]),
        maintenance_short=Decimal(document["maintenance_short"]),
    )


def to_row(settings: MarginSettings) -> dict[str, Any]:
    schedule = settings.schedule
    return {
        "account_id": settings.account_id,
        "initial_rate": schedule.default.initial,
        "maintenance_long_rate": schedule.default.maintenance_long,
        "maintenance_short_rate": schedule.default.maintenance_short,
        "rate_overrides": {
            "asset_class": {
                asset_class.value: _rates_document(rates)
                for asset_class, rates in schedule.by_asset_class.items()
            },
            "symbol": {
                symbol: _rates_document(rates) for symbol, rates in schedule.by_symbol.items()
            },
        },
        "warning_buffer": settings.warning_buffer,
        "target_buffer": settings.target_buffer,
        "auto_deleverage": settings.auto_deleverage,
        "updated_at": settings.updated_at,
    }


def from_row(row: Any) -> MarginSettings:
    overrides = row.rate_overrides
    schedule = MarginSchedule(
        default=MarginRates(
            initial=row.initial_rate,
            maintenance_long=row.maintenance_long_rate,
            maintenance_short=row.maintenance_short_rate,
        ),
        by_asset_class={
            AssetClass(name): _rates(rates)
            for name, rates in overrides.get("asset_class", {}).items()
        },
        by_symbol={symbol: _rates(rates) for symbol, rates in overrides.get("symbol", {}).items()},
    )
    return MarginSettings(
        account_id=row.account_id,
        schedule=schedule,
        warning_buffer=row.warning_buffer,
        target_buffer=row.target_buffer,
        auto_deleverage=bool(row.auto_deleverage),
        updated_at=row.updated_at,
    )


class SqlMarginSettingsRepository:
    """A MarginSettingsRepository on SQL; `put` upserts by account id."""

    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = engine

    async def get(self, account_id: str) -> MarginSettings | None:
        return await guarded(lambda: self._get(account_id))

    async def put(self, settings: MarginSettings) -> None:
        await guarded(lambda: self._put(settings))

    async def _get(self, account_id: str) -> MarginSettings | None:
        query = select(margin_settings).where(margin_settings.c.account_id == account_id)
        async with self._engine.begin() as conn:
            row = (await conn.execute(query)).first()
        return from_row(row) if row is not None else None

    async def _put(self, settings: MarginSettings) -> None:
        async with self._engine.begin() as conn:
            await upsert(conn, margin_settings, to_row(settings), ("account_id",))
