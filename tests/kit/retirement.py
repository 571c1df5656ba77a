"""A retirement simulation checked against the closed form it must meet without cash flows."""

from __future__ import annotations

import math

from scipy import stats

from domain.analytics.montecarlo.retirement import RetirementResult, monthly_log_return_params
from ports.core.compute import RetirementInputs


def assert_lognormal_final_wealth(got: RetirementResult, plan: RetirementInputs) -> None:
    """No cash flows: W_H = W_0 exp(H m + sqrt(H) s Z), so each final wealth percentile's log is
    within 4 standard errors (the order statistic's of the quantile) of the exact quantile."""
    m, s = monthly_log_return_params(plan.annual_return, plan.annual_volatility)
    sigma = s * math.sqrt(plan.horizon_months)
    for level, value in zip(got.percentile_levels, got.wealth_percentiles[:, -1], strict=True):
        q = level / 100.0
        z = stats.norm.ppf(q)
        exact = math.log(plan.initial_wealth) + plan.horizon_months * m + sigma * z
        se = sigma * math.sqrt(q * (1 - q) / plan.paths) / stats.norm.pdf(z)
        assert abs(math.log(value) - exact) < 4 * se, level
