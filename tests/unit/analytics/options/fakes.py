"""A chain provider for the options-chain tests: the synthetic provider's chain builder."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from adapters.market_data.synthetic_books import build_option_chain
from adapters.memory.clock import FakeClock
from domain.market_data.options import OptionChain
from ports.market_data.marketdata import QuoteUnavailable
from tests.kit.market_data import OffersNothing

SPOT = Decimal("190.00")
VOLATILITY = 0.30  # the synthetic smile's ATM vol


@dataclass
class ChainProvider(OffersNothing):
    """Knows AAPL's chain (synthetic, seeded); `failure` makes option_chain raise it."""

    clock: FakeClock
    failure: Exception | None = None
    spot: Decimal = SPOT
    chains: dict[str, OptionChain] = field(default_factory=dict)
    name: str = "chains"

    async def option_chain(self, underlying: str, expiry: date | None = None) -> OptionChain:
        if self.failure is not None:
            raise self.failure
        if underlying in self.chains:
            return self.chains[underlying]
        if underlying != "AAPL":
            raise QuoteUnavailable(underlying)
        return build_option_chain(
            "AAPL", self.spot, VOLATILITY, at=self.clock.now(), expiry=expiry, seed=7, key=1
        )
