"""POST /api/v1/analytics/attribution: per-period Brinson effects, linked effects, CUSUM events.

The figures come from the domain functions (their unit tests check them against Bacon's
three-market table and hand-worked linking / CUSUM examples); here: the wiring, the units,
the identities the response promises, and each refusal naming its field.
"""

from __future__ import annotations

import copy
import math
from datetime import date, timedelta
from typing import Any

import pytest

from tests.http.core_helpers import assert_problem, field_names
from tests.http.harness import Harness, User

pytestmark = [pytest.mark.serves("analytics"), pytest.mark.shares_app()]

URL = "/api/v1/analytics/attribution"

# Bacon, Practical Portfolio Performance Measurement and Attribution, ch. 5 (fractions)
BACON = [
    ("UK equities", 0.40, 0.40, 0.20, 0.10),
    ("Japanese equities", 0.30, 0.20, -0.05, -0.04),
    ("US equities", 0.30, 0.40, 0.06, 0.08),
]


def sectors(rows: list[tuple[str, float, float, float, float]]) -> list[dict[str, Any]]:
    return [
        {
            "sector": name,
            "portfolio_weight": w_p,
            "benchmark_weight": w_b,
            "portfolio_return": r_p,
            "benchmark_return": r_b,
        }
        for name, w_p, w_b, r_p, r_b in rows
    ]


def month(i: int) -> tuple[str, str]:
    start = date(2024, 1, 1) + timedelta(days=30 * i)
    return start.isoformat(), (start + timedelta(days=30)).isoformat()


def body(n: int = 3) -> dict[str, Any]:
    """n consecutive 30-day periods, the Bacon table with its returns scaled per period."""
    periods = []
    for i in range(n):
        start, end = month(i)
        scale = (1.0, -0.5, 0.25)[i % 3]
        rows = [(s, wp, wb, rp * scale, rb * scale) for s, wp, wb, rp, rb in BACON]
        periods.append({"start": start, "end": end, "sectors": sectors(rows)})
    return {"periods": periods}


async def test_effects_per_period_and_linked_add_up(harness: Harness, owner: User) -> None:
    # Act
    response = await harness.client.post(URL, json=body(), headers=owner.headers)

    # Assert
    assert response.status_code == 200, response.text
    out = response.json()
    assert out["model"] == "brinson_fachler"
    assert "fraction" in out["units"]["returns"]
    assert out["sectors"] == ["UK equities", "Japanese equities", "US equities"]
    first = out["periods"][0]
    assert (first["portfolio_return"], first["benchmark_return"]) == pytest.approx((0.083, 0.064))
    assert [s["allocation"] for s in first["sectors"]] == pytest.approx([0.0, -0.0104, -0.0016])
    assert first["totals"]["selection"] == pytest.approx(0.03)
    for period in out["periods"]:
        assert period["totals"]["total"] == pytest.approx(period["active_return"], abs=1e-12)
    linked = out["linked"]
    assert linked["method"] == "carino"
    assert (linked["start"], linked["end"]) == (out["periods"][0]["start"], month(2)[1])
    compounded = [
        math.prod(1 + p[k] for p in out["periods"]) - 1
        for k in ("portfolio_return", "benchmark_return")
    ]
    assert linked["active_return"] == pytest.approx(compounded[0] - compounded[1], abs=1e-10)
    assert linked["totals"]["total"] == pytest.approx(linked["active_return"], abs=1e-9)
    assert math.fsum(s["total"] for s in linked["sectors"]) == pytest.approx(
        linked["active_return"], abs=1e-9
    )
    assert len(linked["coefficients"]) == 3
    assert out["cusum"]["series"] == "active_return"
    assert (out["cusum"]["k"], out["cusum"]["h"], out["cusum"]["target"]) == (0.5, 5.0, 0.0)


async def test_model_and_linking_method_are_chosen_and_named(harness: Harness, owner: User) -> None:
    # Arrange
    payload = {**body(), "model": "brinson_hood_beebower", "linking": "menchero"}

    # Act
    response = await harness.client.post(URL, json=payload, headers=owner.headers)

    # Assert
    assert response.status_code == 200, response.text
    out = response.json()
    assert out["model"] == "brinson_hood_beebower"
    assert [s["allocation"] for s in out["periods"][0]["sectors"]] == pytest.approx(
        [0.0, -0.004, -0.008]
    )
    assert out["linked"]["method"] == "menchero"
    assert out["linked"]["totals"]["total"] == pytest.approx(
        out["linked"]["active_return"], abs=1e-12
    )


async def test_a_shift_in_active_return_is_a_dated_cusum_event(
    harness: Harness, owner: User
) -> None:
    # Arrange: 12 periods with no active return, then 6 with +2% (portfolio 3%, benchmark 1%)
    periods = []
    for i in range(18):
        start, end = month(i)
        r_p = 0.03 if i >= 12 else 0.01
        rows = [("All", 1.0, 1.0, r_p, 0.01)]
        periods.append({"start": start, "end": end, "sectors": sectors(rows)})
    payload = {"periods": periods, "cusum": {"sigma": 0.01}}

    # Act
    response = await harness.client.post(URL, json=payload, headers=owner.headers)

    # Assert: C+ grows 1.5% a period past h sigma = 5% at the fourth shifted period
    assert response.status_code == 200, response.text
    cusum = response.json()["cusum"]
    assert (cusum["sigma"], cusum["sigma_source"]) == (0.01, "given")
    event = cusum["events"][0]
    assert (event["start"], event["alarm"]) == (month(12)[1], month(15)[1])
    assert (event["direction"], event["periods"]) == ("up", 4)
    assert event["magnitude"] == pytest.approx(0.02, abs=1e-12)


def _bad(edit: Any) -> dict[str, Any]:
    payload = copy.deepcopy(body())
    edit(payload)
    return payload


def _set(path: list[Any], value: Any) -> Any:
    def edit(payload: dict[str, Any]) -> None:
        node: Any = payload
        for key in path[:-1]:
            node = node[key]
        node[path[-1]] = value

    return edit


@pytest.mark.parametrize(
    ("edit", "field"),
    [
        (
            _set(["periods", 1, "sectors", 0, "portfolio_weight"], 0.5),
            "periods[1].sectors[*].portfolio_weight",
        ),
        (
            _set(["periods", 2, "sectors", 2, "benchmark_weight"], 0.3),
            "periods[2].sectors[*].benchmark_weight",
        ),
        (_set(["periods", 1, "start"], "2023-12-01"), "periods[1].start"),
        (_set(["periods", 0, "end"], "2024-01-01"), "periods[0].end"),
        (_set(["periods", 2, "sectors", 1, "sector"], "Emerging"), "periods[2].sectors"),
        (
            _set(["periods", 1, "sectors", 1, "sector"], "UK equities"),
            "periods[1].sectors[1].sector",
        ),
        (
            _set(["periods", 0, "sectors", 2, "portfolio_return"], -1.5),
            "periods[0].sectors[2].portfolio_return",
        ),
        (_set(["periods", 0, "sectors"], []), "periods[0].sectors"),
        (_set(["periods"], []), "periods"),
        (_set(["cusum"], {"h": 0}), "cusum.h"),
        (_set(["cusum"], {"sigma": -0.01}), "cusum.sigma"),
        (_set(["cusum"], {"k": -1}), "cusum.k"),
    ],
)
async def test_bad_input_is_422_naming_the_field(
    harness: Harness, owner: User, edit: Any, field: str
) -> None:
    # Act
    response = await harness.client.post(URL, json=_bad(edit), headers=owner.headers)

    # Assert
    problem = assert_problem(response, 422, "INVALID_ATTRIBUTION_INPUT")
    assert field_names(problem) == {field}, problem


async def test_an_empty_body_is_422_naming_the_periods(harness: Harness, owner: User) -> None:
    # Act: neither periods nor a stored portfolio_id
    response = await harness.client.post(URL, json={}, headers=owner.headers)

    # Assert
    problem = assert_problem(response, 422, "INVALID_ATTRIBUTION_INPUT")
    assert field_names(problem) == {"periods"}


@pytest.mark.parametrize(
    "payload",
    [{"periods": "x"}, {**body(), "model": "geometric"}, {**body(), "linking": "frongello"}],
)
async def test_malformed_bodies_are_400(
    harness: Harness, owner: User, payload: dict[str, Any]
) -> None:
    # Act
    response = await harness.client.post(URL, json=payload, headers=owner.headers)

    # Assert
    assert_problem(response, 400, "VALIDATION_ERROR")


async def test_anonymous_callers_are_401(harness: Harness) -> None:
    response = await harness.client.post(URL, json=body())
    assert response.status_code == 401
