"""NautilusTrader's RiskEngine pass path, timed per SubmitOrder; run inside its own venv.

Not imported by Bulwark: `benchmarks/nautilus_reference.py` runs this file with the
throwaway venv's interpreter (`python nautilus_pass_path.py ITERATIONS`). It wires the
engine as the package's own risk tests do (TestClock, MessageBus, Cache, Portfolio, a
cash account of 1,000,000 USD on SIM, AUD/USD) with a max order submit rate and a max
notional per order, then times `RiskEngine.execute(SubmitOrder)` for fresh limit buys
(a new client order id each) from the call up to the message bus send to
`ExecEngine.execute`, where a counting endpoint stands in for the execution engine, so
the cache holds no submitted orders and every iteration is the same work. Denials
reach `ExecEngine.process`; the run fails if any order is denied. Prints one JSON line.
"""

from __future__ import annotations

import gc
import json
import sys
import time
from importlib.metadata import version

from nautilus_trader.common.component import MessageBus, TestClock
from nautilus_trader.config import RiskEngineConfig
from nautilus_trader.core.uuid import UUID4
from nautilus_trader.execution.messages import SubmitOrder
from nautilus_trader.model.enums import OrderSide
from nautilus_trader.model.events import OrderDenied
from nautilus_trader.model.identifiers import AccountId
from nautilus_trader.model.objects import Price, Quantity
from nautilus_trader.portfolio.portfolio import Portfolio
from nautilus_trader.risk.engine import RiskEngine
from nautilus_trader.test_kit.providers import TestInstrumentProvider
from nautilus_trader.test_kit.stubs.component import TestComponentStubs
from nautilus_trader.test_kit.stubs.data import TestDataStubs
from nautilus_trader.test_kit.stubs.events import TestEventStubs
from nautilus_trader.test_kit.stubs.identifiers import TestIdStubs
from nautilus_trader.trading.strategy import Strategy

WARMUP = 2_000
STEP_NS = 2_000_000  # the clock moves 2 ms between orders: 500/s, under the 1,000/s limit


# Per instrument kind: the instrument, its account's id, the order's quantity (base + step
# x (i % 7)) and its limit price.
CASES = {
    "equity": (lambda: TestInstrumentProvider.equity("AAPL", "XNAS"), "XNAS-001", 10, 10, "190.00"),
    "fx": (
        lambda: TestInstrumentProvider.default_fx_ccy("AUD/USD"),
        "SIM-001",
        10_000,
        1_000,
        "0.80000",
    ),
}


def main(iterations: int, kind: str) -> None:
    make_instrument, account, base, step, limit = CASES[kind]
    clock = TestClock()
    trader_id = TestIdStubs.trader_id()
    msgbus = MessageBus(trader_id=trader_id, clock=clock)
    cache = TestComponentStubs.cache()
    portfolio = Portfolio(msgbus=msgbus, cache=cache, clock=clock)
    instrument = make_instrument()
    config = RiskEngineConfig(
        max_order_submit_rate="1000/00:00:01",
        max_notional_per_order={str(instrument.id): 1_000_000},
    )
    engine = RiskEngine(portfolio=portfolio, msgbus=msgbus, cache=cache, clock=clock, config=config)
    forwarded: list[object] = []
    denied: list[object] = []
    msgbus.register(endpoint="ExecEngine.execute", handler=forwarded.append)
    msgbus.register(endpoint="ExecEngine.process", handler=denied.append)
    cache.add_instrument(instrument)
    cache.add_quote_tick(TestDataStubs.quote_tick(instrument))
    portfolio.update_account(TestEventStubs.cash_account_state(AccountId(account)))
    engine.start()
    strategy = Strategy()
    strategy.register(
        trader_id=trader_id, portfolio=portfolio, msgbus=msgbus, cache=cache, clock=clock
    )
    total = WARMUP + iterations
    commands = [
        SubmitOrder(
            trader_id=trader_id,
            strategy_id=strategy.id,
            order=strategy.order_factory.limit(
                instrument.id,
                OrderSide.BUY,
                Quantity.from_int(base + step * (i % 7)),
                Price.from_str(limit),
            ),
            command_id=UUID4(),
            ts_init=clock.timestamp_ns(),
        )
        for i in range(total)
    ]
    samples: list[int] = []
    perf = time.perf_counter_ns
    execute = engine.execute
    gc.disable()
    for i, command in enumerate(commands):
        clock.advance_time(clock.timestamp_ns() + STEP_NS)
        t0 = perf()
        execute(command)
        elapsed = perf() - t0
        if i >= WARMUP:
            samples.append(elapsed)
    gc.enable()
    rejected = [event for event in denied if isinstance(event, OrderDenied)]
    if rejected or len(forwarded) != total:
        raise SystemExit(f"orders denied: {rejected[:1]}, forwarded {len(forwarded)}/{total}")
    samples.sort()
    print(
        json.dumps(
            {
                "version": version("nautilus_trader"),
                "instrument": str(instrument.id),
                "python": sys.version.split()[0],
                "samples": len(samples),
                "p50_ns": samples[len(samples) // 2],
                "p99_ns": samples[min(len(samples) - 1, int(0.99 * len(samples)))],
                "forwarded": len(forwarded),
                "denied": len(rejected),
            }
        )
    )


if __name__ == "__main__":
    main(
        int(sys.argv[1]) if len(sys.argv) > 1 else 20_000,
        sys.argv[2] if len(sys.argv) > 2 else "equity",
    )
