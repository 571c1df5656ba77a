"""Scheduled kill-switch drills through the API: an owner's schedules (create, list, show,
change, delete), the records of the drills the job ran, and the refusals: another owner's
schedule or record 404, an agent 403, a viewer's change 403, a live connection 422
DRILL_TARGET_LIVE, a revoked one 409, a cron that cannot be read or fires too often 422."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from domain.connections.connection import VenueConnection
from domain.connections.kinds import VenueEnvironment, VenueKind
from domain.principals import Role
from tests.http.core_helpers import assert_problem, harness_with
from tests.http.harness import Harness, User

pytestmark = pytest.mark.serves("drills", "connections")

SCHEDULES = "/api/v1/drills/schedules"
RUNS = "/api/v1/drills/runs"
# The harness's clock starts on Monday 2026-01-05 at 14:30 UTC.
NEXT_3AM = "2026-01-06T03:00:00Z"


async def connection(
    harness: Harness,
    owner: User,
    connection_id: str,
    environment: VenueEnvironment,
    *,
    revoked: bool = False,
) -> str:
    """An Alpaca connection of `owner`'s, kept as the connections' store keeps one."""
    now = harness.clock.now()
    made = VenueConnection(
        connection_id, owner.id, connection_id, VenueKind.parse("alpaca"), environment, now,
        revoked_at=now if revoked else None,
    )  # fmt: skip
    await harness.container.connections.store().add(made)
    return connection_id


async def schedule(harness: Harness, user: User, **body: Any) -> dict[str, Any]:
    response = await harness.client.post(
        SCHEDULES, json={"cron": "0 3 * * *", **body}, headers=user.headers
    )
    assert response.status_code == 201, response.text
    created: dict[str, Any] = response.json()
    return created


async def test_an_owner_creates_lists_changes_and_deletes_a_schedule(
    harness: Harness, owner: User
) -> None:
    # Act
    created = await schedule(harness, owner, timezone="UTC")
    listed = await harness.client.get(SCHEDULES, headers=owner.headers)
    shown = await harness.client.get(f"{SCHEDULES}/{created['id']}", headers=owner.headers)
    turned_off = await harness.client.patch(
        f"{SCHEDULES}/{created['id']}", json={"enabled": False}, headers=owner.headers
    )
    moved = await harness.client.patch(
        f"{SCHEDULES}/{created['id']}",
        json={"enabled": True, "cron": "30 6 * * 1-5", "timezone": "America/New_York"},
        headers=owner.headers,
    )
    deleted = await harness.client.delete(f"{SCHEDULES}/{created['id']}", headers=owner.headers)
    gone = await harness.client.get(f"{SCHEDULES}/{created['id']}", headers=owner.headers)

    # Assert
    assert created["target"] == "paper"
    assert created["enabled"] is True and created["flatten"] is True
    assert created["faults"] == "none"
    assert created["next_run_at"] == NEXT_3AM
    assert created["upcoming"][:2] == [NEXT_3AM, "2026-01-07T03:00:00Z"]
    assert [s["id"] for s in listed.json()["items"]] == [created["id"]]
    assert shown.json()["id"] == created["id"]
    assert turned_off.status_code == 200, turned_off.text
    assert turned_off.json()["next_run_at"] is None and turned_off.json()["upcoming"] == []
    assert moved.status_code == 200, moved.text
    assert moved.json()["next_run_at"] == "2026-01-06T11:30:00Z"  # 06:30 in New York (EST)
    assert deleted.status_code == 204
    assert_problem(gone, 404, "NOT_FOUND")


async def test_another_owners_schedule_is_not_found_and_an_agent_is_forbidden(
    harness: Harness, owner: User
) -> None:
    # Arrange
    mine = await schedule(harness, owner)
    other = await harness.user()
    agent = {"X-API-Key": await harness.agent_key(owner, "bot-1", ())}
    path = f"{SCHEDULES}/{mine['id']}"

    # Act
    seen = await harness.client.get(path, headers=other.headers)
    changed = await harness.client.patch(path, json={"enabled": False}, headers=other.headers)
    deleted = await harness.client.delete(path, headers=other.headers)
    theirs = await harness.client.get(SCHEDULES, headers=other.headers)
    by_agent = await harness.client.post(SCHEDULES, json={"cron": "@daily"}, headers=agent)
    agent_list = await harness.client.get(SCHEDULES, headers=agent)
    agent_runs = await harness.client.get(RUNS, headers=agent)

    # Assert
    assert_problem(seen, 404, "NOT_FOUND")
    assert_problem(changed, 404, "NOT_FOUND")
    assert_problem(deleted, 404, "NOT_FOUND")
    assert theirs.json()["items"] == []
    assert_problem(by_agent, 403, "FORBIDDEN")
    assert_problem(agent_list, 403, "FORBIDDEN")
    assert_problem(agent_runs, 403, "FORBIDDEN")
    assert (await harness.client.get(path, headers=owner.headers)).json()["enabled"] is True


async def test_a_live_connection_is_refused_and_a_sandbox_one_is_drilled(
    harness: Harness, owner: User
) -> None:
    # Arrange
    live = await connection(harness, owner, "vc-live", VenueEnvironment.LIVE)
    paper = await connection(harness, owner, "vc-paper", VenueEnvironment.PAPER)
    revoked = await connection(harness, owner, "vc-old", VenueEnvironment.PAPER, revoked=True)
    other = await harness.user()
    theirs = await connection(harness, other, "vc-theirs", VenueEnvironment.PAPER)
    venue = {"symbol": "AAPL", "limit_price": "1.00"}

    # Act
    on_live = await harness.client.post(
        SCHEDULES, json={"cron": "@daily", "target": live, **venue}, headers=owner.headers
    )
    on_revoked = await harness.client.post(
        SCHEDULES, json={"cron": "@daily", "target": revoked, **venue}, headers=owner.headers
    )
    on_theirs = await harness.client.post(
        SCHEDULES, json={"cron": "@daily", "target": theirs, **venue}, headers=owner.headers
    )
    with_faults = await harness.client.post(
        SCHEDULES,
        json={"cron": "@daily", "target": paper, "faults": "keep_on_cancel", **venue},
        headers=owner.headers,
    )
    on_paper = await schedule(harness, owner, target=paper, **venue)
    moved_to_live = await harness.client.patch(
        f"{SCHEDULES}/{on_paper['id']}", json={"target": live}, headers=owner.headers
    )

    # Assert
    assert assert_problem(on_live, 422, "DRILL_TARGET_LIVE")["errors"][0]["field"] == "target"
    assert_problem(on_revoked, 409, "CONNECTION_REVOKED")
    assert_problem(on_theirs, 404, "NOT_FOUND")
    assert_problem(with_faults, 422, "INVALID_DRILL_SCHEDULE")
    assert on_paper["target"] == paper and on_paper["flatten"] is False
    assert on_paper["symbol"] == "AAPL" and on_paper["limit_price"] == "1.00000000"
    assert_problem(moved_to_live, 422, "DRILL_TARGET_LIVE")


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"cron": "61 * * * *"}, "cron"),
        ({"cron": "0 3 * *"}, "cron"),
        ({"cron": "*/5 * * * *"}, "cron"),  # every 5 minutes: past the 60-minute floor
        ({"cron": "@daily", "timezone": "Mars/Olympus"}, "timezone"),
        ({"cron": "@daily", "faults": "lie_a_lot"}, "faults"),
        ({"cron": "@daily", "symbol": "AAPL"}, "symbol"),
        ({"cron": "@daily", "target": "somewhere"}, "target"),
    ],
)
async def test_a_schedule_that_does_not_fit_is_refused_naming_its_field(
    harness: Harness, owner: User, body: dict[str, Any], field: str
) -> None:
    # Act
    response = await harness.client.post(SCHEDULES, json=body, headers=owner.headers)

    # Assert
    problem = assert_problem(response, 422, "INVALID_DRILL_SCHEDULE")
    assert problem["errors"][0]["field"] == field


async def test_a_viewer_reads_but_changes_nothing(harness: Harness) -> None:
    # Arrange
    viewer = await harness.user(Role.VIEWER)

    # Act
    listed = await harness.client.get(SCHEDULES, headers=viewer.headers)
    created = await harness.client.post(SCHEDULES, json={"cron": "@daily"}, headers=viewer.headers)

    # Assert
    assert listed.status_code == 200 and listed.json()["items"] == []
    assert_problem(created, 403, "FORBIDDEN")


async def test_the_drills_the_job_ran_are_listed_paged_and_read_one_by_one(
    harness: Harness, owner: User
) -> None:
    # Arrange: two due drills of the owner's, one on a broker made to keep its orders
    await schedule(harness, owner)
    await schedule(harness, owner, cron="0 4 * * *", faults="keep_on_cancel")
    harness.clock.set(datetime(2026, 1, 6, 4, 0, tzinfo=UTC) + timedelta(seconds=1))
    ran = await harness.container.drills.scheduler().run_due()
    mine = await harness.session_headers(owner.username)  # the first session has expired
    other = await harness.user()

    # Act
    first = await harness.client.get(RUNS, params={"limit": 1}, headers=mine)
    second = await harness.client.get(
        RUNS, params={"limit": 1, "cursor": first.json()["next_cursor"]}, headers=mine
    )
    failed = next(r for r in ran if not r.passed)
    one = await harness.client.get(f"{RUNS}/{failed.id}", headers=mine)
    by_other = await harness.client.get(f"{RUNS}/{failed.id}", headers=other.headers)
    other_list = await harness.client.get(RUNS, headers=other.headers)

    # Assert
    assert len(ran) == 2
    listed = [first.json()["items"][0]["id"], second.json()["items"][0]["id"]]
    assert sorted(listed) == sorted(r.id for r in ran)
    body = one.json()
    assert body["outcome"] == "fail" and "did not hold at paper" in body["reason"]
    assert body["unconfirmed_venues"] == ["paper"]
    assert body["time_to_halt_ms"] >= 0
    assert body["venues"][0]["still_open"] and body["venues"][0]["time_to_cancel_ms"] is None
    passed = next(r for r in first.json()["items"] + second.json()["items"] if r["id"] != failed.id)
    assert passed["outcome"] == "pass" and passed["unconfirmed_venues"] == []
    assert passed["venues"][0]["time_to_cancel_ms"] >= 0
    assert passed["time_to_flat_ms"] >= passed["venues"][0]["time_to_cancel_ms"] - 1
    assert_problem(by_other, 404, "NOT_FOUND")
    assert other_list.json() == {"items": [], "next_cursor": None}


async def test_the_served_apps_leased_job_runs_a_due_drill() -> None:
    # Arrange: the job on, looking every 50 ms
    async with harness_with(drill_scheduler="true", drill_check_seconds="0.05") as harness:
        owner = await harness.user()
        made = await schedule(harness, owner)

        # Act: its time comes
        harness.clock.set(datetime(2026, 1, 6, 3, 0, tzinfo=UTC))
        records = harness.container.drills.records()
        async with asyncio.timeout(10):  # a bound on the wait, not a timing assertion
            while not (page := await records.page(owner.principal)).items:  # noqa: ASYNC110 - a store, no event
                await asyncio.sleep(0.05)
        held = harness.container.core.job_holdings().report().held

    # Assert
    (run,) = page.items
    assert run.schedule_id == made["id"] and run.passed, run.reason
    assert "drill_schedules" in [job.name for job in held]
