"""Gas: rolling z-scores by hand and against a plain loop, flat windows, the cheapest window."""

from __future__ import annotations

import numpy as np
import pytest

from domain.analytics.crypto.errors import InvalidCryptoInput
from domain.analytics.crypto.gas import HOURS_PER_WEEK, cheapest_window, rolling_scores

pytestmark = pytest.mark.blas  # goes through BLAS/LAPACK: `make kernels` runs it per core type


def test_a_spike_worked_by_hand() -> None:
    # Arrange: window 3; before 40: 10, 12, 14 -> mean 12, sample std 2 -> z = (40 - 12)/2 = 14
    gwei = np.array([10.0, 12.0, 14.0, 40.0, 13.0])

    # Act
    scores = rolling_scores(gwei, window=3, threshold=3.0)

    # Assert
    assert np.isnan(scores.z[:3]).all()  # not enough history
    assert scores.mean[3] == 12.0 and scores.std[3] == 2.0 and scores.z[3] == 14.0
    # before 13: 12, 14, 40 -> mean 22, std sqrt(((-10)^2 + (-8)^2 + 18^2) / 2) = sqrt(244)
    assert scores.z[4] == pytest.approx((13 - 22) / np.sqrt(244))
    assert scores.spike.tolist() == [False, False, False, True, False]


def test_a_rise_over_a_flat_window_is_a_spike_without_a_z() -> None:
    # Act
    scores = rolling_scores(np.array([5.0, 5.0, 5.0, 6.0, 5.0]), window=3, threshold=3.0)

    # Assert
    assert scores.flat[3] and np.isnan(scores.z[3]) and scores.spike[3]
    assert not scores.flat[4] and not scores.spike[4]


def test_scores_agree_with_a_plain_loop() -> None:
    # Arrange: a quiet stretch after a volatile one (where running sums lose precision)
    rng = np.random.default_rng(7)
    gwei = np.concatenate([rng.lognormal(3, 1, 500), 1000 + rng.normal(0, 1e-3, 500)])
    window = 48

    # Act
    scores = rolling_scores(gwei, window, 3.0)

    # Assert
    for t in range(window, gwei.size):
        before = gwei[t - window : t]
        mean, std = before.mean(), before.std(ddof=1)
        assert scores.mean[t] == pytest.approx(mean, rel=1e-12)
        assert scores.std[t] == pytest.approx(std, rel=1e-9)
        assert scores.spike[t] == ((gwei[t] - mean) / std > 3.0)


@pytest.mark.parametrize(
    ("gwei", "window", "threshold", "field"),
    [
        ([1.0, 2.0, 3.0], 1, 3.0, "window"),
        ([1.0, 2.0], 2, 3.0, "window"),
        ([1.0, 2.0, 3.0], 2, 0.0, "threshold"),
        ([1.0, -2.0, 3.0], 2, 3.0, "gwei[1]"),
        ([1.0, 2.0, float("inf")], 2, 3.0, "gwei[2]"),
    ],
)
def test_bad_input_names_its_field(
    gwei: list[float], window: int, threshold: float, field: str
) -> None:
    with pytest.raises(InvalidCryptoInput) as caught:
        rolling_scores(np.array(gwei), window, threshold)
    assert caught.value.field == field


def week(prices_by_hour: dict[int, list[float]]) -> tuple[np.ndarray, np.ndarray]:
    slots = [h for h, values in prices_by_hour.items() for _ in values]
    values = [v for vs in prices_by_hour.values() for v in vs]
    return np.array(slots, dtype=np.int64), np.array(values)


def test_the_cheapest_hour_is_the_lowest_median() -> None:
    # Arrange: every hour costs 30 except Saturday 04:00 (5*24 + 4 = 124), whose median is 8
    # even with one spike in it (the median shrugs it off)
    prices = {h: [30.0, 31.0] for h in range(HOURS_PER_WEEK)}
    prices[124] = [8.0, 7.0, 9.0, 500.0, 8.0]

    # Act
    best = cheapest_window(*week(prices))

    # Assert
    assert best.start_hour_of_week == 124 and best.start_weekday == "saturday"
    assert best.mean_median == 8.0 and best.buckets[124].count == 5
    # all 339 prices: 7, 8, 8, 9, then 167 x 30 and 167 x 31, then 500: the median is 30
    assert best.overall_median == 30.0
    assert best.savings == pytest.approx(1 - 8.0 / 30.0)


def test_a_block_wraps_from_sunday_night_into_monday() -> None:
    # Arrange: Sunday 23:00 (167) and Monday 00:00 (0) are cheap
    prices = {h: [20.0] for h in range(HOURS_PER_WEEK)}
    prices[167] = [4.0]
    prices[0] = [6.0]

    # Act
    best = cheapest_window(*week(prices), hours=2)

    # Assert
    assert best.start_hour_of_week == 167 and best.mean_median == 5.0


def test_hours_without_enough_samples_are_not_candidates() -> None:
    # Arrange: hour 3 is cheapest but seen once; min_samples 2
    prices = {h: [20.0, 20.0] for h in range(10)}
    prices[3] = [1.0]

    # Act
    best = cheapest_window(*week(prices), min_samples=2)
    none = cheapest_window(*week(prices), hours=24, min_samples=2)

    # Assert: ties among the others go to the earliest; no complete 24-hour block exists
    assert best.start_hour_of_week == 0 and best.mean_median == 20.0
    assert none.start_hour_of_week is None and none.savings is None
    assert best.buckets[3].median == 1.0 and best.buckets[50].median is None


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [({"hours": 0}, "hours"), ({"hours": 169}, "hours"), ({"min_samples": 0}, "min_samples")],
)
def test_bad_window_arguments(kwargs: dict[str, int], field: str) -> None:
    with pytest.raises(InvalidCryptoInput) as caught:
        cheapest_window(np.array([1]), np.array([1.0]), **kwargs)
    assert caught.value.field == field


def test_an_hour_outside_the_week_is_refused() -> None:
    with pytest.raises(InvalidCryptoInput) as caught:
        cheapest_window(np.array([168]), np.array([1.0]))
    assert caught.value.field == "hour_of_week"
