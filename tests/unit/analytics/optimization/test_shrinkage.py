"""Our Ledoit-Wolf (domain/analytics/optimization/shrinkage.py) against scikit-learn's.

scikit-learn is a dev dependency here only: the runtime does not import it (its import costs
seconds; docs/optimization.md). Its import is paid once, by whichever worker runs this module.
"""

from __future__ import annotations

import numpy as np
import pytest

from domain.analytics.optimization.shrinkage import ledoit_wolf
from tests.kit.tolerance import summed

pytestmark = pytest.mark.blas  # goes through BLAS/LAPACK: `make kernels` runs it per core type


@pytest.mark.parametrize(("observations", "assets"), [(250, 4), (30, 40), (5, 3), (600, 120)])
def test_our_ledoit_wolf_is_scikit_learns(observations: int, assets: int) -> None:
    # Arrange: scikit-learn (a dev dependency) is the oracle
    from sklearn.covariance import ledoit_wolf as reference

    rng = np.random.default_rng(observations)
    returns = rng.normal(0, 0.01, (observations, assets)) + rng.normal(0, 0.004, (observations, 1))
    expected, expected_shrinkage = reference(returns)

    # Act
    matrix, shrinkage = ledoit_wolf(returns)

    # Assert: each entry is a sum of T products whose magnitudes add up to at most the largest
    # variance (Cauchy-Schwarz), computed twice by matrix products each BLAS kernel orders its own
    # way: 2T eps of that variance apart at most, the floor of a near-zero entry's tolerance.
    floor = summed(float(np.max(np.diag(expected))), terms=2 * observations)
    assert shrinkage == pytest.approx(expected_shrinkage, abs=1e-12)
    assert matrix == pytest.approx(expected, rel=1e-12, abs=floor)
