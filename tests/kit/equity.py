"""Daily equity snapshots as the snapshot job stores them, for the tests that read them back."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from decimal import Decimal
from typing import Any

from ports.trading.equity import EquitySnapshot


def cash_snapshot(account_id: str, day: date, equity: Decimal, **fields: Any) -> EquitySnapshot:
    """`account_id`'s snapshot of `day`: `equity` all in cash (no market value, exposure, flow,
    turnover or realised P&L), taken at 21:00 UTC that day; `fields` over it."""
    values: dict[str, Any] = {
        "cash": equity,
        "market_value": Decimal(0),
        "gross_exposure": Decimal(0),
        "net_flow": Decimal(0),
        "traded_notional": Decimal(0),
        "realized_pnl": Decimal(0),
        "taken_at": datetime.combine(day, time(21), tzinfo=UTC),
        **fields,
    }
    return EquitySnapshot(account_id=account_id, day=day, equity=equity, **values)
