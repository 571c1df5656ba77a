"""The simulated venue of a backtest: a clock it moves and quotes it sets
(ports/strategies/backtests.py)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from decimal import Decimal

from adapters.memory.clock import FakeClock
from adapters.memory.marketdata import InMemoryMarketData


class SimulatedVenue:
    """Moves a FakeClock forward and publishes bid = ask = last quotes on an in-memory board."""

    def __init__(self, clock: FakeClock, board: InMemoryMarketData) -> None:
        self.clock = clock
        self.board = board

    def move_to(self, at: datetime) -> None:
        if at > self.clock.now():
            self.clock.set(at)

    def set_prices(self, prices: Mapping[str, Decimal]) -> None:
        for symbol, price in prices.items():
            self.board.set_quote(symbol, price, price, price)
