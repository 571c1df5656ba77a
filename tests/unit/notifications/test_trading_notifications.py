"""Fills, positions and strategy failures on the bus become the owner's notifications."""

from __future__ import annotations

from decimal import Decimal

import pytest

from application.notifications.sources import plain, position_change
from domain.principals import Role
from domain.strategies.events import StrategyFailed
from domain.trading.fills import Fill, FillBooked
from domain.trading.orders import OrderFilled, OrderHeld, OrderRejectedByReviewer, Side
from ports.notifications.notification_store import Page
from tests.unit.notifications.world import T0, World


@pytest.fixture
async def world() -> World:
    w = World()
    await w.user("u1", email="u1@example.org")
    await w.user("u2", email="u2@example.org")
    await w.account("a1", "u1")
    return w


def filled(quantity: str = "10", status: str = "filled") -> OrderFilled:
    return OrderFilled(
        "o1", "a1", "AAPL", "buy", Decimal("10"), Decimal("187.50"), Decimal(quantity), status
    )


async def test_an_order_fill_reaches_the_accounts_owner_once(world: World) -> None:
    # Arrange
    event = filled()

    # Act
    await world.fills.on_event(event)
    await world.fills.idle()
    await world.fills.on_event(event)  # the bus's at-least-once relay repeats it
    await world.fills.idle()

    # Assert
    inbox = await world.store.in_app(Page("u1"))
    assert [n.event_type for n in inbox] == ["order.filled"]
    assert inbox[0].title == "buy 10 AAPL filled"
    assert inbox[0].data["price"] == "187.5"
    assert await world.store.in_app(Page("u2")) == []


async def test_a_booked_fill_describes_how_the_position_moved(world: World) -> None:
    # Arrange
    fill = Fill("f1", "o1", "a1", "AAPL", Side.BUY, Decimal("5"), Decimal("100.00"), T0)
    async with world.uow() as uow:
        account = await uow.accounts.get("a1")
        assert account is not None
        account.apply_fill(fill)
        await uow.commit()

    # Act
    await world.fills.on_event(FillBooked("a1", fill, owner_id="u1"))
    await world.fills.idle()

    # Assert
    inbox = await world.store.in_app(Page("u1"))
    assert [n.event_type for n in inbox] == ["position.changed"]
    assert inbox[0].title == "AAPL position opened"
    assert (inbox[0].data["position"], inbox[0].data["price"]) == ("5", "100")


async def test_a_strategy_failure_reaches_the_strategys_owner(world: World) -> None:
    # Arrange
    event = StrategyFailed("st-1", "u2", "a9", "sig-7", "ValueError: no bars", T0.isoformat())

    # Act
    await world.events.handle(event)

    # Assert
    inbox = await world.store.in_app(Page("u2"))
    assert [(n.event_type, n.priority) for n in inbox] == [("strategy.error", "high")]
    assert "ValueError: no bars" in inbox[0].body
    assert await world.store.in_app(Page("u1")) == []


async def test_a_held_order_reaches_the_owner_and_the_desk_once(world: World) -> None:
    # Arrange: a risk officer and an admin besides the owner u1 and the stranger u2.
    await world.user("ro", role=Role.RISK_OFFICER)
    await world.user("ad", role=Role.ADMIN)
    event = OrderHeld(
        "o1",
        "a1",
        ("MAX_ORDER_NOTIONAL",),
        symbol="AAPL",
        side="buy",
        quantity=Decimal("50.00"),
        expires_at=T0,
    )

    # Act
    await world.events.handle(event)
    await world.events.handle(event)  # the bus's at-least-once relay repeats it

    # Assert
    for user_id in ("u1", "ro", "ad"):
        inbox = await world.store.in_app(Page(user_id))
        assert [(n.event_type, n.priority) for n in inbox] == [("order.held", "high")], user_id
        assert "MAX_ORDER_NOTIONAL" in inbox[0].body
        assert inbox[0].data["quantity"] == "50"
    assert await world.store.in_app(Page("u2")) == []


async def test_a_held_order_a_kill_switch_rejected_reaches_the_owner_once(world: World) -> None:
    # Arrange: the kill switch (pulled by ro) and a person (ro) each reject a held order.
    halted = OrderRejectedByReviewer("o1", "a1", "ro", "TRADING_HALTED", T0)
    by_person = OrderRejectedByReviewer("o2", "a1", "ro", "not today", T0)

    # Act
    await world.events.handle(halted)
    await world.events.handle(halted)  # the bus's at-least-once relay repeats it
    await world.events.handle(by_person)

    # Assert: a person's own rejection tells no one, as before
    inbox = await world.store.in_app(Page("u1"))
    assert [(n.event_type, n.title) for n in inbox] == [("order.denied", "Order o1 denied")]
    assert "TRADING_HALTED" in inbox[0].body
    assert await world.store.in_app(Page("u2")) == []


@pytest.mark.parametrize(
    ("before", "after", "change"),
    [
        ("0", "5", "opened"),
        ("5", "8", "increased"),
        ("5", "2", "reduced"),
        ("5", "0", "closed"),
        ("5", "-3", "reversed"),
        ("-5", "-8", "increased"),
    ],
)
def test_position_change_names(before: str, after: str, change: str) -> None:
    assert position_change(Decimal(before), Decimal(after)) == change


@pytest.mark.parametrize(
    ("value", "text"),
    [("1E+2", "100"), ("-0", "0"), ("0.000", "0"), ("187.500", "187.5"), ("1E-7", "0.0000001")],
)
def test_plain_decimals_have_no_exponent_and_no_negative_zero(value: str, text: str) -> None:
    assert plain(Decimal(value)) == text
