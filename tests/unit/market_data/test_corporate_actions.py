"""Backward adjustment: splits and dividends scale the bars before their ex date."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import numpy as np
import pytest

from domain.market_data.bars import Bar, BarSeries, Timeframe
from domain.market_data.corporate_actions import ActionKind, Adjustment, CorporateAction, adjust

D = Decimal
MONDAY = datetime(2024, 1, 1, tzinfo=UTC)
SPLIT = CorporateAction("AAPL", ActionKind.SPLIT, date(2024, 1, 3), D(4))
DIVIDEND = CorporateAction(
    "AAPL", ActionKind.DIVIDEND, date(2024, 1, 2), D("1"), reference_close=D("50")
)


def bar(day: int, close: str) -> Bar:
    price = D(close)
    return Bar("AAPL", Timeframe.D1, MONDAY + timedelta(days=day), price, price, price, price,
               D(100), vwap=price, trades=7)  # fmt: skip


def test_a_split_divides_prices_and_multiplies_volumes_before_its_ex_date() -> None:
    raw = [bar(0, "200"), bar(1, "200"), bar(2, "50")]

    adjusted = adjust(raw, [SPLIT])

    assert [b.close for b in adjusted] == [D(50), D(50), D(50)]
    assert [b.volume for b in adjusted] == [D(400), D(400), D(100)]
    assert adjusted[0].vwap == D(50) and adjusted[0].trades == 7
    assert adjusted[2] is raw[2]


def test_factors_multiply_and_a_dividend_leaves_volume_alone() -> None:
    adjustment = Adjustment([SPLIT, DIVIDEND])

    assert adjustment.factors(date(2024, 1, 1)) == (D("0.245"), D(4))  # 1/4 * (1 - 1/50)
    assert adjustment.factors(date(2024, 1, 2)) == (D("0.25"), D(4))
    assert adjustment.factors(date(2024, 1, 3)) == (D(1), D(1))


def test_adjusted_prices_are_rounded_to_eight_places() -> None:
    three = CorporateAction("AAPL", ActionKind.SPLIT, date(2024, 1, 2), D(3))

    [adjusted] = adjust([bar(0, "100")], [three])

    assert adjusted.close == D("33.33333333")


def test_series_are_scaled_by_the_same_factors() -> None:
    series = BarSeries.from_bars([bar(0, "200"), bar(2, "50")])

    scaled = Adjustment([SPLIT]).series(series)

    assert scaled.close.tolist() == [50.0, 50.0]
    assert np.array_equal(scaled.volume, np.array([400.0, 100.0]))


def test_a_dividend_needs_a_reference_close_above_its_amount() -> None:
    with pytest.raises(ValueError, match="reference close"):
        CorporateAction("AAPL", ActionKind.DIVIDEND, date(2024, 1, 2), D(5), D(5))
    with pytest.raises(ValueError, match="value"):
        CorporateAction("AAPL", ActionKind.SPLIT, date(2024, 1, 2), D(0))
