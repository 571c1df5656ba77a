"""The attribution use case: sector alignment, weight normalisation and its refusals."""

from __future__ import annotations

import math
from datetime import date

import pytest

from application.analytics.attribution import (
    AttributionRequest,
    PeriodInput,
    SectorInput,
    analyse_attribution,
)
from domain.portfolio.attribution import InvalidAttributionInput
from domain.portfolio.linking import LinkingMethod, compound

pytestmark = pytest.mark.blas  # goes through BLAS/LAPACK: `make kernels` runs it per core type


def period(start: date, end: date, *rows: tuple[str, float, float, float, float]) -> PeriodInput:
    return PeriodInput(start, end, tuple(SectorInput(*row) for row in rows))


JAN, FEB, MAR = date(2024, 1, 31), date(2024, 2, 29), date(2024, 3, 31)


def test_sectors_are_aligned_by_name_whatever_their_order() -> None:
    # Arrange: the second period lists the sectors the other way round
    request = AttributionRequest(
        periods=(
            period(JAN, FEB, ("Tech", 0.6, 0.5, 0.04, 0.03), ("Energy", 0.4, 0.5, -0.01, 0.0)),
            period(FEB, MAR, ("Energy", 0.3, 0.5, 0.02, 0.01), ("Tech", 0.7, 0.5, 0.01, 0.02)),
        )
    )

    # Act
    report = analyse_attribution(request)

    # Assert
    assert report.sectors == ("Tech", "Energy")
    second = report.periods[1].attribution
    assert second.portfolio_return == pytest.approx(0.7 * 0.01 + 0.3 * 0.02, abs=1e-15)
    # Tech selection w_b (R_p - R_b) = .5 (1% - 2%) = -0.5%, in the first column
    assert second.selection[0] == pytest.approx(-0.005, abs=1e-15)


def test_weights_within_the_tolerance_are_normalised_so_totals_stay_exact() -> None:
    # Arrange: weights summing to 1 + 8e-7 (inside the 1e-6 tolerance)
    request = AttributionRequest(
        periods=(
            period(JAN, FEB, ("A", 0.5000008, 0.5, 0.10, 0.02), ("B", 0.5, 0.5, -0.30, 0.05)),
        ),
        linking=LinkingMethod.MENCHERO,
    )

    # Act
    report = analyse_attribution(request)

    # Assert
    row = report.periods[0].attribution
    assert abs(row.totals.total - row.active_return) <= 1e-15
    returns = [row.portfolio_return], [row.benchmark_return]
    assert math.isclose(
        report.linked.totals.total, compound(returns[0]) - compound(returns[1]), abs_tol=1e-15
    )


def test_a_period_return_at_or_below_minus_one_cannot_be_compounded() -> None:
    # Arrange: a leveraged long/short mix losing more than everything
    request = AttributionRequest(
        periods=(period(JAN, FEB, ("A", 2.0, 0.5, -1.0, 0.0), ("B", -1.0, 0.5, 1.0, 0.0)),)
    )

    # Act / Assert
    with pytest.raises(InvalidAttributionInput) as caught:
        analyse_attribution(request)
    assert caught.value.field == "periods[0].sectors"


def test_non_finite_numbers_are_refused_naming_the_field() -> None:
    request = AttributionRequest(
        periods=(period(JAN, FEB, ("A", 1.0, 1.0, math.nan, 0.0)),),
    )
    with pytest.raises(InvalidAttributionInput) as caught:
        analyse_attribution(request)
    assert caught.value.field == "periods[0].sectors[0].portfolio_return"
