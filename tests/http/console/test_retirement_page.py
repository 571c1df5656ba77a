"""`/console/retirement`: the caller's accounts with their kept plans, keeping a plan and a
contribution through the forms (a refusal beside its field), the stored calculations with the
API's worked figures (room, match and vesting, the RMD with its divisor and table, the Roth
what-if), another user's account answering the not-found page, and the viewer reading
without forms. The harness clock reads 2026-01-05 (UTC)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from adapters.http.console.filters import money
from domain.principals import Role
from tests.http.console.helpers import chart_data, real_status, signed_in, text_of
from tests.http.harness import Harness, User
from tests.http.retirement_helpers import PLAN_401K, holding, kept_401k, ok

pytestmark = [
    pytest.mark.serves("trading", "safety", "market_data", "devices", "wealth", "audit", "console"),
    pytest.mark.shares_app(),
]

PAGE = "/console/retirement"
API = "/api/v1/wealth/retirement"
# The same plan as the console's form posts it.
FORM_401K = {
    "kind": "401k",
    "birth_date": "1966-04-02",
    "compensation": "120000",
    "match_tiers": "0.03 1\n0.02 0.5",
    "vesting_kind": "graded",
    "vesting_years": "3",
    "vesting_start": "2",
    "vesting_step": "0.20",
    "service_start": "2022-03-01",
}


async def test_the_list_shows_each_of_my_accounts_with_its_plan_or_none(
    harness: Harness, owner: User
) -> None:
    # Arrange
    kept = await holding(harness, owner, "r-kept", "1000")
    await holding(harness, owner, "r-none", "1000")
    await ok(harness, owner, "PUT", f"{API}/accounts/{kept}/plan", PLAN_401K)
    stranger = await harness.user()
    await holding(harness, stranger, "r-theirs", "1000")

    # Act
    async with signed_in(harness, owner.username) as client:
        listed = await client.get(PAGE)

    # Assert
    assert listed.status_code == 200, listed.text
    assert f'<a href="{PAGE}" data-key="R"' in listed.text
    kept_row = listed.text.split('id="retirement-r-kept"')[1].split("</tr>")[0]
    none_row = listed.text.split('id="retirement-r-none"')[1].split("</tr>")[0]
    assert '<td class="plan-kind">401k</td>' in kept_row and "120,000.00" in kept_row
    assert "none kept" in none_row
    assert "r-theirs" not in listed.text


async def test_a_plan_kept_through_the_form_is_the_one_the_api_reads(
    harness: Harness, owner: User
) -> None:
    # Arrange
    account = await holding(harness, owner, "r-form", "1000")

    # Act
    async with signed_in(harness, owner.username) as client:
        before = await client.get(f"{PAGE}/accounts/{account}")
        kept = await client.post(f"{PAGE}/accounts/{account}/plan", FORM_401K)
        after = await client.get(f"{PAGE}/accounts/{account}")
    read = await ok(harness, owner, "GET", f"{API}/accounts/{account}/plan")
    audit = await ok(harness, owner, "GET", "/api/v1/audit?action=retirement_*")

    # Assert
    assert 'id="no-plan"' in before.text and 'id="plan-form"' in before.text
    assert kept.status_code == 303 and kept.headers["location"] == f"{PAGE}/accounts/{account}"
    assert read["kind"] == "401k" and read["compensation"] == "120000.00"
    assert [(Decimal(t["band"]), Decimal(t["rate"])) for t in read["match_tiers"]] == [
        (Decimal("0.03"), Decimal(1)), (Decimal("0.02"), Decimal("0.5")),
    ]  # fmt: skip
    assert read["vesting"]["kind"] == "graded" and read["service_start"] == "2022-03-01"
    assert [e["action"] for e in audit["items"]] == ["retirement_plan.put"]
    assert text_of(after.text, "plan-kind") == "401k"
    assert "100 % of the next 3.00 % of pay; 50 % of the next 2.00 % of pay" in after.text
    assert 'name="birth_date" value="1966-04-02"' in after.text  # the form edits the kept plan


async def test_a_refused_field_is_shown_beside_it_and_nothing_is_kept(
    harness: Harness, owner: User
) -> None:
    # Arrange
    account = await holding(harness, owner, "r-bad", "1000")

    # Act
    async with signed_in(harness, owner.username) as client:
        await client.get(f"{PAGE}/accounts/{account}")
        typed = await client.post(
            f"{PAGE}/accounts/{account}/plan", {**FORM_401K, "birth_date": "soon"}
        )
        by_service = await client.htmx(
            "POST", f"{PAGE}/accounts/{account}/plan", data={**FORM_401K, "kind": "ira"}
        )
        slow_cliff = await client.post(
            f"{PAGE}/accounts/{account}/plan",
            {**FORM_401K, "vesting_kind": "cliff", "vesting_years": "5"},
        )
        bad_tier = await client.post(
            f"{PAGE}/accounts/{account}/plan", {**FORM_401K, "match_tiers": "1.5 1"}
        )
    read = await harness.client.get(f"{API}/accounts/{account}/plan", headers=owner.headers)

    # Assert
    assert typed.status_code == 422
    assert 'data-field="birth_date">birth_date: must be a date (YYYY-MM-DD)' in typed.text
    assert 'value="120000"' in typed.text  # what was typed is kept
    assert real_status(by_service) == 422
    assert by_service.headers["X-Bulwark-Code"] == "INVALID_RETIREMENT_INPUT"
    assert 'data-field="match_tiers">match_tiers: an employer match is a 401(k)' in (
        by_service.text
    )
    assert slow_cliff.status_code == 422
    assert 'data-field="vesting_years">years: a cliff vests within 1 to 3 years' in (
        slow_cliff.text
    )
    assert bad_tier.status_code == 422
    assert 'data-field="match_tiers">match_tiers line 1 band: must be at most 1' in bad_tier.text
    assert "Traceback" not in typed.text + by_service.text + slow_cliff.text
    assert read.status_code == 404 and read.json()["code"] == "RETIREMENT_PLAN_NOT_FOUND"


async def test_the_stored_calculations_show_the_apis_worked_figures(
    harness: Harness, owner: User
) -> None:
    # Arrange
    account = await kept_401k(harness, owner, "r-401k")
    what_if = {"taxable_income": "80000", "years": 10, "growth_rate": "0.05",
               "filing_status": "single", "future_rate": "0.24", "state_rate": "0"}  # fmt: skip
    posted = await ok(
        harness, owner, "POST", f"{API}/roth-conversion", {**what_if, "amount": "51900", "age": 60}
    )

    # Act
    async with signed_in(harness, owner.username) as client:
        shown = await client.get(f"{PAGE}/accounts/{account}?year=2025")
        roth = await client.htmx(
            "POST", f"{PAGE}/accounts/{account}/roth-conversion",
            data={**{k: str(v) for k, v in what_if.items()}, "amount": "0",
                  "tax_from_outside": "on"},
        )  # fmt: skip

    # Assert: 23,500 + 7,500 catch-up at 59 less 12,000 deferred
    text = shown.text
    assert shown.status_code == 200, text
    assert text_of(text, "room-used") == "12,000.00"
    assert text_of(text, "room-left") == "19,000.00"
    assert text_of(text, "room-limit") == "31,000.00"
    assert text_of(text, "match-amount") == "4,800.00"  # 3 % + 0.5 x 2 % of 120,000
    assert text_of(text, "match-years") == "3"
    assert text_of(text, "match-vested-fraction") == "40 %"  # graded from year 2, 20 % a year
    assert text_of(text, "match-vested") == "1,600.00"  # 40 % of 4,000 employer money
    assert text_of(text, "rmd-balance") == "51,900.00"
    assert "not required yet: first year 2041" in text  # born 1966: 75 in 2041
    assert "IRC 411(a)(2)(B)" in text and "anniversary rule" in text
    vesting = chart_data(text, "data-chart-data", "vesting-chart")
    assert vesting["series"]["Vested (%)"] == [0, 0, 20, 40, 60, 80, 100, 100]
    assert vesting["markers"] == [{"x": 3, "label": "now"}]
    table = chart_data(text, "data-chart-data", "rmd-chart")  # 59 in 2025: none until 75
    assert table["x"][0] == 59 and table["series"]["Required share (%)"][:17] == [0.0] * 16 + [
        round(100 / 24.6, 4)
    ]
    assert roth.status_code == 200 and "X-Bulwark-Status" not in roth.headers
    r = posted
    assert text_of(roth.text, "roth-amount") == money(r["amount"]) == "51,900.00"
    assert text_of(roth.text, "roth-tax-now") == money(r["tax_now"])
    assert text_of(roth.text, "roth-value") == money(r["roth_value"])
    assert text_of(roth.text, "roth-traditional") == money(r["traditional_value"])
    assert text_of(roth.text, "roth-advantage").lstrip("+") == money(r["advantage"])
    assert (
        text_of(roth.text, "roth-break-even")
        == money(Decimal(r["break_even_future_rate"]) * 100) + " %"
    )
    assert "later withdrawals are taxed at one flat future rate" in roth.text


async def test_the_rmd_names_its_divisor_and_table(harness: Harness, owner: User) -> None:
    # Arrange: a traditional IRA of 49,200 (47,300 cash + 10 AAPL at 190), owner born in
    # 1951: 75 in 2026, beginning age 73 (first RMD year 2024); divisor 24.6
    ira = await holding(harness, owner, "r-ira", "47300")
    await ok(harness, owner, "PUT", f"{API}/accounts/{ira}/plan",
              {"kind": "ira", "birth_date": "1951-03-10"})  # fmt: skip
    roth = await holding(harness, owner, "r-roth", "1000")
    await ok(harness, owner, "PUT", f"{API}/accounts/{roth}/plan",
              {"kind": "roth_ira", "birth_date": "1951-03-10"})  # fmt: skip
    posted = await ok(harness, owner, "POST", f"{API}/rmd",
                       {"balance": "49200", "birth_date": "1951-03-10", "year": 2026})  # fmt: skip

    # Act
    async with signed_in(harness, owner.username) as client:
        shown = await client.get(f"{PAGE}/accounts/{ira}")  # this year: 2026
        roth_page = await client.get(f"{PAGE}/accounts/{roth}")

    # Assert: 49,200 / 24.6 = 2,000.00
    text = shown.text
    assert text_of(text, "rmd-amount") == "2,000.00" == money(posted["amount"])
    assert text_of(text, "rmd-divisor") == "24.6" == posted["distribution_period"].rstrip("0")
    assert text_of(text, "rmd-age") == "75 / 73"
    assert text_of(text, "rmd-deadline") == "2026-12-31"
    assert text_of(text, "rmd-table") == posted["source"]
    assert "Uniform Lifetime Table" in posted["source"]
    table = chart_data(text, "data-chart-data", "rmd-chart")
    shares = dict(zip(table["x"], table["series"]["Required share (%)"], strict=True))
    assert table["x"][0] == 73 and table["x"][-1] == 100
    assert shares[75] == round(100 / 24.6, 4) and shares[73] == round(100 / 26.5, 4)
    assert table["markers"] == [{"x": 75, "label": "2026"}]
    assert 'id="match-refused">the plan keeps no employer match' in text
    assert roth_page.status_code == 200
    assert 'id="rmd-refused">a Roth IRA has no required distribution' in roth_page.text
    assert 'id="rmd-chart"' not in roth_page.text


async def test_a_contribution_recorded_through_the_form_counts_in_the_room(
    harness: Harness, owner: User
) -> None:
    # Arrange: a SEP IRA on 100,000 of pay: 25 % = 25,000 for 2025
    account = await holding(harness, owner, "r-sep", "0")
    sep = {"kind": "sep_ira", "birth_date": "1980-01-01", "compensation": "100000"}
    await ok(harness, owner, "PUT", f"{API}/accounts/{account}/plan", sep)
    paid = {"tax_year": "2025", "amount": "5000", "contributed_on": "2025-12-01",
            "source": "employer"}  # fmt: skip

    # Act
    async with signed_in(harness, owner.username) as client:
        await client.get(f"{PAGE}/accounts/{account}")
        recorded = await client.post(f"{PAGE}/accounts/{account}/contributions", paid)
        refused = await client.post(
            f"{PAGE}/accounts/{account}/contributions", {**paid, "contributed_on": "2027-01-02"}
        )
        shown = await client.get(f"{PAGE}/accounts/{account}?year=2025")
    listed = await ok(harness, owner, "GET", f"{API}/accounts/{account}/contributions")

    # Assert
    assert recorded.status_code == 303
    assert recorded.headers["location"] == f"{PAGE}/accounts/{account}?year=2025"
    assert refused.status_code == 422
    assert 'data-field="contributed_on">contributed_on: contributed_on is in the tax year' in (
        refused.text
    )
    assert [c["amount"] for c in listed["items"]] == ["5000.00"]
    assert text_of(shown.text, "room-used") == "5,000.00"
    assert text_of(shown.text, "room-left") == "20,000.00"


async def test_another_users_account_answers_the_not_found_page(
    harness: Harness, owner: User
) -> None:
    # Arrange
    account = await kept_401k(harness, owner, "r-mine")
    stranger = await harness.user()

    # Act
    async with signed_in(harness, stranger.username) as client:
        read = await client.get(f"{PAGE}/accounts/{account}")
        kept = await client.post(f"{PAGE}/accounts/{account}/plan", FORM_401K)
        asked = await client.htmx(
            "POST", f"{PAGE}/accounts/{account}/roth-conversion",
            data={"taxable_income": "1", "years": "1", "growth_rate": "0"},
        )  # fmt: skip
        unknown = await client.get(f"{PAGE}/accounts/no-such-account")
    plan = await ok(harness, owner, "GET", f"{API}/accounts/{account}/plan")

    # Assert
    assert read.status_code == 404 and 'data-code="NOT_FOUND"' in read.text
    assert "120,000" not in read.text
    assert kept.status_code == 404 and 'data-code="NOT_FOUND"' in kept.text
    assert real_status(asked) == 404
    assert unknown.status_code == 404 and 'data-code="NOT_FOUND"' in unknown.text
    assert plan["updated_at"] == plan["created_at"]  # not changed by the stranger


async def test_a_viewer_reads_its_own_page_without_forms_and_may_not_keep_a_plan(
    harness: Harness,
) -> None:
    # Arrange
    viewer = await harness.user(Role.VIEWER)
    account = await holding(harness, viewer, "r-viewer", "1000")

    # Act
    async with signed_in(harness, viewer.username) as client:
        listed = await client.get(PAGE)
        shown = await client.get(f"{PAGE}/accounts/{account}")
        kept = await client.post(f"{PAGE}/accounts/{account}/plan", FORM_401K)

    # Assert
    assert listed.status_code == 200 and "r-viewer" in listed.text
    assert shown.status_code == 200 and 'id="plan-form"' not in shown.text
    assert kept.status_code == 403


async def test_the_what_ifs_refusals_are_shown_beside_the_form(
    harness: Harness, owner: User
) -> None:
    # Arrange
    roth = await holding(harness, owner, "r-roth2", "1000")
    await ok(harness, owner, "PUT", f"{API}/accounts/{roth}/plan",
              {"kind": "roth_ira", "birth_date": "1970-01-01"})  # fmt: skip
    ira = await holding(harness, owner, "r-ira2", "1000")
    await ok(harness, owner, "PUT", f"{API}/accounts/{ira}/plan",
              {"kind": "ira", "birth_date": "1970-01-01"})  # fmt: skip
    asked = {
        "taxable_income": "80000", "years": "10", "growth_rate": "0.05",
        "filing_status": "single", "future_rate": "0.24", "tax_from_outside": "on",
    }  # fmt: skip

    # Act
    async with signed_in(harness, owner.username) as client:
        await client.get(f"{PAGE}/accounts/{roth}")
        typed = await client.htmx(
            "POST", f"{PAGE}/accounts/{ira}/roth-conversion", data={**asked, "years": "ten"}
        )
        too_much = await client.htmx(
            "POST", f"{PAGE}/accounts/{ira}/roth-conversion", data={**asked, "amount": "5000"}
        )
        on_roth = await client.post(f"{PAGE}/accounts/{roth}/roth-conversion", asked)

    # Assert: the IRA's balance is 2,900 (1,000 cash and 10 AAPL at 190)
    assert real_status(typed) == 422 and typed.headers["X-Bulwark-Code"] == "VALIDATION_ERROR"
    assert 'data-field="years">years: must be a whole number' in typed.text
    assert real_status(too_much) == 422
    assert too_much.headers["X-Bulwark-Code"] == "INVALID_RETIREMENT_INPUT"
    assert 'data-field="amount">amount: amount is more than the account&#39;s balance 2900' in (
        too_much.text
    )
    assert on_roth.status_code == 422
    assert 'id="roth-refused">the account is a Roth IRA already' in on_roth.text
