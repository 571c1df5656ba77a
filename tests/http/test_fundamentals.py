"""/api/v1/market/{symbol}/fundamentals: the key ratios through the failover feed, read from
Yahoo's documented answer shape on a local fake server; 404 and 503 as the market routes."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.http.core_helpers import assert_problem
from tests.http.harness import Harness, User

pytestmark = pytest.mark.serves("market_data")

FUNDAMENTALS = "/api/v1/market/{}/fundamentals"


async def test_the_ratios_come_from_the_provider_that_offers_them(with_yahoo: Harness) -> None:
    # Arrange
    user = await with_yahoo.user()

    # Act
    response = await with_yahoo.client.get(FUNDAMENTALS.format("nvda"), headers=user.headers)

    # Assert: Yahoo states debt to equity in percent (22.87): served as the fraction 0.2287
    assert response.status_code == 200, response.text
    body = response.json()
    assert (body["symbol"], body["source"]) == ("NVDA", "yahoo")
    ratios = {r["name"]: r for r in body["ratios"]}
    assert ratios["debt_to_equity"]["value"] == "0.2287"
    assert ratios["debt_to_equity"]["unit"] == "fraction"
    assert ratios["market_cap"]["value"] == "3243000000000"
    assert ratios["trailing_eps"]["value"] == "1.71"
    assert "Price / earnings" in ratios["trailing_pe"]["definition"]
    assert body["as_of"]


async def test_a_symbol_no_provider_knows_is_404(with_yahoo: Harness) -> None:
    user = await with_yahoo.user()

    response = await with_yahoo.client.get(FUNDAMENTALS.format("NOPE"), headers=user.headers)

    assert_problem(response, 404, "SYMBOL_NOT_FOUND")


async def test_the_offline_demo_answers_synthetic_ratios_named_as_such(
    market: Harness, owner: User
) -> None:
    # Act: the demo feed (synthetic, AAPL quoted at 190)
    response = await market.client.get(FUNDAMENTALS.format("AAPL"), headers=owner.headers)
    again = await market.client.get(FUNDAMENTALS.format("AAPL"), headers=owner.headers)

    # Assert: named synthetic, seeded (the same twice), consistent with the quote
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["source"] == "synthetic"
    ratios = {r["name"]: Decimal(r["value"]) for r in body["ratios"]}
    assert ratios == {r["name"]: Decimal(r["value"]) for r in again.json()["ratios"]}
    cent = float(ratios["trailing_pe"]) * 0.005  # EPS is stated to the cent
    assert float(ratios["trailing_eps"] * ratios["trailing_pe"]) == pytest.approx(190, abs=cent)
    assert 0 <= ratios["dividend_yield"] < 1 and ratios["market_cap"] > 0


async def test_a_malformed_symbol_is_422(harness: Harness, owner: User) -> None:
    response = await harness.client.get(FUNDAMENTALS.format("A%20B"), headers=owner.headers)

    assert_problem(response, 422, "INVALID_OPTIONS_REQUEST")
