"""/api/v1/market/{symbol}/statements: statements and their ratios through the failover feed,
read from Alpha Vantage's documented answer shapes on a local fake server; the offline demo's
synthetic ones; 404, 400 and 422 as the market routes answer them."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from decimal import Decimal

import pytest

from tests.http.core_helpers import assert_problem, harness_with
from tests.http.harness import Harness, User
from tests.integration.vendors.replay_server import ReplayServer, Reply, Seen, fixture
from tests.kit.fake_server import threaded

pytestmark = pytest.mark.serves("market_data")

STATEMENTS = "/api/v1/market/{}/statements"
AV_KEY = "av-secret"
AV_FILES = {
    "INCOME_STATEMENT": "income_statement",
    "BALANCE_SHEET": "balance_sheet",
    "CASH_FLOW": "cash_flow",
    "GLOBAL_QUOTE": "global_quote",
}


@pytest.fixture
def alphavantage() -> Iterator[ReplayServer]:
    """Alpha Vantage's /query for IBM; any other symbol answers {} (its unknown symbol)."""

    def query(seen: Seen) -> Reply:
        if seen.params.get("symbol") != "IBM" or seen.params.get("apikey") != AV_KEY:
            return Reply(200, {})
        return Reply(200, fixture("alphavantage", AV_FILES[seen.params["function"]]))

    server = ReplayServer()
    server.route("GET", "/query", query)
    with threaded(server) as served:
        yield served


@pytest.fixture
async def with_alphavantage(alphavantage: ReplayServer) -> AsyncIterator[Harness]:
    """The synthetic feed first, Alpha Vantage on the fake server behind it."""
    async with harness_with(
        market_data_fallbacks="alphavantage",
        alphavantage_base_url=alphavantage.url,
        alphavantage_api_key=AV_KEY,
    ) as h:
        yield h


async def test_statements_and_ratios_come_from_the_provider_that_serves_them(
    with_alphavantage: Harness,
) -> None:
    # Arrange
    user = await with_alphavantage.user()

    # Act
    response = await with_alphavantage.client.get(
        STATEMENTS.format("ibm"), params={"limit": "3"}, headers=user.headers
    )

    # Assert: 2 of the 3 years asked; the ratios of FY2023 opened by FY2022's balance sheet
    assert response.status_code == 200, response.text
    body = response.json()
    assert (body["symbol"], body["source"], body["period"]) == ("IBM", "alphavantage", "annual")
    assert (body["periods_asked"], body["periods_found"]) == (3, 2)
    assert [p["period_end"] for p in body["statements"]] == ["2023-12-31", "2022-12-31"]
    assert Decimal(body["statements"][0]["income"]["revenue"]) == Decimal(62_000_000_000)
    ratios = body["ratios"]
    assert (ratios["period_end"], ratios["prior_period_end"]) == ("2023-12-31", "2022-12-31")
    by_name = {r["name"]: r for r in ratios["ratios"]}
    # 32900 / 34100 (millions)
    assert Decimal(by_name["current_ratio"]["value"]) == round(Decimal(32900) / 34100, 10)
    roe = by_name["return_on_equity"]
    assert roe["basis"] == "average"
    assert Decimal(roe["inputs"]["average shareholders' equity"]) == Decimal(22_000_000_000)
    assert Decimal(roe["value"]) == round(Decimal(7500) / 22000, 10)
    assert roe["formula"] == "net income / average shareholders' equity"
    # PEG at Alpha Vantage's quote (167.25), EPS from net income / shares outstanding
    assert Decimal(ratios["price"]) == Decimal("167.25")
    assert Decimal(by_name["peg"]["inputs"]["price"]) == Decimal("167.25")
    assert by_name["peg"]["value"] is not None


async def test_a_symbol_no_provider_has_statements_for_is_404(with_alphavantage: Harness) -> None:
    user = await with_alphavantage.user()

    response = await with_alphavantage.client.get(STATEMENTS.format("NOPE"), headers=user.headers)

    assert_problem(response, 404, "SYMBOL_NOT_FOUND")


async def test_the_offline_demo_answers_synthetic_statements_named_as_such(
    market: Harness, owner: User
) -> None:
    # Act: the demo feed (synthetic, AAPL quoted at 190)
    url = STATEMENTS.format("AAPL")
    response = await market.client.get(url, params={"period": "quarterly"}, headers=owner.headers)
    again = await market.client.get(url, params={"period": "quarterly"}, headers=owner.headers)

    # Assert: named synthetic, seeded (the same twice), four quarters, every ratio a value
    assert response.status_code == 200, response.text
    body = response.json()
    assert (body["source"], body["period"], body["periods_found"]) == ("synthetic", "quarterly", 4)
    assert body == again.json()
    quarters = [p["fiscal_period"] for p in body["statements"]]
    assert sorted(quarters) == ["Q1", "Q2", "Q3", "Q4"]  # four consecutive quarters
    missing = {r["name"]: r["reason"] for r in body["ratios"]["ratios"] if r["value"] is None}
    assert missing == {"peg": "needs 8 periods of statements, had 4"}
    assert Decimal(body["ratios"]["price"]) == Decimal(190)


@pytest.mark.parametrize(
    "params", [{"period": "monthly"}, {"limit": "0"}, {"limit": "41"}, {"limit": "x"}]
)
async def test_a_period_or_limit_out_of_range_is_400(
    harness: Harness, owner: User, params: dict[str, str]
) -> None:
    response = await harness.client.get(
        STATEMENTS.format("AAPL"), params=params, headers=owner.headers
    )

    assert response.status_code == 400, response.text
    assert response.headers["content-type"].startswith("application/problem+json")


async def test_a_malformed_symbol_is_422(harness: Harness, owner: User) -> None:
    response = await harness.client.get(STATEMENTS.format("A%20B"), headers=owner.headers)

    assert_problem(response, 422, "INVALID_OPTIONS_REQUEST")
