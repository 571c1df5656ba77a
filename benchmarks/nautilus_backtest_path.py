"""NautilusTrader's submit -> fill path in a BacktestEngine; run inside its own venv.

Not imported by Bulwark: `benchmarks/nautilus_reference.py` runs this file with the
throwaway venv's interpreter (`python nautilus_backtest_path.py ORDERS`). The same orders
as `bench_orders`: market orders for 1 AAPL (XNAS equity, the package's test instrument),
buys and sells alternating so the account stays flat, each submitted by a strategy on a
quote tick (99.99 / 100.01) and filled by the engine's simulated venue (a netting cash
account of 10,000,000 USD), through Nautilus's RiskEngine, ExecutionEngine, matching
engine, portfolio and cache. The timing is `BacktestEngine.run()` with the post-run
analysis off (`run_analysis=False`: the pandas reports are not the order path) and
logging bypassed; the run fails if any order is not filled. Prints one JSON line.
"""

from __future__ import annotations

import json
import sys
import time
from importlib.metadata import version

from nautilus_trader.backtest.engine import BacktestEngine, BacktestEngineConfig
from nautilus_trader.config import LoggingConfig, RiskEngineConfig, StrategyConfig
from nautilus_trader.model.currencies import USD
from nautilus_trader.model.data import QuoteTick
from nautilus_trader.model.enums import AccountType, OmsType, OrderSide
from nautilus_trader.model.events import OrderFilled
from nautilus_trader.model.identifiers import InstrumentId, Venue
from nautilus_trader.model.objects import Money, Price, Quantity
from nautilus_trader.test_kit.providers import TestInstrumentProvider
from nautilus_trader.trading.strategy import Strategy

START_NS = 1_700_000_000_000_000_000
STEP_NS = 1_000_000  # a quote every millisecond of simulated time


class AlternatingConfig(StrategyConfig, frozen=True):
    instrument_id: InstrumentId


class Alternating(Strategy):
    """A market order for one share per quote tick, buy then sell, counting the fills."""

    def __init__(self, config: AlternatingConfig) -> None:
        super().__init__(config)
        self.submitted = 0
        self.filled = 0

    def on_start(self) -> None:
        self.subscribe_quote_ticks(self.config.instrument_id)

    def on_quote_tick(self, tick: QuoteTick) -> None:
        side = OrderSide.BUY if self.submitted % 2 == 0 else OrderSide.SELL
        self.submitted += 1
        order = self.order_factory.market(self.config.instrument_id, side, Quantity.from_int(1))
        self.submit_order(order)

    def on_order_filled(self, event: OrderFilled) -> None:
        self.filled += 1


def main(orders: int) -> None:
    instrument = TestInstrumentProvider.equity("AAPL", "XNAS")
    engine = BacktestEngine(
        BacktestEngineConfig(
            run_analysis=False,
            logging=LoggingConfig(bypass_logging=True),
            risk_engine=RiskEngineConfig(max_order_submit_rate="100000/00:00:01"),
        )
    )
    engine.add_venue(
        venue=Venue("XNAS"),
        oms_type=OmsType.NETTING,
        account_type=AccountType.CASH,
        base_currency=USD,
        starting_balances=[Money(10_000_000, USD)],
    )
    engine.add_instrument(instrument)
    bid, ask, size = Price.from_str("99.99"), Price.from_str("100.01"), Quantity.from_int(1_000)
    engine.add_data(
        [
            QuoteTick(
                instrument.id, bid, ask, size, size, START_NS + i * STEP_NS, START_NS + i * STEP_NS
            )
            for i in range(orders)
        ]
    )
    strategy = Alternating(AlternatingConfig(instrument_id=instrument.id))
    engine.add_strategy(strategy)
    wall0, cpu0 = time.perf_counter(), time.process_time()
    engine.run()
    wall, cpu = time.perf_counter() - wall0, time.process_time() - cpu0
    if strategy.filled != orders:
        raise SystemExit(f"filled {strategy.filled} of {orders} orders")
    print(
        json.dumps(
            {
                "version": version("nautilus_trader"),
                "instrument": str(instrument.id),
                "orders": orders,
                "filled": strategy.filled,
                "wall_s": wall,
                "cpu_s": cpu,
            }
        )
    )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 20_000)
