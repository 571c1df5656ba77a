"""Fixtures: an embedded Bulwark (tests/kit/desk.py) whose bus feeds a drop copy over an
in-memory outbox to targets that keep what they got."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

import pytest

from adapters.memory.drop_copy import InMemoryDropCopyOutbox
from application.drop_copy.delivery import Backoff, DropCopyDelivery
from application.drop_copy.order_facts import OrderFactsFromStore
from application.drop_copy.recorder import DropCopyRecorder
from bootstrap.embedded import Embedded
from domain.events import DomainEvent
from ports.drop_copy.drop_copy import CopyNotDelivered, OutgoingCopy
from tests.kit.desk import seeded_desk  # noqa: F401  (the fixture `e`)


@dataclass
class KeepingTarget:
    """A target that keeps every message it took, in order; `refuse` names message ids it
    refuses once each (a receiver that fails once)."""

    name: str = "desk"
    refuse: set[str] = field(default_factory=set)
    got: list[dict[str, Any]] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)

    async def send(self, copy: OutgoingCopy) -> None:
        if copy.id in self.refuse:
            self.refuse.discard(copy.id)
            self.refused.append(copy.id)
            raise CopyNotDelivered("answered 503")
        self.got.append(json.loads(copy.body))

    async def close(self) -> None:
        return None

    def kinds(self, order_id: str | None = None) -> list[str]:
        return [m["kind"] for m in self.got if order_id is None or m["order_id"] == order_id]


@dataclass
class Copied:
    """The drop copy of an embedded desk: the outbox, the recorder on its bus, the deliverer
    to one keeping target (on the desk's fake clock; jitter drawn as 1, the longest wait)."""

    e: Embedded
    outbox: InMemoryDropCopyOutbox
    recorder: DropCopyRecorder
    delivery: DropCopyDelivery
    target: KeepingTarget

    async def deliver(self) -> int:
        """Passes until nothing is due now (a failed message waits for the clock); tried."""
        tried = 0
        while (done := await self.delivery.run_once()) > 0:
            tried += done
        return tried


def copied_desk(e: Embedded, target: KeepingTarget | None = None) -> Copied:
    outbox = InMemoryDropCopyOutbox()
    target = target or KeepingTarget()
    delivery = DropCopyDelivery(
        outbox, [target], e.clock, backoff=Backoff(0.5, 60.0), draw=lambda: 1.0
    )
    orders = OrderFactsFromStore(e.uow)
    recorder = DropCopyRecorder(outbox, orders, e.clock, (target.name,), retry_seconds=0.0)
    e.bus.subscribe_batch(DomainEvent, recorder.on_events)
    return Copied(e, outbox, recorder, delivery, target)


@pytest.fixture
def copied(e: Embedded) -> Copied:
    return copied_desk(e)
