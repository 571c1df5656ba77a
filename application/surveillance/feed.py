"""The order path's domain events into the surveillance engine, and the engine's state as bytes.

Which events count (docs/surveillance.md, "Events"):
- OrderAccepted with its terms (the surveillance fields): an order in the market. One without
  them (written without those fields, or imported from a broker's open orders) is skipped: its
  fills then count without their order's details.
- OrderCanceled (`requested` False: the broker's or the kill switch's doing, which only takes
  the order off the book) and OrderExpired.
- FillBooked: one execution. OrderFilled is the same execution seen from the order and is
  not counted twice.
Event time is the event's own `at` (the fill's time for a fill); an event without one (an
older event) takes the caller's fallback (the Kafka record's timestamp, or the clock).
The owner is the account's owner (`owner_id`); an older event without it counts under its
account id. The agent is the origin id of an order an agent placed.
"""

from __future__ import annotations

import json
import zlib
from datetime import datetime

from domain.events import DomainEvent
from domain.surveillance.detections import to_us
from domain.surveillance.engine import SurveillanceEngine
from domain.surveillance.rules import SurveillanceRules
from domain.surveillance.snapshot import restore, snapshot
from domain.trading.fills import FillBooked
from domain.trading.orders import OrderAccepted, OrderCanceled, OrderExpired, OriginKind

SURVEILLED = (OrderAccepted, OrderCanceled, OrderExpired, FillBooked)
_AGENT = OriginKind.AGENT.value


def event_time_us(event: DomainEvent) -> int | None:
    """The event's own time in µs since the epoch, None when it has none (or is not ours)."""
    at: datetime | None
    if isinstance(event, FillBooked):
        at = event.fill.at
    elif isinstance(event, OrderAccepted | OrderCanceled | OrderExpired):
        at = event.at
    else:
        return None
    return to_us(at) if at is not None else None


def apply(engine: SurveillanceEngine, event: DomainEvent, fallback_us: int) -> bool:
    """Feeds one event to the engine; False when surveillance does not use it."""
    if isinstance(event, FillBooked):
        fill = event.fill
        engine.on_fill(
            to_us(fill.at),
            event.order_id or fill.order_id,
            fill.account_id,
            event.owner_id or event.account_id,
            fill.symbol,
            fill.side.sign,
            float(fill.quantity),
            float(fill.price),
            fill.id,
        )
        return True
    if isinstance(event, OrderCanceled):
        at = to_us(event.at) if event.at is not None else fallback_us
        engine.on_cancel(at, event.order_id, event.requested)
        return True
    if isinstance(event, OrderExpired):
        engine.on_expire(to_us(event.at) if event.at is not None else fallback_us, event.order_id)
        return True
    if isinstance(event, OrderAccepted):
        if not event.symbol or event.quantity is None or event.side not in ("buy", "sell"):
            return False
        engine.on_order(
            to_us(event.at) if event.at is not None else fallback_us,
            event.order_id,
            event.account_id,
            event.owner_id or event.account_id,
            event.origin_id if event.origin_kind == _AGENT else "",
            event.symbol,
            1 if event.side == "buy" else -1,
            float(event.quantity),
            float(event.limit_price) if event.limit_price is not None else 0.0,
            float(event.bid) if event.bid is not None else 0.0,
            float(event.ask) if event.ask is not None else 0.0,
            event.limit_price is None,
        )
        return True
    return False


def encode_state(engine: SurveillanceEngine) -> bytes:
    """The engine's snapshot as compressed JSON: the same state, the same bytes."""
    text = json.dumps(snapshot(engine), separators=(",", ":"), ensure_ascii=False)
    return zlib.compress(text.encode(), 1)


def decode_state(data: bytes, rules: SurveillanceRules) -> SurveillanceEngine:
    """An engine restored from `encode_state`'s bytes (ValueError when they are not that)."""
    try:
        document = json.loads(zlib.decompress(data))
    except (zlib.error, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ValueError(f"not a surveillance state: {exc}") from exc
    return restore(document, rules)
