"""Dated periods of a holdings book priced by daily closes: the boundaries, each period's
weights and returns per symbol, and the book's daily level.

Boundaries: `boundaries(start, end, length)` is start, then one step after another before
`end` (monthly: the same day of each following month, the month's last day when it is
shorter; weekly: every 7 days), then `end`; period i runs from boundary i to boundary i+1
(the last one is shorter when the range is not whole steps).

A book is what one side holds through a period, in units per symbol: a ledger's shares, or,
for a benchmark of weighted constituents, weight / close at the period's start (worth its
weights then: rebalanced to them at each period's start). Its value on a day is the sum of
units x the close in force that day (the last close on or before it). At a period's start
each symbol weighs its value over the book's; over the period it returns close(end) /
close(start) - 1. The book is held unchanged through the period: trades inside a period
count from the next boundary on.

The daily level chains the books' values: 1 at the first boundary, then in period i
level(t) = level(b_i) V_i(t) / V_i(b_i) on every day in (b_i, b_i+1] with a close of one of
its symbols, so that level(b_i+1) = level(b_i) (1 + R_i). Before the first boundary (the
history a regime reading needs) the first period's book is carried back: level(t) =
V_0(t) / V_0(b_0) on each day from the first on which every one of its symbols has a close.
"""

from __future__ import annotations

import calendar
from collections.abc import Mapping, Sequence
from datetime import date, timedelta
from enum import Enum

import numpy as np

from domain.errors import DomainError
from domain.market_data.daily_closes import DailyCloses, DayArray, FloatArray

Book = Mapping[str, float]  # units per symbol

__all__ = [
    "Book",
    "InsufficientStoredHistory",
    "PeriodLength",
    "book_value",
    "book_weights",
    "boundaries",
    "daily_level",
]


class PeriodLength(Enum):
    """How long a period is (module doc)."""

    MONTHLY = "monthly"
    WEEKLY = "weekly"


class InsufficientStoredHistory(DomainError):
    """The stored data cannot price a period (no close near a boundary, nothing held) or
    hold too few daily closes for the regime reading; the message says what is missing."""

    code = "INSUFFICIENT_STORED_HISTORY"


def _add_months(day: date, months: int) -> date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def boundaries(start: date, end: date, length: PeriodLength) -> tuple[date, ...]:
    """start, start + 1 step, ... (each before end), end (module doc); start < end."""
    if end <= start:
        raise ValueError("end must be after start")
    days = [start]
    k = 1
    while True:
        if length is PeriodLength.WEEKLY:
            following = start + timedelta(days=7 * k)
        else:
            following = _add_months(start, k)
        if following >= end:
            return (*days, end)
        days.append(following)
        k += 1


def book_value(book: Book, prices: Mapping[str, float]) -> float:
    """sum units x price over the book's symbols."""
    return sum((units * prices[symbol] for symbol, units in book.items()), 0.0)


def book_weights(book: Book, prices: Mapping[str, float]) -> dict[str, float]:
    """Each symbol's value over the book's (the book's value must not be 0)."""
    total = book_value(book, prices)
    return {symbol: units * prices[symbol] / total for symbol, units in book.items()}


def _values(book: Book, closes: Mapping[str, DailyCloses], grid: DayArray) -> FloatArray:
    total = np.zeros(grid.shape[0], dtype=np.float64)
    for symbol, units in book.items():
        total += units * closes[symbol].at(grid)
    return total


def _days(book: Book, closes: Mapping[str, DailyCloses]) -> DayArray:
    found: DayArray = np.unique(np.concatenate([closes[s].days for s in book]))
    return found


def daily_level(
    books: Sequence[Book],
    bounds: Sequence[date],
    closes: Mapping[str, DailyCloses],
    since: date,
) -> tuple[DayArray, FloatArray]:
    """The days (datetime64[D]) and the level on each, from `since` to the last boundary
    (module doc); every book non-empty and priced at its boundaries."""
    if len(bounds) != len(books) + 1:
        raise ValueError("one book per period: len(bounds) == len(books) + 1")
    first = np.datetime64(bounds[0], "D")
    days = _days(books[0], closes)
    back = days[(days >= np.datetime64(since, "D")) & (days <= first)]
    start_value = _values(books[0], closes, np.array([first]))[0]
    back_levels = _values(books[0], closes, back) / start_value
    known = ~np.isnan(back_levels)
    day_parts, level_parts = [back[known]], [back_levels[known]]
    level = 1.0
    for i, book in enumerate(books):
        low, high = np.datetime64(bounds[i], "D"), np.datetime64(bounds[i + 1], "D")
        days = _days(book, closes)
        grid = days[(days > low) & (days <= high)]
        opening = _values(book, closes, np.array([low]))[0]
        day_parts.append(grid)
        level_parts.append(level * _values(book, closes, grid) / opening)
        level *= _values(book, closes, np.array([high]))[0] / opening
    all_days: DayArray = np.concatenate(day_parts)
    return all_days, np.concatenate(level_parts)
