"""Price alert DTOs: thresholds and hysteresis are decimal strings (PriceOut on the way out)."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Annotated

import msgspec

from adapters.http.schemas.common import Input, ItemsOut, Output
from adapters.http.wire_format import PriceOut
from adapters.wire.numbers import Price
from application.price_alerts.service import MAX_NOTE, CreatePriceAlert
from domain.notifications.price_alerts import Direction, Mode, PriceAlert

Note = Annotated[str, msgspec.Meta(max_length=MAX_NOTE)]


class PriceAlertIn(Input):
    """`above`: fires when the price reaches the threshold from under it; `below` mirrors it.
    `once` is done after its first fire; `rearm` fires again after the price went back
    beyond `hysteresis` (a price difference, absent: none)."""

    symbol: Annotated[str, msgspec.Meta(min_length=1, max_length=32, examples=["AAPL"])]
    direction: Direction
    threshold: Price
    mode: Mode = Mode.ONCE
    hysteresis: Price | None = None
    note: Note = ""

    def to_command(self) -> CreatePriceAlert:
        return self.into(
            CreatePriceAlert,
            threshold=Decimal(self.threshold),
            hysteresis=Decimal(self.hysteresis) if self.hysteresis is not None else Decimal(0),
        )


class PriceAlertNoteIn(Input):
    note: Note


class PriceAlertOut(Output):
    id: str
    symbol: str
    direction: str
    threshold: PriceOut
    mode: str
    hysteresis: PriceOut
    state: str  # waiting, armed, disarmed, done
    fired_count: int
    last_fired_at: datetime | None
    last_price: PriceOut | None
    note: str
    created_at: datetime

    @classmethod
    def from_domain(cls, alert: PriceAlert) -> PriceAlertOut:
        return cls.from_attributes(
            alert,
            direction=alert.direction.value,
            mode=alert.mode.value,
            state=alert.state.value,
        )


class PriceAlertListOut(ItemsOut):
    items: list[PriceAlertOut]
