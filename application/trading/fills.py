"""Books broker executions onto orders and accounts."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from domain.trading.accounts import Account
from domain.trading.fills import Fill
from domain.trading.instruments import Instrument
from domain.trading.orders import Order

ONE = Decimal(1)


def book_fills(
    account: Account,
    fills: Sequence[Fill],
    orders: Mapping[str, Order],
    instruments: Mapping[str, Instrument],
) -> int:
    """Apply each fill to its order (when known) and to the account; returns fills booked.

    A fill may name its order by Bulwark's id, by the client order id (a broker adapter
    restarted since it sent the order knows only the latter) or by the broker's order id
    (fills read back from the broker's activity log). A fill for an order this account does
    not know (e.g. a closing order sent by the broker on our behalf) still moves the
    position and cash. Fills already booked are the caller's to leave out (`new_fills`).
    """
    booked = 0
    find = _OrderFinder(orders)
    for fill in fills:
        order = find(fill)
        if order is not None and order.is_open:
            order.apply_fill(fill.quantity, fill.price)
            account.release_order(order)
        instrument = instruments.get(fill.symbol)
        account.apply_fill(fill, instrument.multiplier if instrument is not None else ONE)
        booked += 1
    return booked


def ordered_by(fills: Sequence[Fill], orders: Mapping[str, Order]) -> dict[str, str]:
    """Fill id -> Bulwark's id of the order it fills, for fills whose order is among `orders`
    (named by its id or by its client order id, as `book_fills` finds them)."""
    found: dict[str, str] = {}
    find = _OrderFinder(orders)
    for fill in fills:
        order = find(fill)
        if order is not None:
            found[fill.id] = order.id
    return found


@dataclass(eq=False)
class _OrderFinder:
    """The order a fill names: by Bulwark's id, else its client order id, else the broker's
    order id (the indexes built on the first fill that needs them)."""

    orders: Mapping[str, Order]
    _others: dict[str, Order] | None = field(init=False, default=None)

    def __call__(self, fill: Fill) -> Order | None:
        order = self.orders.get(fill.order_id)
        if order is not None:
            return order
        if self._others is None:
            others = {o.broker_order_id: o for o in self.orders.values() if o.broker_order_id}
            others.update((o.client_order_id, o) for o in self.orders.values())
            self._others = others
        return self._others.get(fill.order_id)
