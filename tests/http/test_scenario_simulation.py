"""POST /api/v1/risk/scenario-simulation: regime-switching Monte Carlo VaR of a portfolio."""

from __future__ import annotations

import math
from statistics import NormalDist
from typing import Any

import numpy as np
import pytest

from tests.http.core_helpers import assert_problem, field_names, harness_with
from tests.http.harness import Harness, User
from tests.http.ledger_helpers import buy, deposit, portfolio_with
from tests.http.risk_helpers import fat_tailed_account, hold, store_closes

pytestmark = [pytest.mark.serves("analytics", "portfolio"), pytest.mark.shares_app()]

SCENARIO = "/api/v1/risk/scenario-simulation"
NORMAL = NormalDist()
STAY = [[1.0, 0.0, 0.0, 0.0], [0.0, 1.0, 0.0, 0.0], [0.0, 0.0, 1.0, 0.0], [0.0, 0.0, 0.0, 1.0]]
# One regime for good (bull), Gaussian shocks, no jumps, no black swans: a lognormal horizon.
LOGNORMAL = {
    "transition": STAY,
    "normal_shocks": True,
    "jump_intensity": 0.0,
    "black_swan_probability": 0.0,
    "regimes": {"bull": {"drift": 0.10, "volatility": 0.20}},
}


def rows_by(body: dict[str, Any]) -> dict[tuple[str, float], dict[str, Any]]:
    return {(row["method"], row["confidence"]): row for row in body["risk"]}


async def test_a_single_lognormal_regime_gives_the_analytic_var(roomy: Harness) -> None:
    # Arrange: one asset, 21 trading days, 20 000 paths (antithetic pairs).
    owner = await roomy.user()
    body = {
        "weights": [1.0],
        "model": LOGNORMAL,
        "initial_regime": "bull",
        "paths": 20_000,
        "steps": 21,
        "seed": 7,
        "portfolio_value": "1000000",
    }

    # Act
    response = await roomy.client.post(SCENARIO, json=body, headers=owner.headers)

    # Assert: R = exp(N((mu - sigma^2 / 2) T, sigma^2 T)) - 1, VaR_c = -(exp(m + z_(1-c) s) - 1)
    assert response.status_code == 200, response.text
    out = response.json()
    horizon = 21 / 252
    m, s = (0.10 - 0.02) * horizon, 0.20 * math.sqrt(horizon)
    rows = rows_by(out)
    for c in (0.95, 0.99):
        q = m + NORMAL.inv_cdf(1 - c) * s
        analytic = -math.expm1(q)
        density = NORMAL.pdf(NORMAL.inv_cdf(1 - c)) / (s * math.exp(q))  # of R at its quantile
        quantile_se = math.sqrt(c * (1 - c) / 20_000) / density
        assert rows["historical", c]["var"] == pytest.approx(analytic, abs=5 * quantile_se)
        assert rows["cornish_fisher", c]["var"] == pytest.approx(analytic, abs=5 * quantile_se)
        assert rows["historical", c]["cvar"] >= rows["historical", c]["var"]
        assert rows["historical", c]["var_amount"] is not None
    assert out["regime_occupancy"] == {"bull": 1.0, "bear": 0.0, "volatile": 0.0, "stable": 0.0}
    assert out["black_swan_share"] == 0.0
    assert out["regime_source"] == "given"
    assert out["compute"]["runner"] == "ComputeBudget"
    assert out["compute"]["backend"] == "cpu"  # the container's choice without a GPU
    fan = out["fan_chart"]
    assert fan["steps"][0] == 0 and fan["steps"][-1] == 21
    assert len(fan["values"]) == len(fan["levels"]) == 5
    assert all(v == pytest.approx(1.0) for v in (row[0] for row in fan["values"]))
    expected_mean = math.expm1(0.10 * horizon)
    assert out["mean_return"] == pytest.approx(
        expected_mean, abs=5 * out["mean_return_standard_error"]
    )


async def test_the_default_model_runs_from_the_detected_regime(roomy: Harness) -> None:
    # Arrange: 260 closes rising 0.1% a day with a small wobble: a calm, trending market.
    owner = await roomy.user()
    prices = [100.0 * 1.001**i * (1 + 0.002 * (-1) ** i) for i in range(260)]

    # Act
    response = await roomy.client.post(
        SCENARIO,
        json={"weights": [0.5, 0.3, 0.2], "prices": prices, "paths": 2000, "steps": 10},
        headers=owner.headers,
    )

    # Assert
    assert response.status_code == 200, response.text
    out = response.json()
    assert out["regime_source"] == "detected"
    assert out["detected_regime"]["label"] == out["initial_regime"] == "bull"
    assert out["detected_regime"]["observations"] == 260
    assert sum(out["regime_occupancy"].values()) == pytest.approx(1.0)
    assert out["assets"] == ["asset_0", "asset_1", "asset_2"]
    assert out["portfolio_value"] is None


async def test_without_a_regime_the_run_starts_in_the_stationary_mode(roomy: Harness) -> None:
    # Arrange
    owner = await roomy.user()

    # Act
    response = await roomy.client.post(
        SCENARIO, json={"weights": [1.0], "paths": 500, "steps": 5}, headers=owner.headers
    )

    # Assert: the default chain spends most of its time in bull markets.
    assert response.status_code == 200, response.text
    assert response.json()["regime_source"] == "stationary"
    assert response.json()["initial_regime"] == "bull"


async def test_the_same_seed_gives_the_same_answer(roomy: Harness) -> None:
    # Arrange
    owner = await roomy.user()
    body = {"weights": [0.7, 0.3], "paths": 1000, "steps": 5, "seed": 3}

    # Act
    first = await roomy.client.post(SCENARIO, json=body, headers=owner.headers)
    second = await roomy.client.post(SCENARIO, json=body, headers=owner.headers)

    # Assert
    assert first.status_code == 200, first.text
    assert first.json()["risk"] == second.json()["risk"]


async def test_an_owned_account_is_weighted_by_its_positions(roomy: Harness) -> None:
    # Arrange: AAPL 100 x 190 = 19 000 and MSFT 50 x 410 = 20 500 -> 39 500 invested.
    owner = await roomy.user()
    await roomy.instrument("AAPL", "190")
    await roomy.instrument("MSFT", "410")
    account = await roomy.account(owner, "acc-sim")
    await hold(roomy, account, "AAPL", "100", "190")
    await hold(roomy, account, "MSFT", "50", "410")

    # Act
    response = await roomy.client.post(
        SCENARIO, json={"account_id": account, "paths": 500, "steps": 5}, headers=owner.headers
    )

    # Assert
    assert response.status_code == 200, response.text
    out = response.json()
    assert out["assets"] == ["AAPL", "MSFT"]
    assert out["weights"] == pytest.approx([19_000 / 39_500, 20_500 / 39_500])
    assert out["portfolio_value"] == "39500.00"


async def test_another_users_account_is_404(roomy: Harness) -> None:
    # Arrange
    owner, stranger = await roomy.user(), await roomy.user()
    account = await roomy.account(owner, "acc-not-yours")

    # Act
    response = await roomy.client.post(
        SCENARIO, json={"account_id": account}, headers=stranger.headers
    )

    # Assert
    assert_problem(response, 404, "NOT_FOUND")


def one_asset(**model: Any) -> dict[str, Any]:
    return {"weights": [1.0], "model": model}


def two_assets(**model: Any) -> dict[str, Any]:
    return {"weights": [0.5, 0.5], "model": model}


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"weights": [1.0], "paths": 1_000_000, "steps": 11}, "paths"),
        ({"weights": [1.0], "paths": 50}, "paths"),
        ({"weights": [1.0], "steps": 0}, "steps"),
        ({"weights": [1 / 51] * 51}, "weights"),
        ({"weights": [0.5, 0.4]}, "weights"),
        ({"weights": [0.5, "NaN"]}, "weights[1]"),
        ({"weights": [1.0], "account_id": "acc"}, "weights"),
        ({}, "weights"),
        ({"weights": [1.0], "confidence_levels": [1.0]}, "confidence_levels[0]"),
        ({"weights": [1.0], "model": {"transition": [[1.0]]}}, "model.transition"),
        ({"weights": [1.0], "model": {"student_t_dof": 2.0}}, "model.student_t_dof"),
        (one_asset(black_swan_probability=1.0), "model.black_swan_probability"),
        (two_assets(regimes={"bear": {"drift": [0.1]}}), "model.regimes.bear.drift"),
        (one_asset(regimes={"bull": {"volatility": -0.1}}), "model.regimes.bull.volatility"),
        (one_asset(regimes={"bull": {"drift": 1e300}}), "model.regimes.bull.drift"),
        (one_asset(jump_intensity=1e9), "model.jump_intensity"),
        (one_asset(black_swan_return=-1e300), "model.black_swan_return"),
        ({"weights": [1.0], "seed": -1}, "seed"),
        ({"weights": [0.5, 0.5], "model": {"correlation": 1.5}}, "model.correlation"),
        ({"weights": [1.0], "prices": [100.0] * 20}, "prices"),
    ],
)  # fmt: skip
async def test_bad_input_is_422_naming_the_field(
    harness: Harness, owner: User, body: dict[str, Any], field: str
) -> None:
    # Act
    response = await harness.client.post(SCENARIO, json=body, headers=owner.headers)

    # Assert
    assert field_names(assert_problem(response, 422, "INVALID_RISK_INPUT")) == {field}


async def test_a_big_run_past_the_time_budget_is_503_with_retry_after() -> None:
    # Arrange: 1 ms of budget for 10,000,000 path-steps.
    async with harness_with(compute_budget_s="0.001") as harness:
        user = await harness.user()
        body = {"weights": [1.0], "paths": 200_000, "steps": 50}

        # Act
        response = await harness.client.post(SCENARIO, json=body, headers=user.headers)

    # Assert
    assert_problem(response, 503, "COMPUTE_TIME_BUDGET")
    assert int(response.headers["Retry-After"]) >= 1


# -- calibration to stored history and the measured variance reduction -------------------------


async def test_an_accounts_run_is_fitted_to_its_stored_bars(roomy: Harness) -> None:
    # Arrange: 120 days of fat-tailed (t with 3 degrees of freedom) returns of two held symbols
    owner = await roomy.user()
    account, returns, days = await fat_tailed_account(roomy, owner, "acc-fit")

    # Act
    response = await roomy.client.post(
        SCENARIO, json={"account_id": account, "paths": 2000, "steps": 10, "seed": 4},
        headers=owner.headers,
    )  # fmt: skip

    # Assert: the fit, named and dated, and the model it set
    assert response.status_code == 200, response.text
    out = response.json()
    fit = out["calibration"]
    assert (fit["status"], fit["reason"], fit["observations"]) == ("fitted", None, 120)
    assert (fit["first_day"], fit["last_day"]) == (str(days[0]), str(days[-1]))
    for asset, symbol in zip(fit["assets"], ("FITA", "FITB"), strict=True):
        series = returns[symbol]
        vol = series.std(ddof=1) * math.sqrt(252)
        assert asset["symbol"] == symbol
        assert asset["volatility"] == pytest.approx(vol)
        assert asset["drift"] == pytest.approx(252 * series.mean() + vol**2 / 2)
        assert asset["fit"]["ks_normal"]["statistic"] > asset["fit"]["ks_student_t"]["statistic"]
    matrix = np.column_stack([returns["FITA"], returns["FITB"]])
    assert fit["correlation"][0][1] == pytest.approx(np.corrcoef(matrix, rowvar=False)[0, 1])
    assert fit["portfolio"]["fat_tails"] is True
    assert fit["student_t_dof"] == fit["portfolio"]["student_t_dof"]
    assert out["regime_source"] == "calibrated" and out["initial_regime"] == "calibrated"
    assert out["regime_occupancy"] == {"calibrated": 1.0}
    assert out["black_swan_paths"] == 0
    reduction = out["variance_reduction"]
    assert reduction["antithetic_standard_error"] == out["mean_return_standard_error"]
    assert reduction["control_variate"]["variance_ratio"] > 1.0
    assert reduction["combined_variance_ratio"] > reduction["antithetic_variance_ratio"]
    tails = reduction["importance_sampling"]["tails"]
    assert [t["confidence"] for t in tails] == [0.95, 0.99]
    assert tails[1]["variance_ratio"] > 1.0


async def test_a_short_history_falls_back_to_the_default_model_and_says_why(
    roomy: Harness,
) -> None:
    # Arrange: 30 days of bars only
    owner = await roomy.user()
    await roomy.instrument("SHRT", "190")
    account = await roomy.account(owner, "acc-short")
    await hold(roomy, account, "SHRT", "100", "190")
    await store_closes(roomy, {"SHRT": np.random.default_rng(2).normal(0, 0.01, 30)})

    # Act
    response = await roomy.client.post(
        SCENARIO, json={"account_id": account, "paths": 500, "steps": 5}, headers=owner.headers
    )

    # Assert
    assert response.status_code == 200, response.text
    out = response.json()
    assert out["calibration"]["status"] == "fallback"
    assert out["calibration"]["reason"] == (
        "30 daily returns common to every asset; at least 60 needed to fit the model"
    )
    assert out["calibration"]["assets"] is None
    assert out["regime_source"] == "stationary"
    assert set(out["regime_occupancy"]) == {"bull", "bear", "volatile", "stable"}


async def test_named_symbols_are_fitted_unless_the_model_is_chosen(roomy: Harness) -> None:
    # Arrange
    owner = await roomy.user()
    rng = np.random.default_rng(5)
    await store_closes(roomy, {"XLF": rng.normal(0, 0.01, 80), "XLE": rng.normal(0, 0.015, 80)})
    body = {"weights": [0.5, 0.5], "symbols": ["XLF", "XLE"], "paths": 500, "steps": 5}

    # Act
    fitted = await roomy.client.post(SCENARIO, json=body, headers=owner.headers)
    chosen = await roomy.client.post(
        SCENARIO, json={**body, "initial_regime": "bear"}, headers=owner.headers
    )
    unnamed = await roomy.client.post(
        SCENARIO, json={"weights": [1.0], "paths": 500, "steps": 5}, headers=owner.headers
    )

    # Assert
    assert fitted.status_code == chosen.status_code == unnamed.status_code == 200
    assert fitted.json()["assets"] == ["XLF", "XLE"]
    assert fitted.json()["calibration"]["observations"] == 80
    assert chosen.json()["calibration"]["status"] == "not_requested"
    assert chosen.json()["calibration"]["reason"] == (
        "the regime model was chosen (initial_regime given)"
    )
    assert chosen.json()["initial_regime"] == "bear"
    assert unnamed.json()["calibration"]["status"] == "not_requested"


async def test_a_portfolios_run_is_its_holdings_weights_fitted_to_their_stored_bars(
    roomy: Harness,
) -> None:
    # Arrange: PFA 10 x 100 = 1,000 and PFB 30 x 100 = 3,000 at reference prices (cash out)
    owner, stranger = await roomy.user(), await roomy.user()
    await roomy.instrument("PFA", "100")
    await roomy.instrument("PFB", "100")
    mine = await portfolio_with(
        roomy, owner, deposit("10000"), buy("PFA", "10", "90"), buy("PFB", "30", "95")
    )
    rng = np.random.default_rng(8)
    await store_closes(roomy, {"PFA": rng.normal(0, 0.01, 90), "PFB": rng.normal(0, 0.02, 90)})
    run = {"paths": 1000, "steps": 10, "seed": 2}

    # Act
    held = await roomy.client.post(
        SCENARIO, json={"portfolio_id": mine, **run}, headers=owner.headers
    )
    posted = await roomy.client.post(
        SCENARIO, json={"weights": [0.25, 0.75], "symbols": ["PFA", "PFB"], **run},
        headers=owner.headers,
    )  # fmt: skip
    theirs = await roomy.client.post(
        SCENARIO, json={"portfolio_id": mine, **run}, headers=stranger.headers
    )
    both = await roomy.client.post(
        SCENARIO, json={"portfolio_id": mine, "weights": [1.0]}, headers=owner.headers
    )

    # Assert: the same run as the holdings' weights posted with their symbols
    assert held.status_code == 200, held.text
    out = held.json()
    assert (out["portfolio_id"], out["assets"], out["left_out"]) == (mine, ["PFA", "PFB"], [])
    assert out["weights"] == pytest.approx([0.25, 0.75])
    assert out["portfolio_value"] == "4000.00"
    assert out["calibration"]["status"] == "fitted"
    assert out["calibration"]["observations"] == 90
    assert out["calibration"] == posted.json()["calibration"]
    assert out["fan_chart"] == posted.json()["fan_chart"]
    assert_problem(theirs, 404, "PORTFOLIO_NOT_FOUND")
    assert field_names(assert_problem(both, 422, "INVALID_RISK_INPUT")) == {"weights"}


async def test_the_lognormal_run_measures_its_variance_reduction(roomy: Harness) -> None:
    # Arrange: one lognormal asset, E[R] = exp(mu T) - 1, P(R <= q_c) = 1 - c
    owner = await roomy.user()
    body = {
        "weights": [1.0], "model": LOGNORMAL, "initial_regime": "bull", "paths": 4000,
        "steps": 21, "seed": 3,
    }  # fmt: skip

    # Act
    response = await roomy.client.post(SCENARIO, json=body, headers=owner.headers)

    # Assert
    assert response.status_code == 200, response.text
    reduction = response.json()["variance_reduction"]
    horizon = 21 / 252
    cv = reduction["control_variate"]
    assert cv["estimate"] == pytest.approx(math.expm1(0.10 * horizon), abs=3 * cv["standard_error"])
    assert reduction["antithetic_variance_ratio"] > 10  # nearly linear in the normals
    assert reduction["combined_variance_ratio"] > reduction["antithetic_variance_ratio"]
    m, s = (0.10 - 0.02) * horizon, 0.20 * math.sqrt(horizon)
    for tail in reduction["importance_sampling"]["tails"]:
        exact = NORMAL.cdf((math.log1p(-tail["threshold"]) - m) / s)  # P(loss >= threshold)
        assert tail["probability"] == pytest.approx(exact, abs=3 * tail["standard_error"])
    assert reduction["importance_sampling"]["tails"][1]["variance_ratio"] > 2


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"weights": [0.5, 0.5], "symbols": ["A"]}, "symbols"),
        ({"weights": [0.5, 0.5], "symbols": ["A", "A"]}, "symbols"),
        ({"weights": [1.0], "initial_regime": "calibrated"}, "initial_regime"),
    ],
)
async def test_bad_calibration_input_is_422(
    harness: Harness, owner: User, body: dict[str, Any], field: str
) -> None:
    response = await harness.client.post(SCENARIO, json=body, headers=owner.headers)

    assert field_names(assert_problem(response, 422, "INVALID_RISK_INPUT")) == {field}
