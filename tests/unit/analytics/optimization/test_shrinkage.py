"""Our Ledoit-Wolf (domain/analytics/optimization/shrinkage.py) against scikit-learn's.

scikit-learn is a dev dependency here only: the runtime does not import it (its import costs
seconds; docs/optimization.md). Its import is paid once, by whichever worker runs this module.
"""

from __future__ import annotations

import numpy as np
import pytest

from domain.analytics.optimization.shrinkage import ledoit_wolf


@pytest.mark.parametrize(("observations", "assets"), [(250, 4), (30, 40), (5, 3), (600, 120)])
def test_our_ledoit_wolf_is_scikit_learns(observations: int, assets: int) -> None:
    # Arrange: scikit-learn (a dev dependency) is the oracle
    from sklearn.covariance import ledoit_wolf as reference

    rng = np.random.default_rng(observations)
    returns = rng.normal(0, 0.01, (observations, assets)) + rng.normal(0, 0.004, (observations, 1))
    expected, expected_shrinkage = reference(returns)

    # Act
    matrix, shrinkage = ledoit_wolf(returns)

    # Assert
    assert shrinkage == pytest.approx(expected_shrinkage, abs=1e-12)
    assert matrix == pytest.approx(expected, rel=1e-12, abs=1e-18)
