"""The fill path's notices: noted without waiting, told in turns, bursts told as digests."""

from __future__ import annotations

import asyncio
import threading
from dataclasses import replace
from decimal import Decimal

import pytest

from application.notifications.fill_notices import FillNotices
from domain.trading.fills import Fill, FillBooked
from domain.trading.orders import OrderFilled, Side
from ports.notifications.notification_store import Page
from tests.unit.notifications.world import T0, World

D = Decimal


@pytest.fixture
async def world() -> World:
    w = World()
    await w.user("u1", email="u1@example.org")
    await w.user("u2", email="u2@example.org")
    await w.account("a1", "u1")
    await w.account("a2", "u2")
    return w


def filled(order_id: str, account_id: str = "a1", quantity: str = "1") -> OrderFilled:
    q = D(quantity)
    return OrderFilled(order_id, account_id, "AAPL", "buy", q, D("190.00"), q, "filled")


def fill(fill_id: str, side: Side, quantity: str, account_id: str = "a1") -> Fill:
    return Fill(fill_id, f"o-{fill_id}", account_id, "AAPL", side, D(quantity), D("190"), T0)


async def book(world: World, *fills: Fill) -> list[FillBooked]:
    """The fills applied to their account (as order booking does), and their events."""
    async with world.uow() as uow:
        for f in fills:
            account = await uow.accounts.get(f.account_id)
            assert account is not None
            account.apply_fill(f)
        await uow.commit()
    return [FillBooked(f.account_id, f, owner_id="u1") for f in fills]


async def test_noting_a_fill_tells_nothing_before_the_order_path_yields(world: World) -> None:
    # Arrange
    notices = world.fills

    # Act
    await notices.on_event(filled("o1"))
    before = await world.store.in_app(Page("u1"))
    await notices.idle()
    after = await world.store.in_app(Page("u1"))

    # Assert: on_event only queued it; the notice came from the notices' own task
    assert before == []
    assert [n.event_type for n in after] == ["order.filled"]


async def test_a_burst_of_fills_on_one_account_is_one_digest_per_account(world: World) -> None:
    # Arrange
    burst = [filled(f"o{i}") for i in range(30)] + [filled("p1", "a2")]

    # Act
    for event in burst:
        await world.fills.on_event(event)
    await world.fills.idle()

    # Assert
    mine = await world.store.in_app(Page("u1"))
    theirs = await world.store.in_app(Page("u2"))
    assert [(n.event_type, n.title) for n in mine] == [
        ("order.filled", "30 orders filled on account a1")
    ]
    assert mine[0].data["count"] == 30
    assert mine[0].data["order_ids"] == [f"o{i}" for i in range(30)]
    assert "buy 1 AAPL at 190 (o0)" in mine[0].body
    assert "and 10 more" in mine[0].body  # 20 named, the rest counted
    assert [n.title for n in theirs] == ["buy 1 AAPL filled"]  # alone: another account


async def test_a_digest_obeys_the_types_preferences(world: World) -> None:
    # Arrange: the owner turned "order.filled" off in-app
    prefs = await world.center.preferences("u1")
    await world.store.put_preferences(
        replace(prefs, channels={**prefs.channels, "order.filled": frozenset()})
    )

    # Act
    for i in range(5):
        await world.fills.on_event(filled(f"o{i}"))
    await world.fills.idle()

    # Assert
    assert await world.store.in_app(Page("u1")) == []


async def test_fills_told_alone_each_get_their_own_before_and_after(world: World) -> None:
    # Arrange: two fills of one symbol booked before the notices' turn reads the account
    events = await book(world, fill("f1", Side.BUY, "5"), fill("f2", Side.SELL, "5"))

    # Act
    for event in events:
        await world.fills.on_event(event)
    await world.fills.idle()

    # Assert
    inbox = sorted(await world.store.in_app(Page("u1")), key=lambda n: str(n.data["fill_id"]))
    assert [(n.data["position"], n.data["change"]) for n in inbox] == [
        ("5", "opened"),
        ("0", "closed"),
    ]


async def test_a_burst_of_fills_of_one_position_is_one_digest_from_before_to_after(
    world: World,
) -> None:
    # Arrange: 3 buys of 4 and 1 sale of 2 in one turn, from flat
    events = await book(
        world,
        fill("f1", Side.BUY, "4"),
        fill("f2", Side.BUY, "4"),
        fill("f3", Side.BUY, "4"),
        fill("f4", Side.SELL, "2"),
    )

    # Act
    for event in events:
        await world.fills.on_event(event)
    await world.fills.idle()

    # Assert
    inbox = await world.store.in_app(Page("u1"))
    assert len(inbox) == 1
    digest = inbox[0]
    assert digest.title == "AAPL position opened"
    assert (digest.data["before"], digest.data["position"]) == ("0", "10")
    assert (digest.data["bought"], digest.data["sold"], digest.data["fills"]) == ("12", "2", 4)
    assert digest.body == (
        "4 fills of AAPL (12 bought, 2 sold) moved the position on account a1 from 0 to 10."
    )


async def test_a_replayed_burst_adds_nothing(world: World) -> None:
    # Arrange
    burst = [filled(f"o{i}") for i in range(4)]
    for event in burst:
        await world.fills.on_event(event)
    await world.fills.idle()

    # Act: the relay delivers the same events again, in one turn
    for event in burst + burst:
        await world.fills.on_event(event)
    await world.fills.idle()

    # Assert
    assert len(await world.store.in_app(Page("u1"))) == 1


async def test_a_full_queue_skips_and_counts_never_waits(world: World) -> None:
    # Arrange
    notices = FillNotices(world.center, world.uow, capacity=3)

    # Act: five noted before the notices' task runs
    for i in range(5):
        await notices.on_event(filled(f"o{i}"))
    await notices.idle()

    # Assert
    assert notices.skipped == 2
    inbox = await world.store.in_app(Page("u1"))
    assert [n.data["count"] for n in inbox] == [3]


async def test_a_failing_group_loses_only_its_own_notices(world: World) -> None:
    # Arrange: the center fails for one owner (their store shard down)
    notices = world.fills
    real = world.center.notify

    async def flaky(user_id: str, *args: object, **kwargs: object) -> object:
        if user_id == "u2":
            raise ConnectionError("store down")
        return await real(user_id, *args, **kwargs)  # type: ignore[arg-type]

    world.center.notify = flaky  # type: ignore[method-assign,assignment]

    # Act
    await notices.on_event(filled("p1", "a2"))
    await notices.on_event(filled("o1"))
    await notices.idle()

    # Assert
    assert notices.failed == 1
    assert [n.data["order_id"] for n in await world.store.in_app(Page("u1"))] == ["o1"]


def test_waiting_from_another_event_loop_returns_and_leaves_the_turn_to_its_own(
    world: World,
) -> None:
    # Arrange: a turn started on one loop (the served app's), still running
    notices = FillNotices(world.center, world.uow, turn_seconds=0.5)
    app_loop = asyncio.new_event_loop()
    thread = threading.Thread(target=app_loop.run_forever, daemon=True)
    thread.start()
    asyncio.run_coroutine_threadsafe(notices.on_event(filled("o1")), app_loop).result(5)

    # Act: stopping from another loop (the test's) does not wait on a foreign task
    asyncio.run(asyncio.wait_for(notices.idle(), 2))

    # Assert: the turn still ends on its own loop, with the notice told
    asyncio.run_coroutine_threadsafe(notices.idle(), app_loop).result(5)
    app_loop.call_soon_threadsafe(app_loop.stop)
    thread.join(5)
    assert notices.told == 1
