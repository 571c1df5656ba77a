"""Depth-of-market analytics: cumulative depth, spread, microprice, imbalance and whale orders."""

from __future__ import annotations

import math
import statistics
from datetime import UTC, datetime
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.market_data.book import BookLevel, OrderBook
from domain.market_data.depth import (
    BookSide,
    WhaleRule,
    ZScoreMethod,
    analyze_depth,
    cumulative_depth,
    find_whales,
    imbalance,
    microprice,
    size_z_scores,
    spread,
)

D = Decimal
AT = datetime(2026, 1, 5, 14, 30, tzinfo=UTC)


def book(bids: list[tuple[str, str]], asks: list[tuple[str, str]]) -> OrderBook:
    return OrderBook(
        "AAPL",
        tuple(BookLevel(D(p), D(s)) for p, s in bids),
        tuple(BookLevel(D(p), D(s)) for p, s in asks),
        AT,
    )


@st.composite
def books(draw: st.DrawFn) -> OrderBook:
    """Up to 12 levels a side around 100.00, one-cent ticks, sizes 1..100,000."""
    best_bid = draw(st.integers(9_000, 10_000))
    gap = draw(st.integers(1, 50))
    bid_steps = draw(st.lists(st.integers(1, 20), max_size=12))
    ask_steps = draw(st.lists(st.integers(1, 20), max_size=12))
    sizes = st.integers(1, 100_000)

    def side(start: int, steps: list[int], sign: int) -> tuple[BookLevel, ...]:
        price, levels = start, []
        for step in steps:
            levels.append(BookLevel(D(price) / 100, D(draw(sizes))))
            price += sign * step
        return tuple(levels)

    return OrderBook("AAPL", side(best_bid, bid_steps, -1), side(best_bid + gap, ask_steps, 1), AT)


def test_cumulative_depth_runs_size_and_notional_from_the_best_level() -> None:
    levels = book([("100.00", "5"), ("99.90", "10"), ("99.80", "1")], []).bids

    depth = cumulative_depth(levels)

    assert [d.cumulative_size for d in depth] == [D(5), D(15), D(16)]
    assert [d.cumulative_notional for d in depth] == [
        D("500.00"),
        D("500.00") + D("999.00"),
        D("500.00") + D("999.00") + D("99.80"),
    ]
    assert [d.size for d in depth] == [D(5), D(10), D(1)]


def test_spread_mid_and_microprice_of_a_two_sided_book() -> None:
    b = book([("99.98", "300"), ("99.97", "50")], [("100.02", "100")])

    analysis = analyze_depth(b)

    assert analysis.mid == D("100.00")
    assert analysis.spread is not None
    assert analysis.spread.absolute == D("0.04")
    assert analysis.spread.bps == D("4")
    # 3x more size on the bid: the microprice leans to the ask, 3/4 of the way.
    assert analysis.microprice == D("100.01")


def test_one_sided_book_has_no_mid_spread_or_microprice() -> None:
    b = book([("99.98", "300")], [])

    analysis = analyze_depth(b)

    assert (analysis.mid, analysis.spread, analysis.microprice) == (None, None, None)
    assert analysis.imbalance == D(1)


def test_empty_book_has_no_imbalance() -> None:
    assert imbalance(book([], []), 5) is None


def test_imbalance_counts_only_the_top_levels() -> None:
    b = book([("99.9", "30"), ("99.8", "1000")], [("100.1", "10"), ("100.2", "10")])

    assert imbalance(b, 1) == D("0.5")  # (30 - 10) / 40
    assert imbalance(b, 2) == (D(1030) - D(20)) / D(1050)


def test_imbalance_needs_a_level() -> None:
    with pytest.raises(ValueError, match="at least one level"):
        imbalance(book([], []), 0)


def test_robust_z_flags_a_single_whale_the_standard_z_cannot_reach() -> None:
    # 5 levels a side: one order of 5,000 among sizes of about 100.
    sizes = ["100", "110", "90", "105", "95"]
    b = book(
        [(f"99.{9 - i}", s) for i, s in enumerate(sizes)],
        [("100.1", "5000"), *[(f"100.{2 + i}", s) for i, s in enumerate(sizes[:4])]],
    )

    robust = find_whales(b, WhaleRule(z=3.0))
    standard = find_whales(b, WhaleRule(z=3.0, method=ZScoreMethod.STANDARD))

    [whale] = robust
    assert (whale.side, whale.price, whale.size) == (BookSide.ASK, D("100.1"), D(5000))
    assert whale.by_z and not whale.by_size
    assert standard == ()  # sqrt(10 - 1) = 3 is the most a standard z can be over 10 levels


def test_absolute_size_threshold_flags_regardless_of_z() -> None:
    b = book([("99.9", "500"), ("99.8", "500")], [("100.1", "500")])

    whales = find_whales(b, WhaleRule(z=3.0, min_size=D(500)))

    assert [(w.side, w.by_size, w.by_z) for w in whales] == [
        (BookSide.BID, True, False),
        (BookSide.BID, True, False),
        (BookSide.ASK, True, False),
    ]
    assert all(w.z == 0.0 for w in whales)


def test_robust_z_falls_back_to_mean_deviation_when_most_sizes_are_equal() -> None:
    # MAD is 0 (most sizes equal); the mean absolute deviation still scores the outlier.
    scores = size_z_scores([D(100)] * 9 + [D(1000)], ZScoreMethod.ROBUST)

    assert scores[:9] == [0.0] * 9
    assert scores[9] == pytest.approx(900 / (1.2533 * 90))


@pytest.mark.parametrize("method", list(ZScoreMethod))
def test_z_scores_are_zero_when_sizes_do_not_vary(method: ZScoreMethod) -> None:
    assert size_z_scores([D(7)] * 4, method) == [0.0] * 4
    assert size_z_scores([], method) == []


@pytest.mark.parametrize(
    ("z", "min_size"), [(0.0, None), (-1.0, None), (math.nan, None), (3.0, D(0)), (3.0, D(-5))]
)
def test_whale_rule_rejects_non_positive_thresholds(z: float, min_size: Decimal | None) -> None:
    with pytest.raises(ValueError, match="positive"):
        WhaleRule(z=z, min_size=min_size)


@given(books(), st.integers(1, 15))
def test_imbalance_is_bounded(b: OrderBook, levels: int) -> None:
    value = imbalance(b, levels)

    if not b.bids and not b.asks:
        assert value is None
    else:
        assert value is not None
        assert D(-1) <= value <= D(1)
        assert (value == 1) == (not b.asks) and (value == -1) == (not b.bids)


@given(books())
def test_cumulative_depth_never_decreases_and_ends_at_the_side_total(b: OrderBook) -> None:
    analysis = analyze_depth(b)

    for side, levels in ((analysis.bids, b.bids), (analysis.asks, b.asks)):
        sizes = [d.cumulative_size for d in side]
        notionals = [d.cumulative_notional for d in side]
        assert sizes == sorted(sizes) and notionals == sorted(notionals)
        assert sizes[-1:] == ([sum(lv.size for lv in levels)] if levels else [])


@given(books())
def test_microprice_lies_between_best_bid_and_ask(b: OrderBook) -> None:
    price = microprice(b)

    if b.best_bid and b.best_ask:
        assert price is not None and b.best_bid.price <= price <= b.best_ask.price
        gap = spread(b)
        assert gap is not None and gap.absolute > 0 and gap.bps > 0


def reference_z(sizes: list[float], method: ZScoreMethod) -> list[float]:
    """The rule restated with the standard library."""
    if method is ZScoreMethod.STANDARD:
        centre, scale = statistics.fmean(sizes), statistics.pstdev(sizes)
    else:
        centre = statistics.median(sizes)
        deviations = [abs(s - centre) for s in sizes]
        scale = 1.4826 * statistics.median(deviations) or 1.2533 * statistics.fmean(deviations)
    return [0.0 if scale == 0 else (s - centre) / scale for s in sizes]


@given(
    books(),
    st.floats(0.5, 6.0),
    st.none() | st.integers(1, 100_000).map(D),
    st.sampled_from(list(ZScoreMethod)),
)
def test_whales_are_exactly_the_levels_the_rule_flags(
    b: OrderBook, z: float, min_size: Decimal | None, method: ZScoreMethod
) -> None:
    rule = WhaleRule(z=z, min_size=min_size, method=method)
    placed = [(BookSide.BID, lv) for lv in b.bids] + [(BookSide.ASK, lv) for lv in b.asks]
    scores = reference_z([float(lv.size) for _, lv in placed], method) if placed else []

    whales = find_whales(b, rule)

    expected = [
        (side, lv.price)
        for (side, lv), score in zip(placed, scores, strict=True)
        # A hair of tolerance: the two computations may round a boundary z differently.
        if (min_size is not None and lv.size >= min_size) or score >= z + 1e-9
    ]
    borderline = {
        (side, lv.price)
        for (side, lv), score in zip(placed, scores, strict=True)
        if abs(score - z) <= 1e-9
    }
    assert [(w.side, w.price) for w in whales if (w.side, w.price) not in borderline] == [
        e for e in expected if e not in borderline
    ]


@given(books())
def test_standard_z_never_exceeds_its_bound(b: OrderBook) -> None:
    sizes = [lv.size for lv in (*b.bids, *b.asks)]

    scores = size_z_scores(sizes, ZScoreMethod.STANDARD)

    assert all(z <= math.sqrt(max(len(sizes) - 1, 0)) + 1e-9 for z in scores)
