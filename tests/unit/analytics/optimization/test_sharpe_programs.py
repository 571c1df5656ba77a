"""The maximum-Sharpe programs kept compiled per covariance and bounds: a kept program answers
what a fresh compilation answers, for any excess returns, from any thread."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from adapters.optimization.cvxpy_optimizer import CvxpyOptimizer
from adapters.optimization.sharpe_programs import SharpePrograms
from domain.analytics.optimization.bounds import WeightBounds

pytestmark = pytest.mark.blas  # goes through BLAS/LAPACK: `make kernels` runs it per core type

SAME = 1e-6  # both solves stop at the solver's tolerance, not at the same iterate


def market(n: int, seed: int) -> tuple[np.ndarray, np.ndarray, WeightBounds]:
    rng = np.random.default_rng(seed)
    factors = rng.normal(size=(n, n + 3))
    covariance = factors @ factors.T / (n + 3) * 0.04 + np.eye(n) * 1e-3
    mu = rng.uniform(0.02, 0.20, n)
    return covariance, mu, WeightBounds(np.zeros(n), np.full(n, 0.6))


def fresh(covariance: np.ndarray, mu: np.ndarray, rf: float, bounds: WeightBounds) -> np.ndarray:
    """A new optimizer: nothing kept, so its one solve compiles the plain program."""
    return CvxpyOptimizer().max_sharpe(mu, covariance, rf, bounds)


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    n=st.integers(2, 6),
    seed=st.integers(0, 2**32 - 1),
    rates=st.lists(st.floats(-0.5, 0.015), min_size=3, max_size=3),
)
def test_a_kept_program_answers_as_a_fresh_compilation(
    n: int, seed: int, rates: list[float]
) -> None:
    # Arrange: one optimizer asked three times on one covariance and bounds (the second and
    # third solves use the kept, parametrized program)
    covariance, mu, bounds = market(n, seed)
    optimizer = CvxpyOptimizer()

    # Act
    answers = [optimizer.max_sharpe(mu, covariance, rf, bounds) for rf in rates]

    # Assert
    for rf, weights in zip(rates, answers, strict=True):
        np.testing.assert_allclose(weights, fresh(covariance, mu, rf, bounds), atol=SAME)


def test_a_program_is_kept_on_its_second_sight_and_the_oldest_leaves_first() -> None:
    # Arrange
    import cvxpy

    programs = SharpePrograms(capacity=2)
    markets = [market(3, seed) for seed in range(3)]
    unit = [c / np.mean(np.diag(c)) for c, _, _ in markets]

    def ask(i: int) -> None:
        with programs.solving(cvxpy, unit[i], markets[i][2], markets[i][1]):
            pass

    # Act / Assert
    ask(0)
    assert len(programs) == 0  # a one-off solve compiles the plain program, keeps nothing
    ask(0)
    ask(1)
    ask(1)
    assert len(programs) == 2
    ask(2)
    ask(2)  # the third kept: the least recently used (0) leaves
    assert len(programs) == 2
    with programs.solving(cvxpy, unit[0], markets[0][2], markets[0][1]) as program:
        assert program.excess is None  # 0 was seen once since: plain again


def test_other_bounds_on_the_same_covariance_are_another_program() -> None:
    # Arrange
    covariance, mu, loose = market(4, 7)
    tight = WeightBounds(np.zeros(4), np.full(4, 0.3))
    optimizer = CvxpyOptimizer()
    for _ in range(2):
        optimizer.max_sharpe(mu, covariance, 0.0, loose)

    # Act
    answers = [optimizer.max_sharpe(mu, covariance, 0.0, tight) for _ in range(2)]

    # Assert
    for weights in answers:
        assert weights.max() <= 0.3 + 1e-6
        np.testing.assert_allclose(weights, fresh(covariance, mu, 0.0, tight), atol=SAME)


def test_threads_solving_one_kept_program_each_get_their_own_answer() -> None:
    # Arrange: one covariance seen twice (kept), then 24 rates asked from 4 threads at once
    covariance, mu, bounds = market(5, 11)
    optimizer = CvxpyOptimizer()
    for _ in range(2):
        optimizer.max_sharpe(mu, covariance, 0.0, bounds)
    rates = [-0.3 + 0.012 * i for i in range(24)]

    # Act
    with ThreadPoolExecutor(max_workers=4) as pool:
        answers = list(pool.map(lambda rf: optimizer.max_sharpe(mu, covariance, rf, bounds), rates))

    # Assert
    for rf, weights in zip(rates, answers, strict=True):
        np.testing.assert_allclose(weights, fresh(covariance, mu, rf, bounds), atol=SAME)


def test_a_large_universe_is_never_kept() -> None:
    # Arrange: more assets than a program is kept for, seen three times
    import cvxpy

    programs = SharpePrograms(max_assets=10)
    covariance, mu, bounds = market(11, 3)
    unit = covariance / np.mean(np.diag(covariance))

    # Act
    for _ in range(3):
        with programs.solving(cvxpy, unit, bounds, mu) as program:
            plain = program.excess is None

    # Assert
    assert plain and len(programs) == 0
