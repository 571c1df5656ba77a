"""`/api/v1/notifications` management (one by id, delete, clear, unread counts, bulk read),
role defaults (admin only) and `/api/v1/price-alerts` end to end through the app."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from domain.principals import Role
from tests.http.core_helpers import assert_problem
from tests.http.harness import Harness, User
from tests.http.test_notifications import BASE, inbox, notify

pytestmark = pytest.mark.serves("notifications")

ALERTS = "/api/v1/price-alerts"


async def test_one_delete_and_clear_are_owner_scoped(harness: Harness, owner: User) -> None:
    # Arrange
    other = await harness.user()
    for i in range(3):
        await notify(harness, owner, "notice", title=f"n{i}", body="b")
        harness.clock.advance(1)
    await notify(harness, other, "notice", title="theirs", body="b")
    mine = [i["id"] for i in (await inbox(harness, owner))["items"]]
    theirs = (await inbox(harness, other))["items"][0]["id"]

    # Act
    one = await harness.client.get(f"{BASE}/{mine[0]}", headers=owner.headers)
    foreign = await harness.client.get(f"{BASE}/{theirs}", headers=owner.headers)
    foreign_delete = await harness.client.delete(f"{BASE}/{theirs}", headers=owner.headers)
    deleted = await harness.client.delete(f"{BASE}/{mine[0]}", headers=owner.headers)
    gone = await harness.client.get(f"{BASE}/{mine[0]}", headers=owner.headers)
    cleared = await harness.client.delete(f"{BASE}/", headers=owner.headers)

    # Assert
    assert one.status_code == 200 and one.json()["title"] == "n2"
    assert_problem(foreign, 404, "NOT_FOUND")
    assert_problem(foreign_delete, 404, "NOT_FOUND")
    assert deleted.status_code == 204
    assert_problem(gone, 404, "NOT_FOUND")
    assert cleared.json() == {"deleted": 2}
    assert (await inbox(harness, owner))["items"] == []
    assert [i["id"] for i in (await inbox(harness, other))["items"]] == [theirs]


async def test_unread_counts_and_bulk_read(harness: Harness, owner: User) -> None:
    # Arrange
    other = await harness.user()
    for i in range(3):
        await notify(harness, owner, "notice", title=f"n{i}", body="b")
        harness.clock.advance(1)
    await notify(harness, owner, "order.denied", order_id="o1", account_id="a1")
    await notify(harness, other, "notice", title="theirs", body="b")
    items = (await inbox(harness, owner))["items"]
    theirs = (await inbox(harness, other))["items"][0]["id"]

    # Act
    before = await harness.client.get(f"{BASE}/unread-count", headers=owner.headers)
    by_ids = await harness.client.post(
        f"{BASE}/read", json={"ids": [items[0]["id"], theirs]}, headers=owner.headers
    )
    cut = items[1]["created_at"]
    by_time = await harness.client.post(f"{BASE}/read", json={"before": cut}, headers=owner.headers)
    both = await harness.client.post(
        f"{BASE}/read", json={"ids": [], "before": cut}, headers=owner.headers
    )
    after = await harness.client.get(f"{BASE}/unread-count", headers=owner.headers)

    # Assert
    assert before.json() == {"total": 4, "by_type": {"notice": 3, "order.denied": 1}}
    assert by_ids.json() == {"marked": 1}
    assert by_time.json() == {"marked": 2}
    assert_problem(both, 400, "INVALID_NOTIFICATION_QUERY")
    assert after.json()["total"] == 1
    theirs_count = await harness.client.get(f"{BASE}/unread-count", headers=other.headers)
    assert theirs_count.json()["total"] == 1


async def test_role_defaults_are_admin_only_and_apply_to_users_without_their_own(
    harness: Harness, owner: User
) -> None:
    # Arrange
    admin = await harness.user(Role.ADMIN)
    trader = await harness.user(Role.TRADER)
    body = {"channels": {"notice": []}}

    # Act
    refused = await harness.client.put(
        f"{BASE}/role-defaults/trader", json=body, headers=owner.headers
    )
    refused_list = await harness.client.get(f"{BASE}/role-defaults", headers=trader.headers)
    unknown = await harness.client.put(
        f"{BASE}/role-defaults/wizard", json=body, headers=admin.headers
    )
    saved = await harness.client.put(
        f"{BASE}/role-defaults/trader", json=body, headers=admin.headers
    )
    listed = await harness.client.get(f"{BASE}/role-defaults", headers=admin.headers)
    shown = await harness.client.get(f"{BASE}/preferences", headers=trader.headers)
    await notify(harness, trader, "notice", title="quiet", body="b")
    await notify(harness, owner, "notice", title="heard", body="b")
    removed = await harness.client.delete(f"{BASE}/role-defaults/trader", headers=admin.headers)
    missing = await harness.client.get(f"{BASE}/role-defaults/trader", headers=admin.headers)

    # Assert
    assert_problem(refused, 403, "FORBIDDEN")
    assert_problem(refused_list, 403, "FORBIDDEN")
    assert_problem(unknown, 422, "INVALID_NOTIFICATION_PREFERENCES")
    assert saved.status_code == 200, saved.text
    assert listed.json()["trader"]["channels"] == {"notice": []}
    assert shown.json()["channels"] == {"notice": []}
    assert (await inbox(harness, trader))["items"] == []
    assert len((await inbox(harness, owner))["items"]) == 1
    assert removed.status_code == 204
    assert_problem(missing, 404, "NOT_FOUND")


async def alert_body(**fields: Any) -> dict[str, Any]:
    return {"symbol": "AAPL", "direction": "above", "threshold": "190.5", **fields}


async def test_price_alert_crud_is_owner_scoped(harness: Harness, owner: User) -> None:
    # Arrange
    other = await harness.user()

    # Act
    created = await harness.client.post(
        ALERTS,
        json=await alert_body(mode="rearm", hysteresis="0.25", note="take profit"),
        headers=owner.headers,
    )
    alert_id = created.json()["id"]
    foreign = await harness.client.get(f"{ALERTS}/{alert_id}", headers=other.headers)
    foreign_delete = await harness.client.delete(f"{ALERTS}/{alert_id}", headers=other.headers)
    noted = await harness.client.patch(
        f"{ALERTS}/{alert_id}", json={"note": "trim"}, headers=owner.headers
    )
    listed = await harness.client.get(ALERTS, headers=owner.headers)
    bad = await harness.client.post(
        ALERTS, json=await alert_body(threshold="-1"), headers=owner.headers
    )
    bad_symbol = await harness.client.post(
        ALERTS, json=await alert_body(symbol="$$"), headers=owner.headers
    )
    deleted = await harness.client.delete(f"{ALERTS}/{alert_id}", headers=owner.headers)

    # Assert
    assert created.status_code == 201, created.text
    assert created.json()["threshold"] == "190.50000000"
    assert created.json()["hysteresis"] == "0.25000000"
    assert created.json()["state"] == "waiting"
    assert_problem(foreign, 404, "NOT_FOUND")
    assert_problem(foreign_delete, 404, "NOT_FOUND")
    assert noted.json()["note"] == "trim"
    assert [a["id"] for a in listed.json()["items"]] == [alert_id]
    assert bad.status_code == 400, bad.text
    assert_problem(bad_symbol, 422, "INVALID_PRICE_ALERT")
    assert deleted.status_code == 204
    assert (await harness.client.get(ALERTS, headers=other.headers)).json() == {"items": []}


async def test_a_quote_crossing_an_alert_lands_in_the_inbox(harness: Harness, owner: User) -> None:
    # Arrange
    market = harness.container.core.market()
    market.set_price("AAPL", 189)
    created = await harness.client.post(ALERTS, json=await alert_body(), headers=owner.headers)
    assert created.status_code == 201, created.text
    watch = harness.container.notifications.price_alerts.price_alert_watch()

    # Act
    market.set_price("AAPL", "190")
    await watch.evaluate()
    market.set_price("AAPL", "191")
    await watch.evaluate()
    await asyncio.sleep(0)

    # Assert
    items = (await inbox(harness, owner))["items"]
    assert [i["event_type"] for i in items] == ["price.alert"]
    assert items[0]["data"]["price"] == "191"
    stored = await harness.client.get(f"{ALERTS}/{created.json()['id']}", headers=owner.headers)
    assert stored.json()["state"] == "done" and stored.json()["fired_count"] == 1
