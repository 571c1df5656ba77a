"""`/console/frontier`: the efficient frontier. The chosen portfolio's weights and measures are
the API's for the same prices (POST /api/v1/analytics/optimization with the daily closes the
page read); the frontier rises from the minimum-variance portfolio; bad fields are shown
beside them. A stored portfolio's or account's: test_frontier_stored.py."""

from __future__ import annotations

import re
from datetime import UTC

import pytest

from domain.market_data.bars import Timeframe
from domain.principals import Role
from tests.http.console.helpers import chart_data, real_status, signed_in
from tests.http.harness import Harness, User

pytestmark = pytest.mark.shares_app()

PAGE = "/console/frontier"
FORM = {
    "portfolio_id": "",
    "symbols": "AAPL MSFT XOM",
    "days": "60",
    "method": "min_variance",
    "covariance_estimator": "ledoit_wolf",
    "risk_free_rate": "0.01",
    "long_only": "on",
    "min_weight": "",
    "max_weight": "0.6",
}


def _weights(text: str) -> dict[str, str]:
    rows = re.findall(
        r'<tr class="weight" data-asset="(\w+)">.*?<td class="num">([^<]*)</td>', text
    )
    return dict(rows)


async def _prices(harness: Harness, symbols: list[str], days: int) -> list[list[float]]:
    market = harness.bundle("market_data").market_service()
    closes = []
    for symbol in symbols:
        found = await market.bars(symbol, Timeframe.D1, days + 1)
        closes.append({b.start.astimezone(UTC).date(): float(b.close) for b in found.bars})
    common = sorted(set.intersection(*(set(c) for c in closes)))
    return [[c[d] for c in closes] for d in common]


async def test_the_chosen_portfolio_is_the_apis(market: Harness, owner: User) -> None:
    # Arrange
    symbols = ["AAPL", "MSFT", "XOM"]

    # Act
    async with signed_in(market, owner.username) as client:
        form_page = await client.get(PAGE)
        answer = await client.htmx("POST", PAGE, data=FORM)
    body = {"method": "min_variance", "assets": symbols,
            "prices": await _prices(market, symbols, 60), "risk_free_rate": 0.01,
            "max_weight": 0.6}  # fmt: skip
    api = await market.client.post(
        "/api/v1/analytics/optimization", json=body, headers=owner.headers
    )
    expected = api.json()

    # Assert
    assert form_page.status_code == 200 and 'id="frontier-form"' in form_page.text
    assert 'href="/console/frontier" data-key="F"' in form_page.text
    assert answer.status_code == 200 and "X-Bulwark-Status" not in answer.headers, answer.text
    assert _weights(answer.text) == {
        w["asset"]: format(w["weight"] * 100, ".2f") for w in expected["weights"]
    }
    portfolio = expected["portfolio"]
    assert f'id="portfolio-volatility">{portfolio["volatility"] * 100:.2f} %' in answer.text
    assert f'id="portfolio-return">{portfolio["expected_return"] * 100:.2f} %' in answer.text
    chart = chart_data(answer.text, "data-frontier-chart")
    frontier = chart["frontier"]
    assert len(frontier) >= 3
    assert frontier[0] == [round(portfolio["volatility"] * 100, 6)] * 1 + [frontier[0][1]]
    assert [p[1] for p in frontier] == sorted(p[1] for p in frontier)  # efficient: rises
    assert chart["chosen"][0] == round(portfolio["volatility"] * 100, 6)
    assert [a["name"] for a in chart["assets"]] == symbols


async def test_bad_fields_are_shown_beside_them(market: Harness, owner: User) -> None:
    async with signed_in(market, owner.username) as client:
        typed = await client.htmx("POST", PAGE, data={**FORM, "days": "5", "risk_free_rate": "x"})
        unknown = await client.htmx("POST", PAGE, data={**FORM, "symbols": "AAPL NOPE"})
        refused = await client.htmx("POST", PAGE, data={**FORM, "max_weight": "0.2"})
        plain = await client.post(PAGE, {**FORM, "max_weight": "0.2"})

    assert real_status(typed) == 422 and typed.headers["X-Bulwark-Code"] == "VALIDATION_ERROR"
    assert 'data-field="days"' in typed.text and 'data-field="risk_free_rate"' in typed.text
    assert real_status(unknown) == 422 and 'data-field="symbols"' in unknown.text
    assert "NOPE" in unknown.text
    assert real_status(refused) == 422
    assert refused.headers["X-Bulwark-Code"] == "WEIGHT_BOUNDS_INFEASIBLE"
    assert 'data-field="max_weight"' in refused.text and 'id="weights"' not in refused.text
    assert plain.status_code == 422 and "<h1>Efficient frontier</h1>" in plain.text


async def test_a_viewer_may_optimise(market: Harness) -> None:
    viewer = await market.user(Role.VIEWER)

    async with signed_in(market, viewer.username) as client:
        answer = await client.htmx("POST", PAGE, data=FORM)

    assert answer.status_code == 200 and 'id="weights"' in answer.text
