"""The in-process event bus: per-event handlers, and batch handlers that get a publish's
events of their type together."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from adapters.memory.bus import InProcessEventBus
from domain.events import DomainEvent


@dataclass(frozen=True)
class Filled(DomainEvent):
    tag: str = ""


@dataclass(frozen=True)
class Halted(DomainEvent):
    tag: str = ""


async def test_a_batch_handler_gets_a_publishs_events_of_its_type_once_after_the_others() -> None:
    # Arrange
    bus = InProcessEventBus()
    seen: list[str] = []

    async def each(event: DomainEvent) -> None:
        seen.append(f"each {event.tag}")  # type: ignore[attr-defined]

    async def together(events: Sequence[DomainEvent]) -> None:
        seen.append("together " + ",".join(e.tag for e in events))  # type: ignore[attr-defined]

    bus.subscribe(DomainEvent, each)
    bus.subscribe_batch(Filled, together)

    # Act
    await bus.publish([Filled(tag="a"), Halted(tag="h"), Filled(tag="b")])
    await bus.publish([Halted(tag="i")])

    # Assert: once per publish, in order, none for a publish without its type
    assert seen == ["each a", "each h", "each b", "together a,b", "each i"]


async def test_a_failing_batch_handler_is_kept_against_each_event_and_stops_nothing() -> None:
    # Arrange
    bus = InProcessEventBus()
    after: list[int] = []

    async def failing(events: Sequence[DomainEvent]) -> None:
        raise RuntimeError("store down")

    async def counting(events: Sequence[DomainEvent]) -> None:
        after.append(len(events))

    bus.subscribe_batch(Filled, failing)
    bus.subscribe_batch(Filled, counting)
    events = [Filled(tag="a"), Filled(tag="b")]

    # Act
    await bus.publish(events)

    # Assert
    assert [(e, type(x).__name__) for e, x in bus.errors] == [
        (events[0], "RuntimeError"), (events[1], "RuntimeError"),
    ]  # fmt: skip
    assert after == [2] and bus.published == events
