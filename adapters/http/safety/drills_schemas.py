"""Drill DTOs: the paper broker's drill faults as an admin reads and switches them."""

from __future__ import annotations

from typing import Annotated

import msgspec

from adapters.http.schemas.common import Input, Output
from domain.killswitch.drill import MAX_DELAY_MS, BrokerFaults

FaultName = Annotated[str, msgspec.Meta(min_length=1, max_length=40)]


class PaperFaultsIn(Input):
    """Faults to switch on (replacing those on now); [] or ["none"] for none."""

    faults: Annotated[list[FaultName], msgspec.Meta(max_length=10)]
    # With delay_acks only (default 250 ms).
    delay_ms: Annotated[int, msgspec.Meta(ge=1, le=MAX_DELAY_MS)] | None = None

    def to_domain(self) -> BrokerFaults:
        """UnknownFault (422 UNKNOWN_FAULT) for a name no drill knows."""
        return BrokerFaults.of(self.faults or ["none"], self.delay_ms)


class PaperFaultsOut(Output):
    faults: list[str]
    delay_ms: int
    active: bool
    setting: str  # as BULWARK_PAPER_FAULTS spells it

    @classmethod
    def from_domain(cls, faults: BrokerFaults) -> PaperFaultsOut:
        return cls(
            faults=faults.names,
            delay_ms=faults.delay_ms,
            active=faults.active,
            setting=faults.describe(),
        )
