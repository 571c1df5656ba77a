"""POST /api/v1/analytics/options/american: CRR / BAW prices beside the European price.

The numbers are the domain functions' (QuantLib checks those in tests/unit/analytics): here the
answer must equal `crr_american` / `baw_american` / `bsm_greeks` on the same inputs, and every
refusal must name its field.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from domain.analytics.options.american import baw_american, crr_american
from domain.analytics.options.bsm import bsm_greeks
from domain.principals import Role
from tests.http.core_helpers import assert_problem, field_names, harness_with
from tests.http.harness import Harness, User

pytestmark = [pytest.mark.serves("analytics"), pytest.mark.shares_app()]

AMERICAN = "/api/v1/analytics/options/american"
SPOTS = [80.0, 95.0, 100.0, 105.0, 130.0]
RIGHTS = ["put", "put", "call", "put", "call"]

WIRE = 5e-11  # the API rounds analytics to 10 places: half a unit of the last place


@pytest.fixture(autouse=True, scope="module")
def compiled_kernels() -> None:
    """Compile (or load from the disk cache) the tree and BAW kernels before any request: a
    cold compile can outlast the 10 s compute budget on a busy machine."""
    crr_american(100.0, 100.0, 1.0, 0.2, 0.05, 0.0, False, steps=4)
    crr_american(np.full(64, 100.0), 100.0, 1.0, 0.2, 0.05, 0.0, False, steps=2000)
    baw_american(100.0, 100.0, 1.0, 0.2, 0.05, 0.0, False)
    baw_american(np.full(5000, 100.0), 100.0, 1.0, 0.2, 0.05, 0.0, False)


def body(**fields: Any) -> dict[str, Any]:
    return {"spot": SPOTS, "strike": 100.0, "years": 0.75, "vol": 0.3, "rate": 0.05,
            "dividend_yield": 0.02, "right": RIGHTS, **fields}  # fmt: skip


async def test_crr_prices_and_greeks_equal_the_domain_tree(harness: Harness, owner: User) -> None:
    # Arrange
    calls = np.array([right == "call" for right in RIGHTS])
    expected = crr_american(SPOTS, 100.0, 0.75, 0.3, 0.05, 0.02, calls, steps=300)
    european = bsm_greeks(np.array(SPOTS), 100.0, 0.75, 0.3, 0.05, 0.02, calls).price

    # Act
    response = await harness.client.post(AMERICAN, json=body(steps=300), headers=owner.headers)

    # Assert
    assert response.status_code == 200, response.text
    out = response.json()
    assert (out["method"], out["steps"], out["count"]) == ("crr", 300, 5)
    assert out["price"] == pytest.approx(expected.price.tolist(), rel=1e-13, abs=WIRE)
    assert out["delta"] == pytest.approx(expected.delta.tolist(), rel=1e-13, abs=WIRE)
    assert out["gamma"] == pytest.approx(expected.gamma.tolist(), rel=1e-13, abs=WIRE)
    assert out["theta"] == pytest.approx(expected.theta.tolist(), rel=1e-13, abs=WIRE)
    per_day = (expected.theta / 365).tolist()
    assert out["theta_per_day"] == pytest.approx(per_day, rel=1e-13, abs=WIRE)
    assert out["european_price"] == pytest.approx(european.tolist(), rel=1e-13, abs=WIRE)
    premium = np.array(out["price"]) - np.array(out["european_price"])
    assert out["early_exercise_premium"] == pytest.approx(premium.tolist(), abs=2 * WIRE + 1e-14)
    # Deep in-the-money puts (spot 80) are worth more American than European.
    assert out["early_exercise_premium"][0] > 0.1
    assert set(out["units"]) >= {"price", "delta", "gamma", "theta", "theta_per_day"}


async def test_baw_prices_equal_the_domain_and_carry_no_greeks(
    harness: Harness, owner: User
) -> None:
    # Arrange
    calls = np.array([right == "call" for right in RIGHTS])
    expected = baw_american(SPOTS, 100.0, 0.75, 0.3, 0.05, 0.02, calls)

    # Act
    response = await harness.client.post(AMERICAN, json=body(method="baw"), headers=owner.headers)

    # Assert
    assert response.status_code == 200, response.text
    out = response.json()
    assert (out["method"], out["steps"]) == ("baw", None)
    assert out["price"] == pytest.approx(expected.tolist(), rel=1e-13, abs=WIRE)
    assert out["delta"] is None and out["gamma"] is None and out["theta"] is None
    assert out["theta_per_day"] is None


async def test_scalars_only_price_one_option_and_defaults_apply(
    harness: Harness, owner: User
) -> None:
    # Arrange: a call, rate and dividend 0, 500 steps by default.
    expected = crr_american(100.0, 110.0, 0.5, 0.25).price

    # Act
    response = await harness.client.post(
        AMERICAN, json={"spot": 100, "strike": 110, "years": 0.5, "vol": 0.25},
        headers=owner.headers,
    )  # fmt: skip

    # Assert
    assert response.status_code == 200, response.text
    out = response.json()
    assert (out["count"], out["steps"]) == (1, 500)
    assert out["price"] == pytest.approx([float(expected)], rel=1e-13, abs=WIRE)


async def test_one_step_has_no_gamma_nor_theta(harness: Harness, owner: User) -> None:
    # Act
    response = await harness.client.post(
        AMERICAN, json={"spot": 100, "strike": 100, "years": 0.5, "vol": 0.25, "steps": 1},
        headers=owner.headers,
    )  # fmt: skip

    # Assert
    assert response.status_code == 200, response.text
    out = response.json()
    assert out["gamma"] == [None] and out["theta"] == [None]
    assert out["price"][0] > 0 and out["delta"][0] is not None


@pytest.mark.parametrize(
    ("fields", "code", "field"),
    [
        ({"spot": [100.0, 0.0, 90.0, 1.0, 2.0]}, "INVALID_OPTIONS_INPUT", "spot[1]"),
        ({"strike": -5.0}, "INVALID_OPTIONS_INPUT", "strike"),
        ({"years": [1.0, 1.0, 1.0, 0.0, 1.0]}, "INVALID_OPTIONS_INPUT", "years[3]"),
        ({"years": 101.0}, "INVALID_OPTIONS_INPUT", "years"),
        ({"vol": 0.0}, "INVALID_OPTIONS_INPUT", "vol"),
        ({"vol": [0.2, 0.2, 11.0, 0.2, 0.2]}, "INVALID_OPTIONS_INPUT", "vol[2]"),
        ({"rate": 1.5}, "INVALID_OPTIONS_INPUT", "rate"),
        (
            {"dividend_yield": [0.0, 0.0, 0.0, 0.0, -2.0]},
            "INVALID_OPTIONS_INPUT",
            "dividend_yield[4]",
        ),
        ({"strike": [100.0, 100.0]}, "INVALID_OPTIONS_INPUT", "strike"),
        ({"spot": [], "right": "call"}, "INVALID_OPTIONS_INPUT", "spot"),
        ({"steps": 0}, "INVALID_OPTIONS_INPUT", "steps"),
        ({"steps": 10_001}, "INVALID_OPTIONS_INPUT", "steps"),
        # |0.9 - 0 - 0.005| sqrt(1 / 1) > 0.1: the up-probability leaves [0, 1].
        (
            {"vol": 0.1, "rate": 0.9, "dividend_yield": 0.0, "years": 1.0, "steps": 1},
            "INVALID_OPTIONS_INPUT",
            "steps",
        ),
        (
            {"strike": [100.0] * 51, "spot": 100.0, "right": "put", "steps": 10_000},
            "TREE_TOO_LARGE",
            "strike",
        ),
    ],
)
async def test_bad_input_is_422_naming_the_field(
    harness: Harness, owner: User, fields: dict[str, Any], code: str, field: str
) -> None:
    # Act
    response = await harness.client.post(AMERICAN, json=body(**fields), headers=owner.headers)

    # Assert
    assert field_names(assert_problem(response, 422, code)) == {field}


async def test_the_tree_cap_names_the_work_and_the_most_options(
    harness: Harness, owner: User
) -> None:
    # Act: 51 x 10,000^2 / 2 = 2.55e9 node updates.
    response = await harness.client.post(
        AMERICAN, json=body(spot=[100.0] * 51, right="put", steps=10_000), headers=owner.headers
    )

    # Assert
    problem = assert_problem(response, 422, "TREE_TOO_LARGE")
    assert "steps^2 / 2" in problem["detail"] and "at most 50 options" in problem["detail"]


@pytest.mark.parametrize(
    "fields", [{"right": "straddle"}, {"method": "trinomial"}, {"spot": "abc"}, {"steps": 2.5}]
)
async def test_malformed_fields_are_400(
    harness: Harness, owner: User, fields: dict[str, Any]
) -> None:
    # Act
    response = await harness.client.post(AMERICAN, json=body(**fields), headers=owner.headers)

    # Assert
    assert_problem(response, 400, "VALIDATION_ERROR")


async def test_more_than_a_million_options_is_422_naming_the_longest_list() -> None:
    # Arrange: a body limit large enough for the numbers (the default 1 MiB refuses first).
    async with harness_with(max_body_bytes="8388608") as harness:
        user = await harness.user()
        spots = b",".join([b"1"] * 1_000_001)
        raw = b'{"spot":[' + spots + b'],"strike":1,"years":1,"vol":0.2,"method":"baw"}'

        # Act
        response = await harness.client.post(
            AMERICAN, content=raw, headers={**user.headers, "Content-Type": "application/json"}
        )

    # Assert
    assert field_names(assert_problem(response, 422, "OPTIONS_TOO_MANY")) == {"spot"}


async def test_past_the_time_budget_is_503_with_retry_after() -> None:
    # Arrange: 1 ms of budget for 200 options x 1,000 steps (1e8 node updates).
    async with harness_with(compute_budget_s="0.001") as harness:
        user = await harness.user()

        # Act
        response = await harness.client.post(
            AMERICAN, json=body(spot=[100.0] * 200, right="put", steps=1_000),
            headers=user.headers,
        )  # fmt: skip

    # Assert
    assert_problem(response, 503, "COMPUTE_TIME_BUDGET")
    assert int(response.headers["Retry-After"]) >= 1


async def test_unauthenticated_is_401(harness: Harness) -> None:
    # Act
    response = await harness.client.post(AMERICAN, json=body())

    # Assert
    assert_problem(response, 401, "UNAUTHENTICATED")


async def test_a_viewer_may_price(harness: Harness) -> None:
    # Arrange
    viewer = await harness.user(Role.VIEWER)

    # Act
    response = await harness.client.post(AMERICAN, json=body(), headers=viewer.headers)

    # Assert
    assert response.status_code == 200, response.text
