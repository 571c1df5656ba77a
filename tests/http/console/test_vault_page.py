"""`/console/vault`: the signed-in user's API keys, masked; add (a refusal beside the form,
never echoing the secret), test, rotate, delete; another user's key answers 404; the viewer
sees no form and every change it posts is refused."""

from __future__ import annotations

import re

import pytest

from domain.principals import Role
from tests.http.console.helpers import real_status, signed_in
from tests.http.harness import Harness, User
from tests.http.test_key_vault import BODY, KEK, KEY_ID, NEW_SECRET, SECRET

pytestmark = [
    pytest.mark.serves("trading", "safety", "market_data", "devices", "keys", "console"),
    # Alpaca's trading API on a closed port: a test of an Alpaca key answers "unreachable".
    pytest.mark.shares_app(broker="alpaca", alpaca_trading_url="http://127.0.0.1:9", keks=KEK),
]

VAULT = "/console/vault"
FORM = {
    "provider": "alpaca",
    "label": "paper trading",
    "scopes": ["trading", "account_read"],
    "key_id": KEY_ID,
    "secret": SECRET,
    "paper": "on",
}
_ROWS = re.compile(r'<tr id="key-([^"]+)">')


async def test_add_lists_the_key_masked_and_never_shows_the_secret(
    harness: Harness, owner: User
) -> None:
    async with signed_in(harness, owner.username) as client:
        await client.get(VAULT)
        added = await client.post(VAULT, FORM)  # type: ignore[arg-type]
        page = await client.get(VAULT)

    assert added.status_code == 303
    assert len(_ROWS.findall(page.text)) == 1
    assert "PK…7XQ" in page.text and "account_read, trading" in page.text
    assert KEY_ID not in page.text and SECRET not in page.text
    assert 'href="/console/vault" data-key="v"' in page.text


async def test_a_refused_key_is_shown_beside_the_form_without_the_secret(
    harness: Harness, owner: User
) -> None:
    async with signed_in(harness, owner.username) as client:
        await client.get(VAULT)
        refused = await client.post(VAULT, {**FORM, "scopes": ["reference_data"]})  # type: ignore[arg-type]
        by_htmx = await client.htmx("POST", VAULT, data={**FORM, "label": ""})
    stored = await harness.container.core.key_vault().list(owner.principal)

    assert refused.status_code == 422
    assert 'id="add-error"' in refused.text and "reference_data" in refused.text
    assert KEY_ID not in refused.text and SECRET not in refused.text
    assert 'value="paper trading"' in refused.text  # what was typed (not secret) stays
    assert by_htmx.status_code == 200 and real_status(by_htmx) == 422
    assert by_htmx.headers["X-Bulwark-Code"] == "INVALID_VAULT_KEY"
    assert stored == []


async def test_test_rotate_and_delete_a_key(harness: Harness, owner: User) -> None:
    async with signed_in(harness, owner.username) as client:
        await client.get(VAULT)
        await client.post(VAULT, FORM)  # type: ignore[arg-type]
        key = _ROWS.findall((await client.get(VAULT)).text)[0]
        tested = await client.post(f"{VAULT}/{key}/test")
        rotated = await client.post(
            f"{VAULT}/{key}/rotate", {"new_key_id": "PKROTATED0000000ABCD", "secret": NEW_SECRET}
        )
        after_rotation = await client.get(VAULT)
        deleted = await client.post(f"{VAULT}/{key}/delete")
        empty = await client.get(VAULT)

    assert tested.status_code == 200
    assert re.search(r'id="test-result">Test of [^:]+: <strong>unreachable</strong>', tested.text)
    assert rotated.status_code == deleted.status_code == 303
    assert "PK…BCD" in after_rotation.text and "rotated" in after_rotation.text
    assert NEW_SECRET not in after_rotation.text
    assert 'id="no-keys"' in empty.text


async def test_another_users_key_is_never_shown_and_answers_404(
    harness: Harness, owner: User
) -> None:
    other = await harness.user()
    theirs = await harness.client.post("/api/v1/vault/keys", json=BODY, headers=other.headers)
    their_id = theirs.json()["id"]

    async with signed_in(harness, owner.username) as client:
        page = await client.get(VAULT)
        tested = await client.htmx("POST", f"{VAULT}/{their_id}/test")
        deleted = await client.post(f"{VAULT}/{their_id}/delete")
    still = await harness.client.get(f"/api/v1/vault/keys/{their_id}", headers=other.headers)

    assert their_id not in page.text and 'id="no-keys"' in page.text
    assert real_status(tested) == 404 and deleted.status_code == 404
    assert still.status_code == 200


async def test_a_viewer_sees_no_form_and_its_changes_are_refused(harness: Harness) -> None:
    viewer = await harness.user(Role.VIEWER)
    async with signed_in(harness, viewer.username) as client:
        page = await client.get(VAULT)
        added = await client.htmx("POST", VAULT, data=FORM)

    assert page.status_code == 200
    assert 'id="add-key"' not in page.text and "test-key" not in page.text
    assert (real_status(added), added.headers.get("X-Bulwark-Code")) == (403, "FORBIDDEN")
