"""Equity snapshots for the fuzzing world: the performance endpoint then has a curve to read."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

from tests.http.harness import Harness
from tests.kit.equity import cash_snapshot


async def seed_snapshots(harness: Harness, account_id: str, days: int = 5) -> None:
    """`days` daily snapshots up to yesterday, equity moving up and down around 1 000 000."""
    history = harness.container.trading.equity_history()
    now = harness.clock.now()
    for k in range(days, 0, -1):
        equity = Decimal(1_000_000) + Decimal((-1) ** k * 5_000 * k)
        await history.upsert(
            cash_snapshot(
                account_id,
                (now - timedelta(days=k)).date(),
                equity,
                net_flow=Decimal(1000) if k == 2 else Decimal(0),
                traded_notional=Decimal(100 * k),
                taken_at=now - timedelta(days=k),
            )
        )
