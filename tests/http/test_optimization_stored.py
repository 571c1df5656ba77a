"""POST /api/v1/analytics/optimization on stored holdings: a ledger portfolio's or a trading
account's positions give the assets and the current weights, the bar store their closes;
another owner's id is 404; constraints and the new methods answer over HTTP, and an
infeasible combination is a problem document, never a 500."""

from __future__ import annotations

from collections.abc import AsyncIterator

import numpy as np
import pytest

from domain.market_data.bars import Timeframe
from tests.http.core_helpers import assert_problem, harness_with
from tests.http.harness import Harness
from tests.http.ledger_helpers import buy, deposit, portfolio_with
from tests.http.risk_helpers import hold
from tests.kit.backtests import series_of

pytestmark = pytest.mark.serves("analytics", "portfolio")

OPTIMIZE = "/api/v1/analytics/optimization"
BARS = 80  # weekdays from 2020-01-01
RANGE = {"start": "2020-01-01", "end": "2020-06-30"}


@pytest.fixture
async def stored() -> AsyncIterator[Harness]:
    """A harness whose memory bar store holds holding T0, T1, T2's daily bars."""
    async with harness_with(bars_store="memory") as harness:
        store = harness.container.market_data.bar_store()
        for symbol, bars in series_of(symbols=3, bars=BARS).items():
            await store.write_series(symbol, Timeframe.D1, bars)
        for symbol, price, sector in (("T0", "100", "Tech"), ("T1", "50", "Tech"),
                                      ("T2", "25", "Energy")):  # fmt: skip
            await harness.instrument(symbol, price, sector=sector)
        yield harness


def closes(symbols: list[str]) -> np.ndarray:
    series = series_of(symbols=3, bars=BARS)
    return np.column_stack([series[s].close for s in symbols])


async def test_a_portfolio_is_optimised_from_its_holdings_and_the_stored_closes(
    stored: Harness,
) -> None:
    # Arrange: T0 10 x 100 = 1,000 and T1 60 x 50 = 3,000 at reference prices (cash left out)
    owner, stranger = await stored.user(), await stored.user()
    mine = await portfolio_with(
        stored, owner, deposit("100000"), buy("T0", "10", "90"), buy("T1", "60", "40")
    )
    body = {"method": "min_variance", "portfolio_id": mine, "assets": ["T2"], **RANGE}

    # Act
    answer = await stored.client.post(OPTIMIZE, json=body, headers=owner.headers)
    posted = await stored.client.post(
        OPTIMIZE, json={"method": "min_variance", "assets": ["T0", "T1", "T2"],
                        "prices": closes(["T0", "T1", "T2"]).tolist()},
        headers=owner.headers,
    )  # fmt: skip
    theirs = await stored.client.post(OPTIMIZE, json=body, headers=stranger.headers)

    # Assert: the held symbols and the posted one; current weights 0.25 / 0.75 / 0; the
    # weights are those of the same closes posted; the turnover is measured from the holdings
    assert answer.status_code == 200, answer.text
    out = answer.json()
    weights = {w["asset"]: w for w in out["weights"]}
    assert list(weights) == ["T0", "T1", "T2"]
    assert [weights[s]["current_weight"] for s in weights] == pytest.approx([0.25, 0.75, 0.0])
    expected = {w["asset"]: w["weight"] for w in posted.json()["weights"]}
    assert {s: w["weight"] for s, w in weights.items()} == pytest.approx(expected, abs=1e-9)
    turnover = sum(abs(w["weight"] - w["current_weight"]) for w in weights.values())
    assert out["portfolio"]["turnover"] == pytest.approx(turnover, abs=1e-12)
    assert out["source"] == {"portfolio_id": mine, "account_id": None, **RANGE, "left_out": []}
    assert out["covariance"]["observations"] == BARS - 1
    assert_problem(theirs, 404, "PORTFOLIO_NOT_FOUND")


async def test_an_account_is_optimised_with_a_turnover_limit_and_stored_sectors(
    stored: Harness,
) -> None:
    # Arrange: T0 20 x 100 = 2,000, T2 80 x 25 = 2,000: held half and half
    owner, stranger = await stored.user(), await stored.user()
    account = await stored.account(owner, "acc-opt")
    await hold(stored, account, "T0", "20", "100")
    await hold(stored, account, "T2", "80", "25")
    body = {"method": "min_variance", "account_id": account, "assets": ["T1"], **RANGE,
            "max_turnover": 0.2, "sector_limits": {"Tech": {"max": 0.6}}}  # fmt: skip

    # Act
    answer = await stored.client.post(OPTIMIZE, json=body, headers=owner.headers)
    theirs = await stored.client.post(OPTIMIZE, json=body, headers=stranger.headers)

    # Assert: within the turnover limit and Tech's cap (T0 and T1, from the instruments)
    assert answer.status_code == 200, answer.text
    out = answer.json()
    weights = {w["asset"]: w["weight"] for w in out["weights"]}
    assert out["portfolio"]["turnover"] <= 0.2 + 1e-6
    assert weights["T0"] + weights["T1"] <= 0.6 + 1e-6
    assert out["source"]["account_id"] == account
    assert_problem(theirs, 404, "NOT_FOUND")


@pytest.mark.parametrize(
    ("body", "status", "code", "field"),
    [
        ({"method": "min_variance", "portfolio_id": "nope", "start": "2020-01-01"}, 422,
         "INVALID_OPTIMIZATION_INPUT", "end"),
        ({"method": "min_variance", "account_id": "acc-none", **RANGE}, 404, "NOT_FOUND", None),
        ({"method": "min_variance", "assets": ["T0", "T1"],
          "covariance": [[0.04, 0.0], [0.0, 0.09]], "sectors": {"T0": "X", "T1": "Y"},
          "sector_limits": {"X": {"min": 0.7}, "Y": {"min": 0.5}}}, 422,
         "CONSTRAINTS_INFEASIBLE", "sector_limits"),
        ({"method": "min_variance", "assets": ["T0", "T1"],
          "covariance": [[0.04, 0.0], [0.0, 0.09]], "sector_limits": {"Tech": {"max": 0.5}},
          "benchmark": {"T1": 1.0}, "max_tracking_error": 0.01}, 422,
         "CONSTRAINTS_INFEASIBLE", "sector_limits"),
        ({"method": "hrp", "assets": ["T0", "T1"], "covariance": [[0.04, 0.0], [0.0, 0.09]],
          "current_weights": {"T0": 1.0}, "max_turnover": 0.1}, 422,
         "CONSTRAINT_NOT_SUPPORTED", "max_turnover"),
    ],
)  # fmt: skip
async def test_refusals_are_problem_documents(
    stored: Harness, body: dict[str, object], status: int, code: str, field: str | None
) -> None:
    # Arrange
    owner = await stored.user()

    # Act
    answer = await stored.client.post(OPTIMIZE, json=body, headers=owner.headers)

    # Assert
    problem = assert_problem(answer, status, code)
    if field is not None:
        assert [e["field"] for e in problem["errors"]] == [field]


async def test_black_litterman_over_http_names_its_posterior(stored: Harness) -> None:
    # Arrange
    owner = await stored.user()
    view = {"weights": {"B": 1}, "expected_return": 0.2, "confidence": 1.0}
    body = {"method": "black_litterman", "assets": ["A", "B"],
            "covariance": [[0.04, 0.0], [0.0, 0.09]], "market_caps": {"A": 3, "B": 1},
            "views": [view]}  # fmt: skip

    # Act
    answer = await stored.client.post(OPTIMIZE, json=body, headers=owner.headers)

    # Assert: Pi = 2.5 S w = (0.075, 0.05625); the certain view sets B's return to 20 %
    assert answer.status_code == 200, answer.text
    out = answer.json()
    weights = {w["asset"]: w for w in out["weights"]}
    assert weights["A"]["equilibrium_return"] == pytest.approx(0.075)
    assert weights["B"]["expected_return"] == pytest.approx(0.2)
    assert out["black_litterman"] == {"risk_aversion": 2.5, "tau": 0.05, "view_variances": [0.0]}
