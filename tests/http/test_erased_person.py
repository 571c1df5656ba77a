"""An erased person's records follow the person, never the name: a later user who takes the
freed username sees none of them (audit listing, data export, login history), the kept audit
entries are pseudonymised with the chain still verifiable, and the erased user cannot be
reactivated."""

from __future__ import annotations

import io
import json
import zipfile
from typing import Any

import pytest

from domain.principals import Role
from tests.http.core_helpers import assert_problem
from tests.http.harness import Harness, User

pytestmark = pytest.mark.serves("privacy", "identity", "audit", "devices", "drills")

USERS = "/api/v1/privacy/users"
SCHEDULES = "/api/v1/drills/schedules"
NAME = "alice"


async def _listing(harness: Harness, caller: User, **params: str) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    cursor: str | None = None
    while True:
        query = {**params, "limit": "500", **({"cursor": cursor} if cursor else {})}
        response = await harness.client.get("/api/v1/audit", params=query, headers=caller.headers)
        assert response.status_code == 200, response.text
        body = response.json()
        items += body["items"]
        cursor = body["next_cursor"]
        if cursor is None:
            return items


async def _export(harness: Harness, caller: User, user_id: str) -> zipfile.ZipFile:
    response = await harness.client.get(f"{USERS}/{user_id}/export", headers=caller.headers)
    assert response.status_code == 200, response.text
    return zipfile.ZipFile(io.BytesIO(response.content))


async def _erase(harness: Harness, admin: User, person: User) -> dict[str, Any]:
    erased = await harness.client.post(
        f"{USERS}/{person.id}/erasure", json={"confirm": person.username}, headers=admin.headers
    )
    assert erased.status_code == 200, erased.text
    body: dict[str, Any] = erased.json()
    return body


async def _erased_alice(harness: Harness) -> tuple[User, User, set[int]]:
    """alice signs in, fails a sign-in once, and is erased; returns her, the admin and the seqs
    of every audit entry that was about her before the erasure."""
    admin = await harness.user(Role.ADMIN)
    first = await harness.user(name=NAME)
    await harness.login(NAME)
    wrong = await harness.client.post(
        "/api/v1/auth/login", json={"username": NAME, "password": "not her password 1"}
    )
    assert wrong.status_code == 401
    hers = await _listing(harness, first)
    assert {e["subject"] for e in hers} >= {f"login:{NAME}"}
    await _erase(harness, admin, first)
    return first, admin, {entry["seq"] for entry in hers}


async def test_a_new_user_with_an_erased_persons_name_sees_none_of_their_audit_entries(
    harness: Harness,
) -> None:
    # Arrange
    first, _, old_seqs = await _erased_alice(harness)
    second = await harness.user(name=NAME)

    # Act
    mine = await _listing(harness, second)
    asked_for = await _listing(harness, second, subject=f"login:{NAME}")
    by_actor = await _listing(harness, second, actor=NAME)
    by_old_id = await _listing(harness, second, actor=first.id)

    # Assert: only the new person's own entries, none of the erased person's
    assert mine, "the new user's own sign-in is listed"
    assert not {e["seq"] for e in mine} & old_seqs
    assert not {e["seq"] for e in asked_for} & old_seqs
    assert not {e["seq"] for e in by_actor} & old_seqs
    assert by_old_id == []
    assert all(first.id not in json.dumps(entry) for entry in mine)


async def test_a_new_user_with_an_erased_persons_name_exports_none_of_their_records(
    harness: Harness,
) -> None:
    # Arrange
    first, _, old_seqs = await _erased_alice(harness)
    second = await harness.user(name=NAME)

    # Act
    archive = await _export(harness, second, second.id)

    # Assert: audit entries and login history are the new person's only
    audit = json.loads(archive.read("audit.json"))
    assert audit and not {int(entry["seq"]) for entry in audit} & old_seqs
    logins = json.loads(archive.read("logins.json"))
    assert logins and {row["user_id"] for row in logins} == {second.id}
    assert first.id not in b"".join(archive.read(name) for name in archive.namelist()).decode()


async def test_the_erased_persons_kept_entries_name_no_one_and_the_chain_still_verifies(
    harness: Harness,
) -> None:
    # Arrange
    admin = await harness.user(Role.ADMIN)
    first = await harness.user(name=NAME)
    before = await _listing(harness, admin, subject=f"login:{NAME}")
    ips = {entry["ip"] for entry in before if entry["ip"]}
    assert ips, "the sign-ins were recorded with the client address"

    # Act
    report = await _erase(harness, admin, first)

    # Assert: the entries are still there, under the pseudonym, with no name and no address
    assert report["audit_entries_pseudonymised"] >= len(before) > 0
    kept = {entry["seq"]: entry for entry in await _listing(harness, admin)}
    for entry in before:
        now = kept[entry["seq"]]
        assert now["action"] == entry["action"] and now["hash"] == entry["hash"]
        text = json.dumps(now)
        assert NAME not in text.replace(report["pseudonym"], "")
        assert not any(ip in text for ip in ips)
        assert now["subject"] == f"login:{report['pseudonym']}"
    verified = await harness.client.get("/api/v1/audit/verify", headers=admin.headers)
    assert verified.status_code == 200, verified.text
    assert verified.json()["ok"] is True, verified.json()


async def test_an_erased_user_cannot_be_reactivated(harness: Harness) -> None:
    # Arrange
    first, admin, _ = await _erased_alice(harness)

    # Act
    reactivated = await harness.client.post(
        f"/api/v1/users/{first.id}/reactivate", headers=admin.headers
    )

    # Assert: refused, naming the erasure, and the listing still shows the user inactive
    problem = assert_problem(reactivated, 409, "USER_ERASED")
    assert "erased" in problem["detail"]
    users = await harness.client.get("/api/v1/users", headers=admin.headers)
    assert users.status_code == 200, users.text
    (row,) = [u for u in users.json()["items"] if u["id"] == first.id]
    assert row["active"] is False


async def test_an_erased_persons_drill_schedules_are_removed_and_not_seen_under_the_name(
    harness: Harness,
) -> None:
    # Arrange: alice keeps a nightly paper drill, then is erased
    admin = await harness.user(Role.ADMIN)
    first = await harness.user(name=NAME)
    made = await harness.client.post(
        SCHEDULES, json={"cron": "0 3 * * *", "target": "paper"}, headers=first.headers
    )
    assert made.status_code == 201, made.text
    stored = harness.container.drills.schedules_store()

    # Act
    report = await _erase(harness, admin, first)
    second = await harness.user(name=NAME)
    theirs = await harness.client.get(SCHEDULES, headers=second.headers)

    # Assert: counted, gone from the store (no drill runs again), not seen by the new alice
    assert report["drill_schedules_removed"] == 1
    assert "kill-switch drill results" in {kept["what"] for kept in report["retained"]}
    assert await stored.owned_by(first.id) == []
    assert await stored.get(made.json()["id"]) is None
    assert theirs.status_code == 200, theirs.text
    assert theirs.json()["items"] == []
