"""What each control costs on the gate's pass path: bench_pretrade's equity case (a), taken apart.

The pass path is one generated function per policy (domain/risk/screen.py): the gate's
preparation of the order, then every control's pass condition inlined. This compiles that
function for the first k controls of bench_pretrade's policy, k = 0 .. 19, and times each on
the same 1,000 orders and snapshot, in short rounds that take turns (so a busy machine slows
them alike); a control's cost is what adding it adds, on the fastest round of each (the one
least interrupted: on a busy machine a median moves by more than a control costs). Then cProfile of
the whole pass path, for the calls it makes besides its own function (dict reads, the Decimal
checks of the mark, the decision).

Run: `.venv/bin/python -m benchmarks.gate_profile [--rounds N] [--orders N]`.
Timings on a shared machine are noisy: read the costs as ratios within one run. For figures
that do not move with the load, count instructions instead: `valgrind --tool=callgrind` over
the same calls (docs/performance.md gives both).
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import pstats
import time
from collections.abc import Callable
from datetime import UTC, datetime

from benchmarks.bench_pretrade import all_rules, build_fixture, new_orders
from domain.killswitch.state import TradingState
from domain.risk.gate import compile_policy
from domain.risk.screen import compile_screen
from domain.risk.verdicts import Decision
from domain.risk.view import AccountRiskView, build_risk_view
from domain.trading.orders import Order, Origin, OriginKind

# The stand-in for the gate's general path: a prefix of the policy's controls always passes the
# orders (every order passes every control), so it is never called.
_UNREACHED = Decision(False, 0, 0, ())  # type: ignore[arg-type]


def _general(order: Order, view: AccountRiskView, waive_holds: bool) -> Decision:
    return _UNREACHED


def main(rounds: int = 60, count: int = 2_000) -> None:
    account, instruments, marks = build_fixture()
    policy = compile_policy(account.id, account.owner_id, all_rules())
    now = datetime(2026, 1, 7, 15, 0, tzinfo=UTC)
    view = build_risk_view(account, instruments, marks, now=now, trading_state=TradingState.ACTIVE)
    orders = new_orders(account.id, marks)
    controls = policy.controls_for(Origin(OriginKind.AGENT, "agent-7"))
    for order in orders:  # the first order of a day takes the exact path: it caches the session
        assert policy.evaluate(order, view).approved
    steps: list[tuple[str, Callable[[Order, AccountRiskView], Decision]]] = [
        ("loop", lambda order, view: _UNREACHED)
    ]
    for k in range(len(controls) + 1):
        compiled = compile_screen(controls[:k])
        assert compiled is not None
        evaluate = compiled[0](_general, ())
        assert all(evaluate(order, view) is not _UNREACHED for order in orders)
        steps.append((controls[k - 1].name if k else "preparation and decision", evaluate))
    steps.append(("policy.evaluate", policy.evaluate))
    per_round: dict[str, list[float]] = {name: [] for name, _ in steps}
    clock = time.perf_counter_ns
    gc.disable()
    for _ in range(rounds):
        for name, decide in steps:
            t0 = clock()
            for i in range(count):
                decide(orders[i % 1000], view)
            per_round[name].append((clock() - t0) / count)
    gc.enable()
    loop = min(per_round.pop("loop"))
    print(f"{len(controls)} controls, {rounds} rounds of {count:,} orders, fastest (ns per order)")
    print(f"{'control':>26} {'adds':>7} {'total':>7}")
    previous = 0.0
    for name, samples in per_round.items():
        total = min(samples) - loop
        added = "" if name == "policy.evaluate" else f"{total - previous:7.0f}"
        print(f"{name:>26} {added:>7} {total:7.0f}")
        previous = total
    profiler = cProfile.Profile()
    evaluate = policy.evaluate
    profiler.enable()
    for i in range(10 * count):
        evaluate(orders[i % 1000], view)
    profiler.disable()
    print(f"\ncProfile of {10 * count:,} decisions on the pass path (per decision: ncalls / that)")
    pstats.Stats(profiler).sort_stats("tottime").print_stats(12)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=60)
    parser.add_argument("--orders", type=int, default=2_000, help="orders per round")
    args = parser.parse_args()
    main(args.rounds, args.orders)
