"""Pre-trade gate latency: all 17 controls active, 50 positions, 20 open orders.

Prints p50/p99 in ns and orders/s for (a) the gate alone against a prepared
account snapshot, (b) snapshot + gate, which is what one submission pays: the
snapshot's aggregates (exposures with open orders, per-symbol open quantities,
sector notional, equity, margin) are built once per submission and every
control reads them; and (c) the gate on its exact path (the compiled screen
off), the path an order takes when a control breaches.
Run: `.venv/bin/python -m benchmarks.bench_pretrade [iterations]`.
"""

from __future__ import annotations

import gc
import os
import platform
import statistics
import sys
import time
from datetime import UTC, datetime
from decimal import Decimal

from domain.killswitch.state import TradingState
from domain.risk.gate import compile_policy
from domain.risk.reasons import Action
from domain.risk.rules import RiskRule, RuleType
from domain.risk.view import AccountRiskView, build_risk_view
from domain.trading.accounts import Account
from domain.trading.instruments import Instrument
from domain.trading.orders import Order, OrderType, Origin, OriginKind, Side
from domain.trading.positions import Position

D = Decimal
SECTORS = ("Tech", "Health", "Energy", "Financials", "Industrials", "Utilities", "Materials")


def build_fixture() -> tuple[Account, dict[str, Instrument], dict[str, Decimal]]:
    instruments = {
        f"S{i:03d}": Instrument(f"S{i:03d}", sector=SECTORS[i % len(SECTORS)]) for i in range(80)
    }
    marks = {symbol: D(100) + D(i) for i, symbol in enumerate(instruments)}
    account = Account(
        "acc-1",
        "owner-1",
        cash=D(5_000_000),
        start_of_day_equity=D(5_400_000),
        peak_equity=D(5_500_000),
    )
    for i in range(50):
        symbol = f"S{i:03d}"
        qty = D(100 + i) if i % 5 else D(-(50 + i))
        account.positions[symbol] = Position(symbol, qty, marks[symbol])
    origin = Origin(OriginKind.AGENT, "agent-7")
    for i in range(20):
        symbol = f"S{i + 50:03d}"
        side = Side.BUY if i % 2 else Side.SELL
        mark = marks[symbol]
        price = mark - D(1) if side is Side.BUY else mark + D(1)
        order = Order(
            f"o{i}",
            f"c{i}",
            "acc-1",
            symbol,
            side,
            D(10),
            origin,
            OrderType.LIMIT,
            limit_price=price,
        )
        order.mark_pending_submit()
        order.accept(f"b{i}")
        account.open_orders[order.id] = order
    return account, instruments, marks


def all_rules() -> list[RiskRule]:
    specs: list[tuple[RuleType, dict[str, object]]] = [
        (RuleType.MAX_ORDER_QUANTITY, {"max_quantity": 10_000}),
        (RuleType.MAX_ORDER_NOTIONAL, {"max_notional": 1_000_000}),
        (RuleType.PRICE_COLLAR, {"max_pct": "0.05"}),
        (RuleType.MAX_POSITION_SIZE, {"max_quantity": 20_000, "max_notional": 2_000_000}),
        (RuleType.GROSS_EXPOSURE, {"max_gross": 50_000_000}),
        (RuleType.NET_EXPOSURE, {"max_net": 30_000_000}),
        (RuleType.MAX_DAILY_LOSS, {"max_loss": 1_000_000}),
        (RuleType.MAX_DRAWDOWN, {"max_drawdown": "0.5"}),
        (RuleType.MAX_LEVERAGE, {"max_leverage": 4}),
        (RuleType.SECTOR_CONCENTRATION, {"max_pct": "0.9"}),
        (RuleType.ORDER_RATE, {"per_second": 1000, "per_minute": 50_000}),
        (RuleType.DUPLICATE_ORDER, {"window_seconds": 2}),
        (RuleType.RESTRICTED_SYMBOLS, {"symbols": ["XXX", "YYY"]}),
        (RuleType.TRADING_HOURS, {"start": "00:00", "end": "23:59", "days": [0, 1, 2, 3, 4, 5, 6]}),
        (RuleType.BUYING_POWER, {}),
        (RuleType.SELF_MATCH, {}),
        (RuleType.MAX_OPEN_ORDERS, {"max_open": 500}),
    ]
    return [
        RiskRule(f"r{i:02d}", "owner-1", rule_type, params, action=Action.BLOCK)
        for i, (rule_type, params) in enumerate(specs)
    ]


def percentile(sorted_ns: list[int], q: float) -> int:
    return sorted_ns[min(len(sorted_ns) - 1, int(q * len(sorted_ns)))]


def main(iterations: int = 100_000) -> None:
    account, instruments, marks = build_fixture()
    policy = compile_policy(account.id, account.owner_id, all_rules())
    now = datetime(2026, 1, 7, 15, 0, tzinfo=UTC)
    origin = Origin(OriginKind.AGENT, "agent-7")
    orders = [
        Order(
            f"n{i}",
            f"cn{i}",
            "acc-1",
            f"S{i % 50:03d}",
            Side.BUY,
            D(1 + i % 7),
            origin,
            OrderType.LIMIT,
            limit_price=marks[f"S{i % 50:03d}"],
        )
        for i in range(1000)
    ]

    def view() -> AccountRiskView:
        return build_risk_view(
            account, instruments, marks, now=now, trading_state=TradingState.ACTIVE
        )

    snapshot = view()
    for order in orders:  # every order approved, and the same decision on both paths
        decision = policy.evaluate(order, snapshot)
        assert decision.approved, decision.verdicts
        assert decision == policy.evaluate(order, snapshot, exact=True)
    controls = len(policy.controls_for(origin))
    gc.disable()
    gate_ns: list[int] = []
    full_ns: list[int] = []
    exact_ns: list[int] = []
    clock = time.perf_counter_ns
    evaluate = policy.evaluate
    for i in range(iterations):
        order = orders[i % 1000]
        t0 = clock()
        evaluate(order, snapshot)
        gate_ns.append(clock() - t0)
    for i in range(iterations // 10):
        order = orders[i % 1000]
        t0 = clock()
        evaluate(order, view())
        full_ns.append(clock() - t0)
    for i in range(iterations // 10):
        order = orders[i % 1000]
        t0 = clock()
        evaluate(order, snapshot, exact=True)
        exact_ns.append(clock() - t0)
    gc.enable()
    print(
        f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
        f"Python {sys.version.split()[0]}"
    )
    print(
        f"controls evaluated per order: {controls} (17 control kinds + reduce-only flag); "
        f"positions: {len(account.positions)}, open orders: {len(account.open_orders)}"
    )
    print(
        "(a) reuses one snapshot; (b) builds it per order, as a submission does:\n"
        "    the aggregates the controls read (exposures with open orders, per-symbol\n"
        "    open quantities, sector notional, margin) are computed there, once per order"
    )
    runs = (
        ("(a) gate only", gate_ns),
        ("(b) snapshot + gate", full_ns),
        ("(c) gate, exact path", exact_ns),
    )
    for label, samples in runs:
        samples.sort()
        p50, p99 = percentile(samples, 0.50), percentile(samples, 0.99)
        rate = 1e9 / statistics.fmean(samples)
        print(
            f"{label:>20}: p50 {p50:>7,} ns  p99 {p99:>9,} ns  {rate:>10,.0f} orders/s "
            f"({len(samples):,} samples)"
        )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000)
