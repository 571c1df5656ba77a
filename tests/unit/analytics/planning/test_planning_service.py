"""PlanningService over in-memory adapters: plan checks, wealth, owner scoping, audit, budget."""

from __future__ import annotations

import math
import threading
from dataclasses import asdict, replace
from decimal import Decimal
from typing import Any

import pytest

from adapters.memory.audit import InMemoryAuditLog
from adapters.memory.clock import FakeClock
from adapters.memory.marketdata import InMemoryMarketData
from adapters.memory.planning import InMemoryPlanningProfileRepository
from adapters.memory.store import InMemoryStore, InMemoryUnitOfWork
from application.core.compute_budget import ComputeBudget
from application.portfolio.planning import PlanningProfileNotFound, PlanningService, ProfileChange
from application.portfolio.planning_inputs import PathStepsTooMany, check_plan
from domain.analytics.montecarlo.retirement import RetirementResult, simulate_retirement
from domain.analytics.planning.homeostasis import InvalidPlanningFigure
from domain.errors import ComputeTimeBudgetExceeded, Forbidden
from domain.principals import Principal, Role
from domain.trading.account_profile import AccountStatus
from domain.trading.accounts import Account
from domain.trading.positions import Position
from ports.core.compute import ComputeInfo, RetirementInputs

D = Decimal
OWNER = Principal("u-1", Role.OWNER)
OTHER = Principal("u-2", Role.OWNER)
VIEWER = Principal("u-9", Role.VIEWER)

PLAN = RetirementInputs(
    initial_wealth=500_000.0,
    monthly_contribution=1_000.0,
    retirement_month=120,
    monthly_withdrawal=3_000.0,
    horizon_months=480,
    annual_return=0.06,
    annual_volatility=0.15,
    inflation_rate=0.02,
    paths=2_000,
    seed=7,
    target_wealth=1_000_000.0,
)


class DomainCompute:
    """A ComputePort that runs the domain function (what the CPU backend mirrors)."""

    def __init__(self, gate: threading.Event | None = None) -> None:
        self.calls = 0
        self._gate = gate

    def info(self) -> ComputeInfo:
        return ComputeInfo(backend="cpu", device="test", numba=False, reason="test")

    def greeks(self, *args: Any) -> Any:  # pragma: no cover - not used here
        raise NotImplementedError

    def retirement(self, inputs: RetirementInputs) -> RetirementResult:
        self.calls += 1
        if self._gate is not None:
            self._gate.wait(5)
        return simulate_retirement(**asdict(inputs), use_numba=False)


class World:
    def __init__(self, *, budget_s: float = 30.0, gate: threading.Event | None = None) -> None:
        self.clock = FakeClock()
        self.state = InMemoryStore()
        self.market = InMemoryMarketData(self.clock)
        self.audit = InMemoryAuditLog()
        self.compute = DomainCompute(gate)
        self.budget = ComputeBudget(budget_s=budget_s)
        self.service = PlanningService(
            InMemoryPlanningProfileRepository(),
            lambda: InMemoryUnitOfWork(self.state),
            self.market,
            self.compute,
            self.budget,
            self.clock,
            self.audit,
        )

    async def account(self, account: Account) -> None:
        async with InMemoryUnitOfWork(self.state) as uow:
            await uow.accounts.add(account)
            await uow.commit()


async def test_a_plan_runs_on_the_compute_port_and_names_its_backend() -> None:
    # Arrange
    world = World()

    # Act
    run = await world.service.monte_carlo(PLAN)

    # Assert
    assert world.compute.calls == 1
    assert run.backend == "cpu"
    assert run.result.paths == 2_000
    assert 0.0 <= run.result.success_probability <= 1.0
    assert run.result.probability_above_target is not None


@pytest.mark.parametrize(
    ("field", "change"),
    [
        ("initial_wealth", {"initial_wealth": -1.0}),
        ("initial_wealth", {"initial_wealth": math.nan}),
        ("monthly_withdrawal", {"monthly_withdrawal": math.inf}),
        ("horizon_months", {"horizon_months": 0}),
        ("horizon_months", {"horizon_months": -12}),
        ("retirement_month", {"retirement_month": 481}),
        ("retirement_month", {"retirement_month": -1}),
        ("annual_return", {"annual_return": -1.0}),
        ("annual_volatility", {"annual_volatility": -0.01}),
        ("inflation_rate", {"inflation_rate": math.inf}),
        ("student_t_dof", {"student_t_dof": 2.0}),
        ("student_t_dof", {"student_t_dof": math.nan}),
        ("paths", {"paths": 0}),
        ("seed", {"seed": -1}),
        ("target_wealth", {"target_wealth": -5.0}),
    ],
)
async def test_each_field_out_of_range_is_named_before_any_compute(
    field: str, change: dict[str, Any]
) -> None:
    # Arrange
    world = World()

    # Act
    with pytest.raises(InvalidPlanningFigure) as raised:
        await world.service.monte_carlo(replace(PLAN, **change))

    # Assert
    assert raised.value.field == field
    assert raised.value.code == "INVALID_PLANNING_INPUT"
    assert world.compute.calls == 0


async def test_more_than_ten_million_path_steps_is_refused_naming_paths() -> None:
    world = World()

    with pytest.raises(PathStepsTooMany) as raised:
        await world.service.monte_carlo(replace(PLAN, paths=20_834, horizon_months=480))

    assert raised.value.field == "paths"
    assert raised.value.code == "PATH_STEPS_TOO_MANY"
    assert world.compute.calls == 0
    check_plan(replace(PLAN, paths=20_833, horizon_months=480))  # 9,999,840: within the cap


async def test_a_run_past_the_budget_answers_the_budget_refusal() -> None:
    # Arrange: a kernel held until the test lets it go, a tiny budget
    gate = threading.Event()
    world = World(budget_s=0.05, gate=gate)

    # Act / Assert
    try:
        with pytest.raises(ComputeTimeBudgetExceeded):
            await world.service.monte_carlo(PLAN)
    finally:
        gate.set()


async def test_homeostasis_counts_the_callers_open_accounts_in_its_currency() -> None:
    # Arrange
    world = World()
    world.market.set_price("AAPL", D("200"))
    held = Account("a-1", "u-1", D("100000"), positions={"AAPL": Position("AAPL", D("100"))})
    await world.account(held)  # 100,000 + 20,000
    await world.account(Account("a-2", "u-1", D("5000"), currency="EUR"))
    await world.account(Account("a-3", "u-1", D("7000"), status=AccountStatus.CLOSED))
    unpriced = Account("a-4", "u-1", D("1"), positions={"ZZZ": Position("ZZZ", D("1"))})
    await world.account(unpriced)
    await world.account(Account("a-5", "u-2", D("999999")))
    await world.service.put_profile(
        OWNER, ProfileChange(D("40000"), D("0.04"), D("130000.00"), "USD")
    )

    # Act
    view = await world.service.homeostasis(OWNER, annual_savings=D("50000"), real_return=D("0"))

    # Assert
    assert view.accounts_equity == D("120000.00")
    assert view.accounts_counted == 1
    assert [(e.account_id, e.reason) for e in view.excluded] == [
        ("a-2", "CURRENCY"),
        ("a-4", "UNPRICED"),
    ]
    assert view.figures.wealth == D("250000.00")
    assert view.figures.freedom_number == D("1000000.00")
    assert view.figures.progress == D("0.250000")
    assert view.years_to_freedom == D("15.00")


async def test_no_profile_is_a_404_with_its_own_code_and_profiles_are_per_owner() -> None:
    # Arrange
    world = World()
    await world.service.put_profile(OWNER, ProfileChange(D("40000")))

    # Act / Assert
    with pytest.raises(PlanningProfileNotFound) as raised:
        await world.service.homeostasis(OTHER)
    assert raised.value.code == "PLANNING_PROFILE_NOT_FOUND"
    with pytest.raises(PlanningProfileNotFound):
        await world.service.set_autopilot(OTHER, True)
    assert (await world.service.profile(OWNER)).owner_id == "u-1"


async def test_autopilot_changes_are_audited_once_and_kept_across_profile_updates() -> None:
    # Arrange
    world = World()
    await world.service.put_profile(OWNER, ProfileChange(D("40000")))
    world.clock.advance(60)

    # Act
    on = await world.service.set_autopilot(OWNER, True)
    again = await world.service.set_autopilot(OWNER, True)
    updated = await world.service.put_profile(OWNER, ProfileChange(D("50000")))

    # Assert
    assert on.autopilot and again == on
    assert on.autopilot_changed_at == world.clock.now()
    assert updated.autopilot and updated.autopilot_changed_at == on.autopilot_changed_at
    actions = [e.action for e in reversed(await world.audit.entries("user:u-1"))]
    assert actions == [
        "planning.profile.updated",
        "planning.autopilot.enabled",
        "planning.profile.updated",
    ]


async def test_a_viewer_changes_nothing() -> None:
    world = World()

    with pytest.raises(Forbidden):
        await world.service.put_profile(VIEWER, ProfileChange(D("40000")))
    with pytest.raises(Forbidden):
        await world.service.set_autopilot(VIEWER, True)


@pytest.mark.parametrize(
    ("field", "change"),
    [
        ("annual_expenses", ProfileChange(D("0"))),
        ("annual_expenses", ProfileChange(D("NaN"))),
        ("annual_expenses", ProfileChange(D("100.001"))),
        ("safe_withdrawal_rate", ProfileChange(D("100"), D("0.25"))),
        ("safe_withdrawal_rate", ProfileChange(D("100"), D("0"))),
        ("other_assets", ProfileChange(D("100"), D("0.04"), D("Infinity"))),
        ("other_assets", ProfileChange(D("100"), D("0.04"), D("1e16"))),
        ("currency", ProfileChange(D("100"), D("0.04"), D("0"), "usd")),
    ],
)
async def test_profile_figures_out_of_range_name_their_field(
    field: str, change: ProfileChange
) -> None:
    world = World()

    with pytest.raises(InvalidPlanningFigure) as raised:
        await world.service.put_profile(OWNER, change)

    assert raised.value.field == field
