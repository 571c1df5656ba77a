"""HTTP succession: policy, check-in, status and beneficiaries, for the owner only."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest

from domain.principals import Role
from tests.http.core_helpers import assert_problem, field_names
from tests.http.harness import Harness, User

pytestmark = [pytest.mark.serves("safety"), pytest.mark.shares_app()]

BASE = "/api/v1/succession"
DAY = 86_400
POLICY = {
    "check_in_interval_seconds": 30 * DAY,
    "grace_period_seconds": 7 * DAY,
    "reminder_offsets_seconds": [3 * DAY, DAY],
    "liquidate": True,
}
HEIRS = [
    {"id": "b1", "name": "Ada", "share_percent": "60", "contact": "ada@example.com"},
    {"id": "b2", "name": "Brook", "share_percent": "40", "contact": "brook@example.com"},
]


async def enrol(h: Harness, user: User, **changes: Any) -> Any:
    response = await h.client.put(
        f"{BASE}/policy", json={**POLICY, **changes}, headers=user.headers
    )
    assert response.status_code == 200, response.text
    return response


# -- policy -------------------------------------------------------------------------------


async def test_owner_enrols_and_reads_the_policy_back(harness: Harness, owner: User) -> None:
    saved = await enrol(harness, owner)

    read = await harness.client.get(f"{BASE}/policy", headers=owner.headers)

    assert read.status_code == 200, read.text
    assert read.json() == saved.json()
    assert read.json() == {**POLICY, "owner_id": owner.id, "enabled": True}
    policy = await harness.container.safety.succession().policy(owner.principal)
    assert policy.grace_period == timedelta(days=7)


async def test_policy_defaults_apply_to_omitted_fields(harness: Harness, owner: User) -> None:
    response = await harness.client.put(f"{BASE}/policy", json={}, headers=owner.headers)

    assert response.status_code == 200, response.text
    assert response.json()["check_in_interval_seconds"] == 30 * DAY
    assert response.json()["reminder_offsets_seconds"] == [7 * DAY, 3 * DAY, DAY]


async def test_policy_is_not_found_before_enrolment(harness: Harness, owner: User) -> None:
    policy = await harness.client.get(f"{BASE}/policy", headers=owner.headers)
    status = await harness.client.get(f"{BASE}/status", headers=owner.headers)
    check_in = await harness.client.post(f"{BASE}/check-in", headers=owner.headers)

    assert_problem(policy, 404, "NOT_FOUND")
    assert_problem(status, 404, "NOT_FOUND")
    assert_problem(check_in, 404, "NOT_FOUND")


async def test_inconsistent_policy_is_refused_with_its_domain_code(
    harness: Harness, owner: User
) -> None:
    response = await harness.client.put(
        f"{BASE}/policy",
        json={**POLICY, "reminder_offsets_seconds": [DAY, 3 * DAY]},
        headers=owner.headers,
    )

    assert_problem(response, 422, "INVALID_SUCCESSION_POLICY")
    assert_problem(
        await harness.client.get(f"{BASE}/policy", headers=owner.headers), 404, "NOT_FOUND"
    )


async def test_policy_body_is_validated(harness: Harness, owner: User) -> None:
    unknown = await harness.client.put(
        f"{BASE}/policy", json={**POLICY, "heirs": []}, headers=owner.headers
    )
    bad_type = await harness.client.put(
        f"{BASE}/policy", json={**POLICY, "liquidate": "sure"}, headers=owner.headers
    )
    not_positive = await harness.client.put(
        f"{BASE}/policy", json={**POLICY, "grace_period_seconds": 0}, headers=owner.headers
    )

    assert "heirs" in field_names(assert_problem(unknown, 400, "VALIDATION_ERROR"))
    assert "liquidate" in field_names(assert_problem(bad_type, 400, "VALIDATION_ERROR"))
    assert "grace_period_seconds" in field_names(
        assert_problem(not_positive, 400, "VALIDATION_ERROR")
    )


# -- check-in and status ------------------------------------------------------------------


@pytest.mark.own_app("it moves the clock by days")
async def test_check_in_moves_the_deadline(harness: Harness, owner: User) -> None:
    await enrol(harness, owner)
    first = (await harness.client.get(f"{BASE}/status", headers=owner.headers)).json()
    harness.clock.advance(timedelta(days=10))
    headers = await harness.session_headers(owner.username)

    response = await harness.client.post(f"{BASE}/check-in", headers=headers)

    assert response.status_code == 200, response.text
    status = response.json()
    assert status["status"] == "active"
    assert status["owner_id"] == owner.id
    assert status["liquidate"] is True
    expected = (harness.clock.now() + timedelta(days=30)).isoformat()
    assert status["deadline"].replace("Z", "+00:00") == expected
    assert status["deadline"] > first["deadline"]


@pytest.mark.own_app("it moves the clock by days")
async def test_status_shows_grace_after_a_missed_deadline(harness: Harness, owner: User) -> None:
    await enrol(harness, owner)
    harness.clock.advance(timedelta(days=31))
    await harness.container.safety.succession_scheduler().run()
    headers = await harness.session_headers(owner.username)

    response = await harness.client.get(f"{BASE}/status", headers=headers)

    assert response.json()["status"] == "grace"
    assert response.json()["next_reminder_at"] is None


# -- beneficiaries ------------------------------------------------------------------------


async def test_owner_sets_and_reads_beneficiaries(harness: Harness, owner: User) -> None:
    saved = await harness.client.put(
        f"{BASE}/beneficiaries", json={"beneficiaries": HEIRS}, headers=owner.headers
    )

    read = await harness.client.get(f"{BASE}/beneficiaries", headers=owner.headers)

    assert saved.status_code == 200, saved.text
    as_written = [{**h, "share_percent": f"{float(h['share_percent']):.10f}"} for h in HEIRS]
    assert read.json() == {"beneficiaries": as_written}  # shares at the rates' 10 places
    stored = await harness.container.safety.succession().beneficiaries(owner.principal)
    assert [b.id for b in stored] == ["b1", "b2"]


async def test_shares_must_sum_to_100(harness: Harness, owner: User) -> None:
    short = [{**HEIRS[0], "share_percent": "50"}, HEIRS[1]]

    response = await harness.client.put(
        f"{BASE}/beneficiaries", json={"beneficiaries": short}, headers=owner.headers
    )

    body = assert_problem(response, 422, "INVALID_BENEFICIARY_ALLOCATION")
    assert "90" in body["detail"]
    assert await harness.container.safety.succession().beneficiaries(owner.principal) == []


async def test_a_share_out_of_range_is_refused(harness: Harness, owner: User) -> None:
    # Changed with the strict number parser: [0, 100] is the field's declared range (was 422).
    negative = [{**HEIRS[0], "share_percent": "-10"}, {**HEIRS[1], "share_percent": "110"}]

    response = await harness.client.put(
        f"{BASE}/beneficiaries", json={"beneficiaries": negative}, headers=owner.headers
    )

    assert [e["field"] for e in assert_problem(response, 400, "VALIDATION_ERROR")["errors"]] == [
        "beneficiaries[0].share_percent"
    ]
    assert await harness.container.safety.succession().beneficiaries(owner.principal) == []


async def test_beneficiaries_body_is_validated(harness: Harness, owner: User) -> None:
    unknown = await harness.client.put(
        f"{BASE}/beneficiaries",
        json={"beneficiaries": [{**HEIRS[0], "share_percent": "100", "ssn": "x"}]},
        headers=owner.headers,
    )
    bad_type = await harness.client.put(
        f"{BASE}/beneficiaries", json={"beneficiaries": HEIRS[0]}, headers=owner.headers
    )

    assert "ssn" in field_names(assert_problem(unknown, 400, "VALIDATION_ERROR"))
    assert "beneficiaries" in field_names(assert_problem(bad_type, 400, "VALIDATION_ERROR"))


# -- access -------------------------------------------------------------------------------


async def test_only_the_owner_role_may_use_succession(harness: Harness, owner: User) -> None:
    acc_1 = await harness.account(owner, "acc-1")
    key = await harness.agent_key(owner, "bot-1", (acc_1,))
    trader = await harness.user(Role.TRADER)

    by_agent = await harness.client.post(f"{BASE}/check-in", headers={"X-API-Key": key})
    agent_policy = await harness.client.put(
        f"{BASE}/policy", json=POLICY, headers={"X-API-Key": key}
    )
    by_trader = await harness.client.get(f"{BASE}/beneficiaries", headers=trader.headers)
    anonymous = await harness.client.get(f"{BASE}/status")

    assert_problem(by_agent, 403, "FORBIDDEN")
    assert_problem(agent_policy, 403, "FORBIDDEN")
    assert_problem(by_trader, 403, "FORBIDDEN")
    assert_problem(anonymous, 401, "UNAUTHENTICATED")


async def test_each_owner_sees_only_their_own_succession(harness: Harness, owner: User) -> None:
    other = await harness.user()
    await enrol(harness, other)
    await harness.client.put(
        f"{BASE}/beneficiaries", json={"beneficiaries": HEIRS}, headers=other.headers
    )

    status = await harness.client.get(f"{BASE}/status", headers=owner.headers)
    heirs = await harness.client.get(f"{BASE}/beneficiaries", headers=owner.headers)

    assert_problem(status, 404, "NOT_FOUND")
    assert heirs.json() == {"beneficiaries": []}
