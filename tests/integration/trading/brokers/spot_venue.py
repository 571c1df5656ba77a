"""The matching engine the fake crypto venues share: the product's
(adapters/brokers/simulators/spot.py)."""

from __future__ import annotations

from adapters.brokers.simulators.spot import (
    D,
    SpotOrder,
    SpotPair,
    SpotTrade,
    SpotVenue,
    now_ms,
)

__all__ = ["D", "SpotOrder", "SpotPair", "SpotTrade", "SpotVenue", "now_ms"]
