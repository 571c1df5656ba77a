"""`/console/compliance/evidence`: the form, the pack as its self-contained page (the digest it
shows is the one recorded in the audit chain), the PDF, another owner's account the console's
404 page, a bad day refused; the page is in the menu."""

from __future__ import annotations

import pytest

from tests.http.console.helpers import signed_in
from tests.http.harness import Harness, User

pytestmark = [
    pytest.mark.serves("trading", "books", "account_rules", "compliance", "console", "audit"),
    pytest.mark.shares_app(),
]

PAGE = "/console/compliance/evidence"
PERIOD = {"from": "2025-12-01", "to": "2026-01-31"}


async def test_the_form_then_the_pack_with_the_digest_recorded(
    harness: Harness, owner: User
) -> None:
    # Arrange
    account = await harness.account(owner, "acc-console-pack")

    # Act
    async with signed_in(harness, owner.username) as client:
        form = await client.get(PAGE)
        shown = await client.get(PAGE, params={**PERIOD, "account_id": account})
        pdf = await client.get(PAGE, params={**PERIOD, "format": "pdf"})
    anchored = await harness.client.get(
        "/api/v1/audit", params={"action": "compliance.evidence_pack"}, headers=owner.headers
    )

    # Assert
    assert form.status_code == 200 and 'id="evidence-form"' in form.text
    assert f'href="{PAGE}"' in form.text  # in the menu
    assert shown.status_code == 200 and shown.headers["content-type"].startswith("text/html")
    first, second = anchored.json()["items"][1], anchored.json()["items"][0]
    assert first["subject"] == f"account:{account}"
    assert f'id="digest">{first["details"]["digest"]}<' in shown.text
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF-")
    assert second["details"]["digest"].encode() in pdf.content


async def test_another_owners_account_is_not_found_and_a_bad_day_refused(
    harness: Harness, owner: User
) -> None:
    other = await harness.user()
    theirs = await harness.account(other, "acc-console-theirs")

    async with signed_in(harness, owner.username) as client:
        hidden = await client.get(PAGE, params={**PERIOD, "account_id": theirs})
        bad = await client.get(PAGE, params={"from": "2026-02-30", "to": "2026-03-01"})

    assert hidden.status_code == 404
    assert bad.status_code in (400, 422)
