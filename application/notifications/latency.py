"""The alert latency: from an event's own time to each delivery of its notification.

MiFID II RTS 6 Art. 16 asks for alerts within five seconds of the event. A source that knows
when its event happened (a kill switch's halt, a gate's denial, an agent's heartbeat
deadline, a surveillance detection, a reconciliation check) passes that time to the center,
which writes it into the notification's data as `occurred_at` (ISO 8601, UTC): it travels
with every delivery through the outbox, and receivers see it (a webhook's `occurred_at`).
A notification whose source gave no time is timed from when the center was told.

The in-app copy is timed when the center has stored it; every other channel when its sender
returned (a webhook answered 2xx, the WebSocket push was handed to this instance's open
sockets and to the cluster's other instances). A delivery held on purpose (quiet hours) or
replayed by a person is timed from its release, not from the event: the user asked for the
wait. A retried one is timed from the event: its backoff is lateness.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime

from domain.notifications.catalogue import CATALOGUE
from ports.core.clock import Clock
from ports.notifications.latency import NO_DELIVERY_METER, DeliveryMeter
from ports.notifications.notification_store import Delivery

OCCURRED_AT = "occurred_at"  # the data field holding the event's own time
OTHER = "other"  # the kind of a type outside the catalogue (labels stay enumerated)


def kind_of(event_type: str) -> str:
    """The metric's `kind`: a catalogue type, else "other"."""
    return event_type if event_type in CATALOGUE else OTHER


def stamp(moment: datetime) -> str:
    """An event time as the data field holds it."""
    return moment.astimezone(UTC).isoformat()


def occurred_at(data: Mapping[str, object]) -> datetime | None:
    """The event time a notification's data holds; None when it holds none (or a bad one)."""
    value = data.get(OCCURRED_AT)
    if not isinstance(value, str):
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else None


def timed_from(delivery: Delivery, occurred: datetime | None) -> datetime:
    """When a delivery's delay starts: its event's time `occurred` (its data's, read once by
    the caller), else the notification's; for a first attempt due after it was written (held
    by quiet hours, replayed), its release."""
    start = occurred or delivery.created_at
    if delivery.attempts == 0 and delivery.next_attempt_at > delivery.created_at:
        return max(start, delivery.next_attempt_at)
    return start


class DeliveryTimer:
    """Reports each delivery's delay to the meter; never raises."""

    def __init__(self, clock: Clock, meter: DeliveryMeter = NO_DELIVERY_METER) -> None:
        self._meter = meter
        self._clock = clock

    def delivered(self, event_type: str, channel: str, since: datetime) -> None:
        """One delivery of `event_type` on `channel` done now, timed from `since`."""
        try:
            seconds = (self._clock.now() - since).total_seconds()
            # Another process's clock may run a little ahead: never a negative delay.
            self._meter.alert_delivered(kind_of(event_type), channel, max(seconds, 0.0))
        except Exception:  # a measurement never fails a delivery
            return
