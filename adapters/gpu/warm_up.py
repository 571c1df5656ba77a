"""The Monte Carlo part of a compute backend's warm-up, the same on every backend."""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from domain.analytics.montecarlo.regime_model import default_model
from ports.core.compute import ComputePort, RetirementInputs


def warm_monte_carlo(compute: ComputePort, paths: int) -> None:
    """Run each Monte Carlo kernel once on `paths` paths: the retirement plan with normal and
    with Student-t returns (a two-month plan), and a two-regime, two-step regime simulation."""
    plan = RetirementInputs(
        initial_wealth=1.0,
        monthly_contribution=0.0,
        retirement_month=1,
        monthly_withdrawal=0.0,
        horizon_months=2,
        annual_return=0.05,
        annual_volatility=0.1,
        paths=paths,
    )
    compute.retirement(plan)
    compute.retirement(replace(plan, student_t_dof=5.0))
    model = default_model(2)
    compute.regime(model, np.full(2, 0.5), steps=2, paths=paths, initial_regime=model.regimes[0])
