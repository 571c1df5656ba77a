"""A quote board for the synthetic provider's tests that counts its live subscriptions."""

from __future__ import annotations

from collections.abc import Callable

from adapters.memory.clock import FakeClock
from adapters.memory.marketdata import InMemoryMarketData
from ports.market_data.marketdata import Quote


class CountingBoard(InMemoryMarketData):
    """The in-memory board, counting its live subscriptions."""

    def __init__(self, clock: FakeClock) -> None:
        super().__init__(clock)
        self.live = 0

    def subscribe(self, listener: Callable[[Quote], None]) -> Callable[[], None]:
        inner = super().subscribe(listener)
        self.live += 1

        def unsubscribe() -> None:
            self.live -= 1
            inner()

        return unsubscribe
