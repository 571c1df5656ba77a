"""Databento MBP-10 records read into books: pretty and fixed-point prices give the same book,
the flat bid_px_00 form reads like `levels`, an undefined price ends a side."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from adapters.market_data.vendors.databento_mbp import UNDEF_PRICE, mbp10_book, mbp_price
from ports.market_data.marketdata import ProviderError

NOW = datetime(2024, 6, 14, 19, 59, tzinfo=UTC)
NANO = Decimal("1e-9")


def record(
    bids: list[tuple[int, int]], asks: list[tuple[int, int]], pretty: bool
) -> dict[str, Any]:
    """Levels from (price in 1e-9 units, size) pairs, padded to ten with empty levels."""

    def px(units: int | None) -> object:
        if units is None:
            return None if pretty else str(UNDEF_PRICE)
        return f"{Decimal(units) * NANO:.9f}" if pretty else str(units)

    levels = []
    for index in range(10):
        bid = bids[index] if index < len(bids) else (None, 0)
        ask = asks[index] if index < len(asks) else (None, 0)
        levels.append({"bid_px": px(bid[0]), "ask_px": px(ask[0]), "bid_sz": bid[1],
                       "ask_sz": ask[1], "bid_ct": 1, "ask_ct": 1})  # fmt: skip
    return {"levels": levels}


# Ladders in 1e-9 units: bids down from 100, asks up from 100.01, steps of 1 to 5 cents.
cents = st.lists(st.integers(min_value=1, max_value=5), max_size=9)
sizes = st.integers(min_value=1, max_value=1_000_000)


def ladder(start: int, steps: list[int], direction: int, size: int) -> list[tuple[int, int]]:
    prices = [start]
    for step in steps:
        prices.append(prices[-1] + direction * step * 10_000_000)
    return [(price, size) for price in prices]


@given(bid_steps=cents, ask_steps=cents, size=sizes, depth=st.integers(min_value=1, max_value=10))
def test_pretty_and_fixed_point_records_read_as_the_same_never_crossed_book(
    bid_steps: list[int], ask_steps: list[int], size: int, depth: int
) -> None:
    # Arrange
    bids = ladder(100_000_000_000, bid_steps, -1, size)
    asks = ladder(100_010_000_000, ask_steps, 1, size)

    # Act
    pretty = mbp10_book("databento", record(bids, asks, True), "X", NOW, depth)
    fixed = mbp10_book("databento", record(bids, asks, False), "X", NOW, depth)

    # Assert
    assert pretty == fixed and pretty is not None
    assert len(pretty.bids) == min(depth, len(bids)) and len(pretty.asks) == min(depth, len(asks))
    assert [level.price for level in pretty.bids] == [Decimal(p) * NANO for p, _ in bids[:depth]]
    assert pretty.bids[0].price < pretty.asks[0].price


def test_the_flat_csv_style_fields_read_like_levels() -> None:
    # Arrange
    nested = record([(100_000_000_000, 5), (99_990_000_000, 7)], [(100_010_000_000, 3)], False)
    flat = {
        f"{field}_{index:02d}": value
        for index, level in enumerate(nested["levels"])
        for field, value in level.items()
    }

    # Act / Assert
    assert mbp10_book("databento", flat, "X", NOW, 10) == mbp10_book(
        "databento", nested, "X", NOW, 10
    )


def test_an_empty_level_ends_the_side_even_if_deeper_ones_have_prices() -> None:
    # Arrange: bid level 2 has size 0
    rec = record([(100_000_000_000, 5), (99_990_000_000, 0), (99_980_000_000, 9)], [], True)

    # Act
    book = mbp10_book("databento", rec, "X", NOW, 10)

    # Assert
    assert book is not None and len(book.bids) == 1 and book.asks == ()


def test_both_sides_empty_is_no_book() -> None:
    # Act / Assert
    assert mbp10_book("databento", record([], [], False), "X", NOW, 10) is None


@pytest.mark.parametrize(
    ("value", "price"),
    [("131.870000000", Decimal("131.87")), ("131870000000", Decimal("131.87")),
     (131_870_000_000, Decimal("131.87")), (None, None), (str(UNDEF_PRICE), None),
     (UNDEF_PRICE, None), ("9223372036.854775807", None)],
)  # fmt: skip
def test_prices_in_either_encoding(value: object, price: Decimal | None) -> None:
    # Act / Assert
    assert mbp_price("databento", value) == price


@pytest.mark.parametrize("value", ["abc", "-1.5", 0, True, 1.5, "1e3"])
def test_a_malformed_or_non_positive_price_is_a_provider_error(value: object) -> None:
    # Act / Assert
    with pytest.raises(ProviderError, match="malformed price"):
        mbp_price("databento", value)
