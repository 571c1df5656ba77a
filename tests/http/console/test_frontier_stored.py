"""`/console/frontier` on a stored portfolio or account: every method the API offers, with
its own fields and the constraints (bounds, sectors, turnover, tracking error); the weights
and measures shown are POST /api/v1/analytics/optimization's with the same portfolio_id /
account_id and range; another user's portfolio or account answers the not-found page; a
field the form or the use case refuses is shown beside it."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from typing import Any

import pytest

from domain.analytics.optimization.problem import Method
from domain.market_data.bars import Timeframe
from tests.http.console.helpers import real_status, signed_in
from tests.http.harness import Harness
from tests.http.ledger_helpers import buy, deposit, portfolio_with
from tests.http.risk_helpers import hold
from tests.http.shared_app import SharedApp, seeded_world, shared_for
from tests.kit.backtests import series_of

pytestmark = pytest.mark.shares_app(bars_store="memory")

PAGE = "/console/frontier"
OPTIMIZE = "/api/v1/analytics/optimization"
RANGE = {"start": "2020-01-01", "end": "2020-06-30"}
BLANK = {"symbols": "", "days": "", "risk_free_rate": "0", "long_only": "on",
         "covariance_estimator": "ledoit_wolf"}  # fmt: skip


async def stored_bars(harness: Harness) -> None:
    """T0, T1, T2's daily bars (80 weekdays from 2020-01-01) in the memory bar store: T0 and T1
    in Tech, T2 in Energy."""
    store = harness.container.market_data.bar_store()
    for symbol, bars in series_of(symbols=3, bars=80).items():
        await store.write_series(symbol, Timeframe.D1, bars)
    for symbol, price, sector in (("T0", "100", "Tech"), ("T1", "50", "Tech"),
                                  ("T2", "25", "Energy")):  # fmt: skip
        await harness.instrument(symbol, price, sector=sector)


@pytest.fixture
async def stored(
    request: pytest.FixtureRequest, shared_app: SharedApp | None
) -> AsyncIterator[Harness]:
    """The module's app (its bar store in memory) with `stored_bars`, which no test changes."""
    async with seeded_world(
        shared_for(request, shared_app), stored_bars, bars_store="memory"
    ) as harness:
        yield harness


def shown_weights(text: str) -> dict[str, float]:
    rows = re.findall(
        r'<tr class="weight" data-asset="(\w+)">.*?<td class="num">([^<]*)</td>', text
    )
    return {asset: float(weight) for asset, weight in rows}


async def api(harness: Harness, user: Any, body: dict[str, Any]) -> dict[str, Any]:
    answer = await harness.client.post(
        OPTIMIZE, json={"risk_free_rate": 0.0, **RANGE, **body}, headers=user.headers
    )
    assert answer.status_code == 200, answer.text
    out: dict[str, Any] = answer.json()
    return out


def api_weights(out: dict[str, Any]) -> dict[str, float]:
    return {w["asset"]: round(w["weight"] * 100, 2) for w in out["weights"]}


async def test_a_portfolio_under_constraints_is_the_apis(stored: Harness) -> None:
    # Arrange: T0 10 x 100 = 1,000 and T1 60 x 50 = 3,000: current weights 25 % / 75 %
    owner = await stored.user()
    mine = await portfolio_with(
        stored, owner, deposit("100000"), buy("T0", "10", "90"), buy("T1", "60", "40")
    )
    form = {**BLANK, **RANGE, "portfolio_id": mine, "method": "min_variance",
            "bounds": "T0 0.1 0.6\nT1 - 0.8", "max_turnover": "0.3",
            "benchmark": "T0 0.5, T1 0.5", "max_tracking_error": "0.2"}  # fmt: skip
    body = {"method": "min_variance", "portfolio_id": mine, "max_turnover": 0.3,
            "bounds": {"T0": {"min": 0.1, "max": 0.6}, "T1": {"max": 0.8}},
            "benchmark": {"T0": 0.5, "T1": 0.5}, "max_tracking_error": 0.2}  # fmt: skip

    # Act
    async with signed_in(stored, owner.username) as client:
        page = await client.get(PAGE)
        answer = await client.htmx("POST", PAGE, data=form)
    out = await api(stored, owner, body)

    # Assert: the API's weights, turnover and tracking error, the holdings' current weights
    assert f'<option value="{mine}">portfolio Main</option>' in page.text
    assert answer.status_code == 200 and "X-Bulwark-Status" not in answer.headers, answer.text
    assert shown_weights(answer.text) == api_weights(out)
    assert re.findall(r'<td class="num current">([^<]*)</td>', answer.text) == ["25.00", "75.00"]
    portfolio = out["portfolio"]
    assert f'id="turnover">{portfolio["turnover"] * 100:.2f} %' in answer.text
    assert f'id="tracking-error">{portfolio["tracking_error"] * 100:.2f} %' in answer.text
    assert f'id="portfolio-volatility">{portfolio["volatility"] * 100:.2f} %' in answer.text
    assert f"portfolio {mine}, the bar store's closes 2020-01-01 to 2020-06-30" in answer.text


ACCOUNT_CASES = [
    ({"method": "black_litterman", "views": "T0 = 0.12\nT1 1, T2 -1 = 0.02 0.6"},
     {"method": "black_litterman", "views": [
         {"weights": {"T0": 1}, "expected_return": 0.12},
         {"weights": {"T1": 1, "T2": -1}, "expected_return": 0.02, "confidence": 0.6}]}),
    ({"method": "min_tracking_error", "benchmark": "T0 0.2; T1 0.3; T2 0.5"},
     {"method": "min_tracking_error", "benchmark": {"T0": 0.2, "T1": 0.3, "T2": 0.5}}),
    ({"method": "mean_cvar", "target_return": "0.01", "confidence": "0.9"},
     {"method": "mean_cvar", "target_return": 0.01, "confidence": 0.9}),
    ({"method": "max_diversification", "sector_limits": "Tech 0 0.5"},
     {"method": "max_diversification", "sector_limits": {"Tech": {"min": 0, "max": 0.5}}}),
    ({"method": "risk_parity", "risk_budgets": "T0 0.5, T1 0.25, T2 0.25"},
     {"method": "risk_parity", "risk_budgets": {"T0": 0.5, "T1": 0.25, "T2": 0.25}}),
    ({"method": "inverse_volatility"}, {"method": "inverse_volatility"}),
]  # fmt: skip


@pytest.mark.parametrize(("form", "body"), ACCOUNT_CASES, ids=lambda c: str(c.get("method")))
async def test_an_accounts_methods_are_the_apis(
    stored: Harness, form: dict[str, str], body: dict[str, Any]
) -> None:
    # Arrange: T0 20 x 100, T1 40 x 50, T2 80 x 25: a third each
    owner = await stored.user()
    account = await stored.account(owner, "fr-acc")
    for symbol, quantity, price in (("T0", "20", "100"), ("T1", "40", "50"), ("T2", "80", "25")):
        await hold(stored, account, symbol, quantity, price)

    # Act
    async with signed_in(stored, owner.username) as client:
        page = await client.get(PAGE)
        answer = await client.htmx(
            "POST", PAGE, data={**BLANK, **RANGE, "account_id": account, **form}
        )
    out = await api(stored, owner, {"account_id": account, **body})

    # Assert
    assert f'<option value="{account}">' in page.text
    assert answer.status_code == 200 and "X-Bulwark-Status" not in answer.headers, answer.text
    assert shown_weights(answer.text) == api_weights(out)


async def test_the_form_offers_every_method_the_api_does(stored: Harness) -> None:
    owner = await stored.user()

    async with signed_in(stored, owner.username) as client:
        page = await client.get(PAGE)

    offered = re.findall(r'<option value="(\w+)"', page.text.split('name="method"')[1])
    assert offered[: len(Method)] == [m.value for m in Method] and len(Method) >= 11
    fields = ("bounds", "sector_limits", "sectors", "max_turnover", "benchmark",
              "max_tracking_error", "views", "risk_budgets", "target_return", "start")  # fmt: skip
    for name in fields:
        assert f'name="{name}"' in page.text


async def test_anothers_portfolio_or_account_is_the_not_found_page(stored: Harness) -> None:
    # Arrange
    owner, stranger = await stored.user(), await stored.user()
    mine = await portfolio_with(stored, owner, deposit("10000"), buy("T0", "10", "90"))
    account = await stored.account(owner, "fr-theirs")
    await hold(stored, account, "T0", "10", "100")
    common = {**BLANK, **RANGE, "method": "min_variance"}

    # Act
    async with signed_in(stored, stranger.username) as client:
        listing = await client.get(PAGE)
        by_portfolio = await client.post(PAGE, {**common, "portfolio_id": mine})
        by_account = await client.htmx("POST", PAGE, data={**common, "account_id": account})

    # Assert
    assert mine not in listing.text and account not in listing.text
    assert (
        by_portfolio.status_code == 404 and 'data-code="PORTFOLIO_NOT_FOUND"' in by_portfolio.text
    )
    assert real_status(by_account) == 404 and 'id="weights"' not in by_account.text


@pytest.mark.parametrize(
    ("typed", "field", "code"),
    [
        ({"views": "T0 is up"}, "views", "VALIDATION_ERROR"),
        ({"bounds": "T0 0"}, "bounds", "VALIDATION_ERROR"),
        ({"start": "someday"}, "start", "VALIDATION_ERROR"),
        ({"portfolio_id": "p-x"}, "account_id", "VALIDATION_ERROR"),
        ({"method": "min_tracking_error"}, "benchmark", "INVALID_OPTIMIZATION_INPUT"),
        ({"method": "hrp", "max_turnover": "0.1"}, "max_turnover", "CONSTRAINT_NOT_SUPPORTED"),
        ({"bounds": "T0 0.9 1\nT1 0.9 1"}, "bounds", "WEIGHT_BOUNDS_INFEASIBLE"),
        ({"start": "2019-01-01", "end": "2019-02-01"}, "start", "STORED_INPUTS_MISSING"),
    ],
)  # fmt: skip
async def test_a_refused_field_is_shown_beside_it(
    stored: Harness, typed: dict[str, str], field: str, code: str
) -> None:
    # Arrange
    owner = await stored.user()
    account = await stored.account(owner, "fr-bad")
    await hold(stored, account, "T0", "10", "100")
    await hold(stored, account, "T1", "10", "50")
    form = {**BLANK, **RANGE, "account_id": account, "method": "min_variance", **typed}

    # Act
    async with signed_in(stored, owner.username) as client:
        answer = await client.htmx("POST", PAGE, data=form)

    # Assert
    assert real_status(answer) == 422, answer.text
    assert answer.headers["X-Bulwark-Code"] == code
    assert f'data-field="{field}"' in answer.text and 'id="weights"' not in answer.text
