"""Pool-drain alerts: a hand-worked series, the window's edge, bad input, and the monotone deque
against a brute-force reading of the rule (Hypothesis)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from domain.analytics.crypto.errors import InvalidCryptoInput
from domain.analytics.crypto.pool_drain import TvlPoint, pool_drain

D = Decimal
T0 = datetime(2025, 3, 1, tzinfo=UTC)
HOUR = timedelta(hours=1)


def series(*tvls: str | int) -> list[TvlPoint]:
    return [TvlPoint(T0 + i * HOUR, D(v)) for i, v in enumerate(tvls)]


def test_a_drain_worked_by_hand() -> None:
    # Arrange: hourly TVL; window 3 h (the point and the 3 hours before); alert at 30%
    points = series(100, 100, 90, 60, 55, 80, 80, 80, 80)

    # Act
    report = pool_drain(points, 3 * HOUR, D("0.3"))

    # Assert: drops from the window's peak: h3 1 - 60/100 = 0.4; h4 (window h1..h4, peak 100
    # at h1) 1 - 55/100 = 0.45; h5 (window h2..h5, peak 90 at h2) 1 - 80/90 = 0.111: one
    # alert, h3..h4, its trough at h4 measured from h1 (of two equal peaks, the later)
    [alert] = report.alerts
    assert (alert.start, alert.end) == (T0 + 3 * HOUR, T0 + 4 * HOUR)
    assert (alert.peak_at, alert.peak_tvl) == (T0 + HOUR, D(100))
    assert (alert.trough_at, alert.trough_tvl, alert.max_drop) == (T0 + 4 * HOUR, D(55), D("0.45"))
    assert alert.observations == 2
    assert report.max_drop == D("0.45") and report.latest_drop == 0 and not report.alerting


def test_a_slow_decline_longer_than_the_window_does_not_alert() -> None:
    # Arrange: -10% an hour, compounding, over a 2-hour window: at most 1 - 0.81 = 19%
    points = series(1000, 900, 810, "729", "656.1", "590.49")

    # Act
    report = pool_drain(points, 2 * HOUR, D("0.3"))

    # Assert
    assert report.alerts == () and report.max_drop == D("0.19")


def test_a_pool_draining_now_is_alerting() -> None:
    # Act
    report = pool_drain(series(500, 500, 100), 24 * HOUR, D("0.5"))

    # Assert
    assert report.alerting and report.latest_drop == D("0.8")
    assert report.alerts[-1].end == T0 + 2 * HOUR


def test_an_emptied_pool_then_refilled_measures_from_zero_safely() -> None:
    # Act: the pool was at 0, so drops from a 0 peak are 0, not a division error
    report = pool_drain(series(0, 0, 10, 0), 1 * HOUR, D("0.5"))

    # Assert
    assert [a.max_drop for a in report.alerts] == [D(1)]


@pytest.mark.parametrize(
    ("points", "window", "threshold", "field"),
    [
        (series(1), HOUR, D("0.3"), "at"),
        (series(1, 2), timedelta(0), D("0.3"), "window"),
        (series(1, 2), HOUR, D(0), "threshold"),
        (series(1, 2), HOUR, D("1.5"), "threshold"),
        ([TvlPoint(T0, D(1)), TvlPoint(T0, D(1))], HOUR, D("0.3"), "at[1]"),
        ([TvlPoint(T0, D(1)), TvlPoint(datetime(2025, 3, 2), D(1))], HOUR, D("0.3"), "at[1]"),
        (series(1, -2), HOUR, D("0.3"), "tvl[1]"),
    ],
)
def test_bad_input_names_its_field(
    points: list[TvlPoint], window: timedelta, threshold: Decimal, field: str
) -> None:
    with pytest.raises(InvalidCryptoInput) as caught:
        pool_drain(points, window, threshold)
    assert caught.value.field == field


def brute_force_drops(points: list[TvlPoint], window: timedelta) -> list[Decimal]:
    drops = []
    for point in points:
        peak = max(p.tvl for p in points if point.at - window <= p.at <= point.at)
        drops.append(D(0) if peak == 0 else 1 - point.tvl / peak)
    return drops


@settings(max_examples=60, deadline=None)
@given(
    tvls=st.lists(st.integers(0, 1000), min_size=2, max_size=25),
    gaps=st.lists(st.integers(1, 5), min_size=40, max_size=40),
    window_hours=st.integers(1, 8),
    threshold=st.sampled_from(["0.1", "0.25", "0.5", "1"]),
)
def test_the_deque_agrees_with_brute_force(
    tvls: list[int], gaps: list[int], window_hours: int, threshold: str
) -> None:
    # Arrange: irregular timestamps
    at, points = T0, []
    for tvl, gap in zip(tvls, gaps, strict=False):
        points.append(TvlPoint(at, D(tvl)))
        at += gap * HOUR
    window = window_hours * HOUR

    # Act
    report = pool_drain(points, window, D(threshold))

    # Assert
    drops = brute_force_drops(points, window)
    breaching = [p.at for p, d in zip(points, drops, strict=True) if d >= D(threshold)]
    assert report.max_drop == max(drops) and report.latest_drop == drops[-1]
    assert sum(a.observations for a in report.alerts) == len(breaching)
    assert all(a.max_drop >= D(threshold) and 0 <= a.max_drop <= 1 for a in report.alerts)
    assert report.alerting == (drops[-1] >= D(threshold))
