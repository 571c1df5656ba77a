"""Closed trades and a day's trading figures, replayed from an account's fills.

Round-trip convention: fills are replayed in time order (then by id) through average-cost
positions (domain.trading.positions.Position, the account's own bookkeeping). Every fill
that reduces or closes a position is one closed trade; its result is the P&L it realized
on the closed quantity against the average cost, minus that fill's own commission. Opening
fills realize nothing and are not trades (their commissions show in equity, not in trade
statistics). A fill that flips a position through zero closes the old side (one trade) and
opens the rest at its price. Positions that did not come from fills (imported from a
broker) have no cost basis in the replay: a fill reducing one counts as an opening.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from domain.numbers import ONE, ZERO
from domain.trading.fills import Fill
from domain.trading.positions import Position


@dataclass(frozen=True, slots=True)
class ClosedTrade:
    """One closing fill: the P&L it realized (gross), its commission, and the net result."""

    fill_id: str
    symbol: str
    at: datetime
    realized: Decimal
    commission: Decimal

    @property
    def result(self) -> Decimal:
        return self.realized - self.commission


@dataclass(frozen=True, slots=True)
class Replay:
    """What a replay of fills found: the closed trades and every fill's realized P&L."""

    trades: tuple[ClosedTrade, ...]
    realized_by_fill: Mapping[str, Decimal]  # realized minus commission, every fill


def replay(fills: Iterable[Fill], multipliers: Mapping[str, Decimal] | None = None) -> Replay:
    """Replay fills (any order; sorted here by time, then id) through average-cost positions."""
    multipliers = multipliers or {}
    positions: dict[str, Position] = {}
    trades: list[ClosedTrade] = []
    realized_by_fill: dict[str, Decimal] = {}
    for fill in sorted(fills, key=lambda f: (f.at, f.id)):
        position = positions.get(fill.symbol)
        if position is None:
            position = Position(fill.symbol, multiplier=multipliers.get(fill.symbol, ONE))
            positions[fill.symbol] = position
        closing = position.quantity != ZERO and (position.quantity > ZERO) != (
            fill.signed_quantity > ZERO
        )
        realized = position.apply_fill(fill.side, fill.quantity, fill.price)
        realized_by_fill[fill.id] = realized - fill.commission
        if closing:
            trades.append(ClosedTrade(fill.id, fill.symbol, fill.at, realized, fill.commission))
    return Replay(tuple(trades), realized_by_fill)


def traded_notional(
    fills: Iterable[Fill], multipliers: Mapping[str, Decimal] | None = None
) -> Decimal:
    """Two-sided traded notional: sum of |quantity x price x multiplier| of the fills."""
    multipliers = multipliers or {}
    return sum((f.quantity * f.price * multipliers.get(f.symbol, ONE) for f in fills), ZERO)


def cash_effect(fills: Iterable[Fill], multipliers: Mapping[str, Decimal] | None = None) -> Decimal:
    """The change the fills made to cash, as Account.apply_fill books it."""
    multipliers = multipliers or {}
    return sum(
        (
            -f.signed_quantity * f.price * multipliers.get(f.symbol, ONE) - f.commission
            for f in fills
        ),
        ZERO,
    )
