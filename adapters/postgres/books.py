"""Books on SQL (PostgreSQL or SQLite): the `books` table."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from adapters.postgres.stores import EngineStore
from adapters.postgres.tables.books import books
from domain.books.book import Book
from domain.books.codec import limits_document, limits_of
from domain.books.instruments import InstrumentMap

_t = books


def to_row(book: Book) -> dict[str, Any]:
    return {
        "id": book.id,
        "owner_id": book.owner_id,
        "name": book.name,
        "currency": book.currency,
        "members": list(book.members),
        "limits": limits_document(book.limits),
        "aliases": dict(book.instruments.explicit),
        "peak_equity": book.peak_equity,
        "created_at": book.created_at,
    }


def from_row(row: Any) -> Book:
    return Book(
        id=row.id,
        owner_id=row.owner_id,
        name=row.name,
        currency=row.currency,
        members=tuple(row.members),
        limits=limits_of(row.limits),
        created_at=row.created_at,
        instruments=InstrumentMap(dict(row.aliases)),
        peak_equity=Decimal(row.peak_equity),
    )


class SqlBookStore(EngineStore):
    """A BookStore on SQL (ports/books/store.py)."""

    async def add(self, book: Book) -> None:
        await self._insert_new(_t, to_row(book), f"book {book.id} exists")

    async def get(self, book_id: str) -> Book | None:
        return await self._read_one(select(_t).where(_t.c.id == book_id), from_row)

    async def owned_by(self, owner_id: str) -> Sequence[Book]:
        query = select(_t).where(_t.c.owner_id == owner_id).order_by(_t.c.created_at, _t.c.id)
        return [from_row(r) for r in await self._read(query)]

    async def save(self, book: Book) -> None:
        row = {k: v for k, v in to_row(book).items() if k not in ("id", "peak_equity")}
        if await self._change(update(_t).where(_t.c.id == book.id).values(row)) == 0:
            raise KeyError(book.id)
        await self.raise_peak(book.id, book.peak_equity)

    async def delete(self, book_id: str) -> None:
        if await self._change(delete(_t).where(_t.c.id == book_id)) == 0:
            raise KeyError(book_id)

    async def every(self) -> Sequence[Book]:
        return [
            from_row(r) for r in await self._read(select(_t).order_by(_t.c.created_at, _t.c.id))
        ]

    async def raise_peak(self, book_id: str, equity: Decimal) -> None:
        # Compared here, not in SQL: SQLite keeps money as text, which does not sort as numbers.
        async def work(conn: AsyncConnection) -> None:
            query = select(_t.c.peak_equity).where(_t.c.id == book_id).with_for_update()
            stored = (await conn.execute(query)).scalar()
            if stored is not None and Decimal(stored) < equity:
                await conn.execute(update(_t).where(_t.c.id == book_id).values(peak_equity=equity))

        await self._write(work)
