"""The GPU backend's host-side retirement statistics equal their plain definitions."""

from __future__ import annotations

import numpy as np
import pytest

from adapters.gpu.compute_cuda import summarise_retirement
from domain.analytics.montecarlo import retirement as mc
from ports.core.compute import RetirementInputs


@pytest.mark.parametrize("target", [None, 1.5])
def test_summary_equals_the_definitions_of_each_statistic(target: float | None) -> None:
    # Arrange: 20,001 paths (threaded percentiles), ruin months 1..H and H + 1 (never ruined)
    horizon, paths = 60, 20_001
    rng = np.random.default_rng(4)
    marks = mc.checkpoints(horizon)
    wealth = rng.lognormal(0.0, 0.5, (marks.shape[0], paths))
    ruin = rng.integers(1, horizon + 2, paths).astype(np.int64)
    ruin[:100] = horizon + 1
    inputs = RetirementInputs(
        initial_wealth=1.0,
        monthly_contribution=0.0,
        retirement_month=0,
        monthly_withdrawal=0.0,
        horizon_months=horizon,
        annual_return=0.05,
        annual_volatility=0.1,
        paths=paths,
        target_wealth=target,
    )
    unsorted = wealth.copy()

    # Act
    got = summarise_retirement(inputs, marks, wealth, ruin)

    # Assert
    assert got.success_probability == float(np.mean(ruin > horizon))
    expected_ruin = [float(np.mean(ruin <= month)) for month in marks]
    np.testing.assert_array_equal(got.ruin_probability, expected_ruin)
    np.testing.assert_array_equal(
        got.wealth_percentiles, np.percentile(unsorted, mc.PERCENTILES, axis=1)
    )
    assert got.median_ending_wealth == float(np.median(unsorted[-1]))
    if target is None:
        assert got.probability_above_target is None
    else:
        assert got.probability_above_target == float(np.mean(unsorted[-1] > target))
