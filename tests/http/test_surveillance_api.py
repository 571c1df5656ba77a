"""Surveillance over HTTP: alerts listed and read by role, reviewed by the desk, and an agent
that spoofs through the API paused by the in-process run (docs/surveillance.md)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from decimal import Decimal
from typing import Any

import pytest

from domain.principals import Role
from tests.http.core_helpers import assert_problem, harness_with, order_body, submit
from tests.http.harness import Harness, User
from tests.unit.surveillance.cases import alert

pytestmark = pytest.mark.serves("safety", "surveillance", "trading")

ALERTS = "/api/v1/surveillance/alerts"


async def desk(harness: Harness) -> dict[str, Any]:
    """An owner with three alerts, a stranger with one, a risk officer, a viewer, an agent."""
    owner, stranger = await harness.user(Role.OWNER), await harness.user(Role.TRADER)
    officer, viewer = await harness.user(Role.RISK_OFFICER), await harness.user(Role.VIEWER)
    await harness.account(owner, "acc-owner")
    key = await harness.agent_key(owner, "agent-owner", ("acc-owner",))
    mine = [alert(i, owner=owner.id) for i in range(3)]
    theirs = alert(10, owner=stranger.id)
    await harness.container.surveillance.surveillance_store().record([*mine, theirs], None)
    return {"owner": owner, "stranger": stranger, "officer": officer, "viewer": viewer,
            "agent": {"X-API-Key": key}, "mine": mine, "theirs": theirs}  # fmt: skip


async def test_the_desk_sees_every_alert_and_an_owner_only_their_own(harness: Harness) -> None:
    # Arrange
    d = await desk(harness)
    get = harness.client.get

    # Act
    officer = await get(ALERTS, headers=d["officer"].headers)
    viewer = await get(ALERTS, headers=d["viewer"].headers)
    owner = await get(ALERTS, headers=d["owner"].headers)
    agent = await get(ALERTS, headers=d["agent"])
    paged = await get(ALERTS, params={"limit": 2}, headers=d["officer"].headers)

    # Assert
    assert len(officer.json()["items"]) == len(viewer.json()["items"]) == 4
    assert {a["owner_id"] for a in owner.json()["items"]} == {d["owner"].id}
    assert_problem(agent, 403, "FORBIDDEN")
    assert len(paged.json()["items"]) == 2 and paged.json()["next_cursor"]
    first = officer.json()["items"][0]
    assert first["evidence"]["orders"][0]["quantity"] == "2000"
    assert first["thresholds"] == {"size_ratio": 4.0} and first["status"] == "open"


async def test_another_owners_alert_answers_404_and_a_bad_cursor_422(harness: Harness) -> None:
    # Arrange
    d = await desk(harness)

    # Act
    theirs = await harness.client.get(f"{ALERTS}/{d['theirs'].id}", headers=d["owner"].headers)
    mine = await harness.client.get(f"{ALERTS}/{d['mine'][0].id}", headers=d["owner"].headers)
    cursor = await harness.client.get(
        ALERTS, params={"cursor": "nope"}, headers=d["officer"].headers
    )

    # Assert
    assert_problem(theirs, 404, "ALERT_NOT_FOUND")
    assert mine.status_code == 200 and mine.json()["id"] == d["mine"][0].id
    assert_problem(cursor, 422, "INVALID_CURSOR")


async def test_a_risk_officer_reviews_and_others_may_not(harness: Harness) -> None:
    # Arrange
    d = await desk(harness)
    url = f"{ALERTS}/{d['mine'][0].id}"
    patch = harness.client.patch

    # Act
    by_owner = await patch(url, json={"status": "acknowledged"}, headers=d["owner"].headers)
    by_viewer = await patch(url, json={"status": "acknowledged"}, headers=d["viewer"].headers)
    skipped = await patch(url, json={"status": "closed", "note": "x"}, headers=d["officer"].headers)
    acked = await patch(
        url, json={"status": "acknowledged", "version": 1}, headers=d["officer"].headers
    )
    stale = await patch(
        url, json={"status": "closed", "note": "x", "version": 1}, headers=d["officer"].headers
    )
    no_note = await patch(url, json={"status": "closed"}, headers=d["officer"].headers)
    closed = await patch(
        url, json={"status": "closed", "note": "a hedge, not a spoof"}, headers=d["officer"].headers
    )
    unknown = await patch(url, json={"status": "reopened"}, headers=d["officer"].headers)

    # Assert
    assert_problem(by_owner, 403, "FORBIDDEN")
    assert_problem(by_viewer, 403, "FORBIDDEN")
    assert_problem(skipped, 422, "INVALID_ALERT_CHANGE")
    assert acked.status_code == 200 and acked.json()["acknowledged_by"] == d["officer"].id
    assert_problem(stale, 409, "CONCURRENT_UPDATE")
    assert assert_problem(no_note, 422, "INVALID_ALERT_CHANGE")["errors"][0]["field"] == "note"
    assert closed.json()["status"] == "closed" and closed.json()["note"] == "a hedge, not a spoof"
    assert unknown.status_code == 400


@pytest.fixture
async def watching() -> AsyncIterator[Harness]:
    """A harness whose serving process runs the detectors on its own events."""
    async with harness_with(surveillance="inprocess") as h:
        yield h


async def wait_for_alerts(harness: Harness, who: User) -> list[dict[str, Any]]:
    for _ in range(200):
        found: list[dict[str, Any]] = (
            await harness.client.get(ALERTS, headers=who.headers)
        ).json()["items"]
        if found and all(a["action"] not in ("pending",) for a in found):
            return found
        await asyncio.sleep(0.02)
    raise AssertionError("no alert came")


async def test_an_agent_that_spoofs_through_the_api_is_paused(watching: Harness) -> None:
    # Arrange: an owner's agent on two accounts, AAPL quoted 189.90 / 190.10
    h = watching
    await h.instrument("AAPL", "190")
    h.container.core.market().set_quote("AAPL", Decimal("189.90"), Decimal("190.10"))
    owner, officer = await h.user(Role.OWNER), await h.user(Role.RISK_OFFICER)
    await h.account(owner, "acc-a")
    await h.account(owner, "acc-b")
    agent = {"X-API-Key": await h.agent_key(owner, "bot-1", ("acc-a", "acc-b"))}
    for _ in range(24):  # the symbol's typical order: 10 shares, resting and cancelled
        placed = await submit(h, owner, order_body("acc-a", order_type="limit", limit_price="150"))
        h.clock.advance(0.1)
        await h.client.delete(
            f"/api/v1/orders/{placed.json()['order']['id']}", headers=owner.headers
        )
        h.clock.advance(0.1)

    # Act: 300 bid at the touch, 5 sold in the other account, the bid cancelled
    big = await submit(h, agent, order_body("acc-a", quantity="300", order_type="limit",
                                            limit_price="189.90"))  # fmt: skip
    h.clock.advance(0.4)
    sold = await submit(h, agent, order_body("acc-b", side="sell", quantity="5"))
    h.clock.advance(0.5)
    await h.client.delete(f"/api/v1/orders/{big.json()['order']['id']}", headers=agent)
    found = await wait_for_alerts(h, officer)

    # Assert
    assert big.status_code == sold.status_code == 201, (big.text, sold.text)
    assert [(a["pattern"], a["severity"], a["action"]) for a in found] == [
        ("spoofing", "high", "paused")
    ]
    assert found[0]["agents"] == ["bot-1"] and found[0]["accounts"] == ["acc-a", "acc-b"]
    after = await submit(h, agent, order_body("acc-a", quantity="1"))
    assert_problem(after, 422, "ORDER_DENIED")
    status = (await h.client.get("/api/v1/kill-switch/status", headers=officer.headers)).json()
    assert {s["scope"]["key"] if isinstance(s["scope"], dict) else s["scope"]: s["state"]
            for s in status["scopes"]}.get("agent:bot-1") == "halted"  # fmt: skip
