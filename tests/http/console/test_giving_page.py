"""`/console/giving`: recording a donation (its receipt as the API answers it, a bad field
beside it), cursor pages, delete, another user's donation answering 404, DAF balances and
grants, carryovers, the deduction under the AGI limits as the API computes it, the viewer
reading without forms, and a POST without the CSRF token refused. The harness clock reads
2026-01-05 (UTC)."""

from __future__ import annotations

import pytest

from domain.principals import Role
from tests.http.console.helpers import real_status, signed_in
from tests.http.harness import Harness, User

pytestmark = [
    pytest.mark.serves("trading", "safety", "market_data", "devices", "portfolio", "console"),
    pytest.mark.shares_app(),
]

PAGE = "/console/giving"
API = "/api/v1/planning/giving"
CASH = {
    "donated_on": "2025-03-01",
    "donee": "Food Bank",
    "donee_kind": "public_charity",
    "kind": "cash",
    "amount": "1200.50",
    "fund": "",
    "donee_ein": "",
    "symbol": "",
    "shares": "",
    "cost_basis": "",
    "acquired": "",
    "memo": "",
}
STOCK = {
    **CASH,
    "donee": "City Museum",
    "kind": "stock",
    "amount": "12000",
    "symbol": "AAPL",
    "shares": "50",
    "cost_basis": "4000",
    "acquired": "2020-01-15",
}


async def test_a_donation_recorded_shows_the_apis_receipt(harness: Harness, owner: User) -> None:
    # Act
    async with signed_in(harness, owner.username) as client:
        await client.get(PAGE)
        recorded = await client.post(f"{PAGE}/donations", STOCK)
        listed = await client.get(PAGE)
        api = (await harness.client.get(f"{API}/donations", headers=owner.headers)).json()
        (gift,) = api["items"]
        receipt = await client.get(f"{PAGE}/donations/{gift['id']}")

    # Assert
    assert recorded.status_code == 303, recorded.text
    assert gift["receipt"] == "GIFT-2025-0001" and gift["category"] == "capital_gain_30"
    assert f'<td class="deductible">{gift["deductible_amount"]}</td>' in listed.text
    assert f'<td class="amount">{gift["amount"]}</td>' in listed.text
    assert f'id="receipt-category">{gift["category"]}<' in receipt.text
    assert f'id="receipt-deductible">{gift["deductible_amount"]}<' in receipt.text


async def test_a_bad_field_is_shown_beside_it_and_nothing_is_recorded(
    harness: Harness, owner: User
) -> None:
    async with signed_in(harness, owner.username) as client:
        await client.get(PAGE)
        typed = await client.post(f"{PAGE}/donations", {**CASH, "amount": "lots"})
        by_service = await client.htmx(
            "POST", f"{PAGE}/donations", data={**STOCK, "cost_basis": ""}
        )
        future = await client.htmx(
            "POST", f"{PAGE}/donations", data={**CASH, "donated_on": "2027-01-01"}
        )
    api = await harness.client.get(f"{API}/donations", headers=owner.headers)

    assert typed.status_code == 422 and 'data-field="amount">amount: must be a number' in typed.text
    assert 'value="Food Bank"' in typed.text  # what was typed is kept
    assert real_status(by_service) == 422
    assert by_service.headers["X-Bulwark-Code"] == "INVALID_GIVING_INPUT"
    assert 'data-field="cost_basis">cost_basis: a stock gift needs its cost_basis' in (
        by_service.text
    )
    assert real_status(future) == 422 and 'data-field="donated_on"' in future.text
    assert api.json()["items"] == []


async def test_cursor_pages_and_delete(harness: Harness, owner: User) -> None:
    # Arrange: 27 gifts, 25 a page
    for day in range(1, 28):
        made = await harness.client.post(
            f"{API}/donations",
            headers=owner.headers,
            json={**_api(CASH), "donated_on": f"2025-04-{day:02d}"},
        )
        assert made.status_code == 201, made.text
    everything = (await harness.client.get(f"{API}/donations", headers=owner.headers)).json()
    first_id = everything["items"][0]["id"]

    # Act
    async with signed_in(harness, owner.username) as client:
        first = await client.get(PAGE)
        cursor = first.text.split('id="next-page"')[0].rsplit('href="', 1)[1].split('"')[0]
        second = await client.get(cursor.replace("&amp;", "&"))
        deleted = await client.post(f"{PAGE}/donations/{first_id}/delete")
        after = await client.get(PAGE)

    # Assert
    assert first.text.count('class="danger delete-donation"') == 25
    assert second.text.count('class="danger delete-donation"') == 2
    assert 'id="first-page"' in second.text and 'id="next-page"' not in second.text
    assert deleted.status_code == 303
    assert f'id="donation-{first_id}"' not in after.text
    assert 'data-confirm="Delete the donation' in first.text
    api = await harness.client.get(f"{API}/donations/{first_id}", headers=owner.headers)
    assert api.status_code == 404


async def test_another_users_donation_answers_404_and_is_kept(
    harness: Harness, owner: User
) -> None:
    made = await harness.client.post(f"{API}/donations", json=_api(CASH), headers=owner.headers)
    gift = made.json()["id"]
    stranger = await harness.user()

    async with signed_in(harness, stranger.username) as client:
        listed = await client.get(PAGE)
        read = await client.get(f"{PAGE}/donations/{gift}")
        deleted = await client.htmx("POST", f"{PAGE}/donations/{gift}/delete")

    assert gift not in listed.text and 'id="no-donations"' in listed.text
    assert read.status_code == 404
    assert real_status(deleted) == 404
    kept = await harness.client.get(f"{API}/donations/{gift}", headers=owner.headers)
    assert kept.status_code == 200


async def test_dafs_grants_and_the_deduction_as_the_api(harness: Harness, owner: User) -> None:
    # Arrange: $50,000 to a DAF in 2025
    daf = {
        **_api(CASH),
        "amount": "50000",
        "donee": "Schwab Charitable",
        "donee_kind": "donor_advised_fund",
        "fund": "Family Fund",
    }
    assert (
        await harness.client.post(f"{API}/donations", json=daf, headers=owner.headers)
    ).status_code == 201
    agi = {"2025": "60000"}
    api = await harness.client.post(
        f"{API}/deduction", headers=owner.headers, json={"tax_year": 2025, "agi": agi}
    )

    # Act
    async with signed_in(harness, owner.username) as client:
        await client.get(PAGE)
        granted = await client.post(
            f"{PAGE}/grants",
            {
                "fund": "Family Fund",
                "granted_on": "2025-12-01",
                "grantee": "Library",
                "amount": "5000",
            },
        )
        shown = await client.get(PAGE)
        answer = await client.htmx(
            "POST",
            f"{PAGE}/deduction",
            data={"tax_year": "2025", "agi": "60000", "earlier_agi": ""},
        )
        missing = await client.htmx(
            "POST",
            f"{PAGE}/deduction",
            data={"tax_year": "2026", "agi": "60000", "earlier_agi": ""},
        )

    # Assert
    assert granted.status_code == 303, granted.text
    funds = (await harness.client.get(f"{API}/dafs", headers=owner.headers)).json()["funds"]
    assert f'class="daf-ungranted">{funds[0]["ungranted"]}<' in shown.text
    assert '<th scope="row">Library</th><td>5000</td>' in shown.text
    body = api.json()
    assert f'id="deduction-total">{body["deduction"]}<' in answer.text
    for line in body["year"]["lines"]:
        assert f'<th scope="row">{line["category"]}</th><td class="limit">{line["limit"]}' in (
            answer.text
        )
    assert "cash 60% of AGI" in answer.text
    assert real_status(missing) == 422
    assert 'data-field="earlier_agi">agi.2025: ' in missing.text


async def test_the_viewer_reads_without_forms_and_its_posts_are_refused(
    harness: Harness,
) -> None:
    viewer = await harness.user(Role.VIEWER)

    async with signed_in(harness, viewer.username) as client:
        shown = await client.get(PAGE)
        refused = await client.post(f"{PAGE}/donations", CASH)
        estimate = await client.post(f"{PAGE}/deduction", {"tax_year": "2025", "agi": "1000"})
        forged = await client.http.post(f"{PAGE}/deduction", data={"tax_year": "2025"})

    assert shown.status_code == 200 and 'href="/console/giving" data-key="G"' in shown.text
    assert 'id="donation-form"' not in shown.text and 'id="grant-form"' not in shown.text
    assert "delete-donation" not in shown.text
    assert refused.status_code == 403
    assert estimate.status_code == 200 and 'id="deduction-total">0<' in estimate.text
    assert forged.status_code == 403


def _api(form: dict[str, str]) -> dict[str, str]:
    """The API's body for a console form (blank fields left out)."""
    return {k: v for k, v in form.items() if v}
