"""POST /api/v1/analytics/fixed-income/bond and /ladder.

The figures are the domain's (QuantLib checks those in tests/unit/fixedincome): here the
answer must carry them with their conventions named, scale the position by its face, and every
refusal must be a 422 problem naming its field.
"""

from __future__ import annotations

from typing import Any

import pytest

from domain.principals import Role
from tests.http.core_helpers import assert_problem, field_names
from tests.http.harness import Harness, User

pytestmark = [pytest.mark.serves("analytics"), pytest.mark.shares_app()]

BOND = "/api/v1/analytics/fixed-income/bond"
LADDER = "/api/v1/analytics/fixed-income/ladder"


def bond_body(**fields: Any) -> dict[str, Any]:
    """The textbook bond: 5 years, 5% semiannual, at 6%, settled on a coupon date."""
    return {"settlement": "2026-01-15", "maturity": "2031-01-15", "coupon_rate": 0.05,
            "frequency": 2, "day_count": "ACT/ACT ICMA", "yield_rate": 0.06, **fields}  # fmt: skip


def ladder_body(**fields: Any) -> dict[str, Any]:
    rungs = [
        {"maturity": "2027-01-15", "coupon_rate": 0.04, "yield_rate": 0.045, "face": 10_000},
        {"maturity": "2028-07-15", "coupon_rate": 0.05, "clean_price": 101.25, "face": 20_000,
         "day_count": "30/360 US"},
        {"maturity": "2031-01-15", "coupon_rate": 0.0, "yield_rate": 0.05, "face": 5_000,
         "frequency": 1, "day_count": "ACT/365F"},
    ]  # fmt: skip
    return {"settlement": "2026-01-15", "bonds": rungs, "shocks_bp": [-50, 50], **fields}


async def test_the_textbook_bond_and_its_conventions(harness: Harness, owner: User) -> None:
    # Act
    response = await harness.client.post(
        BOND, json=bond_body(face=250_000, shocks_bp=[-100, 100]), headers=owner.headers
    )

    # Assert
    assert response.status_code == 200, response.text
    out = response.json()
    assert round(out["clean_price"], 4) == 95.7349
    assert out["dirty_price"] == out["clean_price"] and out["accrued_interest"] == 0.0
    assert round(out["macaulay_duration"], 4) == 4.4717
    assert round(out["modified_duration"], 4) == 4.3414
    assert round(out["convexity"], 2) == 22.30
    assert out["dv01"] == pytest.approx(out["modified_duration"] * out["dirty_price"] / 1e4)
    assert -out["dv01"] < out["bpv"] < 0  # QuantLib's sign, the convexity term shrinks it
    assert out["market_value"] == pytest.approx(out["dirty_price"] * 2_500)
    assert out["position_dv01"] == pytest.approx(out["dv01"] * 2_500)
    assert (out["day_count"], out["frequency"], out["currency"]) == ("ACT/ACT ICMA", 2, "USD")
    assert "compounded 2 times a year" in out["compounding"]
    assert "no business-day adjustment" in out["schedule"]
    assert {"prices", "durations", "convexity", "dv01", "bpv", "position"} <= set(out["units"])
    assert [s["shift_bp"] for s in out["shocks"]] == [-100, 100]
    up = out["shocks"][1]
    assert up["price_change"] < 0 and up["position_change"] == pytest.approx(
        up["price_change"] * 2_500
    )
    assert abs(up["estimate_error"]) < 0.01
    assert len(out["cash_flows"]) == 10 and out["cash_flows"][-1]["amount"] == 102.5


async def test_yield_from_a_clean_price(harness: Harness, owner: User) -> None:
    # Act
    body = bond_body(clean_price=95.73489858161207, day_count="30/360 US")
    del body["yield_rate"]
    response = await harness.client.post(BOND, json=body, headers=owner.headers)

    # Assert
    assert response.status_code == 200, response.text
    assert response.json()["yield_rate"] == pytest.approx(0.06, abs=1e-12)
    assert len(response.json()["shocks"]) == 8  # the default shifts


async def test_a_viewer_may_compute(harness: Harness) -> None:
    viewer = await harness.user(Role.VIEWER)
    response = await harness.client.post(BOND, json=bond_body(), headers=viewer.headers)
    assert response.status_code == 200, response.text


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"settlement": "2031-06-01"}, "settlement"),
        ({"frequency": 3}, "frequency"),
        ({"coupon_rate": -0.01}, "coupon_rate"),
        ({"day_count": "ACT/360"}, "day_count"),
        ({"currency": "XXX"}, "currency"),
        ({"clean_price": 99.0}, "yield_rate"),
        ({"yield_rate": -5.0}, "yield_rate"),
        ({"issue_date": "2026-03-01"}, "issue_date"),
        ({"face": 0}, "face"),
        ({"shocks_bp": [1e9]}, "shocks_bp"),
        ({"shocks_bp": list(range(51))}, "shocks_bp"),
    ],
)
async def test_bad_bond_input_is_422_naming_the_field(
    harness: Harness, owner: User, fields: dict[str, Any], field: str
) -> None:
    # Act
    response = await harness.client.post(BOND, json=bond_body(**fields), headers=owner.headers)

    # Assert
    assert field_names(assert_problem(response, 422, "INVALID_BOND_INPUT")) == {field}


@pytest.mark.parametrize(
    "fields", [{"settlement": "2026-02-30"}, {"frequency": "two"}, {"spread": 1}]
)
async def test_malformed_bodies_are_400(
    harness: Harness, owner: User, fields: dict[str, Any]
) -> None:
    response = await harness.client.post(BOND, json=bond_body(**fields), headers=owner.headers)
    assert_problem(response, 400, "VALIDATION_ERROR")


async def test_a_ladder_answers_totals_gaps_and_shocks(harness: Harness, owner: User) -> None:
    # Act
    response = await harness.client.post(LADDER, json=ladder_body(), headers=owner.headers)

    # Assert
    assert response.status_code == 200, response.text
    out = response.json()
    rungs = out["positions"]
    assert out["total_face"] == 35_000
    assert out["market_value"] == pytest.approx(sum(r["market_value"] for r in rungs))
    assert out["dv01"] == pytest.approx(sum(r["position_dv01"] for r in rungs))
    assert out["gaps"] == [2029, 2030] and out["maturity_years"] == [2027, 2028, 2031]
    assert out["weighted_average_life"] == pytest.approx(
        sum(r["face"] * r["years_to_maturity"] for r in rungs) / 35_000
    )
    assert out["wal_day_count"] == "ACT/365F"
    assert out["day_count"] == "30/360 US, ACT/365F"  # the first rung's is the default
    assert [r["day_count"] for r in rungs] == ["30/360 US", "30/360 US", "ACT/365F"]
    assert rungs[1]["clean_price"] == pytest.approx(101.25, abs=1e-9)
    down, up = out["shocks"]
    assert up["full_change"] < 0 < down["full_change"]
    assert up["estimate_error"] == pytest.approx(
        up["duration_convexity_estimate"] - up["full_change"]
    )


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"bonds": []}, "bonds"),
        ({"settlement": "2027-06-01"}, "bonds[0].settlement"),
        ({"currency": "usd"}, "currency"),
    ],
)
async def test_bad_ladder_input_is_422_naming_the_field(
    harness: Harness, owner: User, change: dict[str, Any], field: str
) -> None:
    response = await harness.client.post(LADDER, json=ladder_body(**change), headers=owner.headers)
    assert field_names(assert_problem(response, 422, "INVALID_BOND_INPUT")) == {field}


async def test_a_bad_rung_is_named_by_its_index(harness: Harness, owner: User) -> None:
    # Arrange
    body = ladder_body()
    body["bonds"][2]["frequency"] = 3
    body["bonds"][1]["day_count"] = "bogus"

    # Act
    response = await harness.client.post(LADDER, json=body, headers=owner.headers)

    # Assert: the first bad rung in order is named.
    assert field_names(assert_problem(response, 422, "INVALID_BOND_INPUT")) == {
        "bonds[1].day_count"
    }


async def test_unauthenticated_is_401(harness: Harness) -> None:
    response = await harness.client.post(BOND, json=bond_body())
    assert_problem(response, 401, "UNAUTHENTICATED")
