"""The planning API: Monte Carlo, homeostasis, profile and autopilot, over the real container."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from domain.principals import Role
from domain.trading.accounts import Account
from domain.trading.positions import Position
from tests.http.core_helpers import assert_problem, harness_with
from tests.http.harness import Harness, User

pytestmark = [pytest.mark.serves("portfolio", "wealth"), pytest.mark.shares_app()]

MC = "/api/v1/planning/monte-carlo"
HOME = "/api/v1/planning/homeostasis"
PROFILE = "/api/v1/planning/profile"
AUTOPILOT = "/api/v1/planning/autopilot"

PLAN: dict[str, Any] = {
    "initial_wealth": 500000,
    "monthly_contribution": 1000,
    "retirement_month": 120,
    "monthly_withdrawal": 3000,
    "horizon_months": 360,
    "annual_return": 0.06,
    "annual_volatility": 0.15,
    "inflation_rate": 0.02,
    "paths": 2000,
    "seed": 11,
    "target_wealth": 1000000,
}


async def test_a_plan_answers_its_figures_conventions_and_backend(
    harness: Harness, owner: User
) -> None:
    # Act
    response = await harness.client.post(MC, json=PLAN, headers=owner.headers)

    # Assert
    assert response.status_code == 200, response.text
    body = response.json()
    assert 0 <= body["success_probability"] <= 1
    assert body["success_standard_error"] >= 0
    assert body["paths"] == 2000 and body["horizon_months"] == 360 and body["seed"] == 11
    assert body["percentile_levels"] == [5.0, 25.0, 50.0, 75.0, 95.0]
    assert [row["month"] for row in body["fan_chart"]] == list(range(0, 361, 12))
    assert body["fan_chart"][0]["wealth"] == [500000.0] * 5
    assert all(row["wealth"] == sorted(row["wealth"]) for row in body["fan_chart"])
    ruin = [row["probability"] for row in body["ruin_probability_by_year"]]
    assert ruin[0] == 0 and ruin == sorted(ruin)
    assert body["median_ending_wealth"] == body["fan_chart"][-1]["wealth"][2]
    assert body["median_ending_wealth_real"] == pytest.approx(
        body["median_ending_wealth"] / 1.02**30
    )
    assert 0 <= body["probability_above_target"] <= 1
    assert body["conventions"]["step"] == "monthly"
    assert body["conventions"]["returns"] == "lognormal"
    assert body["compute"]["backend"] in {"cpu", "cuda"}


async def test_the_same_plan_and_seed_give_the_same_figures(harness: Harness, owner: User) -> None:
    plan = {**PLAN, "student_t_dof": 5, "paths": 500}

    first = await harness.client.post(MC, json=plan, headers=owner.headers)
    second = await harness.client.post(MC, json=plan, headers=owner.headers)

    assert first.status_code == 200, first.text
    assert first.json() == second.json()
    assert first.json()["conventions"]["returns"] == "student-t"


async def test_a_plan_without_volatility_lands_on_the_annuity_closed_form(
    harness: Harness, owner: User
) -> None:
    # Arrange: 1% a month exactly, 1,000 today + 100 a month for 12 months, then 50 a month
    # withdrawn (no inflation) for 12 more: every path is the same deterministic one.
    monthly = 1.01**12 - 1.0
    plan = {
        "initial_wealth": 1000, "monthly_contribution": 100, "retirement_month": 12,
        "monthly_withdrawal": 50, "horizon_months": 24, "annual_return": monthly,
        "annual_volatility": 0, "paths": 50,
    }  # fmt: skip
    at_12 = 1000 * 1.01**12 + 100 * (1.01**12 - 1) / 0.01
    at_24 = at_12 * 1.01**12 - 50 * (1.01**12 - 1) / 0.01

    # Act
    response = await harness.client.post(MC, json=plan, headers=owner.headers)

    # Assert
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["success_probability"] == 1.0 and body["success_standard_error"] == 0.0
    assert body["fan_chart"][1]["wealth"] == pytest.approx([at_12] * 5, rel=1e-12)
    assert body["median_ending_wealth"] == pytest.approx(at_24, rel=1e-12)


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("initial_wealth", -1),
        ("horizon_months", 0),
        ("horizon_months", -12),
        ("retirement_month", 361),
        ("annual_volatility", -0.1),
        ("student_t_dof", 2),
        ("student_t_dof", 1.5),
        ("annual_return", -1),
        ("monthly_withdrawal", -5),
        ("paths", 0),
        ("seed", -1),
    ],
)
async def test_a_field_out_of_range_answers_422_naming_it(
    harness: Harness, owner: User, field: str, value: float
) -> None:
    response = await harness.client.post(MC, json={**PLAN, field: value}, headers=owner.headers)

    problem = assert_problem(response, 422, "INVALID_PLANNING_INPUT")
    assert problem["errors"][0]["field"] == field


async def test_more_than_ten_million_path_steps_answers_422_naming_paths(
    harness: Harness, owner: User
) -> None:
    plan = {**PLAN, "paths": 27_778, "horizon_months": 360}  # 10,000,080 path-steps

    response = await harness.client.post(MC, json=plan, headers=owner.headers)

    problem = assert_problem(response, 422, "PATH_STEPS_TOO_MANY")
    assert problem["errors"][0]["field"] == "paths"


@pytest.mark.parametrize("raw", [b'"initial_wealth": NaN', b'"initial_wealth": 1e999'])
async def test_nan_or_infinity_is_refused_naming_the_field(
    harness: Harness, owner: User, raw: bytes
) -> None:
    # JSON has no NaN: the literal is malformed JSON (400); an overflowing number is refused by
    # the decoder naming the field (400 VALIDATION_ERROR); neither reaches the kernel.
    body = b"{" + raw + b', "horizon_months": 12, "retirement_month": 0, "annual_return": 0.05'
    body += b', "annual_volatility": 0.1}'
    headers = {**owner.headers, "content-type": "application/json"}

    response = await harness.client.post(MC, content=body, headers=headers)

    assert response.status_code == 400, response.text
    problem = response.json()
    assert problem["code"] in {"MALFORMED_JSON", "VALIDATION_ERROR"}
    if problem["code"] == "VALIDATION_ERROR":
        assert problem["errors"][0]["field"] == "initial_wealth"


async def test_a_run_past_a_tiny_budget_answers_503_with_retry_after() -> None:
    async with harness_with(compute_budget_s="0.001") as harness:
        owner = await harness.user()
        plan = {**PLAN, "paths": 20_000, "horizon_months": 480, "retirement_month": 0}

        response = await harness.client.post(MC, json=plan, headers=owner.headers)

        problem = assert_problem(response, 503, "COMPUTE_TIME_BUDGET")
        assert int(response.headers["Retry-After"]) >= 1
        assert problem["retry_after"] > 0


async def test_homeostasis_without_a_profile_is_a_404_with_its_code(
    harness: Harness, owner: User
) -> None:
    response = await harness.client.get(HOME, headers=owner.headers)

    assert_problem(response, 404, "PLANNING_PROFILE_NOT_FOUND")


async def test_homeostasis_sums_the_callers_accounts_and_other_assets(
    market: Harness, owner: User
) -> None:
    # Arrange: 100,000 cash + 100 AAPL at 190 = 119,000; another user's account is not counted.
    harness = market
    async with harness.container.core.uow_factory()() as uow:
        held = {"AAPL": Position("AAPL", Decimal("100"))}
        await uow.accounts.add(Account("acc-home", owner.id, Decimal("100000"), positions=held))
        await uow.commit()
    stranger = await harness.user()
    await harness.account(stranger, "acc-stranger", cash="5000000")
    put = await harness.client.put(
        PROFILE,
        json={"annual_expenses": "40000", "other_assets": "131000.00"},
        headers=owner.headers,
    )
    assert put.status_code == 200, put.text

    # Act
    response = await harness.client.get(
        HOME,
        params={"annual_savings": "50000", "real_return": "0"},
        headers=owner.headers,
    )

    # Assert
    assert response.status_code == 200, response.text
    body = response.json()
    assert Decimal(body["accounts_equity"]) == Decimal("119000")
    assert Decimal(body["wealth"]) == Decimal("250000")
    assert body["freedom_number"] == "1000000.00"
    assert Decimal(body["progress"]) == Decimal("0.25")
    assert Decimal(body["years_covered"]) == Decimal("6.25")
    assert body["gap"] == "750000.00"
    assert body["reached"] is False
    assert Decimal(body["years_to_freedom"]) == Decimal("15")
    assert body["accounts_counted"] == 1 and body["excluded_accounts"] == []
    assert body["autopilot"] is False


async def test_profiles_are_per_owner_and_another_users_is_never_seen(
    harness: Harness, owner: User
) -> None:
    # Arrange
    other = await harness.user()
    await harness.client.put(PROFILE, json={"annual_expenses": "40000"}, headers=owner.headers)

    # Act
    others_view = await harness.client.get(HOME, headers=other.headers)
    others_profile = await harness.client.get(PROFILE, headers=other.headers)
    others_switch = await harness.client.put(
        AUTOPILOT, json={"enabled": True}, headers=other.headers
    )

    # Assert
    assert_problem(others_view, 404, "PLANNING_PROFILE_NOT_FOUND")
    assert_problem(others_profile, 404, "PLANNING_PROFILE_NOT_FOUND")
    assert_problem(others_switch, 404, "PLANNING_PROFILE_NOT_FOUND")
    mine = await harness.client.get(PROFILE, headers=owner.headers)
    assert mine.json()["autopilot"] is False
    assert mine.json()["annual_expenses"] == "40000.00"


async def test_autopilot_is_stored_and_audited(harness: Harness, owner: User) -> None:
    # Arrange
    await harness.client.put(PROFILE, json={"annual_expenses": "40000"}, headers=owner.headers)

    # Act
    response = await harness.client.put(AUTOPILOT, json={"enabled": True}, headers=owner.headers)

    # Assert
    assert response.status_code == 200, response.text
    assert response.json()["autopilot"] is True
    assert response.json()["autopilot_changed_at"] is not None
    home = await harness.client.get(HOME, headers=owner.headers)
    assert home.json()["autopilot"] is True
    entries = await harness.container.core.audit().entries(f"user:{owner.id}")
    assert [e.action for e in entries][:2] == [
        "planning.autopilot.enabled",
        "planning.profile.updated",
    ]


async def test_a_viewer_is_refused_on_put_and_may_simulate(harness: Harness) -> None:
    viewer = await harness.user(Role.VIEWER)

    profile = await harness.client.put(
        PROFILE, json={"annual_expenses": "40000"}, headers=viewer.headers
    )
    switch = await harness.client.put(AUTOPILOT, json={"enabled": True}, headers=viewer.headers)
    simulated = await harness.client.post(MC, json={**PLAN, "paths": 100}, headers=viewer.headers)

    assert_problem(profile, 403, "FORBIDDEN")
    assert_problem(switch, 403, "FORBIDDEN")
    assert simulated.status_code == 200, simulated.text


@pytest.mark.parametrize(
    ("field", "body", "status", "code"),
    [
        # Numbers the wire refuses before the service (the API's one rule for decimals: 400)
        ("annual_expenses", {"annual_expenses": "0"}, 400, "VALIDATION_ERROR"),
        ("annual_expenses", {"annual_expenses": "NaN"}, 400, "VALIDATION_ERROR"),
        ("safe_withdrawal_rate", {"annual_expenses": "1", "safe_withdrawal_rate": "0"}, 400,
         "VALIDATION_ERROR"),
        ("other_assets", {"annual_expenses": "1", "other_assets": "Infinity"}, 400,
         "VALIDATION_ERROR"),
        # Well-formed numbers the planning rules refuse
        ("annual_expenses", {"annual_expenses": "12.345"}, 422, "INVALID_PLANNING_INPUT"),
        ("safe_withdrawal_rate", {"annual_expenses": "1", "safe_withdrawal_rate": "0.25"}, 422,
         "INVALID_PLANNING_INPUT"),
        ("currency", {"annual_expenses": "1", "currency": "usd"}, 422, "INVALID_PLANNING_INPUT"),
    ],
)  # fmt: skip
async def test_a_bad_profile_is_refused_naming_the_field(
    harness: Harness, owner: User, field: str, body: dict[str, str], status: int, code: str
) -> None:
    response = await harness.client.put(PROFILE, json=body, headers=owner.headers)

    problem = assert_problem(response, status, code)
    assert problem["errors"][0]["field"] == field


async def test_agents_have_no_planning(harness: Harness, owner: User) -> None:
    account = await harness.account(owner, "acc-agent")
    key = await harness.agent_key(owner, "agent-plan", (account,))

    response = await harness.client.get(HOME, headers={"X-API-Key": key})

    assert response.status_code == 403, response.text


@pytest.mark.parametrize(
    ("params", "field"),
    [({"annual_savings": "1000", "real_return": "-1"}, "real_return"),
     ({"annual_savings": "NaN", "real_return": "0.03"}, "annual_savings")],
)  # fmt: skip
async def test_years_to_freedom_parameters_out_of_range_answer_422(
    harness: Harness, owner: User, params: dict[str, str], field: str
) -> None:
    await harness.client.put(PROFILE, json={"annual_expenses": "40000"}, headers=owner.headers)

    response = await harness.client.get(HOME, params=params, headers=owner.headers)

    problem = assert_problem(response, 422, "INVALID_PLANNING_INPUT")
    assert problem["errors"][0]["field"] == field


async def test_a_plan_leaving_out_horizon_and_risk_takes_them_from_the_investor_profile(
    harness: Harness, owner: User
) -> None:
    # Arrange: a moderately conservative investor with a 20-year horizon
    investor = {
        "risk_tolerance": "moderately_conservative", "horizon_years": 20,
        "filing_status": "single", "federal_bracket": "0.22",
    }  # fmt: skip
    put = await harness.client.put("/api/v1/wealth/profile", json=investor, headers=owner.headers)
    assert put.status_code == 200, put.text
    partial = {
        k: v for k, v in PLAN.items()
        if k not in ("horizon_months", "annual_return", "annual_volatility")
    }  # fmt: skip

    # Act
    defaulted = await harness.client.post(MC, json=partial, headers=owner.headers)
    given = await harness.client.post(MC, json=PLAN, headers=owner.headers)
    only_return = await harness.client.post(
        MC, json={**partial, "annual_return": 0.03}, headers=owner.headers
    )

    # Assert
    assert defaulted.status_code == 200, defaulted.text
    body = defaulted.json()
    assert body["from_profile"] == ["annual_return", "annual_volatility", "horizon_months"]
    assert body["risk_tolerance"] == "moderately_conservative"
    assert (body["horizon_months"], body["annual_return"], body["annual_volatility"]) == (
        240,
        0.05,
        0.08,
    )
    assert given.json()["from_profile"] == [] and given.json()["risk_tolerance"] is None
    assert (given.json()["horizon_months"], given.json()["annual_return"]) == (360, 0.06)
    assert only_return.json()["from_profile"] == ["annual_volatility", "horizon_months"]
    assert only_return.json()["annual_return"] == 0.03


async def test_a_plan_leaving_out_its_horizon_without_a_profile_is_a_422(
    harness: Harness, owner: User
) -> None:
    # Act
    response = await harness.client.post(
        MC, json={k: v for k, v in PLAN.items() if k != "horizon_months"}, headers=owner.headers
    )

    # Assert
    problem = assert_problem(response, 422, "INVALID_PLANNING_INPUT")
    assert problem["errors"][0]["field"] == "horizon_months"
