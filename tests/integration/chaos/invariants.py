"""What must hold after every recovery, read from the store itself (any store).

- nothing in doubt: no order left `pending_submit` (without its broker's answer);
- nothing doubled: each client order id (sent as the Idempotency-Key too) names one order,
  and each order's booked fills add up to its filled quantity;
- nothing lost: every order acknowledged before the crash is still there;
- positions equal fills: per symbol, what the account holds moved by exactly its fills;
- the kill switch's verdict equals the broker's truth: confirmed iff nothing is open there.
"""

from __future__ import annotations

import copy
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal

from domain.trading.fills import Fill
from domain.trading.orders import Order, OrderStatus, Side
from ports.core.unit_of_work import UnitOfWorkFactory

ZERO = Decimal(0)


@dataclass(frozen=True, slots=True)
class Books:
    """One account as the store holds it when read: its orders, fills and positions (copied:
    the in-memory store hands out its live objects)."""

    orders: list[Order]
    fills: list[Fill]
    positions: dict[str, Decimal]

    def holdings(self) -> dict[str, Decimal]:
        return {s: q for s, q in self.positions.items() if q != 0}


async def read_books(uow_factory: UnitOfWorkFactory, account_id: str) -> Books:
    async with uow_factory() as uow:
        account = await uow.accounts.get(account_id)
        assert account is not None, f"account {account_id} lost"
        orders = [copy.copy(o) for o in await uow.orders.list(account_id, limit=100_000)]
        fills = list(await uow.fills.list(account_id))
    return Books(orders, fills, {s: p.quantity for s, p in account.positions.items()})


def assert_recovered(
    books: Books,
    *,
    keys: Iterable[str],
    acknowledged: Mapping[str, str],
    before: Books | None = None,
) -> None:
    """Every invariant of a recovery: `keys` are the client order ids sent (each must name
    exactly one order), `acknowledged` the ids answered before the crash (by client id)."""
    assert_nothing_in_doubt(books)
    assert_each_once(books, keys)
    assert_nothing_lost(books, acknowledged)
    assert_fills_match_orders(books)
    assert_positions_equal_fills(books, before)


def assert_nothing_in_doubt(books: Books) -> None:
    doubtful = [o.id for o in books.orders if o.status is OrderStatus.PENDING_SUBMIT]
    assert doubtful == [], f"orders still in doubt: {doubtful}"


def assert_each_once(books: Books, keys: Iterable[str]) -> None:
    counted = Counter(o.client_order_id for o in books.orders)
    wrong = {key: counted[key] for key in keys if counted[key] != 1}
    assert wrong == {}, f"client order ids not naming exactly one order: {wrong}"


def assert_nothing_lost(books: Books, acknowledged: Mapping[str, str]) -> None:
    kept = {o.client_order_id: o.id for o in books.orders}
    lost = {key: order_id for key, order_id in acknowledged.items() if kept.get(key) != order_id}
    assert lost == {}, f"acknowledged orders lost: {lost}"


def assert_fills_match_orders(books: Books) -> None:
    booked: dict[str, Decimal] = defaultdict(lambda: ZERO)
    for fill in books.fills:
        booked[fill.order_id] += fill.quantity
    wrong = {
        o.id: (o.filled_quantity, booked[o.id])
        for o in books.orders
        if o.filled_quantity != booked[o.id]
    }
    assert wrong == {}, f"orders whose fills do not add up (filled, booked): {wrong}"


def assert_positions_equal_fills(books: Books, before: Books | None = None) -> None:
    moved = _signed(books.fills)
    start = before.holdings() if before is not None else {}
    if before is not None:
        for symbol, quantity in _signed(before.fills).items():
            moved[symbol] -= quantity
    expected = {s: start.get(s, ZERO) + moved.get(s, ZERO) for s in set(start) | set(moved)}
    expected = {s: q for s, q in expected.items() if q != 0}
    assert books.holdings() == expected, "positions differ from the fills booked"


def assert_verdict_is_truth(broker_confirmed: bool, open_at_broker: int) -> None:
    truth = open_at_broker == 0
    assert broker_confirmed is truth, (
        f"the kill switch says confirmed={broker_confirmed}, "
        f"the broker holds {open_at_broker} open orders of the scope"
    )


def _signed(fills: list[Fill]) -> defaultdict[str, Decimal]:
    total: defaultdict[str, Decimal] = defaultdict(lambda: ZERO)
    for fill in fills:
        total[fill.symbol] += fill.quantity if fill.side is Side.BUY else -fill.quantity
    return total
