"""Books in a dict: the embedded store's and the unit tests' BookStore."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from decimal import Decimal

from domain.books.book import Book


class InMemoryBookStore:
    """A BookStore in a dict, gone with the process."""

    def __init__(self) -> None:
        self._rows: dict[str, Book] = {}

    async def add(self, book: Book) -> None:
        if book.id in self._rows:
            raise ValueError(f"book {book.id} exists")
        self._rows[book.id] = book

    async def get(self, book_id: str) -> Book | None:
        return self._rows.get(book_id)

    async def owned_by(self, owner_id: str) -> Sequence[Book]:
        owned = [b for b in self._rows.values() if b.owner_id == owner_id]
        return sorted(owned, key=lambda b: (b.created_at, b.id))

    async def save(self, book: Book) -> None:
        stored = self._rows.get(book.id)
        if stored is None:
            raise KeyError(book.id)
        self._rows[book.id] = replace(book, peak_equity=max(book.peak_equity, stored.peak_equity))

    async def delete(self, book_id: str) -> None:
        if self._rows.pop(book_id, None) is None:
            raise KeyError(book_id)

    async def every(self) -> Sequence[Book]:
        return sorted(self._rows.values(), key=lambda b: (b.created_at, b.id))

    async def raise_peak(self, book_id: str, equity: Decimal) -> None:
        stored = self._rows.get(book_id)
        if stored is not None:
            self._rows[book_id] = stored.with_peak(equity)
