"""Cursor-paged listings: what a listing request carries, the page it answers, and how a page
is cut from what the store returned.

A listing asks its store for one item more than the page holds: that one tells whether
another page exists, and the page's `next_cursor` then points after its last item.

A listing names its page type as an alias (`AlertPage = Page[Alert]`) but builds pages with
`Page(...)` or `page_of`: calling the alias fails on Python 3.11 (a frozen slots dataclass
cannot take the `__orig_class__` that typing sets on an instance of a subscripted generic).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T")


@dataclass(frozen=True, slots=True, kw_only=True)
class PageRequest:
    """The paging of a listing's filters: `cursor` is the previous page's `next_cursor`."""

    cursor: str | None = None
    limit: int = 50


@dataclass(frozen=True, slots=True)
class Page(Generic[T]):
    """One page of a listing; `next_cursor` is None on the last page."""

    items: list[T]
    next_cursor: str | None


def page_of(found: Sequence[T], limit: int, cursor_of: Callable[[T], str]) -> Page[T]:
    """The page of the first `limit` items of `found` (read with one more than `limit`), its
    cursor made from its last item when more were found."""
    items = list(found[:limit])
    more = len(found) > limit
    return Page(items, cursor_of(items[-1]) if more and items else None)
