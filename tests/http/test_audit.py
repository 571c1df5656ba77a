"""GET /api/v1/audit and /api/v1/audit/verify: filters, cursor, CSV, who sees what, the chain."""

from __future__ import annotations

import csv
import dataclasses
import io
from datetime import UTC, datetime

from domain.principals import Role
from ports.core.events import AuditEntry
from tests.http.core_helpers import assert_problem, field_names
from tests.http.harness import PASSWORD, Harness, User

AUDIT = "/api/v1/audit"


async def _listing(harness: Harness, user: User, **params: str | int) -> list[dict[str, object]]:
    response = await harness.client.get(
        AUDIT, params={"limit": 500, **params}, headers=user.headers
    )
    assert response.status_code == 200, response.text
    items: list[dict[str, object]] = response.json()["items"]
    return items


async def test_an_http_login_records_its_request_id_and_client_ip(harness: Harness) -> None:
    # Arrange
    admin = await harness.user(Role.ADMIN)
    await harness.user(Role.OWNER, name="alice")

    # Act
    response = await harness.client.post(
        "/api/v1/auth/login",
        json={"username": "alice", "password": PASSWORD},
        headers={"X-Request-ID": "req-login-42"},
    )

    # Assert
    assert response.status_code == 200
    listed = await _listing(harness, admin, request_id="req-login-42")
    assert sorted(item["action"] for item in listed) == ["auth.login", "device.login"]
    items = [item for item in listed if item["action"] == "auth.login"]
    assert items[0]["request_id"] == "req-login-42"
    assert items[0]["ip"] == "testclient"  # the ASGI client address the rate limit keys on
    assert isinstance(items[0]["seq"], int) and len(str(items[0]["hash"])) == 64


async def test_an_owner_sees_only_their_own_entries(harness: Harness) -> None:
    # Arrange: two owners, each with an account; an admin acting on the second one
    alice = await harness.user(Role.OWNER, name="alice")
    bob = await harness.user(Role.OWNER, name="bob")
    admin = await harness.user(Role.ADMIN)
    await harness.account(alice, "acc-alice")
    await harness.account(bob, "acc-bob")
    audit = harness.container.core.audit()
    now = datetime(2026, 3, 2, tzinfo=UTC)
    await audit.record(AuditEntry(admin.id, "kill_switch.activate", "account:acc-bob", "ok", now))
    await audit.record(AuditEntry(admin.id, "kill_switch.activate", "account:acc-alice", "ok", now))
    await audit.record(AuditEntry("system", "succession.check", f"succession:{bob.id}", "ok", now))

    # Act
    seen_by_alice = await _listing(harness, alice)
    bob_subject = await _listing(harness, alice, subject=f"user:{bob.id}")
    bob_actor = await _listing(harness, alice, actor=bob.id)
    seen_by_bob = await _listing(harness, bob)

    # Assert
    assert seen_by_alice, "alice's own login at least"
    for item in seen_by_alice:
        assert item["actor"] == alice.id or item["subject"] in (
            f"user:{alice.id}",
            "login:alice",
            "account:acc-alice",
            f"succession:{alice.id}",
        ), item
    assert {"account:acc-alice", "login:alice"} <= {i["subject"] for i in seen_by_alice}
    assert bob_subject == [] and bob_actor == []
    assert all("bob" not in str(i["subject"]) and i["actor"] != bob.id for i in seen_by_alice)
    assert {"account:acc-bob", f"succession:{bob.id}"} <= {i["subject"] for i in seen_by_bob}
    assert "account:acc-alice" not in {i["subject"] for i in seen_by_bob}


async def test_risk_officers_and_admins_see_everything_and_agents_are_refused(
    harness: Harness,
) -> None:
    # Arrange
    owner = await harness.user(Role.OWNER)
    officer = await harness.user(Role.RISK_OFFICER)
    await harness.account(owner, "acc-1")
    key = await harness.agent_key(owner, "agent-1", ("acc-1",))

    # Act
    everything = await _listing(harness, officer)
    by_agent = await harness.client.get(AUDIT, headers={"X-API-Key": key})
    verify_by_officer = await harness.client.get(f"{AUDIT}/verify", headers=officer.headers)

    # Assert
    assert {owner.id, officer.id} <= {i["actor"] for i in everything}
    assert_problem(by_agent, 403, "FORBIDDEN")
    assert_problem(verify_by_officer, 403, "FORBIDDEN")


async def test_filters_and_the_cursor_page_through_without_repeats(harness: Harness) -> None:
    # Arrange
    admin = await harness.user(Role.ADMIN)
    audit = harness.container.core.audit()
    for n in range(7):
        at = datetime(2026, 3, 2, 10, n, tzinfo=UTC)
        action = "kill_switch.activate" if n % 2 else "kill_switch.resume"
        await audit.record(AuditEntry("ops", action, "global:", "ok" if n else "denied", at))

    # Act
    seqs: list[int] = []
    cursor: str | None = None
    while True:
        params: dict[str, str | int] = {"action": "kill_switch.*", "actor": "ops", "limit": 3}
        if cursor:
            params["cursor"] = cursor
        page = (await harness.client.get(AUDIT, params=params, headers=admin.headers)).json()
        seqs.extend(item["seq"] for item in page["items"])
        cursor = page["next_cursor"]
        if cursor is None:
            break
    window = await _listing(
        harness, admin, **{"from": "2026-03-02T10:02:00Z", "to": "2026-03-02T10:04:00Z"}
    )
    denied = await _listing(harness, admin, outcome="denied", actor="ops")
    exact = await _listing(harness, admin, action="kill_switch.resume")

    # Assert
    assert len(seqs) == 7 and seqs == sorted(seqs, reverse=True)
    assert [i["at"] for i in window] == ["2026-03-02T10:03:00Z", "2026-03-02T10:02:00Z"]
    assert len(denied) == 1
    assert len(exact) == 4


async def test_csv_export_is_injection_safe(harness: Harness) -> None:
    # Arrange
    admin = await harness.user(Role.ADMIN)
    at = datetime(2026, 3, 2, tzinfo=UTC)
    await harness.container.core.audit().record(
        AuditEntry('=HYPERLINK("x")', "@sum", "-1+1", "+ok", at, {"note": "=1"})
    )

    # Act
    response = await harness.client.get(
        AUDIT, params={"format": "csv", "actor": '=HYPERLINK("x")'}, headers=admin.headers
    )

    # Assert
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.text)))
    assert rows[0][:6] == ["seq", "at", "actor", "action", "subject", "outcome"]
    assert rows[1][2:6] == ['\'=HYPERLINK("x")', "'@sum", "'-1+1", "'+ok"]
    assert len(rows) == 2


async def test_bad_queries_answer_400_naming_the_parameter(harness: Harness) -> None:
    admin = await harness.user(Role.ADMIN)

    bad_cursor = await harness.client.get(AUDIT, params={"cursor": "nope"}, headers=admin.headers)
    naive = await harness.client.get(
        AUDIT, params={"from": "2026-03-02T10:00:00"}, headers=admin.headers
    )
    backwards = await harness.client.get(
        AUDIT,
        params={"from": "2026-03-03T00:00:00Z", "to": "2026-03-02T00:00:00Z"},
        headers=admin.headers,
    )
    too_many = await harness.client.get(AUDIT, params={"limit": 501}, headers=admin.headers)
    bare_star = await harness.client.get(AUDIT, params={"action": "*"}, headers=admin.headers)

    assert field_names(assert_problem(bad_cursor, 400, "INVALID_CURSOR")) == {"cursor"}
    assert field_names(assert_problem(naive, 400, "INVALID_AUDIT_QUERY")) == {"from"}
    assert field_names(assert_problem(backwards, 400, "INVALID_AUDIT_QUERY")) == {"from"}
    assert_problem(too_many, 400, "VALIDATION_ERROR")
    assert bare_star.status_code == 400


async def test_verify_answers_ok_then_the_first_edited_seq(harness: Harness) -> None:
    # Arrange
    admin = await harness.user(Role.ADMIN)
    intact = await harness.client.get(f"{AUDIT}/verify", headers=admin.headers)
    log = harness.container.core.audit()
    if not hasattr(log, "links"):
        return  # the SQL store's tampering is covered by the store contract suite
    link = log.links[1]
    log.links[1] = dataclasses.replace(
        link, entry=dataclasses.replace(link.entry, outcome="tampered")
    )

    # Act
    broken = await harness.client.get(f"{AUDIT}/verify", headers=admin.headers)

    # Assert
    assert intact.status_code == 200 and intact.json()["ok"] is True
    body = broken.json()
    assert body["ok"] is False
    assert body["broken"]["seq"] == 2 and body["broken"]["kind"] == "edited"


async def test_csv_pages_carry_the_next_cursor_in_a_header(harness: Harness) -> None:
    # Arrange
    admin = await harness.user(Role.ADMIN)
    at = datetime(2026, 3, 2, tzinfo=UTC)
    for n in range(3):
        await harness.container.core.audit().record(AuditEntry("ops", f"x.{n}", "s", "ok", at))
    params: dict[str, str | int] = {"format": "csv", "actor": "ops", "limit": 2}

    # Act
    first = await harness.client.get(AUDIT, params=params, headers=admin.headers)
    params["cursor"] = first.headers["X-Next-Cursor"]
    second = await harness.client.get(AUDIT, params=params, headers=admin.headers)

    # Assert
    first_rows = list(csv.reader(io.StringIO(first.text)))[1:]
    second_rows = list(csv.reader(io.StringIO(second.text)))[1:]
    assert [r[3] for r in first_rows + second_rows] == ["x.2", "x.1", "x.0"]
    assert "X-Next-Cursor" not in second.headers
