"""/api/v1/analytics/futures, /macro and /insiders over the real app.

Hand-written files in temporary directories give exact figures; the shipped SYNTHETIC samples
answer by default.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from tests.http.core_helpers import assert_problem, harness_with
from tests.http.harness import Harness, User

pytestmark = pytest.mark.serves("analytics", "market_data", "markets")

API = "/api/v1/analytics"
CONTRACTS = (
    "root,name,exchange,quote_unit,size,size_unit\n"
    "CL,WTI crude,NYMEX,USD per barrel,1000,barrels\n"
    "RB,RBOB gasoline,NYMEX,USD per gallon,42000,gallons\n"
    "HO,ULSD,NYMEX,USD per gallon,42000,gallons\n"
)
SETTLEMENTS = {
    "CL": "2024-06-03,SPOT,,79.50\n2024-06-03,CLN24,2024-06-20,80.00\n"
    "2024-06-03,CLQ24,2024-07-22,81.00\n2024-06-03,CLU24,2024-08-20,82.00\n",
    "RB": "2024-06-03,RBN24,2024-06-28,2.40\n2024-06-03,RBQ24,2024-07-31,2.38\n",
    "HO": "2024-06-03,HON24,2024-06-28,2.70\n2024-06-03,HOQ24,2024-07-31,2.71\n",
}


@pytest.fixture
async def markets(tmp_path: Path) -> AsyncIterator[tuple[Harness, User]]:
    (tmp_path / "futures").mkdir()
    (tmp_path / "futures" / "contracts.csv").write_text(CONTRACTS)
    for root, rows in SETTLEMENTS.items():
        (tmp_path / "futures" / f"{root}.csv").write_text(f"date,contract,expiry,settle\n{rows}")
    async with harness_with(futures_dir=str(tmp_path / "futures")) as harness:
        yield harness, await harness.user()


async def call(h: tuple[Harness, User], method: str, path: str, **kwargs: Any) -> Any:
    harness, user = h
    return await harness.client.request(method, f"{API}{path}", headers=user.headers, **kwargs)


async def test_a_contango_curve_from_the_files(markets: tuple[Harness, User]) -> None:
    # Act: June 5 reads the latest settlements on or before it (June 3)
    response = await call(markets, "GET", "/futures/cl/curve", params={"date": "2024-06-05"})

    # Assert
    assert response.status_code == 200, response.text
    out = response.json()
    assert (out["root"], out["as_of"], out["shape"], out["spot"]) == (
        "CL", "2024-06-03", "contango", "79.50000000",
    )  # fmt: skip
    assert [(p["contract"], p["price"]) for p in out["points"]] == [
        ("CLN24", "80.00000000"), ("CLQ24", "81.00000000"), ("CLU24", "82.00000000"),
    ]  # fmt: skip
    first = out["spreads"][0]
    assert (first["near"], first["far"], first["spread"], first["days"]) == (
        "CLN24", "CLQ24", "-1.00000000", 32,
    )  # fmt: skip
    assert first["roll_yield"] == pytest.approx(-0.1417, abs=1e-4)  # ln(80 / 81) x 365 / 32
    assert "roll_yield" in out["conventions"]


async def test_the_crack_from_the_files_takes_one_delivery_month(
    markets: tuple[Harness, User],
) -> None:
    # Act
    response = await call(markets, "GET", "/futures/crack-spread", params={"date": "2024-06-03"})

    # Assert: July contracts: (2 x 2.40 x 42 + 2.70 x 42 - 3 x 80) / 3 = (201.6 + 113.4 - 240) / 3
    assert response.status_code == 200, response.text
    out = response.json()
    assert out["contracts"] == ["CLN24", "RBN24", "HON24"]
    assert out["total_usd"] == "75.00" and out["per_barrel_usd"] == "25.00000000"


async def test_posted_curves_and_cracks_refuse_negative_prices(
    markets: tuple[Harness, User],
) -> None:
    # Arrange
    curve = {
        "as_of": "2024-06-03",
        "contracts": [
            {"contract": "A", "expiry": "2024-07-01", "price": "10"},
            {"contract": "B", "expiry": "2024-08-01", "price": "-1"},
        ],
    }
    crack = {"crude_usd_per_bbl": "75", "gasoline_usd_per_gal": "2.40",
             "distillate_usd_per_gal": "2.70"}  # fmt: skip

    # Act
    negative = await call(markets, "POST", "/futures/curve", json=curve)
    good = await call(markets, "POST", "/futures/crack-spread", json=crack)
    bad_leg = await call(markets, "POST", "/futures/crack-spread",
                         json={**crack, "gasoline_usd_per_gal": "0"})  # fmt: skip
    bad_ratio = await call(
        markets, "POST", "/futures/crack-spread", json={**crack, "ratio": [3, 1, 1]}
    )

    # Assert
    assert assert_problem(negative, 422, "NEGATIVE_PRICE")["errors"][0]["field"] == (
        "contracts[1].price"
    )
    assert good.status_code == 200 and good.json()["per_barrel_usd"] == "30.00000000"
    assert assert_problem(bad_leg, 422, "NEGATIVE_PRICE")["errors"][0]["field"] == "gasoline"
    assert assert_problem(bad_ratio, 422, "INVALID_MARKET_INPUT")["errors"][0]["field"] == "ratio"


async def test_unknown_roots_days_without_settlements_and_bad_dates(
    markets: tuple[Harness, User],
) -> None:
    # Act
    unknown = await call(markets, "GET", "/futures/ZZ/curve")
    before = await call(markets, "GET", "/futures/CL/curve", params={"date": "2020-01-01"})
    bad_day = await call(markets, "GET", "/futures/CL/curve", params={"date": "June"})

    # Assert
    assert_problem(unknown, 404, "UNKNOWN_CONTRACT")
    assert_problem(before, 404, "NO_SETTLEMENTS")
    assert assert_problem(bad_day, 422, "INVALID_MARKET_INPUT")["errors"][0]["field"] == "date"


async def test_a_malformed_settlement_file_is_503_naming_the_line(tmp_path: Path) -> None:
    # Arrange
    (tmp_path / "contracts.csv").write_text(CONTRACTS)
    (tmp_path / "CL.csv").write_text("date,contract,expiry,settle\n2024-06-03,CLN24,x,80\n")
    async with harness_with(futures_dir=str(tmp_path)) as harness:
        user = await harness.user()

        # Act
        response = await harness.client.get(f"{API}/futures/CL/curve", headers=user.headers)

    # Assert
    body = assert_problem(response, 503, "DATA_SOURCE_UNAVAILABLE")
    assert "CL.csv:2" in body["detail"] and response.headers["retry-after"] == "60"


async def test_the_macro_dashboard_of_the_shipped_sample(harness: Harness, owner: User) -> None:
    # Act
    response = await harness.client.get(
        f"{API}/macro/dashboard", params={"date": "2024-12-31"}, headers=owner.headers
    )

    # Assert: every catalog series, the Sahm rule, the curve's yields and spreads
    assert response.status_code == 200, response.text
    out = response.json()
    assert [s["series_id"] for s in out["series"]] == [
        "CPIAUCSL", "CPILFESL", "UNRATE", "GDPC1", "GDP", "FEDFUNDS",
    ]  # fmt: skip
    cpi = out["series"][0]
    assert cpi["date"] == "2024-12-01" and cpi["frequency"] == "monthly"
    yoy = next(f for f in cpi["figures"] if f["name"] == "yoy")
    assert 0 < yoy["value"] < 10
    assert out["sahm_rule"]["date"] == "2024-12-01"
    assert set(out["yields"]) == {"3M", "2Y", "10Y"} and set(out["spreads"]) == {"2s10s", "3m10y"}
    assert out["real_10y"] == pytest.approx(float(out["yields"]["10Y"]) - yoy["value"])
    assert out["missing"] == [] and out["source"] == "file"


async def test_a_macro_series_transformed_by_hand(tmp_path: Path) -> None:
    # Arrange: CPI 300 in January 2023, 309 in January 2024
    months = [f"{y}-{m:02d}-01" for y in (2023, 2024) for m in range(1, 13)]
    values = [300 + i * 0.75 for i in range(24)]
    rows = "".join(f"{d},{v:.2f}\n" for d, v in zip(months, values, strict=True))
    (tmp_path / "CPIAUCSL.csv").write_text(f"observation_date,CPIAUCSL\n{rows}")
    async with harness_with(macro_dir=str(tmp_path)) as harness:
        user = await harness.user()

        # Act
        yoy = await harness.client.get(
            f"{API}/macro/series/cpiaucsl",
            params={"start": "2024-01-01", "end": "2024-03-01", "transform": "yoy"},
            headers=user.headers,
        )
        unknown = await harness.client.get(f"{API}/macro/series/DGS10", headers=user.headers)
        bad = await harness.client.get(
            f"{API}/macro/series/CPIAUCSL", params={"transform": "log"}, headers=user.headers
        )
        lacking = await harness.client.get(
            f"{API}/macro/dashboard", params={"date": "2024-12-31"}, headers=user.headers
        )

    # Assert: 2024-01: 309 / 300 - 1 = 3 %
    assert yoy.status_code == 200, yoy.text
    items = yoy.json()["items"]
    assert [i["date"] for i in items] == ["2024-01-01", "2024-02-01", "2024-03-01"]
    assert items[0]["value"] == pytest.approx(3.0)
    assert yoy.json()["units"] == "percent change over 12 months"
    assert_problem(unknown, 404, "UNKNOWN_SERIES")
    assert assert_problem(bad, 422, "INVALID_MARKET_INPUT")["errors"][0]["field"] == "transform"
    assert "UNRATE" in lacking.json()["missing"]


async def test_net_insider_buying_of_the_sample_and_a_symbol_s_rows(
    harness: Harness, owner: User
) -> None:
    # Act
    net = await harness.client.get(
        f"{API}/insiders",
        params={"start": "2024-01-01", "end": "2024-12-31", "symbols": "ACME,BOLT"},
        headers=owner.headers,
    )
    rows = await harness.client.get(
        f"{API}/insiders/ACME", params={"start": "2024-01-01", "end": "2024-12-31"},
        headers=owner.headers,
    )  # fmt: skip
    bad = await harness.client.get(
        f"{API}/insiders", params={"symbols": "AC ME"}, headers=owner.headers
    )

    # Assert: the net figures are the rows' own arithmetic
    assert net.status_code == 200, net.text
    acme = next(a for a in net.json()["items"] if a["symbol"] == "ACME")
    listed = rows.json()["items"]
    bought = sum(Decimal(r["shares"]) for r in listed if r["code"] == "P")
    sold = sum(Decimal(r["shares"]) for r in listed if r["code"] == "S")
    assert (Decimal(acme["shares_bought"]), Decimal(acme["shares_sold"])) == (bought, sold)
    assert Decimal(acme["net_shares"]) == bought - sold
    assert [i["symbol"] for i in net.json()["items"]] == ["ACME", "BOLT"]
    assert assert_problem(bad, 422, "INVALID_MARKET_INPUT")["errors"][0]["field"] == "symbols"
