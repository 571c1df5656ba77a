"""`/console/audit`: an owner reads exactly what GET /api/v1/audit answers them (their own
entries, never another user's) and is shown no chain check (its POST answers 403); an admin
reads every entry and verifies the chain as /api/v1/audit/verify does; the filters narrow the
listing and a filter that cannot be used is shown beside its field.

Each test has its own app: the admin reads the whole log."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest

from domain.principals import Role
from ports.core.events import AuditEntry
from tests.http.console.helpers import real_status, signed_in
from tests.http.harness import Harness, User

pytestmark = pytest.mark.serves("trading", "audit", "console")

PAGE = "/console/audit"
API = "/api/v1/audit"
_SEQ = re.compile(r'<tr class="entry" data-seq="(\d+)"')


def _seqs(text: str) -> list[int]:
    return [int(s) for s in _SEQ.findall(text)]


async def _two_owners(harness: Harness) -> tuple[User, User]:
    """Two owners with an account each, and an entry about each account."""
    alice = await harness.user(Role.OWNER)
    bob = await harness.user(Role.OWNER)
    alice_account = await harness.account(alice, "acc-alice")
    bob_account = await harness.account(bob, "acc-bob")
    audit = harness.container.core.audit()
    now = datetime(2026, 1, 5, tzinfo=UTC)
    await audit.record(AuditEntry("system", "margin.call", f"account:{alice_account}", "ok", now))
    await audit.record(AuditEntry("system", "margin.call", f"account:{bob_account}", "ok", now))
    return alice, bob


async def test_an_owner_reads_their_own_entries_and_no_one_elses(harness: Harness) -> None:
    # Arrange
    alice, bob = await _two_owners(harness)
    admin = await harness.user(Role.ADMIN)
    everyone = await harness.client.get(API, params={"limit": 500}, headers=admin.headers)
    bobs = [e["seq"] for e in everyone.json()["items"] if bob.id in (e["actor"], e["subject"])
            or e["subject"].endswith("acc-bob")]  # fmt: skip

    # Act
    async with signed_in(harness, alice.username) as client:
        response = await client.get(PAGE)
        verify = await client.htmx("POST", f"{PAGE}/verify")
    own = await harness.client.get(API, params={"limit": 50}, headers=alice.headers)

    # Assert
    assert response.status_code == 200, response.text
    assert _seqs(response.text) == [e["seq"] for e in own.json()["items"]]
    assert _seqs(response.text), "alice has entries of her own"
    assert bobs and not set(bobs) & set(_seqs(response.text))
    assert bob.id not in response.text
    assert 'id="verify-form"' not in response.text and 'id="verify-button"' not in response.text
    assert real_status(verify) == 403
    assert '<a href="/console/audit" data-key="L"' in response.text


async def test_an_admin_reads_everyones_entries_and_verifies_the_chain(harness: Harness) -> None:
    # Arrange
    await _two_owners(harness)
    admin = await harness.user(Role.ADMIN)

    # Act
    async with signed_in(harness, admin.username) as client:
        response = await client.get(PAGE)
        verified = await client.htmx("POST", f"{PAGE}/verify")
    everyone = await harness.client.get(API, params={"limit": 50}, headers=admin.headers)
    chain = await harness.client.get(f"{API}/verify", headers=admin.headers)

    # Assert
    assert response.status_code == 200
    assert _seqs(response.text) == [e["seq"] for e in everyone.json()["items"]]
    assert 'data-subject="account:' in response.text
    assert "acc-alice" in response.text and "acc-bob" in response.text
    assert 'id="verify-form"' in response.text
    assert verified.status_code == 200 and 'id="chain-ok"' in verified.text
    checked = int(re.search(r'data-checked="(\d+)"', verified.text).group(1))  # type: ignore[union-attr]
    assert chain.json()["ok"] is True and checked <= chain.json()["checked"]


async def test_the_filters_narrow_the_listing_and_a_bad_one_is_shown(harness: Harness) -> None:
    # Arrange
    alice, _ = await _two_owners(harness)

    # Act
    async with signed_in(harness, alice.username) as client:
        margin = await client.get(PAGE, params={"action": "margin.*"})
        later = await client.get(PAGE, params={"from": "2099-01-01"})
        bad_day = await client.get(PAGE, params={"from": "yesterday"})
        bad_action = await client.get(PAGE, params={"action": "*"})
        bad_cursor = await client.get(PAGE, params={"cursor": "nope"})
    api = await harness.client.get(API, params={"action": "margin.*"}, headers=alice.headers)

    # Assert
    assert _seqs(margin.text) == [e["seq"] for e in api.json()["items"]]
    assert len(_seqs(margin.text)) == 1 and "acc-alice" in margin.text
    assert later.status_code == 200 and 'id="no-entries"' in later.text
    assert bad_day.status_code == 422 and 'data-field="from">from: must be a date' in bad_day.text
    assert bad_action.status_code == 422 and 'data-field="action">action: ' in bad_action.text
    assert bad_cursor.status_code == 422 and 'data-field="cursor">cursor: ' in bad_cursor.text
