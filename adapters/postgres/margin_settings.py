"""Per-account margin settings on the `margin_settings` table, one short transaction per call."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from adapters.postgres.rows import record, row_of
from adapters.postgres.stores import RowPerKey
from adapters.postgres.tables.platform import margin_settings
from domain.margin import MarginRates, MarginSchedule
from domain.trading.instruments import AssetClass
from ports.trading.margin_settings import MarginSettings


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


class SqlMarginSettingsRepository(RowPerKey[MarginSettings]):
    """A MarginSettingsRepository on SQL; `put` upserts by account id."""

    table, key = margin_settings, "account_id"

    def to_row(self, item: MarginSettings) -> dict[str, Any]:
        schedule = item.schedule
        overrides = {
            "asset_class": {
                asset_class.value: _rates_document(rates)
                for asset_class, rates in schedule.by_asset_class.items()
            },
            "symbol": {
                symbol: _rates_document(rates) for symbol, rates in schedule.by_symbol.items()
            },
        }
        return row_of(
            item,
            self.table,
            initial_rate=schedule.default.initial,
            maintenance_long_rate=schedule.default.maintenance_long,
            maintenance_short_rate=schedule.default.maintenance_short,
            rate_overrides=overrides,
        )

    def from_row(self, row: Any) -> MarginSettings:
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
            by_symbol={
                symbol: _rates(rates) for symbol, rates in overrides.get("symbol", {}).items()
            },
        )
        return record(
            MarginSettings, row, schedule=schedule, auto_deleverage=bool(row.auto_deleverage)
        )
