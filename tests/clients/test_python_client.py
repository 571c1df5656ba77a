"""The Python client (clients/python) against a served Bulwark: orders placed, replayed and
denied, problems raised as typed errors, lists, the asyncio client and the live events."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from typing import Any

import pytest

from bootstrap.demo import DEMO_ACCOUNT
from bulwark_client import (
    AsyncBulwark,
    Bulwark,
    BulwarkError,
    EventStream,
    NotFound,
    OrderDenied,
    Unauthenticated,
    ValidationFailed,
)
from bulwark_client.generated.api.trading import list_agents
from bulwark_client.generated.models import OrderStatus
from tests.kit.served import Served
from tests.mcp.desk import AgentKey, Desk

pytestmark = pytest.mark.integration


@pytest.fixture
def agent(desk: Desk) -> AgentKey:
    return desk.agent()


@pytest.fixture
def bulwark(served: Served, agent: AgentKey) -> Iterator[Bulwark]:
    with Bulwark(served.api, api_key=agent.api_key) as client:
        yield client


def _buy(symbol: str, quantity: str = "1") -> dict[str, str]:
    return {"account_id": DEMO_ACCOUNT, "symbol": symbol, "side": "buy", "quantity": quantity}


def test_an_order_is_placed_with_an_idempotency_key_and_its_replay_is_the_same_order(
    bulwark: Bulwark,
) -> None:
    # Arrange: the keys the client sends, as the server receives them
    sent: list[str | None] = []
    bulwark.http.event_hooks["request"] = [
        lambda request: sent.append(request.headers.get("Idempotency-Key"))
    ]

    # Act
    placed = bulwark.place_order(_buy("MSFT", "2"))
    replay = bulwark.place_order(_buy("MSFT", "2"), idempotency_key=sent[0])

    # Assert
    assert placed.order.status in {OrderStatus.FILLED, OrderStatus.ACCEPTED, OrderStatus.NEW}
    assert (placed.order.symbol, placed.order.quantity) == ("MSFT", "2.00000000")
    assert sent[0] and len(sent[0]) >= 32
    assert replay.order.id == placed.order.id
    assert replay.replayed is True and placed.replayed is False


def test_each_placement_gets_its_own_key_so_two_calls_are_two_orders(bulwark: Bulwark) -> None:
    # Act
    first = bulwark.place_order(_buy("JNJ"))
    second = bulwark.place_order(_buy("JNJ"))

    # Assert
    assert first.order.id != second.order.id


def test_a_denial_is_order_denied_with_its_reasons(
    bulwark: Bulwark, desk: Desk, agent: AgentKey
) -> None:
    # Arrange
    rule_id = desk.limit_notional(agent.agent_id, "1000")

    # Act
    with pytest.raises(OrderDenied) as denied:
        bulwark.place_order(_buy("AAPL", "10"))

    # Assert
    error = denied.value
    assert (error.status, error.code) == (422, "ORDER_DENIED")
    assert error.title and error.detail
    assert any("MAX_ORDER_NOTIONAL" in reason for reason in error.reasons), error.reasons
    assert rule_id


def test_an_invalid_quantity_is_a_validation_error_naming_the_field(bulwark: Bulwark) -> None:
    # Act
    with pytest.raises(ValidationFailed) as invalid:
        bulwark.place_order(_buy("AAPL", "-5"))

    # Assert
    error = invalid.value
    assert (error.status, error.code) == (400, "VALIDATION_ERROR")
    assert [problem.field for problem in error.errors] == ["quantity"]
    assert isinstance(error, BulwarkError)


def test_another_owners_order_is_not_found(bulwark: Bulwark, desk: Desk) -> None:
    # Arrange
    theirs = desk.order_of_another_owner()

    # Act
    with pytest.raises(NotFound) as missing:
        bulwark.get_order(theirs)

    # Assert
    assert (missing.value.status, missing.value.code) == (404, "NOT_FOUND")


def test_a_wrong_key_is_unauthenticated(served: Served) -> None:
    # Arrange
    stranger = Bulwark(served.api, api_key="not-a-key")

    # Act
    with stranger, pytest.raises(Unauthenticated) as refused:
        stranger.list_orders()

    # Assert
    assert refused.value.status == 401


def test_orders_and_positions_are_listed(bulwark: Bulwark) -> None:
    # Arrange
    placed = bulwark.place_order(_buy("SPY", "3"))

    # Act
    orders = bulwark.list_orders(DEMO_ACCOUNT, symbol="SPY")
    positions = bulwark.list_positions(DEMO_ACCOUNT)
    mine = bulwark.get_order(placed.order.id)

    # Assert
    assert placed.order.id in [order.id for order in orders.items]
    assert mine.id == placed.order.id
    assert "SPY" in [position.symbol for position in positions.items]


def test_any_generated_operation_runs_through_call(
    served: Served, desk: Desk, agent: AgentKey
) -> None:
    # Arrange: the owner, with a bearer token
    with Bulwark(served.api, token=_token_of(desk)) as owner:
        # Act
        agents = owner.call(list_agents)

    # Assert
    assert agent.agent_id in [item.agent_id for item in agents.items]


async def test_the_async_client_places_lists_and_raises(served: Served, agent: AgentKey) -> None:
    # Arrange
    async with AsyncBulwark(served.api, api_key=agent.api_key) as bulwark:
        # Act
        placed = await bulwark.place_order(_buy("XOM"))
        orders = await bulwark.list_orders(DEMO_ACCOUNT, symbol="XOM")
        with pytest.raises(NotFound):
            await bulwark.get_order("no-such-order")

    # Assert
    assert [order.id for order in orders.items] == [placed.order.id]


async def test_the_events_stream_yields_an_order_of_the_agent(
    served: Served, desk: Desk, agent: AgentKey
) -> None:
    # Arrange: the owner watches (a bearer token), the agent trades
    watcher = AsyncBulwark(served.api, token=_token_of(desk))
    async with (
        watcher,
        AsyncBulwark(served.api, api_key=agent.api_key) as trader,
        watcher.events(types=["order"]) as stream,
    ):
        # Act
        placed = await trader.place_order(_buy("NVDA"))
        event = await asyncio.wait_for(_first(stream, "event"), timeout=10)
        await stream.subscribe(types=["kill_switch"])
        refiltered = await asyncio.wait_for(_first(stream, "subscribed"), timeout=10)

    # Assert
    assert stream.welcome["types"] == ["order"]
    assert (refiltered["type"], refiltered["types"]) == ("subscribed", ["kill_switch"])
    assert (event["category"], event["data"]["order_id"]) == ("order", placed.order.id)
    assert event["data"]["origin_id"] == agent.agent_id


async def _first(stream: EventStream, kind: str) -> dict[str, Any]:
    async for frame in stream:
        if frame["type"] == kind:
            return frame
    raise AssertionError(f"the stream closed before any {kind!r} frame")


def _token_of(desk: Desk) -> str:
    return desk.client.headers["Authorization"].removeprefix("Bearer ")
