"""Kill-switch latency: 100 accounts x 100 open orders on the paper broker.

Each run builds a fresh embedded Bulwark on the system clock, rests 10,000 limit
orders through the order service (so the gate and the books are real), then
pulls the global kill switch and measures:
  - activation -> confirmed: from the call until the last broker's open-order list
    came back empty (the KillSwitchEvent's elapsed_ms),
  - whole call: until the event is recorded and the local orders are synced.
Prints the p50 of 5 runs. Run: `.venv/bin/python -m benchmarks.bench_killswitch [runs]`.
"""

from __future__ import annotations

import asyncio
import os
import statistics
import sys
import time
from decimal import Decimal

from application.trading.orders import SubmitOrder
from bootstrap.embedded import build_embedded
from domain.killswitch.state import Scope
from domain.killswitch.switch import TriggerType
from domain.principals import Principal, Role
from domain.trading.instruments import Instrument
from domain.trading.orders import OrderType, Origin, OriginKind, Side

ACCOUNTS = 100
ORDERS_PER_ACCOUNT = 100
SYMBOLS = [f"SYM{i:02d}" for i in range(20)]


async def one_run() -> tuple[float, float, int, bool]:
    e = build_embedded(fake_clock=False)
    for symbol in SYMBOLS:
        await e.add_instrument(Instrument(symbol, sector=f"S{hash(symbol) % 9}"), Decimal(100))
    for a in range(ACCOUNTS):
        owner = Principal(f"owner-{a}", Role.OWNER)
        account_id = f"acc-{a:03d}"
        await e.open_account(account_id, owner.id, Decimal(10_000_000))
        origin = Origin(OriginKind.USER, owner.id)
        for i in range(ORDERS_PER_ACCOUNT):
            price = Decimal(90) - Decimal(i % 50) / 10  # below the ask: rests
            result = await e.orders.submit(
                SubmitOrder(
                    owner,
                    account_id,
                    SYMBOLS[i % len(SYMBOLS)],
                    Side.BUY,
                    Decimal(1 + i),
                    origin,
                    OrderType.LIMIT,
                    limit_price=price,
                )
            )
            assert result.decision is not None and result.decision.approved, result
    open_total = 0
    for a in range(ACCOUNTS):
        open_total += len(await e.broker.open_orders(f"acc-{a:03d}"))
    assert open_total == ACCOUNTS * ORDERS_PER_ACCOUNT, open_total
    t0 = time.perf_counter()
    event = await e.killswitch.trigger(Scope.global_(), TriggerType.MANUAL, "benchmark")
    whole_ms = (time.perf_counter() - t0) * 1e3
    return event.elapsed_ms, whole_ms, event.orders_cancelled, event.broker_confirmed


async def main(runs: int) -> None:
    confirmed_ms: list[float] = []
    whole_ms: list[float] = []
    for _ in range(runs):
        elapsed, whole, cancelled, confirmed = await one_run()
        assert confirmed and cancelled == ACCOUNTS * ORDERS_PER_ACCOUNT, (confirmed, cancelled)
        confirmed_ms.append(elapsed)
        whole_ms.append(whole)
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}")
    print(f"kill switch, {ACCOUNTS} accounts x {ORDERS_PER_ACCOUNT} open orders, {runs} runs")
    print(
        f"  activation -> broker-confirmed: p50 {statistics.median(confirmed_ms):7.1f} ms  "
        f"(runs: {', '.join(f'{v:.1f}' for v in confirmed_ms)})"
    )
    print(
        f"  whole call incl. record + sync: p50 {statistics.median(whole_ms):7.1f} ms  "
        f"(runs: {', '.join(f'{v:.1f}' for v in whole_ms)})"
    )


if __name__ == "__main__":
    asyncio.run(main(int(sys.argv[1]) if len(sys.argv) > 1 else 5))
