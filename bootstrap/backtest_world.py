"""Builds a backtest's simulated world: in-memory store, paper broker, quotes on a fake clock.

The order path is the real OrderService (the gate, the batching, the booking of fills), wired
as bootstrap/containers/ wires it for the server, minus what a simulation has no use for
(events go nowhere, no throttle shared across instances). Each run gets a fresh world.
"""

from __future__ import annotations

from collections.abc import Sequence

from adapters.brokers.paper.broker import PaperBroker
from adapters.brokers.paper.config import PaperBrokerConfig
from adapters.memory.clock import FakeClock, SequentialIds
from adapters.memory.marketdata import InMemoryMarketData
from adapters.memory.simulation import SimulatedVenue
from adapters.memory.store import InMemoryStore
from adapters.memory.store import unit_of_work_factory as memory_uow_factory
from application.core.concurrency import KeyedLocks
from application.strategies.backtest_world import SimulatedWorld, WorldSpec
from application.trading.broker_router import BrokerRouter
from application.trading.orders import OrderService
from application.trading.policies import PolicyCache
from application.trading.risk_books import RiskBooks
from domain.events import DomainEvent
from domain.trading.accounts import Account
from domain.trading.instruments import Instrument


class _Discard:
    """An EventPublisher for a simulation: its orders' events interest nobody outside it."""

    async def publish(self, events: Sequence[DomainEvent]) -> None:
        return None


def build_world(spec: WorldSpec) -> SimulatedWorld:
    """A fresh world with the account funded and the symbols listed as instruments."""
    clock = FakeClock(spec.start)
    ids = SequentialIds()
    board = InMemoryMarketData(clock)
    broker = PaperBroker(board, clock, ids, PaperBrokerConfig(slippage_bps=spec.slippage_bps))
    broker.seed_account(spec.account_id, spec.starting_cash)
    store = InMemoryStore()
    cash = spec.starting_cash
    store.accounts[spec.account_id] = Account(
        spec.account_id, spec.owner_id, cash, start_of_day_equity=cash, peak_equity=cash
    )
    known = {instrument.symbol: instrument for instrument in spec.instruments}
    for symbol in spec.symbols:
        store.instruments[symbol] = known.get(symbol) or Instrument(symbol)
    for rule in spec.rules:
        store.risk_rules[rule.id] = rule
    orders = OrderService.assemble(
        memory_uow_factory(store),
        BrokerRouter({"paper": broker}),
        board,
        _Discard(),
        clock,
        ids,
        PolicyCache(),
        KeyedLocks(),
        books=RiskBooks(board, board),
    )
    return SimulatedWorld(orders, SimulatedVenue(clock, board))
