"""A NautilusTrader backtest whose orders pass Bulwark's gate first; prints one JSON line.

Offline: a BacktestEngine on generated AAPL quotes (XNAS, NautilusTrader's test equity) with
a simulated venue; only the gate's checks leave the process, to the Bulwark named by
BULWARK_URL (with BULWARK_API_KEY, an agent's key, and BULWARK_ACCOUNT). The strategy sends
one order per quote tick from a plan of "TYPE:QUANTITY" items (argv; by default small and
large market buys and a small limit buy) and an order list of two when the plan names one
("LIST:Q1+Q2"). The JSON says, per order, its final status and the reason in the
OrderDenied that `on_order_denied` received.

    BULWARK_URL=http://127.0.0.1:8000 BULWARK_API_KEY=... BULWARK_ACCOUNT=acc-1 \
        python gated_backtest.py MARKET:1 MARKET:500 LIMIT:2
"""

from __future__ import annotations

import json
import sys
from importlib.metadata import version

from nautilus_trader.backtest.engine import BacktestEngine, BacktestEngineConfig
from nautilus_trader.config import LoggingConfig, StrategyConfig
from nautilus_trader.model.currencies import USD
from nautilus_trader.model.data import QuoteTick
from nautilus_trader.model.enums import AccountType, OmsType, OrderSide
from nautilus_trader.model.events import OrderDenied, OrderFilled
from nautilus_trader.model.identifiers import InstrumentId, Venue
from nautilus_trader.model.objects import Money, Price, Quantity
from nautilus_trader.model.orders import Order
from nautilus_trader.test_kit.providers import TestInstrumentProvider

from bulwark_nautilus import BulwarkGate, BulwarkGatedStrategy

START_NS = 1_700_000_000_000_000_000
STEP_NS = 1_000_000_000  # a quote a second
BID, ASK = "189.99", "190.01"
DEFAULT_PLAN = ("MARKET:1", "MARKET:500", "LIMIT:2", "MARKET:800", "MARKET:3")


class PlanConfig(StrategyConfig, frozen=True):
    instrument_id: InstrumentId
    plan: tuple[str, ...] = DEFAULT_PLAN


class PlannedBuys(BulwarkGatedStrategy):
    """One item of the plan per quote tick: buys, as market or limit (at the ask) orders."""

    def __init__(self, config: PlanConfig, gate: BulwarkGate | None = None) -> None:
        super().__init__(config, gate)
        self.sent: list[str] = []
        self.denials: dict[str, str] = {}
        self.fills: dict[str, str] = {}

    def on_start(self) -> None:
        self.subscribe_quote_ticks(self.config.instrument_id)

    def on_quote_tick(self, tick: QuoteTick) -> None:
        if len(self.sent) >= len(self.config.plan):
            return
        kind, _, amount = self.config.plan[len(self.sent)].partition(":")
        if kind == "LIST":
            orders = [self._order("MARKET", q, tick) for q in amount.split("+")]
            self.sent.append("+".join(o.client_order_id.value for o in orders))
            self.submit_order_list(self.order_factory.create_list(orders))
            return
        order = self._order(kind, amount, tick)
        self.sent.append(order.client_order_id.value)
        self.submit_order(order)

    def _order(self, kind: str, amount: str, tick: QuoteTick) -> Order:
        factory, instrument_id = self.order_factory, self.config.instrument_id
        if kind == "LIMIT":
            return factory.limit(
                instrument_id, OrderSide.BUY, Quantity.from_str(amount), tick.ask_price
            )
        return factory.market(instrument_id, OrderSide.BUY, Quantity.from_str(amount))

    def on_order_denied(self, event: OrderDenied) -> None:
        self.denials[event.client_order_id.value] = event.reason

    def on_order_filled(self, event: OrderFilled) -> None:
        self.fills[event.client_order_id.value] = str(event.last_px)


def main(plan: tuple[str, ...]) -> None:
    instrument = TestInstrumentProvider.equity("AAPL", "XNAS")
    engine = BacktestEngine(
        BacktestEngineConfig(run_analysis=False, logging=LoggingConfig(bypass_logging=True))
    )
    engine.add_venue(
        venue=Venue("XNAS"),
        oms_type=OmsType.NETTING,
        account_type=AccountType.CASH,
        base_currency=USD,
        starting_balances=[Money(1_000_000, USD)],
    )
    engine.add_instrument(instrument)
    bid, ask, size = Price.from_str(BID), Price.from_str(ASK), Quantity.from_int(10_000)
    ticks = len(plan) + 2
    engine.add_data(
        [
            QuoteTick(
                instrument.id, bid, ask, size, size, START_NS + i * STEP_NS, START_NS + i * STEP_NS
            )
            for i in range(ticks)
        ]
    )
    strategy = PlannedBuys(PlanConfig(instrument_id=instrument.id, plan=plan))
    engine.add_strategy(strategy)
    engine.run()
    orders = []
    for order in engine.cache.orders():
        key = order.client_order_id.value
        orders.append(
            {
                "client_order_id": key,
                "type": order.type_string(),
                "quantity": str(order.quantity),
                "status": order.status_string(),
                "denied_reason": strategy.denials.get(key),
                "fill_price": strategy.fills.get(key),
            }
        )
    orders.sort(key=lambda o: int(o["client_order_id"].rpartition("-")[2]))  # as sent
    print(
        json.dumps({"version": version("nautilus_trader"), "sent": strategy.sent, "orders": orders})
    )
    engine.dispose()


if __name__ == "__main__":
    main(tuple(sys.argv[1:]) or DEFAULT_PLAN)
