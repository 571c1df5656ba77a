"""Regime segments of dated attribution periods: runs of one regime, dated changes, and the
effects summed and linked per segment (hand-worked on three sectors' worth of totals)."""

from __future__ import annotations

import math
from datetime import date, timedelta

import numpy as np
import pytest

from domain.analytics.montecarlo.regime_model import Regime
from domain.analytics.regime_detection import InsufficientPriceHistory
from domain.analytics.regime_segments import period_readings, regime_segments
from domain.portfolio.attribution import PeriodAttribution, attribute
from domain.portfolio.linking import LinkingCoefficients, LinkingMethod, linking_coefficients

pytestmark = pytest.mark.blas  # goes through BLAS/LAPACK: `make kernels` runs it per core type

BULL, BEAR = Regime.BULL, Regime.BEAR
STARTS = [date(2024, m, 1) for m in range(1, 6)]
ENDS = [date(2024, m, 1) for m in range(2, 7)]


def periods() -> tuple[list[PeriodAttribution], LinkingCoefficients]:
    # five periods, two sectors; active returns vary so the linking coefficients differ
    w_p = np.array([[0.6, 0.4]] * 5)
    w_b = np.array([[0.5, 0.5]] * 5)
    r_p = np.array([[0.02, 0.01], [0.03, -0.01], [-0.04, 0.0], [-0.02, -0.03], [0.01, 0.02]])
    r_b = np.array([[0.01, 0.01], [0.02, 0.0], [-0.03, 0.01], [-0.02, -0.01], [0.0, 0.01]])
    rows = list(attribute(w_p, w_b, r_p, r_b))
    beta = linking_coefficients(
        LinkingMethod.CARINO, [r.portfolio_return for r in rows], [r.benchmark_return for r in rows]
    )
    return rows, beta


def test_runs_of_one_regime_are_segments_and_each_change_is_dated() -> None:
    # Arrange
    rows, beta = periods()
    labels = [BULL, BULL, BEAR, BEAR, BULL]

    # Act
    segments, changes = regime_segments(labels, STARTS, ENDS, rows, beta)

    # Assert
    assert [(s.regime, s.first_period, s.last_period) for s in segments] == [
        (BULL, 0, 1), (BEAR, 2, 3), (BULL, 4, 4)]  # fmt: skip
    assert [(c.on, c.before, c.after) for c in changes] == [
        (ENDS[2], BULL, BEAR), (ENDS[4], BEAR, BULL)]  # fmt: skip
    assert (segments[1].start, segments[1].end) == (STARTS[2], ENDS[3])
    bear = rows[2:4]
    assert segments[1].portfolio_return == pytest.approx(
        (1 + bear[0].portfolio_return) * (1 + bear[1].portfolio_return) - 1
    )
    assert segments[1].summed.selection == pytest.approx(
        bear[0].totals.selection + bear[1].totals.selection, abs=1e-16
    )
    b = beta.coefficients
    assert segments[1].linked.allocation == pytest.approx(
        b[2] * bear[0].totals.allocation + b[3] * bear[1].totals.allocation, abs=1e-16
    )
    linked_total = math.fsum(s.linked.total for s in segments)
    assert linked_total == pytest.approx(beta.active_return, abs=1e-15)


def test_one_regime_throughout_is_one_segment_without_changes() -> None:
    rows, beta = periods()
    segments, changes = regime_segments([BEAR] * 5, STARTS, ENDS, rows, beta)
    assert len(segments) == 1 and changes == ()
    assert segments[0].periods == 5


def test_each_period_is_read_on_the_levels_up_to_its_end() -> None:
    # Arrange: 300 days rising 0.5 % a day, then 100 falling 1.5 % a day
    first = date(2023, 1, 1)
    days = np.asarray([first + timedelta(days=i) for i in range(400)], dtype="datetime64[D]")
    steps = [0.005 if i < 300 else -0.015 for i in range(1, 400)]
    levels = np.exp(np.concatenate([[0.0], np.cumsum(steps)]))

    # Act
    readings = period_readings(
        days, levels, [first + timedelta(days=280), first + timedelta(days=399)]
    )

    # Assert
    assert [r.label for r in readings] == [BULL, BEAR]
    assert readings[0].observations == 252  # the window, not the whole history


def test_too_few_levels_before_an_end_cannot_be_read() -> None:
    days = np.asarray([date(2024, 1, 1) + timedelta(days=i) for i in range(150)], "datetime64[D]")
    with pytest.raises(InsufficientPriceHistory):
        period_readings(days, np.ones(150), [date(2024, 5, 1)])
