"""`/console/fixed-income`: the bond calculator and the ladder builder. The figures shown are
the API's for the same input (POST /api/v1/analytics/fixed-income/bond and /ladder), with the
day count named; the ladder's cash-flow schedule adds up to its rungs' flows; a field the form
or the use case refuses is shown beside it (a rung by its line); the viewer may calculate."""

from __future__ import annotations

import re

import pytest

from domain.principals import Role
from tests.http.console.helpers import chart_data, real_status, signed_in, text_of
from tests.http.harness import Harness, User

pytestmark = pytest.mark.shares_app()

PAGE = "/console/fixed-income"
BOND_FORM = {
    "settlement": "2026-01-05",
    "maturity": "2031-03-15",
    "issue_date": "",
    "coupon_rate": "0.05",
    "frequency": "2",
    "day_count": "ACT/ACT ICMA",
    "yield_rate": "",
    "clean_price": "97.5",
    "face": "25000",
    "currency": "USD",
    "shocks_bp": "-100 100",
}
RUNGS = "2027-01-15 0.04 0.042 10000\n2029-01-15 0.045 0.046 20000"


async def test_the_bond_shown_is_the_apis(harness: Harness, owner: User) -> None:
    # Arrange
    body = {
        "settlement": "2026-01-05", "maturity": "2031-03-15", "coupon_rate": 0.05,
        "frequency": 2, "day_count": "ACT/ACT ICMA", "clean_price": 97.5, "face": 25000,
        "shocks_bp": [-100, 100],
    }  # fmt: skip
    api = await harness.client.post(
        "/api/v1/analytics/fixed-income/bond", json=body, headers=owner.headers
    )
    expected = api.json()

    # Act
    async with signed_in(harness, owner.username) as client:
        form_page = await client.get(PAGE)
        answer = await client.htmx("POST", f"{PAGE}/bond", data=BOND_FORM)

    # Assert
    assert form_page.status_code == 200 and 'id="bond-form"' in form_page.text
    assert 'href="/console/fixed-income" data-key="B"' in form_page.text
    assert answer.status_code == 200 and "X-Bulwark-Status" not in answer.headers
    assert text_of(answer.text, "bond-day-count") == "ACT/ACT ICMA" == expected["day_count"]
    assert text_of(answer.text, "bond-yield") == f"{expected['yield_rate'] * 100:.6f} %"
    for element_id, key in (
        ("bond-clean", "clean_price"), ("bond-dirty", "dirty_price"),
        ("bond-macaulay", "macaulay_duration"), ("bond-modified", "modified_duration"),
        ("bond-convexity", "convexity"), ("bond-dv01", "dv01"),
    ):  # fmt: skip
        assert text_of(answer.text, element_id) == f"{expected[key]:.6f}", key
    assert text_of(answer.text, "bond-accrued").startswith(f"{expected['accrued_interest']:.6f}")
    assert text_of(answer.text, "bond-market-value") == f"{expected['market_value']:,.2f}"
    assert expected["compounding"] in answer.text
    chart = chart_data(answer.text, "data-chart-data", "bond-shock-chart")
    assert chart["x"] == [-100, 100]
    assert chart["series"]["Full repricing"] == [
        round(s["price_change"], 6) for s in expected["shocks"]
    ]
    assert answer.text.count("<tr><td>20") == len(expected["cash_flows"])


async def test_the_ladder_and_its_cash_flow_schedule(harness: Harness, owner: User) -> None:
    # Arrange
    bonds = [
        {"maturity": "2027-01-15", "coupon_rate": 0.04, "yield_rate": 0.042, "face": 10000},
        {"maturity": "2029-01-15", "coupon_rate": 0.045, "yield_rate": 0.046, "face": 20000},
    ]
    api = await harness.client.post(
        "/api/v1/analytics/fixed-income/ladder",
        json={"settlement": "2026-01-05", "bonds": bonds},
        headers=owner.headers,
    )
    expected = api.json()
    form = {"settlement": "2026-01-05", "frequency": "2", "day_count": "30/360 US",
            "currency": "USD", "rungs": RUNGS, "shocks_bp": ""}  # fmt: skip

    # Act
    async with signed_in(harness, owner.username) as client:
        answer = await client.htmx("POST", f"{PAGE}/ladder", data=form)

    # Assert
    assert answer.status_code == 200, answer.text
    assert text_of(answer.text, "ladder-day-count") == expected["day_count"] == "30/360 US"
    assert text_of(answer.text, "ladder-market-value") == f"{expected['market_value']:,.2f}"
    assert text_of(answer.text, "ladder-dv01") == f"{expected['dv01']:,.2f}"
    assert text_of(answer.text, "ladder-wal") == f"{expected['weighted_average_life']:.6f}"
    assert text_of(answer.text, "ladder-gaps").endswith("2028")  # no maturity in 2028
    chart = chart_data(answer.text, "data-chart-data", "ladder-flows-chart")
    rows = re.findall(r'<tr class="flow">(.*?)</tr>', answer.text, re.S)
    # Semi-annual on the 15th of January and July: 2026-01-15 .. 2029-01-15, one row a date.
    assert len(chart["x"]) == len(rows) == 7
    assert chart["x"] == sorted(chart["x"])
    principal = [re.findall(r'<td class="num">([^<]*)</td>', r)[1] for r in rows]
    assert [p for p in principal if p != "0.00"] == ["10,000.00", "20,000.00"]
    coupons = sum(chart["series"]["Cash flow"]) - 30000
    assert abs(coupons - (10000 * 0.04 / 2 * 3 + 20000 * 0.045 / 2 * 7)) < 0.01


async def test_bad_fields_are_shown_beside_them(harness: Harness, owner: User) -> None:
    # Arrange
    bond = {**BOND_FORM, "clean_price": "", "yield_rate": "", "face": "lots"}
    both = {**BOND_FORM, "yield_rate": "0.05"}
    ladder = {"settlement": "2026-01-05", "frequency": "2", "day_count": "30/360 US",
              "currency": "USD", "rungs": RUNGS + "\n2025-01-15 0.04 0.04 100"}  # fmt: skip

    async with signed_in(harness, owner.username) as client:
        # Act
        typed = await client.htmx("POST", f"{PAGE}/bond", data=bond)
        refused = await client.htmx("POST", f"{PAGE}/bond", data=both)
        plain = await client.post(f"{PAGE}/bond", both)
        rung = await client.htmx("POST", f"{PAGE}/ladder", data=ladder)
        garbled = await client.htmx("POST", f"{PAGE}/ladder", data={**ladder, "rungs": "soon"})

    # Assert
    assert real_status(typed) == 422 and 'data-field="face"' in typed.text
    assert real_status(refused) == 422
    assert refused.headers["X-Bulwark-Code"] == "INVALID_BOND_INPUT"
    assert 'data-field="yield_rate"' in refused.text and 'id="bond-answer"' not in refused.text
    assert plain.status_code == 422 and "<h1>Fixed income</h1>" in plain.text
    assert real_status(rung) == 422 and 'data-field="rungs"' in rung.text
    assert "rungs: line 3: " in rung.text
    assert real_status(garbled) == 422 and "rungs: line 1: MATURITY" in garbled.text


async def test_a_viewer_may_calculate(harness: Harness) -> None:
    viewer = await harness.user(Role.VIEWER)

    async with signed_in(harness, viewer.username) as client:
        answer = await client.htmx("POST", f"{PAGE}/bond", data=BOND_FORM)
        unknown = await client.post(f"{PAGE}/swap", BOND_FORM)

    assert answer.status_code == 200 and 'id="bond-answer"' in answer.text
    assert unknown.status_code == 404
