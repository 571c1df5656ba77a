"""Gaps inside an order book: how far apart its consecutive price levels are on each side.

The spread is the gap at the touch (best ask - best bid); these are the gaps behind it, on
one side: between level 1 and level 2, level 2 and 3, and so on. A wide gap behind the touch
is a thin book: an order larger than the touch's size jumps it. A one-level book has none.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from itertools import pairwise

from domain.market_data.book import BookLevel, OrderBook
from domain.market_data.depth import BookSide

_BPS = Decimal(10_000)


@dataclass(frozen=True, slots=True)
class LevelGap:
    """The price distance between level `level` and level `level + 1` of a side (1 = best).

    `bps` is that distance in basis points of the nearer level's price.
    """

    side: BookSide
    level: int
    near: Decimal
    far: Decimal
    gap: Decimal
    bps: Decimal


def side_gaps(side: BookSide, levels: tuple[BookLevel, ...]) -> tuple[LevelGap, ...]:
    """Each consecutive pair's gap, from the best level outwards (always positive)."""
    gaps: list[LevelGap] = []
    for index, (near, far) in enumerate(pairwise(levels), start=1):
        gap = abs(far.price - near.price)
        gaps.append(LevelGap(side, index, near.price, far.price, gap, gap / near.price * _BPS))
    return tuple(gaps)


def level_gaps(book: OrderBook) -> tuple[LevelGap, ...]:
    """The bid side's gaps, then the ask side's; empty when neither side has two levels."""
    return side_gaps(BookSide.BID, book.bids) + side_gaps(BookSide.ASK, book.asks)


def widest_gap(gaps: tuple[LevelGap, ...]) -> LevelGap | None:
    """The widest gap in bps (the one nearest the touch when several tie); None when none."""
    if not gaps:
        return None
    return max(gaps, key=lambda gap: (gap.bps, -gap.level))
