"""BULWARK_BOOKS_VENDOR in the composition root: the depth screens' books from the feed, or US
equities' from Databento (the feed's own Databento provider when it has one)."""

from __future__ import annotations

from adapters.market_data.vendors.databento import DatabentoMarketData
from adapters.memory.clock import FakeClock
from adapters.memory.marketdata import InMemoryMarketData
from bootstrap.book_sources import book_sources_lifetime, build_book_sources
from bootstrap.market_feed import build_market_feed
from bootstrap.settings import load_settings


def test_by_default_every_book_comes_from_the_feed() -> None:
    # Arrange
    settings = load_settings({}, env_file=None)
    clock = FakeClock()
    feed = build_market_feed(settings, InMemoryMarketData(clock), clock)

    # Act
    books = build_book_sources(settings, feed, clock)

    # Assert
    assert books.equities is None


async def test_databento_serves_equity_books_with_the_configured_dataset() -> None:
    # Arrange
    settings = load_settings(
        {"BULWARK_BOOKS_VENDOR": "databento", "BULWARK_DATABENTO_API_KEY": "db-key",
         "BULWARK_DATABENTO_DATASET": "DBEQ.BASIC"},
        env_file=None,
    )  # fmt: skip
    clock = FakeClock()
    feed = build_market_feed(settings, InMemoryMarketData(clock), clock)

    # Act
    books = build_book_sources(settings, feed, clock)

    # Assert
    equities = books.equities
    assert isinstance(equities, DatabentoMarketData) and equities.dataset == "DBEQ.BASIC"
    await equities.aclose()


async def test_the_feeds_own_databento_provider_is_reused() -> None:
    # Arrange
    settings = load_settings(
        {"BULWARK_BOOKS_VENDOR": "databento", "BULWARK_DATABENTO_API_KEY": "db-key",
         "BULWARK_MARKET_DATA_FALLBACKS": "databento,synthetic"},
        env_file=None,
    )  # fmt: skip
    clock = FakeClock()
    feed = build_market_feed(settings, InMemoryMarketData(clock), clock)

    # Act
    books = build_book_sources(settings, feed, clock)

    # Assert: one provider, one budget
    [in_feed] = [p for p in feed.providers() if p.name == "databento"]
    assert books.equities is in_feed
    assert isinstance(in_feed, DatabentoMarketData)
    await in_feed.aclose()


def closes_recorded(provider: object) -> list[str]:
    """Calls of the provider's aclose, recorded (and passed on) from now."""
    closed: list[str] = []
    close = provider.aclose  # type: ignore[attr-defined]

    async def recorded() -> None:
        closed.append("aclose")
        await close()

    provider.aclose = recorded  # type: ignore[attr-defined]
    return closed


async def test_a_databento_provider_built_for_books_alone_is_closed_at_shutdown() -> None:
    # Arrange
    settings = load_settings(
        {"BULWARK_BOOKS_VENDOR": "databento", "BULWARK_DATABENTO_API_KEY": "db-key"},
        env_file=None,
    )
    clock = FakeClock()
    feed = build_market_feed(settings, InMemoryMarketData(clock), clock)
    books = build_book_sources(settings, feed, clock)
    closed = closes_recorded(books.equities)
    lifetime = book_sources_lifetime(books, feed)

    # Act
    assert await anext(lifetime) is books
    await lifetime.aclose()

    # Assert
    assert closed == ["aclose"]


async def test_the_feeds_own_databento_provider_is_left_to_the_feed_at_shutdown() -> None:
    # Arrange
    settings = load_settings(
        {"BULWARK_BOOKS_VENDOR": "databento", "BULWARK_DATABENTO_API_KEY": "db-key",
         "BULWARK_MARKET_DATA_FALLBACKS": "databento,synthetic"},
        env_file=None,
    )  # fmt: skip
    clock = FakeClock()
    feed = build_market_feed(settings, InMemoryMarketData(clock), clock)
    books = build_book_sources(settings, feed, clock)
    closed = closes_recorded(books.equities)
    lifetime = book_sources_lifetime(books, feed)

    # Act
    await anext(lifetime)
    await lifetime.aclose()

    # Assert: closed once, by the feed's lifetime, not here
    assert closed == []
    assert books.equities is not None
    await books.equities.aclose()  # type: ignore[attr-defined]
