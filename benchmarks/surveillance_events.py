"""Scenario events (benchmarks/surveillance_sim.py tuples) as the domain events the order path
publishes, for tests and benchmarks that go through the event codec or the events topic."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from decimal import Decimal

from benchmarks.surveillance_sim import Event
from domain.events import DomainEvent
from domain.surveillance.detections import from_us
from domain.trading.fills import Fill, FillBooked
from domain.trading.orders import OrderAccepted, OrderCanceled, Side


def _decimal(value: float) -> Decimal:
    return Decimal(repr(value))


def as_domain(events: Iterable[Event]) -> Iterator[DomainEvent]:
    """OrderAccepted / OrderCanceled / FillBooked, with the fields surveillance added."""
    accounts: dict[str, str] = {}
    for event in events:
        kind = event[0]
        if kind == "order":
            _, at, oid, account, owner, agent, symbol, side, qty, price, bid, ask, market = event
            accounts[oid] = account
            yield OrderAccepted(
                oid, account, f"b-{oid}", at=from_us(at), symbol=symbol,
                side="buy" if side > 0 else "sell", quantity=_decimal(qty),
                order_type="market" if market else "limit",
                limit_price=None if market else _decimal(price), owner_id=owner,
                origin_kind="agent" if agent else "user", origin_id=agent or owner,
                bid=_decimal(bid), ask=_decimal(ask),
            )  # fmt: skip
        elif kind == "cancel":
            _, at, oid, requested = event
            yield OrderCanceled(oid, accounts.get(oid, ""), at=from_us(at), requested=requested)
        else:
            _, at, oid, account, owner, symbol, side, qty, price, fill_id = event
            fill = Fill(fill_id, oid, account, symbol, Side.BUY if side > 0 else Side.SELL,
                        _decimal(qty), _decimal(price), from_us(at))  # fmt: skip
            yield FillBooked(account, fill, owner_id=owner, order_id=oid)
