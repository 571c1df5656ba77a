"""The vendors in the composition root: the feed's order names them, keys come from the
environment or the vault, the news sources merge with the file."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from adapters.brokers.simulators.binance import BinanceSpotSimulator, Pair
from adapters.brokers.simulators.server import VenueServer
from adapters.market_data.vendors.alphavantage import AlphaVantageMarketData
from adapters.market_data.vendors.ccxt import CcxtMarketData
from adapters.market_data.vendors.finnhub import FinnhubMarketData
from adapters.market_data.vendors.polygon import PolygonMarketData
from adapters.memory.clock import FakeClock
from adapters.memory.marketdata import InMemoryMarketData
from adapters.news.merged import MergedNews
from adapters.news.replay import JsonLinesNews
from bootstrap.inference import news_port
from bootstrap.market_feed import build_market_feed, feed_kinds
from bootstrap.market_vendors import KEY_TESTER_VENDORS, NEWS_VENDORS, VENDORS
from bootstrap.settings import Secret, Settings, SettingsError, load_settings
from bootstrap.settings.market_data import VENDOR_NAMES
from ports.keys.key_vault import Credentials, KeyMaterial


def test_every_news_source_and_key_tester_is_a_registered_vendor() -> None:
    # Every vendor with news or a key is a provider; Yahoo and the crypto venues' public data
    # (ccxt) need no key to test.
    assert set(NEWS_VENDORS) <= set(VENDORS)
    assert set(KEY_TESTER_VENDORS) == set(VENDORS) - {"yahoo", "ccxt"}
    assert {"polygon", "finnhub", "alphavantage"} <= set(VENDORS)


def test_the_settings_know_every_vendor_the_feed_can_build() -> None:
    # The settings check BULWARK_MARKET_DATA against the names, without loading the vendors.
    assert sorted(VENDOR_NAMES) == sorted(VENDORS)


async def test_the_feed_follows_the_named_order_with_keys_from_the_environment() -> None:
    settings = load_settings(
        {
            "BULWARK_MARKET_DATA": "polygon",
            "BULWARK_MARKET_DATA_FALLBACKS": "finnhub,alphavantage,synthetic",
            "BULWARK_POLYGON_API_KEY": "pk",
            "BULWARK_FINNHUB_API_KEY": "fk",
            "BULWARK_ALPHAVANTAGE_API_KEY": "ak",
            "BULWARK_POLYGON_COST_PER_CALL": "0.004",
        },
        env_file=None,
    )
    clock = FakeClock()

    feed = build_market_feed(settings, InMemoryMarketData(clock), clock)

    kinds: list[type] = [type(p) for p in feed.providers()]
    assert feed_kinds(settings) == ["polygon", "finnhub", "alphavantage", "synthetic"]
    assert kinds[:3] == [PolygonMarketData, FinnhubMarketData, AlphaVantageMarketData]
    polygon = feed.providers()[0]
    assert isinstance(polygon, PolygonMarketData)
    usage = polygon.rate_limit()
    assert usage is not None and usage.limit == 5  # the free tier's default
    assert polygon.spent == Decimal(0)
    for provider in feed.providers()[:3]:
        assert isinstance(provider, PolygonMarketData | FinnhubMarketData | AlphaVantageMarketData)
        await provider.aclose()


def test_a_vendor_without_a_key_is_a_settings_error_naming_both_ways() -> None:
    settings = Settings.from_flat(market_data="finnhub")
    clock = FakeClock()

    with pytest.raises(SettingsError, match="BULWARK_FINNHUB_API_KEY or BULWARK_FINNHUB_VAULT_KEY"):
        build_market_feed(settings, InMemoryMarketData(clock), clock)


async def test_a_vault_key_is_read_through_the_vault_when_first_needed() -> None:
    settings = Settings.from_flat(market_data="finnhub", finnhub_vault_key="vk-9")
    clock = FakeClock()
    used: list[tuple[str, str]] = []

    class Vault:
        async def use(self, key_id: str, component: str, *, actor: str = "system") -> KeyMaterial:
            used.append((key_id, component))
            return KeyMaterial(key_id, "finnhub", False, Credentials("label", "from-vault"))

    feed = build_market_feed(settings, InMemoryMarketData(clock), clock, lambda: Vault())
    provider = feed.providers()[0]
    assert isinstance(provider, FinnhubMarketData)
    assert used == []  # nothing read before a call needs it

    key = await provider._http.api_key()

    assert key == "from-vault"
    assert used == [("vk-9", "market_data.finnhub")]
    await provider.aclose()


async def test_news_sources_merge_with_the_file(tmp_path: Path) -> None:
    path = tmp_path / "news.jsonl"
    path.write_text("")
    settings = Settings.from_flat(
        news_file=str(path),
        news_sources=("polygon", "finnhub"),
        polygon_api_key=Secret("pk"),
        finnhub_api_key=Secret("fk"),
    )

    news = news_port(settings, FakeClock())

    assert isinstance(news, MergedNews)
    assert news.names == ["polygon", "finnhub", "file"]
    await news.aclose()


def test_without_news_sources_the_file_alone_feeds_sentiment(tmp_path: Path) -> None:
    path = tmp_path / "news.jsonl"
    settings = Settings.from_flat(news_file=str(path))

    assert isinstance(news_port(settings, FakeClock()), JsonLinesNews)


async def test_ccxt_serves_the_crypto_venues_public_data_without_a_key() -> None:
    venue = BinanceSpotSimulator((Pair("ETH", "USDT"),))
    await venue.set_price("ETH", Decimal("2000.50"))
    async with VenueServer() as server:
        venue.install(server)
        settings = Settings.from_flat(
            market_data="ccxt", ccxt_exchange="binance", ccxt_api_url=server.url
        )
        provider = VENDORS["ccxt"](settings, FakeClock(), None)
        try:
            quote = await provider.quote("ETH")  # BULWARK_CCXT_QUOTE: USDT
        finally:
            await provider.aclose()

    assert isinstance(provider, CcxtMarketData)
    assert quote.last == Decimal("2000.50")
    assert server.requests_to("GET", "/api/v3/ticker/24hr")[0].params["symbol"] == "ETHUSDT"


@pytest.mark.parametrize("exchange", [None, "krakn"])
def test_ccxt_market_data_needs_an_exchange_ccxt_knows(exchange: str | None) -> None:
    settings = Settings.from_flat(market_data="ccxt", ccxt_exchange=exchange)
    clock = FakeClock()

    with pytest.raises(SettingsError, match="BULWARK_CCXT_EXCHANGE must name a ccxt exchange"):
        build_market_feed(settings, InMemoryMarketData(clock), clock)
