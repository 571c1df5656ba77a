"""A drift: where a venue and Bulwark disagree about one account.

- a position: the venue holds a quantity of a symbol that Bulwark's account does not (or a
  different one);
- an order the venue lists as working that Bulwark does not know (placed around the gate, or
  an answer lost), or one Bulwark counts as working that the venue no longer lists (filled or
  cancelled there, not yet booked here).

Orders are matched by client order id (Bulwark gives each order its own); quantities are
compared exactly. A drift is only *confirmed* when the same drift is seen by two checks in a
row: an order in flight, or a fill not yet booked, shows once and is gone the next time.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

ZERO = Decimal(0)


@dataclass(frozen=True, slots=True, order=True)
class PositionDrift:
    symbol: str
    bulwark: Decimal
    venue: Decimal


@dataclass(frozen=True, slots=True, order=True)
class OrderDrift:
    """A working order one side lists and the other does not (`at`: "venue" or "bulwark")."""

    client_order_id: str
    symbol: str
    at: str


@dataclass(frozen=True, slots=True)
class Drift:
    positions: tuple[PositionDrift, ...] = ()
    orders: tuple[OrderDrift, ...] = ()

    @property
    def none(self) -> bool:
        return not self.positions and not self.orders

    def summary(self) -> str:
        parts = [f"{p.symbol}: Bulwark {p.bulwark}, venue {p.venue}" for p in self.positions]
        parts += [
            f"order {o.client_order_id} ({o.symbol}) working at the {o.at} only"
            for o in self.orders
        ]
        return "; ".join(parts) or "none"


def compare(
    bulwark_positions: Mapping[str, Decimal],
    venue_positions: Mapping[str, Decimal],
    bulwark_orders: Mapping[str, str],
    venue_orders: Mapping[str, str],
) -> Drift:
    """The drift between the two sides: positions by symbol (a missing one is flat), working
    orders by client order id (each mapped to its symbol). Sorted: the same sides give the
    same drift."""
    positions = tuple(
        sorted(
            PositionDrift(
                symbol, bulwark_positions.get(symbol, ZERO), venue_positions.get(symbol, ZERO)
            )
            for symbol in {*bulwark_positions, *venue_positions}
            if bulwark_positions.get(symbol, ZERO) != venue_positions.get(symbol, ZERO)
        )
    )
    orders = tuple(
        sorted(
            [OrderDrift(c, s, "venue") for c, s in venue_orders.items() if c not in bulwark_orders]
            + [
                OrderDrift(c, s, "bulwark")
                for c, s in bulwark_orders.items()
                if c not in venue_orders
            ]
        )
    )
    return Drift(positions, orders)
