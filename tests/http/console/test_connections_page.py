"""`/console/connections`: the owner's venue connections with their health, added from a form
(a refusal beside it, never echoing the credentials), tested, revoked; another owner's
connection answers the console's 404 page; a refused action is one message, never a trace."""

from __future__ import annotations

import re

import pytest

from domain.principals import Role
from tests.http.console.helpers import real_status, signed_in
from tests.http.harness import Harness, User
from tests.http.test_key_vault import KEK

pytestmark = [
    pytest.mark.serves("trading", "safety", "keys", "connections", "reconciliation", "console"),
    pytest.mark.shares_app(keks=KEK),
]

PAGE = "/console/connections"
KEY_ID = "PKCONSOLE000000007XQ"
SECRET = "console-s3cr3t-0123456789"
# Alpaca on a closed port of this host: created and kept, its health unreachable.
ALPACA = {
    "label": "equities",
    "kind": "alpaca",
    "key_id": KEY_ID,
    "secret": SECRET,
    "endpoint": "http://127.0.0.1:9",
    "verify_tls": "on",
}
IBKR = {
    "label": "gateway",
    "kind": "ibkr",
    "venue_account": "DU1234567",
    "endpoint": "http://127.0.0.1:9/v1/api",
}
_ROWS = re.compile(r'<tr id="connection-(vc-[^"]+)" data-state="([a-z_]+)">')


async def test_add_lists_the_connection_with_its_health_and_never_shows_the_secret(
    harness: Harness, owner: User
) -> None:
    async with signed_in(harness, owner.username) as client:
        await client.get(PAGE)
        added = await client.post(PAGE, ALPACA)
        page = await client.get(PAGE)

    assert added.status_code == 303
    assert [state for _, state in _ROWS.findall(page.text)] == ["unreachable"]
    assert "PK…7XQ" in page.text and "equities" in page.text
    assert KEY_ID not in page.text and SECRET not in page.text
    assert 'href="/console/connections" data-key="V"' in page.text


async def test_a_refused_form_keeps_what_was_typed_except_the_credentials(
    harness: Harness, owner: User
) -> None:
    async with signed_in(harness, owner.username) as client:
        await client.get(PAGE)
        refused = await client.post(PAGE, {**ALPACA, "kind": "nasdaq"})
        by_htmx = await client.htmx("POST", PAGE, data={**ALPACA, "kind": "ccxt:"})
    kept = await harness.client.get("/api/v1/connections", headers=owner.headers)

    assert refused.status_code == 422
    assert 'id="add-error"' in refused.text and "INVALID_CONNECTION" in refused.text
    assert 'value="equities"' in refused.text and 'value="nasdaq"' in refused.text
    assert KEY_ID not in refused.text and SECRET not in refused.text
    assert real_status(by_htmx) == 422
    assert by_htmx.headers["X-Bulwark-Code"] == "INVALID_CONNECTION"
    assert kept.json()["connections"] == []


async def test_test_then_revoke_then_a_test_of_the_revoked_one_is_one_message(
    harness: Harness, owner: User
) -> None:
    async with signed_in(harness, owner.username) as client:
        await client.get(PAGE)
        await client.post(PAGE, IBKR)
        connection_id = _ROWS.findall((await client.get(PAGE)).text)[0][0]
        tested = await client.post(f"{PAGE}/{connection_id}/test")
        revoked = await client.post(f"{PAGE}/{connection_id}/revoke")
        after = await client.get(PAGE)
        again = await client.htmx("POST", f"{PAGE}/{connection_id}/test")

    assert tested.status_code == 200
    assert re.search(r'id="test-result">Test of gateway: <strong>unreachable</strong>', tested.text)
    assert revoked.status_code == 303
    assert _ROWS.findall(after.text) == [(connection_id, "revoked")]
    assert (real_status(again), again.headers["X-Bulwark-Code"]) == (409, "CONNECTION_REVOKED")
    assert again.headers["HX-Retarget"] == "#flash"
    assert "Traceback" not in again.text and "is revoked" in again.text


async def test_a_connections_page_shows_its_accounts_and_that_nothing_was_reconciled_yet(
    harness: Harness, owner: User
) -> None:
    async with signed_in(harness, owner.username) as client:
        await client.get(PAGE)
        await client.post(PAGE, IBKR)
        connection_id = _ROWS.findall((await client.get(PAGE)).text)[0][0]
        page = await client.get(f"{PAGE}/{connection_id}")

    assert page.status_code == 200
    assert "<h1>gateway</h1>" in page.text and "DU1234567" in page.text
    assert 'id="no-connection-accounts"' in page.text
    assert 'id="no-reconciliation"' in page.text and "No check yet" in page.text


async def test_another_owners_connection_answers_the_not_found_page(
    harness: Harness, owner: User
) -> None:
    other = await harness.user()
    theirs = await harness.client.post("/api/v1/connections", json=IBKR, headers=other.headers)
    their_id = theirs.json()["id"]

    async with signed_in(harness, owner.username) as client:
        listed = await client.get(PAGE)
        shown = await client.get(f"{PAGE}/{their_id}")
        tested = await client.htmx("POST", f"{PAGE}/{their_id}/test")
        revoked = await client.post(f"{PAGE}/{their_id}/revoke")
    still = await harness.client.get(f"/api/v1/connections/{their_id}", headers=other.headers)

    assert their_id not in listed.text and 'id="no-connections"' in listed.text
    assert shown.status_code == 404 and 'data-code="NOT_FOUND"' in shown.text
    assert "<h1>404</h1>" in shown.text
    assert real_status(tested) == 404 and revoked.status_code == 404
    assert still.json()["revoked_at"] is None


async def test_a_viewer_sees_no_form_and_its_changes_are_refused(harness: Harness) -> None:
    viewer = await harness.user(Role.VIEWER)
    async with signed_in(harness, viewer.username) as client:
        page = await client.get(PAGE)
        added = await client.htmx("POST", PAGE, data=IBKR)

    assert page.status_code == 200
    assert 'id="add-connection"' not in page.text
    assert (real_status(added), added.headers.get("X-Bulwark-Code")) == (403, "FORBIDDEN")
