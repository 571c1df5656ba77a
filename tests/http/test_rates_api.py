"""GET /api/v1/analytics/rates/{curve, inversions, series/{id}} over the real app.

Hand-written FRED files in a temporary BULWARK_RATES_DIR give exact figures; the shipped
sample set answers by default; BULWARK_RATES_SOURCE=fred against the local FRED replay
(tests/integration/fred_replay.py) checks the 404 / 503 mapping end to end.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from tests.http.core_helpers import assert_problem, harness_with
from tests.http.harness import Harness, User
from tests.integration.fred_replay import API_KEY, Answer, fred_replay

pytestmark = [pytest.mark.serves("markets"), pytest.mark.shares_app()]

RATES = "/api/v1/analytics/rates"
DAYS = ["2024-07-01", "2024-07-02", "2024-07-03", "2024-07-04", "2024-07-05", "2024-07-08"]
FILES = {  # percent; '.' = Independence Day
    "DGS3MO": ["5.49", "5.48", "5.47", ".", "5.46", "5.46"],
    "DGS2": ["4.77", "4.74", "4.67", ".", "4.60", "4.62"],
    "DGS10": ["4.48", "4.43", "4.36", ".", "4.28", "4.65"],
    "DGS30": ["4.62", "4.57", "4.51", ".", "4.44", "4.70"],
}


def rate(value: str) -> str:
    """A yield or spread in percent as the API writes it: a plain decimal at 10 places."""
    return f"{Decimal(value):.10f}"


@pytest.fixture
async def rated(tmp_path: Path) -> AsyncIterator[tuple[Harness, User]]:
    for series, values in FILES.items():
        rows = "".join(f"{d},{v}\n" for d, v in zip(DAYS, values, strict=True))
        (tmp_path / f"{series}.csv").write_text(f"observation_date,{series}\n{rows}")
    async with harness_with(rates_dir=str(tmp_path)) as harness:
        yield harness, await harness.user()


async def get(h: tuple[Harness, User], path: str, **params: Any) -> Any:
    harness, user = h
    return await harness.client.get(f"{RATES}{path}", params=params, headers=user.headers)


async def test_the_curve_of_a_holiday_is_the_day_before_interpolated(
    rated: tuple[Harness, User],
) -> None:
    # Act
    response = await get(rated, "/curve", date="2024-07-04", method="linear", tenors="6,3M,20Y")

    # Assert
    assert response.status_code == 200, response.text
    out = response.json()
    assert (out["date"], out["as_of"], out["method"], out["source"]) == (
        "2024-07-04", "2024-07-03", "linear", "file",
    )  # fmt: skip
    assert [(p["series_id"], p["tenor"], p["years"], p["yield_pct"]) for p in out["points"]] == [
        ("DGS3MO", "3M", 0.25, rate("5.47")),
        ("DGS2", "2Y", 2.0, rate("4.67")),
        ("DGS10", "10Y", 10.0, rate("4.36")),
        ("DGS30", "30Y", 30.0, rate("4.51")),
    ]
    # 6y: halfway 2y -> 10y, (4.67 + 4.36) / 2; 20y: halfway 10y -> 30y, (4.36 + 4.51) / 2
    assert [(v["years"], v["yield_pct"]) for v in out["interpolated"]] == [
        (6.0, pytest.approx(4.515)),
        (0.25, pytest.approx(5.47)),
        (20.0, pytest.approx(4.435)),
    ]
    assert {"units", "tenor", "yield_basis", "monotone_cubic"} <= set(out["conventions"])


async def test_the_default_method_is_monotone_cubic_on_a_default_grid(
    rated: tuple[Harness, User],
) -> None:
    # Act
    out = (await get(rated, "/curve", date="2024-07-08")).json()

    # Assert: 3M, 6M, 1..30 years; between 2y (4.62) and 10y (4.65) the cubic stays inside
    assert out["method"] == "monotone_cubic" and out["as_of"] == "2024-07-08"
    years = [v["years"] for v in out["interpolated"]]
    assert years == [0.25, 0.5, *map(float, range(1, 31))]
    middle = [v["yield_pct"] for v in out["interpolated"] if 2 <= v["years"] <= 10]
    assert all(4.62 <= y <= 4.65 for y in middle)


@pytest.mark.parametrize(
    ("params", "status", "code", "field"),
    [
        ({"date": "07/04/2024"}, 422, "INVALID_RATES_QUERY", "date"),
        ({"date": "2024-07-04", "method": "spline"}, 422, "INVALID_RATES_QUERY", "method"),
        ({"date": "2024-07-04", "tenors": "1M"}, 422, "INVALID_RATES_QUERY", "tenors"),
        ({"date": "2024-07-04", "tenors": "2,x"}, 422, "INVALID_RATES_QUERY", "tenors"),
        ({"date": "2024-06-28"}, 404, "NO_CURVE", "date"),
    ],
)
async def test_bad_curve_queries_are_problems_naming_the_parameter(
    rated: tuple[Harness, User], params: dict[str, str], status: int, code: str, field: str
) -> None:
    # Act
    response = await get(rated, "/curve", **params)

    # Assert
    problem = assert_problem(response, status, code)
    assert [e["field"] for e in problem["errors"]] == [field]


async def test_tenors_past_the_url_limit_are_a_documented_414(
    rated: tuple[Harness, User],
) -> None:
    # Arrange: 4,000 characters (the parameter's own limit), each 12 bytes once percent-encoded
    harness, _ = rated
    tenors = "\u00e9\u00e9\u00e9\u00e9" * 1000

    # Act
    response = await get(rated, "/curve", tenors=tenors)
    document = (await harness.client.get("/schema/openapi.json")).json()

    # Assert
    assert_problem(response, 414, "URI_TOO_LONG")
    assert "414" in document["paths"][f"{RATES}/curve"]["get"]["responses"]


async def test_inversions_with_dates_depth_and_daily_spreads(rated: tuple[Harness, User]) -> None:
    # Act
    response = await get(rated, "/inversions", start="2024-07-01", end="2024-07-08")

    # Assert: 2s10s = DGS10 - DGS2: -0.29 -0.31 -0.31 . -0.32 +0.03; 3m10y: all below zero
    assert response.status_code == 200, response.text
    out = response.json()
    by_name = {m["measure"]: m for m in out["measures"]}
    two_ten = by_name["2s10s"]
    assert (two_ten["long_series"], two_ten["short_series"]) == ("DGS10", "DGS2")
    assert [s["spread"] for s in two_ten["spreads"]] == [
        rate(x) for x in ("-0.29", "-0.31", "-0.31", "-0.32", "0.03")
    ]
    assert two_ten["periods"] == [
        {
            "start": "2024-07-01",
            "end": "2024-07-05",
            "deepest_spread": rate("-0.32"),
            "deepest_date": "2024-07-05",
            "days": 4,
            "calendar_days": 5,
            "open_start": True,
            "open_end": False,
        }
    ]
    assert (two_ten["observed_days"], two_ten["inverted_days"], two_ten["inverted_now"]) == (
        5, 4, False,
    )  # fmt: skip
    three_ten = by_name["3m10y"]
    assert [(p["start"], p["end"], p["deepest_spread"]) for p in three_ten["periods"]] == [
        ("2024-07-01", "2024-07-08", rate("-1.18"))
    ]
    assert three_ten["periods"][0]["open_end"] is True and three_ten["inverted_now"] is True


async def test_inversions_can_leave_the_daily_spreads_out_and_refuse_reversed_dates(
    rated: tuple[Harness, User],
) -> None:
    # Act
    lean = await get(rated, "/inversions", start="2024-07-01", end="2024-07-08", spreads="false")
    reversed_ = await get(rated, "/inversions", start="2024-07-08", end="2024-07-01")

    # Assert
    assert all(m["spreads"] is None for m in lean.json()["measures"])
    problem = assert_problem(reversed_, 422, "INVALID_RATES_QUERY")
    assert [e["field"] for e in problem["errors"]] == ["start"]


async def test_a_series_pages_oldest_first_with_a_cursor(rated: tuple[Harness, User]) -> None:
    # Act
    items, cursor = [], None
    for _ in range(5):
        params: dict[str, Any] = {"start": "2024-07-01", "end": "2024-07-31", "limit": 4}
        if cursor:
            params["cursor"] = cursor
        page = (await get(rated, "/series/dgs10", **params)).json()
        items += page["items"]
        cursor = page["next_cursor"]
        if cursor is None:
            break

    # Assert
    assert page["series_id"] == "DGS10" and "percent" in page["units"]
    assert [(i["date"], i["value"]) for i in items] == [
        (d, None if v == "." else rate(v)) for d, v in zip(DAYS, FILES["DGS10"], strict=True)
    ]


@pytest.mark.parametrize(
    ("path", "params", "status", "code", "field"),
    [
        ("/series/NOPE", {}, 404, "UNKNOWN_SERIES", "series_id"),
        ("/series/DGS10", {"cursor": "not-a-cursor"}, 422, "INVALID_CURSOR", "cursor"),
        ("/series/DGS10", {"start": "2024-02-30"}, 422, "INVALID_RATES_QUERY", "start"),
        ("/series/DGS-10", {}, 422, "INVALID_RATES_QUERY", "series_id"),
    ],
)
async def test_series_refusals(
    rated: tuple[Harness, User],
    path: str,
    params: dict[str, str],
    status: int,
    code: str,
    field: str,
) -> None:
    # Act
    response = await get(rated, path, **params)

    # Assert
    problem = assert_problem(response, status, code)
    assert [e["field"] for e in problem["errors"]] == [field]


async def test_a_page_over_500_is_refused(rated: tuple[Harness, User]) -> None:
    assert_problem(await get(rated, "/series/DGS10", limit=501), 400, "VALIDATION_ERROR")


async def test_the_shipped_sample_answers_by_default() -> None:
    async with harness_with() as harness:
        user = await harness.user()
        response = await harness.client.get(
            f"{RATES}/curve", params={"date": "2023-07-04"}, headers=user.headers
        )
    assert response.status_code == 200, response.text
    assert response.json()["as_of"] == "2023-07-03" and len(response.json()["points"]) == 11


async def test_rates_need_a_signed_in_caller(rated: tuple[Harness, User]) -> None:
    harness, _ = rated
    assert_problem(await harness.client.get(f"{RATES}/curve"), 401, "UNAUTHENTICATED")


async def test_fred_as_the_source_maps_its_failures() -> None:
    # Arrange
    with fred_replay() as fred:
        async with harness_with(
            rates_source="fred", fred_api_key=API_KEY, fred_url=fred.url
        ) as harness:
            headers = (await harness.user()).headers

            # Act
            curve = await harness.client.get(
                f"{RATES}/curve", params={"date": "2024-07-04"}, headers=headers
            )
            fred.script["DGS2"] = Answer(503, "error_internal.json", {"Retry-After": "42"})
            down = await harness.client.get(
                f"{RATES}/inversions", params={"start": "2024-06-24"}, headers=headers
            )
            unknown = await harness.client.get(f"{RATES}/series/NOPE42", headers=headers)

    # Assert
    assert curve.status_code == 200, curve.text
    assert curve.json()["source"] == "fred" and curve.json()["as_of"] == "2024-07-03"
    problem = assert_problem(down, 503, "RATES_UNAVAILABLE")
    assert down.headers["Retry-After"] == "42" and problem["retry_after"] == 42
    assert_problem(unknown, 404, "UNKNOWN_SERIES")
    for response in (curve, down, unknown):
        assert API_KEY not in response.text
