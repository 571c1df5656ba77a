"""The drop copy on a whole (embedded) order path: every event and fill of an order recorded once
and delivered in order, a receiver that fails gets the same message again, a replayed event
adds nothing, and a store that fails holds the events until it takes them."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

from adapters.memory.drop_copy import InMemoryDropCopyOutbox
from application.drop_copy.delivery import Backoff
from bootstrap.embedded import Embedded
from domain.drop_copy.messages import DropCopyMessage
from domain.errors import StoreUnavailable
from domain.risk.reasons import Action
from domain.risk.rules import RuleType
from tests.kit.desk import BUY, OFFICER, OWNER, SELL, add_rule, fake_clock, limit, market
from tests.unit.drop_copy.conftest import Copied, KeepingTarget, copied_desk


async def test_every_event_and_fill_of_a_filled_order_arrives_once_in_order(
    copied: Copied,
) -> None:
    # Arrange
    filled = await copied.e.orders.submit(market(BUY, 10))
    order_id = filled.order.id

    # Act
    await copied.deliver()

    # Assert
    assert copied.target.kinds(order_id) == ["order.accepted", "order.filled", "fill"]
    fill = next(m for m in copied.target.got if m["kind"] == "fill")
    assert (fill["client_order_id"], fill["fill_quantity"], fill["origin"]["kind"]) == (
        filled.order.client_order_id, "10", "user"
    )  # fmt: skip
    assert fill["fill_price"] == str(filled.order.average_fill_price.normalize())
    assert len({m["id"] for m in copied.target.got}) == len(copied.target.got)
    assert await copied.outbox.pending("desk") == 0


async def test_denied_held_approved_and_canceled_orders_are_copied(copied: Copied) -> None:
    # Arrange: a HOLD above 5,000 of notional (AAPL at 100), a BLOCK above 500 shares
    e = copied.e
    await add_rule(e, RuleType.MAX_ORDER_NOTIONAL, {"max_notional": 5_000}, action=Action.HOLD)
    await add_rule(e, RuleType.MAX_ORDER_QUANTITY, {"max_quantity": 500}, rule_id="rule-2")
    denied = await e.orders.submit(market(BUY, 1000))
    held = await e.orders.submit(market(BUY, 60))
    await e.orders.release_held(held.order.id, OFFICER.id)
    resting = await e.orders.submit(limit(SELL, 1, 150))
    await e.orders.cancel(OWNER, resting.order.id)

    # Act
    await copied.deliver()

    # Assert
    assert copied.target.kinds(denied.order.id) == ["order.denied"]
    denial = next(m for m in copied.target.got if m["order_id"] == denied.order.id)
    assert "MAX_ORDER_QUANTITY" in denial["reasons"]
    assert copied.target.kinds(held.order.id)[:2] == ["order.held", "order.approved"]
    assert "order.accepted" in copied.target.kinds(held.order.id)
    approval = next(m for m in copied.target.got if m["kind"] == "order.approved")
    assert approval["actor"] == OFFICER.id
    assert copied.target.kinds(resting.order.id) == ["order.accepted", "order.canceled"]


async def test_a_receiver_that_fails_once_gets_the_same_message_again_and_the_order_waits(
    e: Embedded,
) -> None:
    # Arrange: the first order's first message is refused once
    target = KeepingTarget()
    copied = copied_desk(e, target)
    first = await e.orders.submit(market(BUY, 10))
    second = await e.orders.submit(market(BUY, 5))
    head = (await copied.outbox.due("desk", e.clock.now(), 1))[0]
    assert head.order_key == first.order.id
    target.refuse.add(head.id)

    # Act: a pass (refused), then the clock past the backoff (0.5 s at most, jitter at 1)
    await copied.deliver()
    during = list(target.kinds())
    fake_clock(e).advance(timedelta(seconds=0.5))
    await copied.deliver()

    # Assert: the other order went on; this one waited, then came whole, in order
    assert target.refused == [head.id]
    assert target.kinds(first.order.id) != [] and during.count("fill") == 1
    assert all(m["order_id"] == second.order.id for m in target.got[: len(during)])
    resent = [m for m in target.got if m["id"] == head.id]
    assert len(resent) == 1 and resent[0]["kind"] == head.kind
    assert target.kinds(first.order.id) == ["order.accepted", "order.filled", "fill"]
    assert await copied.outbox.pending("desk") == 0


async def test_a_message_not_marked_delivered_goes_again_with_the_same_id(
    copied: Copied,
) -> None:
    # Arrange: a deliverer that sent but died before marking (the outbox never told)
    await copied.e.orders.submit(market(BUY, 10))
    due = await copied.outbox.due("desk", copied.e.clock.now(), 10)

    # Act
    await copied.deliver()
    again = [m.id for m in due]
    for message in due:  # as if the marks were lost: pending again
        copied.outbox._pending["desk"][message.id] = copied.outbox._rows[(message.id, "desk")]
    await copied.deliver()

    # Assert: each message twice, with its id both times (the receiver drops the repeat)
    ids = [m["id"] for m in copied.target.got]
    assert sorted(ids) == sorted(again * 2)


async def test_an_event_published_again_adds_no_message(copied: Copied) -> None:
    # Arrange
    await copied.e.orders.submit(market(BUY, 10))
    published = list(copied.e.bus.published)
    await copied.deliver()
    before = len(copied.target.got)

    # Act: the relay publishes the same events again (at least once)
    await copied.e.bus.publish(published)
    await copied.deliver()

    # Assert
    assert len(copied.target.got) == before
    assert copied.recorder.recorded == before


class FailingOutbox(InMemoryDropCopyOutbox):
    """Refuses `failures` writes, then stores as the in-memory outbox does."""

    def __init__(self, failures: int) -> None:
        super().__init__()
        self.failures = failures

    async def add(
        self, messages: Sequence[DropCopyMessage], targets: Sequence[str], at: datetime
    ) -> int:
        if self.failures > 0:
            self.failures -= 1
            raise StoreUnavailable("the database is unavailable")
        return await super().add(messages, targets, at)


async def test_a_store_that_fails_holds_the_events_and_records_them_in_order_later(
    e: Embedded,
) -> None:
    # Arrange: the outbox refuses two writes; orders keep coming meanwhile
    copied = copied_desk(e)
    outbox = FailingOutbox(failures=2)
    copied.recorder.outbox = outbox
    copied.delivery._outbox = outbox
    copied.outbox = outbox
    first = await e.orders.submit(market(BUY, 10))
    second = await e.orders.submit(market(SELL, 10))

    # Act
    await copied.recorder.idle()
    await copied.deliver()

    # Assert
    assert copied.recorder.waiting == 0
    orders = [m["order_id"] for m in copied.target.got]
    assert orders.index(first.order.id) < orders.index(second.order.id)
    assert copied.target.kinds(first.order.id) == ["order.accepted", "order.filled", "fill"]
    assert len(copied.target.got) == 6


def test_the_backoff_doubles_up_to_its_cap_with_half_of_it_drawn_and_takes_a_longer_hint() -> None:
    # Arrange
    backoff = Backoff(base_seconds=0.5, cap_seconds=8.0)

    # Act
    shortest = [backoff.delay(n, lambda: 0.0) for n in (1, 2, 3, 4, 5, 9)]
    longest = [backoff.delay(n, lambda: 1.0) for n in (1, 2, 3, 4, 5, 9)]

    # Assert
    assert shortest == [0.25, 0.5, 1.0, 2.0, 4.0, 4.0]
    assert longest == [0.5, 1.0, 2.0, 4.0, 8.0, 8.0]
    assert backoff.delay(1, lambda: 0.0, hint=30.0) == 30.0
    assert backoff.delay(5, lambda: 1.0, hint=1.0) == 8.0


async def test_delivered_messages_are_kept_until_purged(copied: Copied) -> None:
    # Arrange
    await copied.e.orders.submit(market(BUY, 10))
    await copied.deliver()
    clock = fake_clock(copied.e)

    # Act
    kept = await copied.outbox.purge(clock.now() - timedelta(days=7))
    clock.advance(timedelta(days=8))
    purged = await copied.outbox.purge(clock.now() - timedelta(days=7))

    # Assert
    assert (kept, purged) == (0, 3)
