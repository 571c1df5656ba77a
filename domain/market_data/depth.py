"""Depth-of-market analytics over an order book: cumulative depth, spread, imbalance, whales."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from enum import StrEnum

import numpy as np

from domain.market_data.book import BookLevel, OrderBook

_BPS = Decimal(10_000)
# Scales a median absolute deviation (and a mean absolute deviation) to a standard deviation
# of normally distributed data, so robust z-scores read on the usual scale.
_MAD_SCALE = 1.4826
_MEAN_AD_SCALE = 1.2533


class BookSide(StrEnum):
    """Which side of the book a level rests on."""

    BID = "bid"
    ASK = "ask"


class ZScoreMethod(StrEnum):
    """How a level's size is scored against the book's other level sizes.

    STANDARD: (size - mean) / standard deviation. A single large order inflates the standard
    deviation it is measured with, so with n levels no z can exceed sqrt(n - 1): 3 for 10
    levels, never above the usual threshold. ROBUST (the default): the modified z-score
    (size - median) / (1.4826 * MAD); when more than half the sizes are equal (MAD = 0) it
    falls back to 1.2533 * the mean absolute deviation from the median.
    """

    STANDARD = "standard"
    ROBUST = "robust"


@dataclass(frozen=True, slots=True)
class DepthLevel:
    """A price level with the size and notional resting at it and at every better price."""

    price: Decimal
    size: Decimal
    cumulative_size: Decimal
    cumulative_notional: Decimal
    orders: int | None = None


@dataclass(frozen=True, slots=True)
class Spread:
    """The gap between best ask and best bid: absolute, and in basis points of the mid."""

    absolute: Decimal
    bps: Decimal


@dataclass(frozen=True, slots=True)
class WhaleRule:
    """A level is a whale when its size >= `min_size` (if set) or its z-score >= `z`."""

    z: float = 3.0
    min_size: Decimal | None = None
    method: ZScoreMethod = ZScoreMethod.ROBUST

    def __post_init__(self) -> None:
        if not (np.isfinite(self.z) and self.z > 0):
            raise ValueError("whale z threshold must be a positive number")
        if self.min_size is not None and not (self.min_size.is_finite() and self.min_size > 0):
            raise ValueError("whale min_size must be a positive number")


@dataclass(frozen=True, slots=True)
class WhaleOrder:
    """An outsized level; `by_size`/`by_z` tell which part of the rule flagged it."""

    side: BookSide
    price: Decimal
    size: Decimal
    z: float
    by_size: bool
    by_z: bool


@dataclass(frozen=True, slots=True)
class DepthAnalysis:
    """What the depth-of-market screen shows of one book."""

    symbol: str
    at: datetime
    bids: tuple[DepthLevel, ...]
    asks: tuple[DepthLevel, ...]
    mid: Decimal | None
    microprice: Decimal | None
    spread: Spread | None
    imbalance: Decimal | None
    imbalance_levels: int
    whales: tuple[WhaleOrder, ...]
    rule: WhaleRule


def cumulative_depth(levels: Sequence[BookLevel]) -> tuple[DepthLevel, ...]:
    """Running size and notional from the best level outwards (both never decrease)."""
    size = notional = Decimal(0)
    out: list[DepthLevel] = []
    for level in levels:
        size += level.size
        notional += level.size * level.price
        out.append(DepthLevel(level.price, level.size, size, notional, level.orders))
    return tuple(out)


def mid_price(book: OrderBook) -> Decimal | None:
    """The midpoint of the best bid and ask; None when a side is empty."""
    if book.best_bid is None or book.best_ask is None:
        return None
    return (book.best_bid.price + book.best_ask.price) / 2


def microprice(book: OrderBook) -> Decimal | None:
    """The size-weighted mid: leans toward the side with less size (where the price goes next)."""
    bid, ask = book.best_bid, book.best_ask
    if bid is None or ask is None:
        return None
    return (bid.price * ask.size + ask.price * bid.size) / (bid.size + ask.size)


def spread(book: OrderBook) -> Spread | None:
    """Best ask minus best bid, and that gap in bps of the mid; None when a side is empty."""
    mid = mid_price(book)
    if mid is None or book.best_bid is None or book.best_ask is None:
        return None
    gap = book.best_ask.price - book.best_bid.price
    return Spread(gap, gap / mid * _BPS if mid > 0 else Decimal(0))


def imbalance(book: OrderBook, levels: int) -> Decimal | None:
    """(bid size - ask size) / (bid size + ask size) over the top `levels` of each side.

    In [-1, 1]: +1 only bids, -1 only asks. None when both sides are empty.
    """
    if levels < 1:
        raise ValueError("imbalance needs at least one level")
    bid = sum((level.size for level in book.bids[:levels]), Decimal(0))
    ask = sum((level.size for level in book.asks[:levels]), Decimal(0))
    total = bid + ask
    return None if total == 0 else (bid - ask) / total


def size_z_scores(sizes: Sequence[Decimal], method: ZScoreMethod) -> list[float]:
    """Each size's z-score against all of `sizes`; 0 for every size when they do not vary."""
    values = np.asarray([float(s) for s in sizes], dtype=np.float64)
    if len(values) == 0:
        return []
    if method is ZScoreMethod.STANDARD:
        centre, scale = float(values.mean()), float(values.std())
    else:
        centre = float(np.median(values))
        deviations = np.abs(values - centre)
        scale = _MAD_SCALE * float(np.median(deviations))
        if scale == 0:
            scale = _MEAN_AD_SCALE * float(deviations.mean())
    if scale == 0:
        return [0.0] * len(values)
    return [float(z) for z in (values - centre) / scale]


def find_whales(book: OrderBook, rule: WhaleRule) -> tuple[WhaleOrder, ...]:
    """Levels of either side that the rule flags, scored against both sides' sizes together."""
    placed = [(BookSide.BID, level) for level in book.bids]
    placed += [(BookSide.ASK, level) for level in book.asks]
    scores = size_z_scores([level.size for _, level in placed], rule.method)
    whales: list[WhaleOrder] = []
    for (side, level), z in zip(placed, scores, strict=True):
        by_size = rule.min_size is not None and level.size >= rule.min_size
        by_z = z >= rule.z
        if by_size or by_z:
            whales.append(WhaleOrder(side, level.price, level.size, z, by_size, by_z))
    return tuple(whales)


def analyze_depth(
    book: OrderBook, *, imbalance_levels: int = 5, whales: WhaleRule | None = None
) -> DepthAnalysis:
    """Cumulative depth, mid, microprice, spread, top-of-book imbalance and whale orders."""
    rule = whales or WhaleRule()
    return DepthAnalysis(
        symbol=book.symbol,
        at=book.at,
        bids=cumulative_depth(book.bids),
        asks=cumulative_depth(book.asks),
        mid=mid_price(book),
        microprice=microprice(book),
        spread=spread(book),
        imbalance=imbalance(book, imbalance_levels),
        imbalance_levels=imbalance_levels,
        whales=find_whales(book, rule),
        rule=rule,
    )
