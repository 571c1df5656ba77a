"""`/api/v1/notifications`: the inbox, preferences, deliveries, replay, and the WebSocket push."""

from __future__ import annotations

from typing import Any

import pytest
from litestar.testing import WebSocketTestSession

from domain.principals import Role
from tests.http.core_helpers import assert_problem
from tests.http.harness import PASSCODE, Harness, User
from tests.http.test_ws import connect, frame, in_app_loop, welcomed

pytestmark = pytest.mark.serves("notifications", "safety")

BASE = "/api/v1/notifications"


def field_of(body: dict[str, Any]) -> str:
    [error] = body["errors"]
    field: str = error["field"]
    return field


async def inbox(h: Harness, user: User, query: str = "") -> dict[str, Any]:
    response = await h.client.get(f"{BASE}?{query}", headers=user.headers)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


async def notify(h: Harness, user: User, event: str, **data: object) -> Any:
    return await h.container.core.notification_center().notify(user.id, event, data)


async def test_the_kill_switch_lands_in_the_owners_inbox(harness: Harness, owner: User) -> None:
    # Arrange
    await harness.account(owner, "acc-1")

    # Act
    response = await harness.client.post(
        "/api/v1/kill-switch/activate",
        json={"passcode": PASSCODE, "scope": {"kind": "account", "id": "acc-1"}},
        headers=owner.headers,
    )
    page = await inbox(harness, owner)

    # Assert
    assert response.status_code == 201, response.text
    [item] = page["items"]
    assert item["event_type"] == "killswitch.activated"
    assert item["priority"] == "critical"
    assert item["title"] == "Kill switch activated"
    assert item["read_at"] is None


async def test_read_unread_and_read_all_are_owner_scoped(harness: Harness, owner: User) -> None:
    # Arrange
    other = await harness.user()
    for i in range(3):
        await notify(harness, owner, "order.denied", order_id=f"o{i}", account_id="a1")
        harness.clock.advance(1)
    await notify(harness, other, "order.denied", order_id="x", account_id="b1")
    first = (await inbox(harness, owner))["items"][0]["id"]
    theirs = (await inbox(harness, other))["items"][0]["id"]

    # Act
    read = await harness.client.post(f"{BASE}/{first}/read", headers=owner.headers)
    foreign = await harness.client.post(f"{BASE}/{theirs}/read", headers=owner.headers)
    unread = await inbox(harness, owner, "unread=true")
    paged = await inbox(harness, owner, "limit=2")
    rest = await inbox(harness, owner, f"limit=2&cursor={paged['next_cursor']}")
    all_read = await harness.client.post(f"{BASE}/read-all", headers=owner.headers)

    # Assert
    assert read.status_code == 204
    assert_problem(foreign, 404, "NOT_FOUND")
    assert len(unread["items"]) == 2 and first not in {i["id"] for i in unread["items"]}
    assert [i["title"] for i in paged["items"] + rest["items"]] == [
        "Order o2 denied", "Order o1 denied", "Order o0 denied",
    ]  # fmt: skip
    assert all_read.json() == {"marked": 2}
    assert (await inbox(harness, other, "unread=true"))["items"][0]["id"] == theirs


async def test_bad_listing_parameters_are_400_naming_them(harness: Harness, owner: User) -> None:
    bad_cursor = await harness.client.get(f"{BASE}?cursor=nope", headers=owner.headers)
    bad_limit = await harness.client.get(f"{BASE}?limit=0", headers=owner.headers)
    bad_status = await harness.client.get(f"{BASE}/deliveries?status=lost", headers=owner.headers)
    bad_id = await harness.client.post(f"{BASE}/not-an-id/read", headers=owner.headers)
    anonymous = await harness.client.get(BASE)

    assert_problem(bad_cursor, 400, "INVALID_NOTIFICATION_QUERY")
    assert bad_limit.status_code == bad_status.status_code == bad_id.status_code == 400
    assert anonymous.status_code == 401


async def test_preferences_round_trip_and_validation(harness: Harness, owner: User) -> None:
    # Arrange
    wanted = {
        "channels": {"order.denied": ["email"], "notice": []},
        "quiet_hours": {"start": "22:00", "end": "07:00", "time_zone": "America/New_York"},
        "digest_enabled": True,
        "digest_minutes": 240,
    }
    url = f"{BASE}/preferences"

    # Act
    default = await harness.client.get(url, headers=owner.headers)
    saved = await harness.client.put(url, json=wanted, headers=owner.headers)
    read_back = await harness.client.get(url, headers=owner.headers)
    bad_zone = await harness.client.put(
        url, json={**wanted, "quiet_hours": {**wanted["quiet_hours"], "time_zone": "Mars/Base"}},
        headers=owner.headers,
    )  # fmt: skip
    bad_type = await harness.client.put(
        url, json={"channels": {"nope.never": ["email"]}}, headers=owner.headers
    )
    bad_channel = await harness.client.put(
        url, json={"channels": {"notice": ["pigeon"]}}, headers=owner.headers
    )
    bad_time = await harness.client.put(
        url, json={"quiet_hours": {"start": "25:00", "end": "07:00", "time_zone": "UTC"}},
        headers=owner.headers,
    )  # fmt: skip

    # Assert
    assert default.json() == {
        "channels": {}, "quiet_hours": None, "digest_enabled": False, "digest_minutes": 60,
    }  # fmt: skip
    assert saved.status_code == 200, saved.text
    assert read_back.json() == wanted
    assert (
        field_of(assert_problem(bad_zone, 422, "INVALID_NOTIFICATION_PREFERENCES")) == "time_zone"
    )
    assert field_of(assert_problem(bad_type, 422, "INVALID_NOTIFICATION_PREFERENCES")) == (
        "channels.nope.never"
    )
    assert bad_channel.status_code == 400
    assert bad_time.status_code == 400
    entries = await harness.container.core.audit().entries(target=f"user:{owner.id}")
    [audited] = [e for e in entries if e.action == "notification.preferences"]
    assert audited.details["types_off"] == ["notice"]


async def test_deliveries_listing_and_replay(harness: Harness, owner: User) -> None:
    # Arrange: a websocket delivery that went dead.
    other = await harness.user()
    admin = await harness.user(Role.ADMIN)
    outcome = await notify(harness, owner, "order.denied", order_id="o1", account_id="a1")
    [delivery] = outcome.deliveries
    await harness.container.core.notification_store().mark_dead(delivery.id, "receiver gone")
    replay = f"{BASE}/deliveries/{delivery.id}/replay"

    # Act
    mine = await harness.client.get(f"{BASE}/deliveries?status=dead", headers=owner.headers)
    theirs = await harness.client.get(f"{BASE}/deliveries?all=true", headers=other.headers)
    everyone = await harness.client.get(f"{BASE}/deliveries?all=true", headers=admin.headers)
    foreign = await harness.client.post(replay, headers=other.headers)
    replayed = await harness.client.post(replay, headers=owner.headers)
    again = await harness.client.post(replay, headers=owner.headers)

    # Assert
    [dead] = mine.json()["items"]
    assert (dead["id"], dead["channel"], dead["last_error"]) == (
        delivery.id, "websocket", "receiver gone",
    )  # fmt: skip
    assert theirs.json()["items"] == []
    assert delivery.id in {d["id"] for d in everyone.json()["items"]}
    assert_problem(foreign, 404, "NOT_FOUND")
    assert replayed.status_code == 200, replayed.text
    assert replayed.json()["status"] in {"pending", "sent"}
    assert_problem(again, 409, "DELIVERY_NOT_DEAD")
    audit = await harness.container.core.audit().entries(target=f"delivery:{delivery.id}")
    assert [(e.actor, e.outcome) for e in audit] == [(owner.id, "refused"), (owner.id, "ok")]


async def test_agents_may_not_read_notifications(harness: Harness, owner: User) -> None:
    await harness.account(owner, "acc-1")
    key = await harness.agent_key(owner, "bot-1", ("acc-1",))
    response = await harness.client.get(BASE, headers={"Authorization": f"Bearer {key}"})
    assert response.status_code == 403


def drain(ws: WebSocketTestSession) -> list[dict[str, Any]]:
    """What arrived on a socket within a short wait."""
    seen: list[dict[str, Any]] = []
    try:
        while True:
            seen.append(ws.receive_json(timeout=0.5))
    except Exception:  # the wait ran out: nothing more came
        return seen


def notification_frame(ws: WebSocketTestSession) -> dict[str, Any]:
    for _ in range(20):
        got = frame(ws)
        if got.get("category") == "notification":
            return got
    raise AssertionError("no notification frame")


async def test_the_websocket_push_reaches_the_user_and_nobody_else(
    harness: Harness, owner: User
) -> None:
    # Arrange: the owner, another owner and an admin (who sees every account's events).
    other = await harness.user()
    admin = await harness.user(Role.ADMIN)
    center = harness.container.core.notification_center()

    with await connect(harness, owner) as mine, await connect(harness, other) as theirs:
        welcomed(mine)
        welcomed(theirs)
        with await connect(harness, admin) as watching:
            welcomed(watching)

            # Act
            in_app_loop(
                harness, center.notify, owner.id, "margin.call",
                {"title": "Margin call on account a1", "body": "deposit"},
            )  # fmt: skip
            pushed = notification_frame(mine)
            in_app_loop(
                harness, center.notify, other.id, "margin.call", {"title": "theirs", "body": "b"}
            )
            their_push = notification_frame(theirs)
            # The admin's socket: a ping from the server is the next frame, never a push.
            ws_frames = drain(watching)

    # Assert: each user got only their own push; the admin (who sees every account) none.
    assert all(f.get("category") != "notification" for f in ws_frames)
    assert pushed["event"] == "NotificationPushed"
    assert pushed["data"]["user_id"] == owner.id
    assert pushed["data"]["title"] == "Margin call on account a1"
    assert their_push["data"]["user_id"] == other.id
