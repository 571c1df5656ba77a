"""POST /api/v1/analytics/optimization over HTTP: worked answers, its own body cap, refusals.

The figures are checked in tests/unit/analytics/optimization; here the answer must carry them with
their conventions, large universes must fit the route's own body limit, and every refusal must be
an RFC 9457 problem with its stable code naming the field.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from domain.principals import Role
from tests.http.core_helpers import assert_problem, harness_with
from tests.http.harness import Harness, User

pytestmark = [pytest.mark.serves("analytics"), pytest.mark.shares_app()]

OPTIMIZE = "/api/v1/analytics/optimization"
# sigma 20 % and 30 %, correlation 0.2: minimum variance w1 = 0.078 / 0.106 (by hand)
TWO = {"assets": ["AAA", "BBB"], "covariance": [[0.04, 0.012], [0.012, 0.09]]}


def returns(observations: int, assets: int, seed: int = 1) -> list[list[float]]:
    rng = np.random.default_rng(seed)
    common = rng.normal(0.0003, 0.008, (observations, 1))
    matrix: list[list[float]] = (
        common + rng.normal(0.0002, 0.012, (observations, assets))
    ).tolist()
    return matrix


async def test_the_textbook_minimum_variance_with_its_measures_and_conventions(
    harness: Harness, owner: User
) -> None:
    # Act
    answer = await harness.client.post(
        OPTIMIZE, json={"method": "min_variance", **TWO}, headers=owner.headers
    )

    # Assert
    assert answer.status_code == 200, answer.text
    body = answer.json()
    weights = {w["asset"]: w for w in body["weights"]}
    assert weights["AAA"]["weight"] == pytest.approx(0.078 / 0.106, abs=1e-7)
    assert weights["BBB"]["volatility"] == pytest.approx(0.3, abs=1e-12)
    assert sum(w["risk_contribution"] for w in body["weights"]) == pytest.approx(1.0)
    assert (weights["AAA"]["lower_bound"], weights["AAA"]["upper_bound"]) == (0.0, 1.0)
    assert body["covariance"] == {"estimator": "posted", "shrinkage": None, "observations": None}
    assert body["portfolio"]["expected_return"] is None
    assert {"weights", "covariance", "risk_contribution", "ledoit_wolf"} <= set(body["conventions"])
    assert "Clarabel" in body["solver"]


async def test_a_viewer_may_optimise_since_nothing_is_stored(harness: Harness) -> None:
    # Arrange
    viewer = await harness.user(Role.VIEWER)

    # Act
    answer = await harness.client.post(
        OPTIMIZE, json={"method": "risk_parity", **TWO}, headers=viewer.headers
    )

    # Assert
    assert answer.status_code == 200, answer.text
    contributions = [w["risk_contribution"] for w in answer.json()["weights"]]
    assert contributions == pytest.approx([0.5, 0.5], abs=1e-9)


async def test_a_universe_past_the_api_body_limit_fits_the_routes_own_limit() -> None:
    # Arrange: 150 assets x 500 daily returns, ~1.5 MB of JSON (the API's cap is 1 MiB)
    body = {"method": "hrp", "assets": [f"S{i:03d}" for i in range(150)],
            "returns": returns(500, 150), "max_weight": 0.02}  # fmt: skip
    async with harness_with() as harness:
        owner = await harness.user()

        # Act
        answer = await harness.client.post(OPTIMIZE, json=body, headers=owner.headers)

    # Assert
    assert answer.status_code == 200, answer.text
    result = answer.json()
    assert sum(w["weight"] for w in result["weights"]) == pytest.approx(1.0, abs=1e-9)
    assert max(w["weight"] for w in result["weights"]) <= 0.02 + 1e-12
    assert result["covariance"]["estimator"] == "ledoit_wolf"
    assert 0.0 < result["covariance"]["shrinkage"] < 1.0


async def test_past_the_routes_own_limit_is_413() -> None:
    # Arrange
    async with harness_with(analytics_max_body_bytes="4096") as harness:
        owner = await harness.user()
        body = {"method": "hrp", "assets": ["A", "B"], "returns": returns(300, 2)}

        # Act
        refused = await harness.client.post(OPTIMIZE, json=body, headers=owner.headers)

    # Assert
    assert_problem(refused, 413, "BODY_TOO_LARGE")


@pytest.mark.parametrize(
    ("body", "code", "field"),
    [
        ({"method": "min_variance", "assets": []}, "EMPTY_PORTFOLIO", "assets"),
        ({"method": "min_variance", "assets": ["A", "B"],
          "returns": [[0.01, 0.02]] * 5 + [[None, 0.01]] + [[0.02, -0.01]] * 30},
         "NON_FINITE_RETURNS", "returns[5][0]"),
        ({"method": "min_variance", "assets": ["A", "B"],
          "prices": [[10, 20]] * 10 + [[10, 0]] + [[11, 21]] * 20}, "NEGATIVE_PRICE",
         "prices[10][1]"),
        ({"method": "min_variance", "assets": ["A", "B", "C"],
          "covariance": [[0.04, 0.01, 0.05], [0.01, 0.09, 0.1], [0.05, 0.1, 0.15]]},
         "SINGULAR_COVARIANCE", "covariance"),
        ({"method": "min_variance", **TWO, "max_weight": 0.4}, "WEIGHT_BOUNDS_INFEASIBLE",
         "bounds"),
        ({"method": "max_sharpe", **TWO, "expected_returns": [0.01, 0.02],
          "risk_free_rate": 0.05}, "MAX_SHARPE_UNATTAINABLE", "risk_free_rate"),
        ({"method": "hrp", "assets": ["A", "B"], "returns": [[0.01, 0.02]] * 5},
         "INSUFFICIENT_OBSERVATIONS", "returns"),
        ({"method": "anything", **TWO}, "INVALID_OPTIMIZATION_INPUT", "method"),
    ],
)  # fmt: skip
async def test_bad_input_is_a_problem_naming_its_field(
    harness: Harness, owner: User, body: dict[str, Any], code: str, field: str
) -> None:
    # Act
    answer = await harness.client.post(OPTIMIZE, json=body, headers=owner.headers)

    # Assert
    problem = assert_problem(answer, 422, code)
    assert [e["field"] for e in problem["errors"]] == [field]


async def test_malformed_bodies_are_400(harness: Harness, owner: User) -> None:
    # Act
    unknown = await harness.client.post(
        OPTIMIZE, json={"method": "hrp", **TWO, "leverage": 2}, headers=owner.headers
    )
    broken = await harness.client.post(
        OPTIMIZE,
        content=b'{"method": ',
        headers={**owner.headers, "Content-Type": "application/json"},
    )
    empty = await harness.client.post(OPTIMIZE, content=b"", headers=owner.headers)

    # Assert
    assert unknown.status_code == broken.status_code == empty.status_code == 400


async def test_the_document_declares_the_request_body_and_the_refusals(harness: Harness) -> None:
    # Act
    document = (await harness.client.get("/schema/openapi.json")).json()

    # Assert
    operation = document["paths"][OPTIMIZE]["post"]
    schema = operation["requestBody"]["content"]["application/json"]["schema"]
    assert {"method", "assets", "returns", "covariance", "bounds"} <= set(schema["properties"])
    assert {"200", "400", "413", "422", "503"} <= set(operation["responses"])
