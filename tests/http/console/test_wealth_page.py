"""`/console/wealth`: the investor profile (view, edit with inline errors, terms), the
retirement calculations and the estate tax through the same use cases as the API; another
user's profile answers 404; a viewer sees no profile form and its POST answers 403."""

from __future__ import annotations

import pytest

from domain.principals import Role
from tests.http.console.helpers import real_status, signed_in
from tests.http.harness import Harness

pytestmark = [
    pytest.mark.serves("trading", "safety", "market_data", "devices", "wealth", "console"),
    pytest.mark.shares_app(),
]

PAGE = "/console/wealth"
PROFILE = {
    "risk_tolerance": "moderate", "questionnaire_score": "", "horizon_years": "20",
    "filing_status": "single", "federal_bracket": "0.24", "state": "CA", "state_rate": "0.093",
}  # fmt: skip


async def test_the_owner_creates_the_profile_and_accepts_the_terms(harness: Harness) -> None:
    owner = await harness.user()
    terms = harness.container.wealth.investor_profiles().terms_version

    async with signed_in(harness, owner.username) as client:
        empty = await client.get(PAGE)
        saved = await client.post(f"{PAGE}/profile", {**PROFILE, "accept_terms": terms,
                                                      "accredited_bases": "income"})  # fmt: skip
        shown = await client.get(PAGE)
    api = await harness.client.get("/api/v1/wealth/profile", headers=owner.headers)

    assert empty.status_code == 200 and 'id="no-profile"' in empty.text
    assert 'href="/console/wealth" data-key="y"' in empty.text
    assert saved.status_code == 303, saved.text
    assert 'id="profile-tolerance">moderate (3/5)' in shown.text
    assert f"version {terms} accepted" in shown.text
    body = api.json()
    assert body["federal_bracket"] == "0.2400000000" and body["state"] == "CA"
    assert body["terms_current"] is True and body["accredited_bases"] == ["income"]


async def test_a_bad_field_is_shown_beside_it_and_nothing_is_saved(harness: Harness) -> None:
    owner = await harness.user()

    async with signed_in(harness, owner.username) as client:
        await client.get(PAGE)
        typed = await client.post(f"{PAGE}/profile", {**PROFILE, "horizon_years": "soon"})
        refused = await client.htmx(
            "POST", f"{PAGE}/profile", data={**PROFILE, "federal_bracket": "0.23"}
        )
    api = await harness.client.get("/api/v1/wealth/profile", headers=owner.headers)

    assert typed.status_code == 422
    assert 'data-field="horizon_years">horizon_years: must be a whole number' in typed.text
    assert real_status(refused) == 422
    assert refused.headers["X-Bulwark-Code"] == "INVALID_INVESTOR_PROFILE"
    assert 'data-field="federal_bracket"' in refused.text and "must be one of" in refused.text
    assert api.status_code == 404


async def test_the_calculations_answer_as_the_api_does(harness: Harness) -> None:
    owner = await harness.user()
    room_body = {"account_type": "401k", "tax_year": "2026", "age": "52", "contributed": "5000"}
    roth_body = {"amount": "20000", "taxable_income": "80000", "years": "20",
                 "growth_rate": "0.06", "future_rate": "0.22", "state_rate": "0"}  # fmt: skip

    async with signed_in(harness, owner.username) as client:
        await client.get(PAGE)
        room = await client.htmx("POST", f"{PAGE}/room", data=room_body)
        rmd = await client.htmx("POST", f"{PAGE}/rmd", data={
            "balance": "500000", "birth_date": "1950-06-01", "year": "2026"})  # fmt: skip
        roth = await client.htmx("POST", f"{PAGE}/roth", data=roth_body)
        estate = await client.post(f"{PAGE}/estate", {"gross_estate": "20000000", "year": "2026"})
        no_future = await client.htmx("POST", f"{PAGE}/roth", data={**roth_body, "future_rate": ""})

    api = harness.client
    h = owner.headers
    room_api = await api.post("/api/v1/wealth/retirement/contribution-room", headers=h,
                              json={**room_body, "tax_year": 2026, "age": 52})  # fmt: skip
    roth_api = await api.post("/api/v1/wealth/retirement/roth-conversion", headers=h, json={
        **roth_body, "years": 20})  # fmt: skip
    assert room.status_code == 200 and roth.status_code == 200 and estate.status_code == 200
    assert f'id="room-left">{_money(room_api.json()["room"])}<' in room.text
    assert 'id="rmd-amount">' in rmd.text and "Uniform Lifetime Table" in rmd.text
    assert f'id="roth-tax-now">{_money(roth_api.json()["tax_now"])} ' in roth.text
    for assumption in roth_api.json()["assumptions"]:
        assert assumption.replace("'", "&#39;") in roth.text
    assert 'id="estate-tax">' in estate.text and "no state tax" in estate.text
    assert real_status(no_future) == 422 and 'data-field="future_rate"' in no_future.text


async def test_another_users_profile_answers_404(harness: Harness) -> None:
    owner, other = await harness.user(), await harness.user()
    async with signed_in(harness, other.username) as client:
        await client.get(PAGE)
        await client.post(f"{PAGE}/profile", {**PROFILE, "state": "NY"})
    async with signed_in(harness, owner.username) as client:
        mine = await client.get(PAGE)
        theirs = await client.get(f"{PAGE}/profiles/{other.id}")

    assert "NY" not in mine.text and 'id="no-profile"' in mine.text
    assert theirs.status_code == 404


async def test_a_viewer_reads_and_calculates_but_cannot_save(harness: Harness) -> None:
    viewer = await harness.user(Role.VIEWER)

    async with signed_in(harness, viewer.username) as client:
        shown = await client.get(PAGE)
        refused = await client.post(f"{PAGE}/profile", PROFILE)
        estate = await client.post(f"{PAGE}/estate", {"gross_estate": "1000000", "year": "2026"})

    assert shown.status_code == 200
    assert 'id="profile-form"' not in shown.text and 'id="profile-read-only"' in shown.text
    assert refused.status_code == 403
    assert estate.status_code == 200 and 'id="estate-tax">0.00<' in estate.text


def _money(wire: str) -> str:
    from adapters.http.console.filters import money

    return money(wire)
