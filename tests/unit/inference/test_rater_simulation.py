"""The risk model's simulated training set: deterministic, bounded, labelled by its rules."""

from __future__ import annotations

import numpy as np

from domain.risk.rater_model import FEATURE_NAMES, simulate_outcomes


def test_the_same_seed_gives_the_same_set_and_another_seed_another() -> None:
    # Act
    a, la = simulate_outcomes(500, seed=1)
    b, lb = simulate_outcomes(500, seed=1)
    c, _ = simulate_outcomes(500, seed=2)

    # Assert
    np.testing.assert_array_equal(a, b)
    np.testing.assert_array_equal(la, lb)
    assert not np.array_equal(a, c)


def test_features_are_bounded_and_every_rating_occurs() -> None:
    # Act
    features, labels = simulate_outcomes(4000)

    # Assert
    assert features.shape == (4000, len(FEATURE_NAMES))
    assert np.all(np.isfinite(features))
    column = dict(zip(FEATURE_NAMES, features.T, strict=True))
    assert column["volatility"].min() >= 0.05 and column["volatility"].max() <= 3.0
    assert column["margin_buffer"].min() >= -1.0 and column["margin_buffer"].max() <= 1.0
    assert set(np.bincount(labels, minlength=3).nonzero()[0]) == {0, 1, 2}


def test_a_denied_or_margin_breaching_trade_is_always_danger() -> None:
    # Act
    features, labels = simulate_outcomes(4000)
    column = dict(zip(FEATURE_NAMES, features.T, strict=True))

    # Assert
    hard = (column["denied"] == 1) | (column["margin_breach"] == 1)
    assert hard.any() and np.all(labels[hard] == 2)
