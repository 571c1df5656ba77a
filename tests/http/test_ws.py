"""The /ws/events stream: authentication, per-user visibility, filters, slow clients, pings."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from decimal import Decimal
from typing import Any

import pytest
from litestar.exceptions import WebSocketDisconnect
from litestar.testing import WebSocketTestSession

from adapters.http.core.ws import CLOSE_BAD_MESSAGE, CLOSE_TOO_SLOW, CLOSE_UNAUTHENTICATED
from application.safety.killswitch import ActivateKillSwitch
from domain.killswitch.state import Scope
from domain.killswitch.switch import TradingStateChanged
from domain.trading.orders import OrderCanceled
from tests.http.core_helpers import harness_with, order_body, submit
from tests.http.harness import PASSCODE, Harness, User

pytestmark = pytest.mark.serves("trading")

WAIT = 5.0


async def connect(harness: Harness, user: User | None, query: str = "") -> WebSocketTestSession:
    token = f"token={user.access_token}" if user else ""
    url = "/ws/events?" + "&".join(p for p in (token, query) if p)
    return await harness.client.websocket_connect(url)


def frame(ws: WebSocketTestSession) -> dict[str, Any]:
    message: dict[str, Any] = ws.receive_json(timeout=WAIT)
    return message


def close_code(ws: WebSocketTestSession) -> int:
    """Reads until the server closes the socket; returns the close code."""
    for _ in range(100):
        try:
            ws.receive_json(timeout=WAIT)
        except WebSocketDisconnect as closed:
            return closed.code
    raise AssertionError("the server did not close the socket")


def frames_until(ws: WebSocketTestSession, kind: str) -> list[dict[str, Any]]:
    """Frames up to and including the first of this `type`."""
    seen = [frame(ws)]
    while seen[-1]["type"] != kind:
        seen.append(frame(ws))
    return seen


def in_app_loop(harness: Harness, call: Callable[..., Awaitable[Any]], *args: Any) -> Any:
    """Runs a core call on the app's event loop (the test client's portal), as a request would."""
    return harness.client.blocking_portal.call(call, *args)


def welcomed(ws: WebSocketTestSession) -> dict[str, Any]:
    hello = frame(ws)
    assert hello["type"] == "welcome", hello
    return hello


@pytest.mark.parametrize("query", ["", "token=not-a-token", "token=bwk_ak-x.nope"])
async def test_a_socket_without_a_valid_credential_is_closed_4401(
    harness: Harness, query: str
) -> None:
    session = await harness.client.websocket_connect(f"/ws/events?{query}")

    with session as ws:
        code = close_code(ws)

    assert code == CLOSE_UNAUTHENTICATED == 4401
    assert harness.container.event_hub().connections == 0


async def test_a_valid_token_gets_a_welcome_frame(harness: Harness, owner: User) -> None:
    with await connect(harness, owner, "types=order,kill_switch&accounts=acc-1") as ws:
        hello = welcomed(ws)

    assert hello["principal"] == owner.id
    assert hello["role"] == "owner"
    assert hello["types"] == ["kill_switch", "order"]
    assert hello["accounts"] == ["acc-1"]
    assert "kill_switch" in hello["categories"]


async def test_a_bearer_header_works_too(harness: Harness, owner: User) -> None:
    session = await harness.client.websocket_connect("/ws/events", headers=owner.headers)

    with session as ws:
        assert welcomed(ws)["principal"] == owner.id


async def test_an_order_over_http_arrives_on_the_socket(market: Harness, owner: User) -> None:
    account = await market.account(owner, "acc-1")

    with await connect(market, owner) as ws:
        welcomed(ws)
        placed = await submit(market, owner, order_body(account))
        accepted = frame(ws)
        filled = frame(ws)

    order_id = placed.json()["order"]["id"]
    assert (accepted["type"], accepted["category"], accepted["event"]) == (
        "event",
        "order",
        "OrderAccepted",
    )
    assert accepted["data"]["order_id"] == order_id
    assert accepted["aggregate_id"] == account
    assert filled["event"] == "OrderFilled"
    assert Decimal(filled["data"]["quantity"]) == Decimal(10)


async def test_another_users_events_are_not_delivered(market: Harness, owner: User) -> None:
    mine = await market.account(owner, "acc-mine")
    other = await market.user()
    theirs = await market.account(other, "acc-theirs")

    with await connect(market, owner) as ws_mine:
        welcomed(ws_mine)
        with await connect(market, other) as ws_theirs:
            welcomed(ws_theirs)
            await submit(market, other, order_body(theirs))
            await submit(market, owner, order_body(mine))
            seen_by_me = [frame(ws_mine), frame(ws_mine)]
            seen_by_them = [frame(ws_theirs), frame(ws_theirs)]

    assert {f["data"]["account_id"] for f in seen_by_me} == {mine}
    assert {f["data"]["account_id"] for f in seen_by_them} == {theirs}


async def test_a_type_filter_and_a_subscribe_message_change_what_arrives(
    market: Harness, owner: User
) -> None:
    account = await market.account(owner, "acc-1")
    kill = ActivateKillSwitch(owner.principal, PASSCODE, Scope.account(account), reason="test")

    with await connect(market, owner, "types=kill_switch") as ws:
        welcomed(ws)
        await submit(market, owner, order_body(account))
        in_app_loop(market, market.container.safety.killswitch().activate, kill)
        ws.send_json({"action": "subscribe", "types": ["risk_breach"]})
        before = frames_until(ws, "subscribed")
        await submit(market, owner, order_body(account))
        after = frame(ws)

    *events, ack = before
    assert events and {e["category"] for e in events} == {"kill_switch"}
    assert {"EmergencyHalt", "TradingStateChanged", "KillSwitchCompleted"} <= {
        e["event"] for e in events
    }
    completed = next(e for e in events if e["event"] == "KillSwitchCompleted")
    assert completed["data"]["broker_confirmed"] is True
    assert ack == {"type": "subscribed", "types": ["risk_breach"], "accounts": []}
    assert after["event"] == "OrderDenied"
    assert "TRADING_HALTED" in after["data"]["reasons"]


async def test_a_bad_client_message_closes_4400(harness: Harness, owner: User) -> None:
    with await connect(harness, owner) as ws:
        welcomed(ws)
        ws.send_json({"action": "dance"})
        code = close_code(ws)

    assert code == CLOSE_BAD_MESSAGE


async def test_a_slow_client_is_closed_4408_while_another_keeps_receiving() -> None:
    async with harness_with(ws_queue_size="2") as harness:
        owner = await harness.user()
        await harness.account(owner, "acc-1")
        bus = harness.container.core.bus()
        halted = TradingStateChanged("account:acc-1", "active", "halted", owner.id, "test")
        burst = [OrderCanceled(f"ord-{i}", "acc-1") for i in range(4)]
        with await connect(harness, owner) as slow:
            welcomed(slow)
            with await connect(harness, owner, "types=kill_switch") as steady:
                welcomed(steady)
                in_app_loop(harness, bus.publish, [*burst, halted])
                slow_code = close_code(slow)
                got = frame(steady)
                in_app_loop(harness, bus.publish, [halted])
                got_again = frame(steady)
                hub = harness.container.event_hub()

        assert slow_code == CLOSE_TOO_SLOW == 4408
        assert got["event"] == got_again["event"] == "TradingStateChanged"
        assert hub.dropped_clients == 1


async def test_the_server_pings_idle_clients() -> None:
    async with harness_with(ws_ping_seconds="0.05") as harness:
        owner = await harness.user()
        with await connect(harness, owner) as ws:
            welcomed(ws)
            ping = frame(ws)
            ws.send_json({"action": "pong"})
            again = frame(ws)

    assert ping == again == {"type": "ping"}
