"""/console/planning: the Monte Carlo form and its fan chart, and the homeostasis card.

The figures shown are the planning service's own (the same inputs simulated directly), bad
input is shown beside its field (422, or 200 + X-Bulwark-Status for htmx), the form needs its
CSRF token, and a read-only viewer sees the autopilot toggle disabled and cannot use it.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from decimal import Decimal

import pytest

from adapters.http.console.filters import money
from adapters.http.console.planning_view import PLAN_DEFAULTS
from application.portfolio.planning import PlanningService
from domain.principals import Role
from ports.core.compute import RetirementInputs
from ports.portfolio.planning import PlanningProfile
from tests.http.console.helpers import chart_data, real_status, signed_in
from tests.http.harness import Harness

pytestmark = [
    pytest.mark.serves("trading", "safety", "market_data", "devices", "portfolio", "console"),
    pytest.mark.shares_app(),
]

PAGE = "/console/planning"
PLAN = {**PLAN_DEFAULTS, "paths": "500", "horizon_months": "360", "seed": "3"}


def _service(harness: Harness) -> PlanningService:
    service: PlanningService = harness.container.portfolio.planning()
    return service


def _inputs(form: dict[str, str]) -> RetirementInputs:
    return RetirementInputs(
        initial_wealth=float(form["initial_wealth"]),
        monthly_contribution=float(form["monthly_contribution"]),
        retirement_month=int(form["retirement_month"]),
        monthly_withdrawal=float(form["monthly_withdrawal"]),
        horizon_months=int(form["horizon_months"]),
        annual_return=float(form["annual_return"]),
        annual_volatility=float(form["annual_volatility"]),
        inflation_rate=float(form["inflation_rate"]),
        paths=int(form["paths"]),
        seed=int(form["seed"]),
    )


async def test_the_page_renders_the_form_and_the_profile_form(harness: Harness) -> None:
    owner = await harness.user()

    async with signed_in(harness, owner.username) as client:
        response = await client.get(PAGE)

    assert response.status_code == 200
    assert 'id="plan-form"' in response.text and 'id="profile-form"' in response.text
    assert 'href="/console/planning"' in response.text and 'data-key="n"' in response.text
    assert 'id="fan-chart"' not in response.text  # nothing simulated yet


async def test_a_simulation_shows_the_services_figures_and_fan_chart(harness: Harness) -> None:
    owner = await harness.user()
    expected = (await _service(harness).monte_carlo(_inputs(PLAN))).result

    async with signed_in(harness, owner.username) as client:
        response = await client.post(f"{PAGE}/simulate", PLAN)

    assert response.status_code == 200, response.text
    text = response.text
    assert f'id="success">{money(expected.success_probability * 100, 1)} %' in text
    assert f'id="success-se">{money(expected.success_standard_error * 100, 2)}<' in text
    assert f'id="median-ending">{money(expected.median_ending_wealth, 0)}<' in text
    fan = chart_data(text, "data-chart-data", "fan-chart")
    assert list(fan["series"]) == ["P5", "P25", "P50", "P75", "P95"]
    assert fan["x"] == [m / 12 for m in expected.checkpoint_months.tolist()]
    for name, row in zip(fan["series"], expected.wealth_percentiles.tolist(), strict=True):
        assert fan["series"][name] == [round(v, 2) for v in row]
    assert fan["bands"] == [["P95", "P5"], ["P75", "P25"]]
    ruin = chart_data(text, "data-chart-data", "ruin-chart")
    assert ruin["series"]["Ruined (%)"] == [
        round(p * 100, 4) for p in expected.ruin_probability.tolist()
    ]


async def test_a_viewer_may_simulate_over_htmx(harness: Harness) -> None:
    viewer = await harness.user(Role.VIEWER)

    async with signed_in(harness, viewer.username) as client:
        response = await client.htmx("POST", f"{PAGE}/simulate", data={**PLAN, "current_age": "40"})

    assert response.status_code == 200 and "X-Bulwark-Status" not in response.headers
    assert "<html" not in response.text  # the fragment only
    assert chart_data(response.text, "data-chart-data", "fan-chart")["x"][0] == 40.0  # by age


async def test_bad_fields_are_shown_beside_each_and_nothing_is_simulated(
    harness: Harness,
) -> None:
    owner = await harness.user()
    typed = {**PLAN, "annual_volatility": "lots", "paths": "many"}

    async with signed_in(harness, owner.username) as client:
        page = await client.post(f"{PAGE}/simulate", typed)
        partial = await client.htmx("POST", f"{PAGE}/simulate", data={**PLAN, "paths": "x"})

    assert page.status_code == 422
    assert re.search(
        r'id="err-annual_volatility"[^>]*>annual_volatility: must be a number', page.text
    )
    assert re.search(r'id="err-paths"[^>]*>paths: must be a whole number', page.text)
    assert 'id="plan-annual_volatility" value="lots"' in page.text  # what was typed is kept
    assert 'id="fan-chart"' not in page.text
    assert partial.status_code == 200 and real_status(partial) == 422
    assert partial.headers["X-Bulwark-Code"] == "VALIDATION_ERROR"
    assert 'id="err-paths"' in partial.text


async def test_the_services_own_refusal_is_shown_beside_its_field(harness: Harness) -> None:
    owner = await harness.user()

    async with signed_in(harness, owner.username) as client:
        volatile = await client.post(f"{PAGE}/simulate", {**PLAN, "annual_volatility": "3"})
        huge = await client.htmx(
            "POST", f"{PAGE}/simulate", data={**PLAN, "paths": "100000", "horizon_months": "600"}
        )

    assert volatile.status_code == 422
    assert re.search(
        r'id="err-annual_volatility"[^>]*>annual_volatility must be in \[0, 2\]', volatile.text
    )
    assert real_status(huge) == 422 and huge.headers["X-Bulwark-Code"] == "PATH_STEPS_TOO_MANY"
    assert 'id="err-paths"' in huge.text


async def test_the_simulate_form_needs_its_csrf_token(harness: Harness) -> None:
    owner = await harness.user()

    async with signed_in(harness, owner.username) as client:
        forged = await client.http.post(f"{PAGE}/simulate", data=PLAN)

    assert forged.status_code == 403


async def test_an_owner_sets_a_profile_and_sees_the_services_homeostasis(
    harness: Harness,
) -> None:
    owner = await harness.user()

    async with signed_in(harness, owner.username) as client:
        bad = await client.post(
            f"{PAGE}/profile", {"annual_expenses": "40000", "safe_withdrawal_rate": "0.5"}
        )
        saved = await client.post(
            f"{PAGE}/profile", {"annual_expenses": "40000", "safe_withdrawal_rate": "0.04"}
        )
        response = await client.get(PAGE)

    assert bad.status_code == 422 and 'id="perr-safe_withdrawal_rate"' in bad.text
    assert saved.status_code == 303
    assert 'id="freedom-number">1,000,000.00 USD' in response.text  # 40,000 / 4%
    assert 'id="autopilot-state">off' in response.text
    assert 'id="autopilot-toggle">Turn autopilot on' in response.text


async def test_an_owner_turns_autopilot_on_through_the_service(harness: Harness) -> None:
    owner = await harness.user()

    async with signed_in(harness, owner.username) as client:
        await client.post(f"{PAGE}/profile", {"annual_expenses": "40000"})
        await client.get(PAGE)
        toggled = await client.htmx("POST", f"{PAGE}/autopilot", data={"enabled": "on"})

    assert toggled.status_code == 200 and 'id="autopilot-state">on' in toggled.text
    stored = await harness.container.portfolio.planning_profiles().get(owner.id)
    assert stored is not None and stored.autopilot is True


async def test_a_viewer_sees_the_toggle_disabled_and_cannot_toggle(harness: Harness) -> None:
    viewer = await harness.user(Role.VIEWER)
    await harness.container.portfolio.planning_profiles().put(
        PlanningProfile(viewer.id, Decimal("40000"), datetime(2026, 1, 5, tzinfo=UTC))
    )

    async with signed_in(harness, viewer.username) as client:
        page = await client.get(PAGE)
        refused = await client.post(f"{PAGE}/autopilot", {"enabled": "on"})
        refused_htmx = await client.htmx("POST", f"{PAGE}/autopilot", data={"enabled": "on"})
        profile = await client.post(f"{PAGE}/profile", {"annual_expenses": "1"})

    assert re.search(r'id="autopilot-toggle" disabled', page.text)
    assert refused.status_code == 403
    assert real_status(refused_htmx) == 403
    assert profile.status_code == 403
    stored = await harness.container.portfolio.planning_profiles().get(viewer.id)
    assert stored is not None and stored.autopilot is False
