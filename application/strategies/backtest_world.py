"""What a backtest trades in: a simulated account behind the real order path (built by
bootstrap/backtest_world.py, fresh for every run)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Protocol

from application.trading.orders import OrderService
from domain.risk.rules import RiskRule
from domain.trading.instruments import Instrument
from ports.strategies.backtests import SimulatedVenue


@dataclass(frozen=True, slots=True)
class WorldSpec:
    """The simulated account a run trades: funded with `starting_cash`, under `rules`."""

    account_id: str
    owner_id: str
    starting_cash: Decimal
    symbols: tuple[str, ...]
    slippage_bps: Decimal
    start: datetime
    rules: tuple[RiskRule, ...] = ()
    instruments: tuple[Instrument, ...] = ()


@dataclass(frozen=True, slots=True)
class SimulatedWorld:
    """The order path (the real OrderService) over a simulated venue."""

    orders: OrderService
    venue: SimulatedVenue


class WorldFactory(Protocol):
    """Builds a fresh simulated world per run."""

    def __call__(self, spec: WorldSpec) -> SimulatedWorld: ...
