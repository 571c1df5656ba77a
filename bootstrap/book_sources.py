"""The books of the depth-of-market screens: the feed, or Databento's MBP-10 for US equities.

BULWARK_BOOKS_VENDOR=feed (the default): every book from the failover feed, whose equity books
are one level a side on Alpaca and the replay. =databento: US equities' books from Databento's
MBP-10 (ten levels; BULWARK_DATABENTO_API_KEY, BULWARK_DATABENTO_DATASET), the feed's own
Databento provider when the feed has one (one budget), else one built here; other symbols, and
equities Databento does not list, from the feed.
"""

from __future__ import annotations

from collections.abc import AsyncIterator

from adapters.market_data.failover import FailoverMarketData
from application.market_data.book_sources import BookSources
from bootstrap.closing import close_quietly
from bootstrap.market_vendors import VaultSource, databento_vendor
from bootstrap.settings import Settings
from ports.core.clock import Clock
from ports.market_data.marketdata import MarketDataProvider


def build_book_sources(
    settings: Settings, feed: FailoverMarketData, clock: Clock, vault: VaultSource = None
) -> BookSources:
    equities: MarketDataProvider | None = None
    if settings.market_data.books_vendor == "databento":
        listed = [p for p in feed.providers() if p.name == "databento"]
        equities = listed[0] if listed else databento_vendor(settings, clock, vault)
    return BookSources(feed, equities=equities, feed_book=feed.order_book_answered)


async def book_sources_lifetime(
    books: BookSources, feed: FailoverMarketData
) -> AsyncIterator[BookSources]:
    """The depth screens' sources; at shutdown, the Databento provider built for books alone is
    closed (the feed's own providers are closed with the feed: bootstrap/market_feed.py)."""
    try:
        yield books
    finally:
        equities = books.equities
        if equities is not None and all(equities is not p for p in feed.providers()):
            await close_quietly([equities])
