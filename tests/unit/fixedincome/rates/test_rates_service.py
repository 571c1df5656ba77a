"""application/markets/rates.py: query parsing (422 naming the parameter), paging, the curve
view."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest

from adapters.memory.clock import FakeClock
from application.markets.rates import (
    FIRST_DAY,
    InvalidRatesCursor,
    InvalidRatesQuery,
    NoCurve,
    RatesService,
    decode_cursor,
    encode_cursor,
    parse_tenors,
)
from domain.fixedincome.curve import CurvePoint, Interpolation, YieldCurve
from ports.markets.rates import RateObservation, UnknownSeries

D = Decimal
TODAY = date(2024, 7, 10)


class FakeRates:
    """Seven days of one series, DGS10, and a three-point curve on 2024-07-03."""

    name = "fake"

    def __init__(self) -> None:
        self.calls: list[tuple[str, date, date]] = []
        self.days = [date(2024, 7, 1) + timedelta(days=n) for n in range(7)]

    async def series(self, series_id: str, start: date, end: date) -> list[RateObservation]:
        self.calls.append((series_id, start, end))
        if series_id not in {"DGS10", "DGS2", "DGS3MO"}:
            raise UnknownSeries(f"no {series_id}", field="series_id")
        return [RateObservation(d, D("4.2")) for d in self.days if start <= d <= end]

    async def curve(self, day: date) -> YieldCurve | None:
        if day < date(2024, 7, 3):
            return None
        return YieldCurve(
            date(2024, 7, 3),
            (
                CurvePoint("DGS3MO", "3M", 0.25, D("5.47")),
                CurvePoint("DGS2", "2Y", 2.0, D("4.67")),
                CurvePoint("DGS10", "10Y", 10.0, D("4.36")),
            ),
        )


def service() -> tuple[RatesService, FakeRates]:
    rates = FakeRates()
    return RatesService(rates, FakeClock(datetime(2024, 7, 10, 15, tzinfo=UTC))), rates


async def test_pages_follow_the_cursor_to_the_end() -> None:
    # Arrange
    svc, rates = service()

    # Act
    seen, cursor, pages = [], None, 0
    while True:
        page = await svc.series_page("dgs10", None, None, cursor, 3)
        seen += [o.day for o in page.items]
        pages += 1
        cursor = page.next_cursor
        if cursor is None:
            break

    # Assert: 7 days in pages of 3, 3, 1; defaults: the whole series up to today
    assert seen == rates.days and pages == 3
    assert rates.calls[0] == ("DGS10", FIRST_DAY, TODAY)


def test_a_cursor_round_trips_and_anything_else_is_refused() -> None:
    # Arrange
    cursor = encode_cursor(date(2024, 7, 3))

    # Act / Assert
    assert decode_cursor(cursor) == date(2024, 7, 3)
    for bad in ("", "x", "bm90LWpzb24", encode_cursor(date(2024, 7, 3))[:-2], "W10"):
        with pytest.raises(InvalidRatesCursor) as caught:
            decode_cursor(bad)
        assert caught.value.field == "cursor" and caught.value.code == "INVALID_CURSOR"


@pytest.mark.parametrize(
    ("text", "years"),
    [("0.5,2,10", (0.5, 2.0, 10.0)), ("3M, 6m,10Y", (0.25, 0.5, 10.0)), ("1M", (1 / 12,))],
)
def test_tenors_in_years_or_labels(text: str, years: tuple[float, ...]) -> None:
    assert parse_tenors(text) == pytest.approx(years)


@pytest.mark.parametrize("text", ["", "2,,10", "0", "-1", "abc", "10X", "nan", "inf", "101"])
def test_bad_tenors_name_the_parameter(text: str) -> None:
    with pytest.raises(InvalidRatesQuery) as caught:
        parse_tenors(text)
    assert caught.value.field == "tenors"


async def test_the_curve_view_with_default_tenors_inside_the_observed_range() -> None:
    # Arrange
    svc, _ = service()

    # Act
    view = await svc.curve("2024-07-04", "linear", None)

    # Assert: 3M, 6M, then whole years 1..10 (1M and 11+ are outside the points)
    assert view.curve.day == date(2024, 7, 3) and view.method is Interpolation.LINEAR
    assert view.tenors == (0.25, 0.5, *map(float, range(1, 11)))
    assert view.yields[0] == 5.47 and view.yields[-1] == 4.36
    assert view.yields[view.tenors.index(6.0)] == pytest.approx((4.67 + 4.36) / 2)


@pytest.mark.parametrize(
    ("args", "field"),
    [
        (("2024-7-4", None, None), "date"),
        (("2024-07-04", "spline", None), "method"),
        (("2024-07-04", None, "0.1"), "tenors"),
        (("2024-07-04", None, "2,30"), "tenors"),
    ],
)
async def test_bad_curve_queries_name_the_parameter(
    args: tuple[str | None, str | None, str | None], field: str
) -> None:
    svc, _ = service()
    with pytest.raises(InvalidRatesQuery) as caught:
        await svc.curve(*args)
    assert caught.value.field == field


async def test_no_curve_before_the_data_is_not_found_naming_date() -> None:
    svc, _ = service()
    with pytest.raises(NoCurve) as caught:
        await svc.curve("2024-07-02", None, None)
    assert caught.value.field == "date" and caught.value.code == "NO_CURVE"


async def test_inversions_default_to_the_last_year_and_refuse_a_reversed_range() -> None:
    # Arrange
    svc, rates = service()

    # Act
    view = await svc.inversions(None, None)
    with pytest.raises(InvalidRatesQuery) as caught:
        await svc.inversions("2024-07-05", "2024-07-01")

    # Assert
    assert (view.start, view.end) == (TODAY - timedelta(days=365), TODAY)
    assert {c[0] for c in rates.calls} == {"DGS10", "DGS2", "DGS3MO"}
    assert caught.value.field == "start"
