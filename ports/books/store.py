"""Where books are kept."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Protocol

from domain.books.book import Book


class BookStore(Protocol):
    """Books by id and by owner. `add` of a taken id raises ValueError; `save` and `delete`
    of an unknown id KeyError."""

    async def add(self, book: Book) -> None: ...

    async def get(self, book_id: str) -> Book | None: ...

    async def owned_by(self, owner_id: str) -> Sequence[Book]:
        """The owner's books, oldest first."""
        ...

    async def save(self, book: Book) -> None:
        """Replace the stored book of the same id (its peak is not lowered by it)."""
        ...

    async def delete(self, book_id: str) -> None: ...

    async def every(self) -> Sequence[Book]:
        """Every owner's books (the gate's index of which accounts are in which book)."""
        ...

    async def raise_peak(self, book_id: str, equity: Decimal) -> None:
        """The book's peak equity raised to `equity` when it is above the stored one."""
        ...
