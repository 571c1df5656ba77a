"""The drop copy's outbox and its read of orders' facts: one contract on memory, SQLite and
PostgreSQL (ports/drop_copy/drop_copy.py)."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest

from adapters.memory.drop_copy import InMemoryDropCopyOutbox
from adapters.postgres.drop_copy import SqlDropCopyOutbox, SqlOrderFacts
from application.drop_copy.order_facts import OrderFactsFromStore
from domain.drop_copy.messages import CopyKind, DropCopyMessage, OrderFacts, message_id
from domain.trading.orders import Channel, Order, OrderType, Origin, OriginKind, Side
from ports.drop_copy.drop_copy import CopyFailure, DropCopyOutbox, OrderFactsSource
from tests.integration.store.conftest import T0, StoreUnderTest

TARGETS = ("webhook", "kafka")


@pytest.fixture
def outbox(store: StoreUnderTest) -> DropCopyOutbox:
    if store.kind == "memory":
        return InMemoryDropCopyOutbox()
    return SqlDropCopyOutbox(store.engine)


def message(order: str, n: int, kind: CopyKind = CopyKind.ORDER_ACCEPTED) -> DropCopyMessage:
    ident = message_id(kind, "acc-1", order, str(n))
    body = f'{{"id":"{ident}","order_id":"{order}","n":{n},"note":"caf\u00e9 \u2713"}}'
    return DropCopyMessage(ident, kind, order, T0 + timedelta(milliseconds=n), body)


async def test_a_message_is_stored_once_per_target_and_comes_back_whole(
    outbox: DropCopyOutbox,
) -> None:
    # Arrange
    first = [message("o-1", 1), message("o-1", 2, CopyKind.FILL)]

    # Act
    added = await outbox.add(first, TARGETS, T0)
    again = await outbox.add([first[1], message("o-2", 1)], TARGETS, T0)
    due = await outbox.due("webhook", T0, 10)

    # Assert
    assert (added, again) == (4, 2)
    assert [(d.id, d.order_key) for d in due] == [
        (first[0].id, "o-1"), (first[1].id, "o-1"), (message("o-2", 1).id, "o-2")
    ]  # fmt: skip
    assert due[1].body == first[1].body
    assert (due[1].kind, due[1].event_at, due[1].attempts, due[1].target) == (
        "fill", T0 + timedelta(milliseconds=2), 0, "webhook"
    )  # fmt: skip
    assert await outbox.pending("webhook") == 3
    assert await outbox.pending("kafka") == 3


async def test_delivered_messages_are_never_due_again_and_each_target_keeps_its_own(
    outbox: DropCopyOutbox,
) -> None:
    # Arrange
    messages = [message("o-1", n) for n in (1, 2, 3)]
    await outbox.add(messages, TARGETS, T0)

    # Act
    await outbox.delivered("webhook", [messages[0].id, messages[1].id], T0)

    # Assert
    assert [d.id for d in await outbox.due("webhook", T0, 10)] == [messages[2].id]
    assert len(await outbox.due("kafka", T0, 10)) == 3
    assert await outbox.pending("webhook") == 1


async def test_a_failed_message_holds_back_its_order_only_until_its_retry(
    outbox: DropCopyOutbox,
) -> None:
    # Arrange
    a1, a2, b1, a3 = message("o-a", 1), message("o-a", 2), message("o-b", 1), message("o-a", 3)
    await outbox.add([a1, a2, b1, a3], ["webhook"], T0)
    retry_at = T0 + timedelta(seconds=2)

    # Act
    await outbox.failed("webhook", [CopyFailure(a1.id, "answered 503", retry_at)])
    meanwhile = await outbox.due("webhook", T0 + timedelta(seconds=1), 10)
    later = await outbox.due("webhook", retry_at, 10)

    # Assert
    assert [d.id for d in meanwhile] == [b1.id]
    assert [d.id for d in later] == [a1.id, a2.id, b1.id, a3.id]
    assert later[0].attempts == 1


async def test_due_lists_in_recording_order_at_most_the_limit(outbox: DropCopyOutbox) -> None:
    # Arrange
    messages = [message(f"o-{n % 3}", n) for n in range(12)]
    await outbox.add(messages[:6], ["webhook"], T0)
    await outbox.add(messages[6:], ["webhook"], T0)

    # Act
    due = await outbox.due("webhook", T0, 5)
    none_yet = await outbox.due("webhook", T0 - timedelta(seconds=1), 5)

    # Assert
    assert [d.id for d in due] == [m.id for m in messages[:5]]
    assert none_yet == []


async def test_purge_deletes_only_what_was_delivered_before_the_line(
    outbox: DropCopyOutbox,
) -> None:
    # Arrange
    old, recent, waiting = message("o-1", 1), message("o-1", 2), message("o-2", 1)
    await outbox.add([old, recent, waiting], ["webhook"], T0)
    await outbox.delivered("webhook", [old.id], T0)
    await outbox.delivered("webhook", [recent.id], T0 + timedelta(days=2))

    # Act
    purged = await outbox.purge(T0 + timedelta(days=1))

    # Assert
    assert purged == 1
    assert [d.id for d in await outbox.due("webhook", T0, 10)] == [waiting.id]
    assert await outbox.add([old], ["webhook"], T0) == 1  # gone: a copy again is new


@pytest.fixture
def order_facts(store: StoreUnderTest) -> OrderFactsSource:
    if store.kind == "memory":
        return OrderFactsFromStore(store.uow)
    return SqlOrderFacts(store.engine)


async def test_orders_facts_are_read_in_one_go_and_a_missing_order_is_left_out(
    store: StoreUnderTest, order_facts: OrderFactsSource
) -> None:
    # Arrange
    held = Order(
        "o-1", "c-1", "acc-1", "AAPL", Side.SELL, Decimal("2.5"),
        Origin(OriginKind.AGENT, "agent-7", Channel.MCP), order_type=OrderType.STOP_LIMIT,
        limit_price=Decimal("187.50"), stop_price=Decimal("188"), broker="alpaca", created_at=T0,
    )  # fmt: skip
    plain = Order("o-2", "c-2", "acc-1", "MSFT", Side.BUY, Decimal(1),
                  Origin(OriginKind.USER, "u-1"), created_at=T0)  # fmt: skip
    plain.mark_pending_submit()
    plain.accept("B-9")
    await store.save("orders", held, plain)

    # Act
    found = await order_facts.facts(["o-1", "o-2", "o-missing"])

    # Assert
    assert found == {"o-1": OrderFacts.of(held), "o-2": OrderFacts.of(plain)}
    assert found["o-2"].broker_order_id == "B-9"
    assert await order_facts.facts([]) == {}
