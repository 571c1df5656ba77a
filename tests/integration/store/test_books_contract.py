"""The book store: one contract on memory, SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest

from adapters.memory.books import InMemoryBookStore
from adapters.postgres.books import SqlBookStore
from domain.books.book import Book
from domain.books.limits import BookLimit, BookLimitKind
from ports.books.store import BookStore
from tests.integration.store.conftest import T0, StoreUnderTest

D = Decimal
K = BookLimitKind


def desk(book_id: str = "bk-desk", owner: str = "u-1", **fields: object) -> Book:
    values: dict[str, object] = {
        "id": book_id,
        "owner_id": owner,
        "name": "Crypto desk",
        "currency": "USD",
        "members": ["acct-binance", "acct-kraken", "acct-alpaca"],
        "limits": [
            BookLimit(K.GROSS_EXPOSURE, D("250000.50")),
            BookLimit(K.POSITION, D("2.5"), "BTC"),
            BookLimit(K.DRAWDOWN, D("0.125")),
        ],
        "created_at": T0,
        "aliases": {"XBT/USD": "BTC"},
        **fields,
    }
    return Book.of(**values)  # type: ignore[arg-type]


@pytest.fixture
def books(store: StoreUnderTest) -> BookStore:
    return store.adapter(InMemoryBookStore, SqlBookStore)


async def test_a_book_round_trips_with_every_field(books: BookStore) -> None:
    # Arrange
    book = desk()

    # Act
    await books.add(book)
    found = await books.get(book.id)

    # Assert: exact decimals, members sorted, limits in their canonical order
    assert found == book
    assert found is not None and found.members == ("acct-alpaca", "acct-binance", "acct-kraken")
    assert [x.limit for x in found.limits] == [D("250000.50"), D("2.5"), D("0.125")]


async def test_books_are_listed_by_owner_oldest_first_and_all_for_the_gate(
    books: BookStore,
) -> None:
    # Arrange
    await books.add(desk("bk-2", created_at=T0 + timedelta(seconds=2)))
    await books.add(desk("bk-1"))
    await books.add(desk("bk-3", owner="u-2", created_at=T0 + timedelta(seconds=3)))

    # Act
    mine = await books.owned_by("u-1")
    every = await books.every()

    # Assert
    assert [b.id for b in mine] == ["bk-1", "bk-2"]
    assert [b.id for b in every] == ["bk-1", "bk-2", "bk-3"]


async def test_save_replaces_and_never_lowers_the_peak(books: BookStore) -> None:
    # Arrange
    await books.add(desk())
    await books.raise_peak("bk-desk", D("1000000.25"))

    # Act: a revision made from a copy read before the peak rose
    await books.save(desk(name="Renamed", limits=[BookLimit(K.LEVERAGE, D(3))]))
    await books.raise_peak("bk-desk", D("999999"))
    found = await books.get("bk-desk")

    # Assert
    assert found is not None
    assert found.name == "Renamed"
    assert found.limits == (BookLimit(K.LEVERAGE, D(3)),)
    assert found.peak_equity == D("1000000.25")


async def test_the_peak_compares_as_a_number(books: BookStore) -> None:
    # Arrange: 9 and 10 compare the other way round as text
    await books.add(desk())
    await books.raise_peak("bk-desk", D(9))

    # Act
    await books.raise_peak("bk-desk", D(10))
    found = await books.get("bk-desk")

    # Assert
    assert found is not None and found.peak_equity == D(10)


async def test_unknown_ids_and_taken_ids_are_refused(books: BookStore) -> None:
    # Arrange
    await books.add(desk())

    # Act / Assert
    with pytest.raises(ValueError, match="exists"):
        await books.add(desk())
    with pytest.raises(KeyError):
        await books.save(desk("bk-none"))
    with pytest.raises(KeyError):
        await books.delete("bk-none")
    await books.delete("bk-desk")
    assert await books.get("bk-desk") is None
