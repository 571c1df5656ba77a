"""How late each notification reaches its channel, measured for operators (RTS 6 Art. 16).

The notification center (the in-app copy) and the dispatcher (every other channel) report
each delivery with the seconds from its event's own time to the delivery; bootstrap wires a
Prometheus implementation (adapters/metrics/meter.py: `bulwark_alert_delivery_seconds`).
The application cannot import a metrics library, so it reports through this port. Every
call must be cheap and must never raise: a measurement never fails or slows a delivery.
Label values are enumerated: a catalogue event type (or "other") and a channel name.
"""

from __future__ import annotations

from typing import Protocol


class DeliveryMeter(Protocol):
    """Receives the delay of each delivery (a no-op unless bootstrap wires one)."""

    def alert_delivered(self, kind: str, channel: str, seconds: float) -> None:
        """One notification of type `kind` delivered on `channel`, `seconds` after its event."""
        ...


class NoDeliveryMeter:
    """Measures nothing: the default, for tests and tools that do not serve /metrics."""

    def alert_delivered(self, kind: str, channel: str, seconds: float) -> None:
        return None


NO_DELIVERY_METER: DeliveryMeter = NoDeliveryMeter()
