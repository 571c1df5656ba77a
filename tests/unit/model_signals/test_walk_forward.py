"""Walk-forward splits never let a training label reach the test block; metrics are right."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.model_signals.walk_forward import (
    InvalidSplit,
    forward_returns,
    hit_rate,
    information_coefficient,
    walk_forward_folds,
)


@given(
    bars=st.integers(60, 3000), folds=st.integers(1, 8), horizon=st.integers(1, 20),
    first=st.integers(0, 50),
)  # fmt: skip
def test_folds_expand_and_keep_a_gap_of_the_horizon(
    bars: int, folds: int, horizon: int, first: int
) -> None:
    # Arrange / Act
    try:
        cut = walk_forward_folds(bars, folds, horizon, first)
    except InvalidSplit:
        return

    # Assert
    assert len(cut) == folds
    for fold in cut:
        last_label_bar = fold.train_end - 1 + horizon  # the label of the last training row
        assert last_label_bar < fold.test_start
        assert fold.test_start - fold.train_end >= horizon
        assert fold.train_start == first < fold.train_end <= fold.test_start < fold.test_end
    assert [f.train_end for f in cut] == sorted(f.train_end for f in cut)
    assert cut[-1].test_end == bars


def test_too_few_bars_for_the_folds_is_refused_with_the_count_needed() -> None:
    with pytest.raises(InvalidSplit, match="need at least"):
        walk_forward_folds(20, folds=4, horizon=5)


def test_forward_return_is_the_log_return_over_the_horizon_and_unknown_at_the_end() -> None:
    # Arrange
    close = np.array([[100.0, 110.0, 121.0, 133.1]])

    # Act
    label = forward_returns(close, 2)

    # Assert
    np.testing.assert_allclose(label[0, :2], [np.log(1.21), np.log(1.21)])
    assert np.isnan(label[0, 2:]).all()


def test_ic_and_hit_rate() -> None:
    # Arrange
    realised = np.array([0.02, -0.01, 0.03, -0.04, 0.0])

    # Act / Assert
    assert information_coefficient(realised * 3, realised) == pytest.approx(1.0)
    assert information_coefficient(-realised, realised) == pytest.approx(-1.0)
    assert hit_rate(realised, realised) == 1.0  # the zero label is not counted
    assert hit_rate(np.array([1.0, 1.0, 1.0, 1.0, 1.0]), realised) == 0.5
    assert information_coefficient(np.ones(5), realised) == 0.0
