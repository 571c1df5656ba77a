"""Gaps between consecutive levels of a book: positive, one fewer than the levels, and a side's
gaps add up to the distance from its best level to its last."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from domain.market_data.book import BookLevel, OrderBook
from domain.market_data.depth import BookSide
from domain.market_data.level_gaps import level_gaps, widest_gap

NOW = datetime(2026, 1, 5, tzinfo=UTC)
CENT = Decimal("0.01")

steps = st.lists(st.integers(min_value=1, max_value=50), min_size=0, max_size=9)


def side(best: Decimal, cents: list[int], direction: int) -> tuple[BookLevel, ...]:
    prices = [best]
    for step in cents:
        prices.append(prices[-1] + direction * step * CENT)
    return tuple(BookLevel(price, Decimal(100)) for price in prices)


@given(bid_steps=steps, ask_steps=steps)
def test_gaps_are_positive_and_add_up_to_each_sides_span(
    bid_steps: list[int], ask_steps: list[int]
) -> None:
    # Arrange
    book = OrderBook(
        "X", side(Decimal("100.00"), bid_steps, -1), side(Decimal("100.02"), ask_steps, 1), NOW
    )

    # Act
    gaps = level_gaps(book)

    # Assert
    bids = [g for g in gaps if g.side is BookSide.BID]
    asks = [g for g in gaps if g.side is BookSide.ASK]
    assert (len(bids), len(asks)) == (len(bid_steps), len(ask_steps))
    assert all(g.gap > 0 and g.bps > 0 for g in gaps)
    assert sum((g.gap for g in bids), Decimal(0)) == book.bids[0].price - book.bids[-1].price
    assert sum((g.gap for g in asks), Decimal(0)) == book.asks[-1].price - book.asks[0].price
    assert [g.level for g in bids] == list(range(1, len(bids) + 1))


def test_a_one_level_book_has_no_gaps() -> None:
    # Arrange
    book = OrderBook(
        "X", (BookLevel(Decimal(99), Decimal(1)),), (BookLevel(Decimal(101), Decimal(1)),), NOW
    )

    # Act / Assert
    assert level_gaps(book) == () and widest_gap(()) is None


def test_the_widest_gap_is_the_nearest_of_equal_ones() -> None:
    # Arrange: asks 100.02, 100.05, 100.08 (two 3-cent gaps; the first is in fewer bps)
    book = OrderBook("X", (), side(Decimal("100.02"), [3, 3], 1), NOW)

    # Act
    widest = widest_gap(level_gaps(book))

    # Assert: equal cents, but 3 cents of 100.02 is more bps than of 100.05
    assert widest is not None and widest.level == 1
