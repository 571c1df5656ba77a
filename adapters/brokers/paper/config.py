"""Settings of the paper broker: slippage, latency, rate limit, leverage."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

BROKER_METHODS = frozenset(
    {
        "submit",
        "cancel",
        "cancel_all",
        "close_all",
        "open_orders",
        "positions",
        "account",
        "fills",
        "order_by_client_id",
    }
)


@dataclass(frozen=True, slots=True)
class PaperBrokerConfig:
    """How the simulated broker behaves; the defaults are instant, unlimited and frictionless."""

    slippage_bps: Decimal = Decimal(0)
    latency_s: float = 0.0
    max_calls_per_second: int | None = None
    leverage: Decimal = Decimal(1)
    enforce_buying_power: bool = False
    currency: str = "USD"

    def __post_init__(self) -> None:
        if self.slippage_bps < 0:
            raise ValueError("slippage_bps must not be negative")
        if self.latency_s < 0:
            raise ValueError("latency_s must not be negative")
        if self.max_calls_per_second is not None and self.max_calls_per_second < 1:
            raise ValueError("max_calls_per_second must be at least 1 when set")
        if self.leverage <= 0:
            raise ValueError("leverage must be positive")
