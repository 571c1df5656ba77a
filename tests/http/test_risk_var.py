"""POST /api/v1/risk/var: VaR / CVaR of a posted series or of an account's stored returns."""

from __future__ import annotations

import math
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from statistics import NormalDist
from typing import Any

import numpy as np
import pytest

from tests.http.core_helpers import assert_problem, field_names, harness_with
from tests.http.harness import Harness, User
from tests.kit.equity import cash_snapshot

pytestmark = pytest.mark.serves("analytics")

VAR = "/api/v1/risk/var"
NORMAL = NormalDist()
D = Decimal


def rows_by(body: dict[str, Any]) -> dict[tuple[str, float], dict[str, Any]]:
    return {(row["method"], row["confidence"]): row for row in body["risk"]}


def normal_sample(n: int, mean: float, std: float, seed: int = 11) -> list[float]:
    return [float(x) for x in np.random.default_rng(seed).normal(mean, std, size=n)]


async def test_a_normal_sample_gives_the_analytic_quantile(harness: Harness, owner: User) -> None:
    # Arrange: 20 000 seeded N(0.0005, 0.01^2) daily returns.
    n, mu, sigma = 20_000, 0.0005, 0.01
    sample = normal_sample(n, mu, sigma)

    # Act
    response = await harness.client.post(VAR, json={"returns": sample}, headers=owner.headers)

    # Assert
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["observations"] == n
    assert body["unit"] == "fraction"
    rows = rows_by(body)
    for c in (0.95, 0.99):
        analytic = NORMAL.inv_cdf(c) * sigma - mu
        # the sample quantile's standard error: sqrt(p (1 - p) / n) / f(q)
        density = NORMAL.pdf(NORMAL.inv_cdf(c)) / sigma
        quantile_se = math.sqrt(c * (1 - c) / n) / density
        assert rows["historical", c]["var"] == pytest.approx(analytic, abs=4 * quantile_se)
        # parametric: z sigma_hat - mu_hat; its standard error sigma sqrt(1/n + z^2 / (2n))
        z = NORMAL.inv_cdf(c)
        parametric_se = sigma * math.sqrt(1 / n + z * z / (2 * n))
        assert rows["parametric_normal", c]["var"] == pytest.approx(analytic, abs=4 * parametric_se)
        assert rows["cornish_fisher", c]["var"] == pytest.approx(analytic, abs=4 * quantile_se)
        analytic_es = sigma * NORMAL.pdf(NORMAL.inv_cdf(c)) / (1 - c) - mu
        assert rows["parametric_normal", c]["cvar"] == pytest.approx(analytic_es, rel=0.02)
        assert rows["historical", c]["cvar"] == pytest.approx(analytic_es, rel=0.05)
    # A normal sample has no fat tail: skewness and excess kurtosis near 0.
    assert abs(body["moments"]["skewness"]) < 0.1
    assert abs(body["moments"]["excess_kurtosis"]) < 0.2
    assert body["tail_index"]["k"] == math.isqrt(body["tail_index"]["losses"])
    assert body["conventions"]["horizon"].startswith("h-day figure")


async def test_the_horizon_scales_by_the_square_root_of_time(harness: Harness, owner: User) -> None:
    # Arrange
    sample = normal_sample(500, 0.0, 0.02)

    # Act
    response = await harness.client.post(
        VAR, json={"returns": sample, "horizon_days": 10}, headers=owner.headers
    )

    # Assert
    assert response.status_code == 200, response.text
    for row in response.json()["risk"]:
        assert row["var"] == pytest.approx(row["one_period_var"] * math.sqrt(10), abs=1e-9)
        assert row["cvar"] == pytest.approx(row["one_period_cvar"] * math.sqrt(10), abs=1e-9)


async def test_returns_with_a_portfolio_value_and_pnl_in_money(
    harness: Harness, owner: User
) -> None:
    # Arrange: losses 1..20 percent and gains; the P&L is the same on 1 000 000.
    returns = [-(i + 1) / 100 for i in range(20)] + [0.01] * 80
    pnl = [r * 1_000_000 for r in returns]

    # Act
    as_returns = await harness.client.post(
        VAR,
        json={"returns": returns, "portfolio_value": "1000000", "methods": ["historical"]},
        headers=owner.headers,
    )
    as_pnl = await harness.client.post(
        VAR, json={"pnl": pnl, "methods": ["historical"]}, headers=owner.headers
    )

    # Assert: k = ceil(100 * 0.05) = 5 -> the 5th worst, -0.16; CVaR mean of 0.20 ... 0.16
    assert as_returns.status_code == 200, as_returns.text
    row = rows_by(as_returns.json())["historical", 0.95]
    assert row["var"] == pytest.approx(0.16)
    assert row["cvar"] == pytest.approx(0.18)
    assert D(row["var_amount"]) == D("160000.00")
    money = rows_by(as_pnl.json())["historical", 0.95]
    assert as_pnl.json()["unit"] == "money"
    assert money["var"] == pytest.approx(160_000)
    assert D(money["cvar_amount"]) == D("180000.00")


@pytest.mark.parametrize(
    ("body", "code", "field"),
    [
        ({"returns": [0.01, 0.02, "NaN"] + [0.0] * 10}, "INVALID_RISK_INPUT", "returns[2]"),
        ({"returns": ["Infinity"] + [0.0] * 10}, "INVALID_RISK_INPUT", "returns[0]"),
        ({"pnl": [1.0] * 10 + ["-Infinity"]}, "INVALID_RISK_INPUT", "pnl[10]"),
        ({"returns": ["abc"] + [0.0] * 10}, "INVALID_RISK_INPUT", "returns[0]"),
        ({"returns": [0.01] * 9}, "INSUFFICIENT_RETURNS", "returns"),
        ({"returns": [1e308, -1e308] * 6}, "INVALID_RISK_INPUT", "returns[0]"),
        ({"pnl": [1.0] * 11 + [-1e300]}, "INVALID_RISK_INPUT", "pnl[11]"),
        (
            {"returns": [0.01] * 20, "confidence_levels": [0.95, 1.0]},
            "INVALID_RISK_INPUT",
            "confidence_levels[1]",
        ),
        (
            {"returns": [0.01] * 20, "confidence_levels": [0.5]},
            "INVALID_RISK_INPUT",
            "confidence_levels[0]",
        ),
        (
            {"returns": [0.01] * 20, "confidence_levels": []},
            "INVALID_RISK_INPUT",
            "confidence_levels",
        ),
        ({"returns": [0.01] * 20, "horizon_days": 0}, "INVALID_RISK_INPUT", "horizon_days"),
        ({"returns": [0.01] * 20, "pnl": [1.0] * 20}, "INVALID_RISK_INPUT", "pnl"),
        ({}, "INVALID_RISK_INPUT", "returns"),
        (
            {"account_id": "acc", "portfolio_value": "1000"},
            "INVALID_RISK_INPUT",
            "portfolio_value",
        ),
        (
            {"pnl": [1.0] * 20, "portfolio_value": "1000"},
            "INVALID_RISK_INPUT",
            "portfolio_value",
        ),
    ],
)
async def test_bad_input_is_422_naming_the_field(
    harness: Harness, owner: User, body: dict[str, Any], code: str, field: str
) -> None:
    # Act
    response = await harness.client.post(VAR, json=body, headers=owner.headers)

    # Assert
    assert field_names(assert_problem(response, 422, code)) == {field}


async def test_more_than_a_million_points_is_422_naming_the_series(owner_headers_big: Any) -> None:
    # Arrange: a body limit large enough for the points (the default 1 MiB would refuse first).
    harness, headers = owner_headers_big
    body = b'{"returns":[' + b",".join([b"0"] * 1_000_001) + b"]}"

    # Act
    response = await harness.client.post(
        VAR, content=body, headers={**headers, "Content-Type": "application/json"}
    )

    # Assert
    assert field_names(assert_problem(response, 422, "INVALID_RISK_INPUT")) == {"returns"}


@pytest.fixture
async def owner_headers_big() -> Any:
    async with harness_with(max_body_bytes="4194304") as harness:
        user = await harness.user()
        yield harness, user.headers


async def test_a_large_sample_past_the_time_budget_is_503_with_retry_after() -> None:
    # Arrange: a budget of 1 ms and 480 000 outcomes (above the 100 000 that go to the
    # budget): far more work than the budget, so the work cannot finish before the event loop
    # sees the deadline (a smaller sample sometimes did, on a quiet machine).
    async with harness_with(compute_budget_s="0.001", max_body_bytes="4194304") as harness:
        user = await harness.user()
        sample = [0.01, -0.02, 0.003, -0.004] * 120_000

        # Act
        response = await harness.client.post(VAR, json={"returns": sample}, headers=user.headers)

    # Assert
    assert_problem(response, 503, "COMPUTE_TIME_BUDGET")
    assert int(response.headers["Retry-After"]) >= 1


# -- an account's stored returns ------------------------------------------------------------


async def store_days(harness: Harness, account_id: str, equities: list[float]) -> None:
    """One snapshot a day from 2026-01-05, no flows: the daily returns are equity ratios."""
    history = harness.container.trading.equity_history()
    start = date(2026, 1, 5)
    for offset, equity in enumerate(equities):
        day = start + timedelta(days=offset)
        await history.upsert(cash_snapshot(account_id, day, D(repr(equity))))
    last = start + timedelta(days=len(equities) - 1)
    harness.clock.set(datetime(last.year, last.month, last.day, 22, tzinfo=UTC))


async def test_an_owned_account_uses_its_stored_returns(harness: Harness) -> None:
    # Arrange: 31 days of equity, 30 daily returns; amounts on the account's equity.
    owner = await harness.user()
    account = await harness.account(owner, "acc-var", cash="1000000")
    equities = [1_000_000.0 * (1 + 0.01 * math.sin(i)) for i in range(31)]
    await store_days(harness, account, equities)
    headers = {"Authorization": f"Bearer {(await harness.login(owner.username))['access_token']}"}

    # Act
    response = await harness.client.post(VAR, json={"account_id": account}, headers=headers)

    # Assert
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["source"] == "stored"
    assert body["observations"] == 30
    assert D(body["portfolio_value"]) == D("1000000")
    returns = np.array(equities[1:]) / np.array(equities[:-1]) - 1
    expected = -np.sort(returns)[math.ceil(30 * 0.05) - 1]
    assert rows_by(body)["historical", 0.95]["var"] == pytest.approx(expected, rel=1e-9, abs=1e-10)


async def test_another_users_account_is_404(harness: Harness) -> None:
    # Arrange
    owner, stranger = await harness.user(), await harness.user()
    account = await harness.account(owner, "acc-mine")

    # Act
    response = await harness.client.post(
        VAR, json={"account_id": account}, headers=stranger.headers
    )

    # Assert
    assert_problem(response, 404, "NOT_FOUND")


async def test_an_account_without_enough_stored_returns_is_422(harness: Harness) -> None:
    # Arrange
    owner = await harness.user()
    account = await harness.account(owner, "acc-new")

    # Act
    response = await harness.client.post(VAR, json={"account_id": account}, headers=owner.headers)

    # Assert
    assert field_names(assert_problem(response, 422, "INSUFFICIENT_RETURNS")) == {"account_id"}
