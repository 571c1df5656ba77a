"""What the vendor adapters share: bars merged into larger timeframes, the bars a range keeps,
reference closes of dividends, and the calls-per-minute budget (Hypothesis properties)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from adapters.market_data.vendors._rest import CallBudget, decimal
from adapters.market_data.vendors._rest_bars import (
    BarWindow,
    aggregate,
    keep,
    with_reference_closes,
)
from adapters.memory.clock import FakeClock
from domain.market_data.bars import Bar, Timeframe
from domain.market_data.corporate_actions import ActionKind
from ports.market_data.marketdata import ProviderError, ProviderRateLimited

D = Decimal
BASE = datetime(2024, 6, 14, 13, 0, tzinfo=UTC)

cents = st.integers(min_value=1, max_value=1_000_000).map(lambda c: D(c) / 100)


@st.composite
def minute_bars(draw: st.DrawFn) -> list[Bar]:
    offsets = draw(st.lists(st.integers(0, 600), min_size=1, max_size=60, unique=True))
    bars = []
    for offset in sorted(offsets):
        a, b, c, d = (draw(cents) for _ in range(4))
        low, high = min(a, b, c, d), max(a, b, c, d)
        bars.append(
            Bar("X", Timeframe.M1, BASE + timedelta(minutes=offset), b, high, low, c,
                D(draw(st.integers(0, 10_000))))
        )  # fmt: skip
    return bars


@given(minute_bars(), st.sampled_from([Timeframe.M5, Timeframe.M15, Timeframe.H1, Timeframe.H4]))
def test_merged_bars_bound_their_parts_and_keep_every_share(
    bars: list[Bar], timeframe: Timeframe
) -> None:
    # Act
    merged = aggregate(bars, timeframe)

    # Assert
    assert sum((m.volume for m in merged), D(0)) == sum((b.volume for b in bars), D(0))
    assert [m.start for m in merged] == sorted({timeframe.floor(b.start) for b in bars})
    for m in merged:
        parts = [b for b in bars if timeframe.floor(b.start) == m.start]
        assert m.open == parts[0].open and m.close == parts[-1].close
        assert m.high == max(p.high for p in parts) and m.low == min(p.low for p in parts)


@given(minute_bars(), st.integers(1, 80), st.booleans())
def test_keep_is_in_range_ordered_unique_and_cut_to_the_limit(
    bars: list[Bar], limit: int, latest: bool
) -> None:
    # Arrange
    span = BarWindow(BASE + timedelta(minutes=100), BASE + timedelta(minutes=400), latest)

    # Act
    kept = keep(list(reversed(bars)) + bars, span, limit)

    # Assert
    inside = sorted({b.start for b in bars if span.start <= b.start < span.end})
    expected = inside[-limit:] if latest else inside[:limit]
    assert [b.start for b in kept] == expected


def test_a_dividend_without_a_close_before_it_is_left_out() -> None:
    # Arrange
    day = datetime(2024, 6, 10, tzinfo=UTC)
    daily = [Bar("X", Timeframe.D1, day, D(10), D(11), D(9), D(10), D(1))]

    # Act
    actions = with_reference_closes(
        "v", "X", [(date(2024, 6, 12), D(2))],
        [(date(2024, 6, 10), D("0.1")), (date(2024, 6, 11), D("0.2"))], daily,
    )  # fmt: skip

    # Assert: the 10th has no close before it; the 11th reads the 10th's
    assert [(a.kind, a.ex_date, a.reference_close) for a in actions] == [
        (ActionKind.DIVIDEND, date(2024, 6, 11), D(10)),
        (ActionKind.SPLIT, date(2024, 6, 12), None),
    ]


@given(st.integers(1, 50), st.lists(st.floats(0, 30), max_size=120))
@example(1, [1.3018265389226844, 0.0])  # the wait once came to 60 s and a rounding error
def test_the_budget_never_lets_more_than_its_calls_into_any_minute(
    per_minute: int, gaps: list[float]
) -> None:
    # Arrange
    clock = FakeClock(BASE)
    budget = CallBudget("v", per_minute, clock)
    taken: list[float] = []
    waits: list[float | None] = []

    # Act
    for gap in gaps:
        clock.advance(gap)
        try:
            budget.take()
            taken.append(clock.monotonic())
        except ProviderRateLimited as exc:
            waits.append(exc.retry_after_s)

    # Assert
    assert all(w is not None and 0 < w <= 60 for w in waits)
    for i, at in enumerate(taken):
        assert sum(1 for t in taken[i:] if t < at + 60) <= per_minute


@pytest.mark.parametrize("value", [None, True, "1e", "NaN", "Infinity", [1], float("nan")])
def test_a_number_that_is_not_one_is_a_provider_error(value: object) -> None:
    with pytest.raises(ProviderError, match="malformed price"):
        decimal("v", value, "price")
