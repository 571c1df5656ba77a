"""PublishedDecisions: which orders' decisions went out, remembered in the inbox."""

from __future__ import annotations

from application.trading.decision_ledger import PREFIX, PublishedDecisions
from bootstrap.embedded import build_embedded


async def test_only_recorded_orders_count_as_published_and_recording_twice_is_harmless() -> None:
    # Arrange
    e = build_embedded()
    ledger = PublishedDecisions(e.uow, e.clock)

    # Act
    before = await ledger.published(["ord-1", "ord-2"])
    await ledger.record(["ord-1"])
    await ledger.record(["ord-1", "ord-1"])
    after = await ledger.published(["ord-1", "ord-2"])

    # Assert
    assert before == set()
    assert after == {"ord-1"}


async def test_a_command_message_id_never_reads_as_a_published_decision() -> None:
    # Arrange: a command whose message id is an order id was processed
    e = build_embedded()
    ledger = PublishedDecisions(e.uow, e.clock)
    async with e.uow() as uow:
        await uow.inbox.add("ord-1", "order.cancel", e.clock.now())
        await uow.commit()

    # Act
    published = await ledger.published(["ord-1"])

    # Assert
    assert published == set()
    assert "/" in PREFIX


async def test_decisions_known_to_be_new_are_recorded_without_a_lookup() -> None:
    # Arrange
    e = build_embedded()
    ledger = PublishedDecisions(e.uow, e.clock)

    # Act
    await ledger.record_new(["ord-1", "ord-2", "ord-1"])

    # Assert
    assert await ledger.published(["ord-1", "ord-2", "ord-3"]) == {"ord-1", "ord-2"}


async def test_new_decisions_a_twin_recorded_one_of_are_left_unrecorded_quietly() -> None:
    # Arrange: a twin delivery recorded ord-1 meanwhile
    e = build_embedded()
    ledger = PublishedDecisions(e.uow, e.clock)
    await ledger.record(["ord-1"])

    # Act
    await ledger.record_new(["ord-2", "ord-1"])

    # Assert: ord-2 would go out again as an original on a redelivery (at least once)
    assert await ledger.published(["ord-1", "ord-2"]) == {"ord-1"}
