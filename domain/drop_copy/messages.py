"""Drop copy messages: one versioned JSON document per order event and per fill.

A message's `id` is derived from what it tells, never drawn: the same event copied again (the
outbox relay publishes at least once) has the same id, and so has every delivery attempt of
it, so a receiver drops repeats by `id`. It is the UUIDv5 of "<kind>|<account>|<order>|<seq>"
where `seq` tells apart the events of one kind of one order: the cumulative filled quantity of
an order's fill, the number of approvals given of a four-eyes hold, the fill's id of a fill,
empty for the kinds an order has at most once (accepted, canceled, ...).

The document (schema "bulwark.drop_copy", v 1) has every key in every message, null where it
does not apply; money and quantities are plain decimal strings ("187.5", never "1.875E+2");
times are ISO 8601 in UTC. `sent_at` is added at each delivery attempt (`with_sent_at`).
"""

from __future__ import annotations

import functools
import hashlib
import json
import uuid
from collections import Counter, deque
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from decimal import Decimal
from enum import StrEnum
from typing import Any

from domain.events import DomainEvent
from domain.trading.fills import FillBooked
from domain.trading.orders import (
    Order,
    OrderAccepted,
    OrderApprovalRecorded,
    OrderApproved,
    OrderCanceled,
    OrderDenied,
    OrderEvent,
    OrderExpired,
    OrderFilled,
    OrderHeld,
    OrderNeverSent,
    OrderRejected,
    OrderRejectedByReviewer,
)

SCHEMA = "bulwark.drop_copy"
VERSION = 1
# The namespace of the messages' UUIDv5 ids (fixed: changing it changes every id).
NAMESPACE = uuid.UUID("6f0f4b1e-3c55-5d5e-9a42-d50c0f7e0b11")
_NAMESPACE_BYTES = NAMESPACE.bytes
COPIED = (OrderEvent, FillBooked)


class CopyKind(StrEnum):
    """What a message tells: an order event (`order.*`) or one execution (`fill`)."""

    ORDER_DENIED = "order.denied"
    ORDER_HELD = "order.held"
    ORDER_APPROVAL_RECORDED = "order.approval_recorded"
    ORDER_APPROVED = "order.approved"
    ORDER_REJECTED_BY_REVIEWER = "order.rejected_by_reviewer"
    ORDER_ACCEPTED = "order.accepted"
    ORDER_REJECTED = "order.rejected"
    ORDER_PARTIALLY_FILLED = "order.partially_filled"
    ORDER_FILLED = "order.filled"
    ORDER_CANCELED = "order.canceled"
    ORDER_EXPIRED = "order.expired"
    ORDER_NEVER_SENT = "order.never_sent"
    FILL = "fill"


# The kind of each order event, and the order's status once it happened (None: not known from
# the event alone: an approved order is decided again, and its next event says how).
_KINDS: dict[type[OrderEvent], tuple[CopyKind, str | None]] = {
    OrderDenied: (CopyKind.ORDER_DENIED, "denied"),
    OrderHeld: (CopyKind.ORDER_HELD, "held"),
    OrderApprovalRecorded: (CopyKind.ORDER_APPROVAL_RECORDED, "held"),
    OrderApproved: (CopyKind.ORDER_APPROVED, None),
    OrderRejectedByReviewer: (CopyKind.ORDER_REJECTED_BY_REVIEWER, "canceled"),
    OrderAccepted: (CopyKind.ORDER_ACCEPTED, "accepted"),
    OrderRejected: (CopyKind.ORDER_REJECTED, "rejected"),
    OrderCanceled: (CopyKind.ORDER_CANCELED, "canceled"),
    OrderExpired: (CopyKind.ORDER_EXPIRED, "expired"),
    OrderNeverSent: (CopyKind.ORDER_NEVER_SENT, "never_sent"),
}


@dataclass(frozen=True, slots=True)
class OrderFacts:
    """What a message tells of its order beside the event: its terms, who is behind it and
    through which way it came, its broker. Fixed once the order is decided, but for the
    quantity (a REDUCE control may scale it down) and the broker's order id (known once the
    broker accepts it): `accepted` takes both from the acceptance."""

    order_id: str
    client_order_id: str
    account_id: str
    symbol: str
    side: str
    order_type: str
    time_in_force: str
    quantity: Decimal
    limit_price: Decimal | None
    stop_price: Decimal | None
    origin_kind: str
    origin_id: str
    channel: str
    broker: str
    broker_order_id: str | None = None

    @classmethod
    def of(cls, order: Order) -> OrderFacts:
        return cls(
            order_id=order.id,
            client_order_id=order.client_order_id,
            account_id=order.account_id,
            symbol=order.symbol,
            side=order.side.value,
            order_type=order.order_type.value,
            time_in_force=order.time_in_force.value,
            quantity=order.quantity,
            limit_price=order.limit_price,
            stop_price=order.stop_price,
            origin_kind=order.origin.kind.value,
            origin_id=order.origin.id,
            channel=order.origin.channel.value,
            broker=order.broker,
            broker_order_id=order.broker_order_id,
        )

    def accepted(self, event: OrderAccepted) -> OrderFacts:
        quantity = event.quantity if event.quantity is not None else self.quantity
        return replace(self, broker_order_id=event.broker_order_id, quantity=quantity)


@dataclass(frozen=True, slots=True)
class DropCopyMessage:
    """One message: its id, kind, the order it belongs to (`order_key`: its messages are
    delivered in the order they were recorded), when the event happened, and the document
    (JSON text, without `sent_at`)."""

    id: str
    kind: CopyKind
    order_key: str
    event_at: datetime
    body: str


def order_id_of(event: DomainEvent) -> str:
    """Bulwark's id of the order an event is about ("" for a fill of an order not known)."""
    if isinstance(event, OrderEvent):
        return event.order_id
    if isinstance(event, FillBooked):
        return event.order_id
    return ""


def lifecycle_order(events: Sequence[DomainEvent]) -> list[DomainEvent]:
    """One commit's events with each fill right after its order's fill event.

    The order path books an execution as two events of one commit: the order's (OrderFilled)
    and the account's (FillBooked), the latter sometimes first. A desk reads an order's story
    as accepted, filled, then the execution: each FillBooked of an order that has OrderFilled
    events in the commit follows the next of them (the k-th fill the k-th fill event); every
    other event keeps its place.
    """
    expected = Counter(e.order_id for e in events if isinstance(e, OrderFilled))
    if not expected:
        return list(events)
    held: dict[str, deque[FillBooked]] = {}
    owed: Counter[str] = Counter()  # fill events already out whose fill comes later
    ordered: list[DomainEvent] = []
    for event in events:
        if isinstance(event, FillBooked) and event.order_id:
            key = event.order_id
            if owed[key] > 0:
                owed[key] -= 1
                ordered.append(event)
            elif expected[key] > 0:
                held.setdefault(key, deque()).append(event)
            else:
                ordered.append(event)
        elif isinstance(event, OrderFilled):
            key = event.order_id
            expected[key] -= 1
            ordered.append(event)
            waiting = held.get(key)
            if waiting:
                ordered.append(waiting.popleft())
            else:
                owed[key] += 1
        else:
            ordered.append(event)
    for waiting in held.values():  # more fills than fill events: after the rest, in order
        ordered.extend(waiting)
    return ordered


def message_id(kind: CopyKind, account_id: str, order_id: str, seq: str = "") -> str:
    """The stable id of a message (see the module docstring): `uuid.uuid5`'s text, made here
    from the SHA-1 directly (a third of uuid5's time, once per message)."""
    name = f"{kind.value}|{account_id}|{order_id}|{seq}".encode()
    digest = bytearray(hashlib.sha1(_NAMESPACE_BYTES + name, usedforsecurity=False).digest()[:16])
    digest[6] = (digest[6] & 0x0F) | 0x50  # version 5
    digest[8] = (digest[8] & 0x3F) | 0x80  # RFC 4122 variant
    h = digest.hex()
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def decimal_text(value: Decimal | None) -> str | None:
    """A decimal as plain text: no exponent, no trailing zeros, no negative zero."""
    if value is None:
        return None
    if value == 0:
        return "0"
    return format(value.normalize(), "f")


def time_text(at: datetime | None) -> str | None:
    """An instant in ISO 8601, UTC (a naive one is taken as UTC)."""
    if at is None:
        return None
    return (at.replace(tzinfo=UTC) if at.tzinfo is None else at.astimezone(UTC)).isoformat()


def copy_of(
    event: DomainEvent, facts: OrderFacts | None, recorded_at: datetime
) -> DropCopyMessage | None:
    """The message of `event` (None for an event the drop copy does not tell); `facts` of its
    order where known; `recorded_at` is now, the event's time when it carries none."""
    if isinstance(event, FillBooked):
        return _fill(event, facts, recorded_at)
    if isinstance(event, OrderFilled):
        return _order_filled(event, facts, recorded_at)
    if isinstance(event, OrderEvent):
        known = _KINDS.get(type(event))
        if known is None:
            return None
        kind, status = known
        return _order_event(event, kind, status, facts, recorded_at)
    return None


@functools.lru_cache(maxsize=4096)
def _facts_fields(facts: OrderFacts | None) -> tuple[tuple[str, Any], ...]:
    """The document's fields an order's facts give, made once per order (and broker id)."""
    f = facts
    if f is None:
        return tuple((key, None) for key in _FACT_KEYS)
    return (
        ("order_id", f.order_id),
        ("client_order_id", f.client_order_id),
        ("broker", f.broker),
        ("broker_order_id", f.broker_order_id),
        ("symbol", f.symbol),
        ("side", f.side),
        ("order_type", f.order_type),
        ("time_in_force", f.time_in_force),
        ("quantity", decimal_text(f.quantity)),
        ("limit_price", decimal_text(f.limit_price)),
        ("stop_price", decimal_text(f.stop_price)),
    )


_FACT_KEYS = (
    "order_id", "client_order_id", "broker", "broker_order_id", "symbol", "side", "order_type",
    "time_in_force", "quantity", "limit_price", "stop_price",
)  # fmt: skip
_ENCODE = json.JSONEncoder(separators=(",", ":"), ensure_ascii=False).encode


def _base(
    kind: CopyKind,
    account_id: str,
    facts: OrderFacts | None,
    event_at: datetime,
    recorded_at: datetime,
) -> dict[str, Any]:
    doc: dict[str, Any] = {
        "schema": SCHEMA,
        "v": VERSION,
        "id": "",
        "kind": kind.value,
        "event_at": time_text(event_at),
        "recorded_at": time_text(recorded_at),
        "account_id": account_id,
    }
    doc.update(_facts_fields(facts))
    doc.update(
        status=None,
        filled_quantity=None,
        fill_id=None,
        fill_quantity=None,
        fill_price=None,
        commission=None,
        reasons=[],
        actor=None,
        origin=(
            {"kind": facts.origin_kind, "id": facts.origin_id, "channel": facts.channel}
            if facts is not None
            else None
        ),
    )
    return doc


def _order_event(
    event: OrderEvent,
    kind: CopyKind,
    status: str | None,
    facts: OrderFacts | None,
    recorded_at: datetime,
) -> DropCopyMessage:
    at: datetime | None = getattr(event, "at", None)
    event_at = at or recorded_at
    doc = _base(kind, event.account_id, facts, event_at, recorded_at)
    doc["order_id"] = event.order_id
    doc["status"] = status
    seq = ""
    if isinstance(event, OrderDenied | OrderHeld):
        doc["reasons"] = list(event.reasons)
    elif isinstance(event, OrderRejected | OrderNeverSent | OrderRejectedByReviewer):
        doc["reasons"] = [event.reason]
    if isinstance(event, OrderApprovalRecorded):
        seq = str(event.approvals)
        doc["actor"] = event.approver_id
    elif isinstance(event, OrderApproved):
        doc["actor"] = event.approver_id
    elif isinstance(event, OrderRejectedByReviewer):
        doc["actor"] = event.reviewer_id
    elif isinstance(event, OrderAccepted):
        doc["broker_order_id"] = event.broker_order_id
        _terms(doc, event.symbol, event.side, event.quantity, event.limit_price)
        if event.order_type:
            doc["order_type"] = event.order_type
    elif isinstance(event, OrderHeld):
        _terms(doc, event.symbol, event.side, event.quantity, None)
    return _message(kind, event.account_id, event.order_id, seq, event_at, doc)


def _order_filled(
    event: OrderFilled, facts: OrderFacts | None, recorded_at: datetime
) -> DropCopyMessage:
    kind = CopyKind.ORDER_FILLED if event.status == "filled" else CopyKind.ORDER_PARTIALLY_FILLED
    doc = _base(kind, event.account_id, facts, recorded_at, recorded_at)
    doc["order_id"] = event.order_id
    _terms(doc, event.symbol, event.side, None, None)
    doc["status"] = event.status
    doc["filled_quantity"] = decimal_text(event.filled_quantity)
    doc["fill_quantity"] = decimal_text(event.quantity)
    doc["fill_price"] = decimal_text(event.price)
    # The cumulative filled quantity tells one order's fills apart, whatever their kind.
    seq = decimal_text(event.filled_quantity) or ""
    return _message(kind, event.account_id, event.order_id, seq, recorded_at, doc)


def _fill(event: FillBooked, facts: OrderFacts | None, recorded_at: datetime) -> DropCopyMessage:
    fill = event.fill
    doc = _base(CopyKind.FILL, event.account_id, facts, fill.at, recorded_at)
    doc["order_id"] = event.order_id or None
    _terms(doc, fill.symbol, fill.side.value, None, None)
    doc["fill_id"] = fill.id
    doc["fill_quantity"] = decimal_text(fill.quantity)
    doc["fill_price"] = decimal_text(fill.price)
    doc["commission"] = decimal_text(fill.commission)
    # Delivered in turn with its order's events, when its order is known.
    key = event.order_id or None
    return _message(CopyKind.FILL, event.account_id, "", fill.id, fill.at, doc, key)


def _terms(
    doc: dict[str, Any],
    symbol: str,
    side: str,
    quantity: Decimal | None,
    limit_price: Decimal | None,
) -> None:
    """The event's own terms where it carries them (they win over the order's as read)."""
    if symbol:
        doc["symbol"] = symbol
    if side:
        doc["side"] = side
    if quantity is not None:
        doc["quantity"] = decimal_text(quantity)
    if limit_price is not None:
        doc["limit_price"] = decimal_text(limit_price)


def _message(
    kind: CopyKind,
    account_id: str,
    order_id: str,
    seq: str,
    event_at: datetime,
    doc: dict[str, Any],
    order_key: str | None = None,
) -> DropCopyMessage:
    ident = message_id(kind, account_id, order_id, seq)
    doc["id"] = ident
    key = order_key or order_id or f"fill:{account_id}:{seq}"
    return DropCopyMessage(ident, kind, key, event_at, _ENCODE(doc))


def with_sent_at(body: str, sent_at: datetime) -> bytes:
    """The stored document with `sent_at` (this attempt's time) added, as UTF-8 bytes."""
    if not body.endswith("}"):
        raise ValueError("a drop copy body is a JSON object")
    return f'{body[:-1]},"sent_at":"{time_text(sent_at)}"}}'.encode()
