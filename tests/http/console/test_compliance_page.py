"""`/console/compliance`: the owner's accounts with each requirement's status, controls and
gaps, the kill switch never drilled, the CSV download; the desk narrows by owner; another
owner's account answers the console's 404 page; the page is in the menu."""

from __future__ import annotations

import pytest

from domain.principals import Role
from tests.http.console.helpers import signed_in
from tests.http.harness import Harness, User

pytestmark = pytest.mark.serves("trading", "books", "account_rules", "compliance", "console")

PAGE = "/console/compliance"


async def collar(h: Harness, owner: User, account: str) -> None:
    body = {
        "rule_type": "PRICE_COLLAR", "params": {"max_pct": "0.05"}, "action": "block",
        "account_id": account,
    }  # fmt: skip
    created = await h.client.post("/api/v1/risk-rules", json=body, headers=owner.headers)
    assert created.status_code == 201, created.text


async def test_an_owner_reads_each_requirement_of_their_account(
    harness: Harness, owner: User
) -> None:
    # Arrange
    account = await harness.account(owner, "acc-page")
    await collar(harness, owner, account)

    # Act
    async with signed_in(harness, owner.username) as client:
        shown = await client.get(PAGE)
        download = await client.get(f"{PAGE}/controls.csv")

    # Assert
    assert shown.status_code == 200
    row = shown.text.split('id="account-acc-page-sec-15c3-5-c1ii"', 1)[1].split("</tr>", 1)[0]
    assert 'data-status="partly_met"' in row
    assert 'data-control="PRICE_COLLAR" data-configured="full"' in row
    assert "no DUPLICATE_ORDER configured" in row
    assert "last test: never" in shown.text
    assert 'href="/console/compliance" data-key="I"' in shown.text
    assert download.headers["content-type"].startswith("text/csv")
    assert "acc-page" in download.text


async def test_the_desk_narrows_by_owner_and_an_owner_is_refused_anothers_account(
    harness: Harness, owner: User
) -> None:
    # Arrange
    other = await harness.user()
    await harness.account(owner, "acc-one")
    theirs = await harness.account(other, "acc-two")
    officer = await harness.user(Role.RISK_OFFICER)

    # Act
    async with signed_in(harness, officer.username) as client:
        narrowed = await client.get(PAGE, params={"owner_id": other.id})
    async with signed_in(harness, owner.username) as client:
        foreign = await client.get(PAGE, params={"account_id": theirs})

    # Assert
    assert 'id="account-acc-two"' in narrowed.text and 'id="account-acc-one"' not in narrowed.text
    assert 'id="filter-owner"' in narrowed.text
    assert foreign.status_code == 404
