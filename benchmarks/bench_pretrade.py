"""Pre-trade gate latency: all 17 controls active, 50 positions, 20 open orders.

Prints p50/p99 in ns and orders/s for (a) the gate alone against a prepared
account snapshot; (b) a snapshot rebuilt from the whole account + the gate, what a
submission paid before the incremental risk book (and still pays with no mark board); (d) the
incremental risk book + the gate, what a submission pays now: each iteration the
approved order is tracked, an older open order is closed (a fill or cancel) and one
mark moves, so every view first recomputes the symbols those changes touched
(domain/risk/book.py); (e) the same when the only change since the last order is that
order itself (tracked, then filled at once: one symbol, bench_orders' steady state); (g) (d)
with the account in a book of three, the book's seven limits judged after its own gate
(benchmarks/pretrade_book.py), printed beside (d) as a ratio;
and (c) the gate on its exact path (the compiled screen
off), the path an order takes when a control breaches. Then (f) NautilusTrader's
RiskEngine pass path (benchmarks/nautilus_reference.py, in its own venv), run in rounds
alternating with (a), the medians of the rounds side by side (`--no-nautilus` skips it).
Run: `.venv/bin/python -m benchmarks.bench_pretrade [iterations] [--no-nautilus]`.
"""

from __future__ import annotations

import argparse
import gc
import os
import platform
import statistics
import sys
import time
from datetime import UTC, datetime
from decimal import Decimal

from benchmarks import nautilus_reference
from benchmarks.nautilus_reference import Figures
from benchmarks.pretrade_book import book_run
from domain.killswitch.state import TradingState
from domain.risk.book import RiskBook
from domain.risk.flow import OrderFlow
from domain.risk.gate import Policy, compile_policy
from domain.risk.reasons import Action
from domain.risk.rules import RiskRule, RuleType
from domain.risk.view import AccountRiskView, build_risk_view
from domain.trading.accounts import Account
from domain.trading.instruments import Instrument
from domain.trading.orders import Order, OrderType, Origin, OriginKind, Side
from domain.trading.positions import Position

D = Decimal
BOOK_RATIO_TARGET = 1.5  # (g) over (d): a book of three costs at most half again
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


def new_orders(account_id: str, marks: dict[str, Decimal]) -> list[Order]:
    """1,000 small limit buys at the mark over the 50 held symbols, all within every limit."""
    origin = Origin(OriginKind.AGENT, "agent-7")
    return [
        Order(
            f"n{i}",
            f"cn{i}",
            account_id,
            f"S{i % 50:03d}",
            Side.BUY,
            D(1 + i % 7),
            origin,
            OrderType.LIMIT,
            limit_price=marks[f"S{i % 50:03d}"],
        )
        for i in range(1000)
    ]


def main(iterations: int = 100_000, *, nautilus: bool = True) -> None:
    account, instruments, marks = build_fixture()
    policy = compile_policy(account.id, account.owner_id, all_rules())
    now = datetime(2026, 1, 7, 15, 0, tzinfo=UTC)
    origin = Origin(OriginKind.AGENT, "agent-7")
    orders = new_orders(account.id, marks)

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
    book_ns = incremental_run(account, instruments, marks, orders, policy, now, iterations)
    calm_ns = incremental_run(
        account, instruments, marks, orders, policy, now, iterations, churn=False
    )
    booked_ns = book_run(account, instruments, marks, orders, policy, now, iterations)
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
        ("(d) risk book + gate", book_ns),
        ("(e) book, calm + gate", calm_ns),
        ("(g) (d) + book of 3", booked_ns),
    )
    targets = {
        "(a) gate only": 5_000,
        "(d) risk book + gate": 10_000,
        "(e) book, calm + gate": 10_000,
    }
    for label, samples in runs:
        samples.sort()
        p50, p99 = percentile(samples, 0.50), percentile(samples, 0.99)
        rate = 1e9 / statistics.fmean(samples)
        target = targets.get(label)
        verdict = (
            ""
            if target is None
            else f"  target p50 <= {target:,} ns: " + ("met" if p50 <= target else "MISSED")
        )
        print(
            f"{label:>20}: p50 {p50:>7,} ns  p99 {p99:>9,} ns  {rate:>10,.0f} orders/s "
            f"({len(samples):,} samples){verdict}"
        )
    d50, g50 = percentile(book_ns, 0.50), percentile(booked_ns, 0.50)
    ratio = g50 / d50 if d50 else float("inf")
    print(
        f"(g) / (d) at p50: {ratio:.2f}x  target <= {BOOK_RATIO_TARGET}x: "
        + ("met" if ratio <= BOOK_RATIO_TARGET else "MISSED")
        + "  (the book's limits over three accounts, in the same run)"
    )
    if nautilus:
        compare_nautilus(policy, orders, snapshot, iterations)


def gate_figures(
    policy: Policy, orders: list[Order], snapshot: AccountRiskView, iterations: int
) -> Figures:
    """(a) once more: the gate alone over `iterations` orders, for one round of (f)."""
    samples: list[int] = []
    clock = time.perf_counter_ns
    evaluate = policy.evaluate
    gc.disable()
    for i in range(iterations):
        order = orders[i % 1000]
        t0 = clock()
        evaluate(order, snapshot)
        samples.append(clock() - t0)
    gc.enable()
    samples.sort()
    return Figures(percentile(samples, 0.50), percentile(samples, 0.99), len(samples))


def compare_nautilus(
    policy: Policy,
    orders: list[Order],
    snapshot: AccountRiskView,
    iterations: int,
    rounds: int = 5,
) -> None:
    """(f): NautilusTrader's pass path and (a) alternately, `rounds` times; the medians."""
    why = nautilus_reference.ensure_venv()
    if why is not None:
        print(why)
        return
    per_round = max(1_000, iterations // 5)
    gate_rounds: list[Figures] = []
    reference_rounds: dict[str, list[Figures]] = {kind: [] for kind in nautilus_reference.KINDS}
    try:
        for _ in range(rounds):
            gate_rounds.append(gate_figures(policy, orders, snapshot, per_round))
            for kind, kept in reference_rounds.items():
                kept.append(nautilus_reference.run(per_round, kind))
    except RuntimeError as exc:
        print(f"NautilusTrader comparison skipped: {exc}")
        return
    gate = nautilus_reference.medians(gate_rounds)
    references = {kind: nautilus_reference.medians(kept) for kind, kept in reference_rounds.items()}
    version = references["equity"].version
    print(
        f"(f) NautilusTrader {version} RiskEngine pass path: SubmitOrder of a fresh limit buy "
        "through its checks\n    to the execution engine's endpoint, on an equity (AAPL, as "
        "Bulwark's orders) and on its own FX test case;\n    "
        f"{rounds} rounds of {per_round:,} orders each alternating with (a), medians of the rounds"
    )
    print(f"{'(a) gate only':>31}: p50 {gate.p50_ns:>7,} ns  p99 {gate.p99_ns:>9,} ns")
    for figures in references.values():
        ratio = figures.p50_ns / gate.p50_ns if gate.p50_ns else float("inf")
        label = f"(f) NautilusTrader {figures.instrument}"
        print(
            f"{label:>31}: p50 {figures.p50_ns:>7,} ns  p99 {figures.p99_ns:>9,} ns"
            f"  ({ratio:.2f}x the gate)"
        )
    reference = references["equity"]
    print(nautilus_reference.verdict(gate, reference))


def incremental_run(
    account: Account,
    instruments: dict[str, Instrument],
    marks: dict[str, Decimal],
    orders: list[Order],
    policy: Policy,
    now: datetime,
    iterations: int,
    *,
    churn: bool = True,
) -> list[int]:
    """(d): per order, refresh what changed, view, decide, track the approved order.

    With `churn`, between two orders an older order closes and one mark moves (three
    symbols to recompute per order); without, only the previous order was tracked (one
    symbol), as in bench_orders' steady state. (e) is the latter.
    """
    book = RiskBook(account, instruments)
    flow = OrderFlow()  # the account's, held by the policy cache in the service
    book.pending()
    book.refresh(marks, None)
    samples: list[int] = []
    clock = time.perf_counter_ns
    evaluate = policy.evaluate
    mine: list[Order] = []
    symbols = list(marks)
    for i in range(iterations // 10):
        template = orders[i % 1000]
        order = Order(
            f"d{i}", f"cd{i}", template.account_id, template.symbol, template.side,
            template.quantity, template.origin, template.order_type,
            limit_price=template.limit_price,
        )  # fmt: skip
        symbol = symbols[i % 50]
        if churn:
            marks[symbol] = marks[symbol] + (D("0.01") if i % 2 else D("-0.01"))
            book.mark_changed(symbol)  # a quote arrived
        if churn and len(mine) >= 20:  # an older order of ours filled or was cancelled
            old = mine.pop(0)
            old.cancel()
            account.release_order(old)
        t0 = clock()
        wanted = book.pending(order.symbol)
        if wanted:
            book.refresh(marks, order.symbol)
        view = book.view(now=now, trading_state=TradingState.ACTIVE, flow=flow)
        decision = evaluate(order, view)
        order.mark_pending_submit()
        account.track_order(order)
        samples.append(clock() - t0)
        assert decision.approved, decision.verdicts
        order.accept(f"b{i}")
        if churn:
            mine.append(order)
        else:  # it fills at once, as bench_orders' market orders do: the same symbol again
            order.cancel()
            account.release_order(order)
    for order in mine:
        order.cancel()
        account.release_order(order)
    return samples


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("iterations", nargs="?", type=int, default=100_000)
    parser.add_argument(
        "--no-nautilus", action="store_true", help="skip (f), NautilusTrader's pass path"
    )
    args = parser.parse_args()
    main(args.iterations, nautilus=not args.no_nautilus)
