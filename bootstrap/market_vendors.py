"""The keyed market-data vendors: a registry of their providers, news sources and key testers.

VENDORS maps a provider name (as BULWARK_MARKET_DATA and its fallbacks name it) to the factory
of its VendorMarketData; NEWS_VENDORS and KEY_TESTER_VENDORS do the same for news sources and
vault key testers. One entry a line, so vendors added side by side merge cleanly.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Protocol

from adapters.marketdata.vendors.alphavantage import AlphaVantageMarketData
from adapters.marketdata.vendors.finnhub import FinnhubMarketData
from adapters.marketdata.vendors.polygon import PolygonMarketData
from adapters.news.vendors import AlphaVantageNews, FinnhubNews, PolygonNews
from adapters.vendor_http.apis import alphavantage_api, finnhub_api, polygon_api
from adapters.vendor_http.client import KeySource, VendorApi, VendorHttp
from adapters.vendor_http.key_testers import VendorKeyTester
from bootstrap.settings import Settings, SettingsError
from ports.clock import Clock
from ports.key_vault import KeyMaterial, KeyTester
from ports.market_vendors import VendorMarketData
from ports.news import NewsPort


class Vault(Protocol):
    """What a vendor needs of the key vault: the decrypted key, audited per use."""

    async def use(self, key_id: str, component: str, *, actor: str = "system") -> KeyMaterial: ...


# The vault, resolved only when a vendor reads a vault key (None: no vault in this process).
VaultSource = Callable[[], Vault] | None
VendorFactory = Callable[[Settings, Clock, VaultSource], VendorMarketData]
NewsFactory = Callable[[Settings, Clock, VaultSource], NewsPort]
TesterFactory = Callable[[Settings, Clock], KeyTester]

APIS: dict[str, Callable[[str], VendorApi]] = {
    "polygon": polygon_api,
    "finnhub": finnhub_api,
    "alphavantage": alphavantage_api,
}


def vendor_http(vendor: str, settings: Settings, clock: Clock, vault: VaultSource) -> VendorHttp:
    """The vendor's HTTP client with its key, base URL, budget and cost from the settings."""
    section = settings.market_vendors
    return VendorHttp(
        APIS[vendor](getattr(section, f"{vendor}_base_url")),
        _key(vendor, settings, vault),
        clock,
        calls_per_minute=getattr(section, f"{vendor}_calls_per_minute"),
        cost_per_call=Decimal(getattr(section, f"{vendor}_cost_per_call")),
    )


def _key(vendor: str, settings: Settings, vault: VaultSource) -> str | KeySource:
    section = settings.market_vendors
    secret = getattr(section, f"{vendor}_api_key")
    if secret is not None:
        return str(secret.reveal())
    vault_key: str | None = getattr(section, f"{vendor}_vault_key")
    if vault_key is None:
        raise SettingsError(
            f"{section.var(f'{vendor}_api_key')} or {section.var(f'{vendor}_vault_key')} "
            f"is required when {vendor} serves market data or news"
        )
    if vault is None:
        raise SettingsError(f"{section.var(f'{vendor}_vault_key')}: no key vault in this process")
    source = vault

    async def read() -> str:
        material = await source().use(vault_key, f"market_data.{vendor}")
        if material.provider != vendor:
            raise SettingsError(f"vault key {vault_key} is not a {vendor} key")
        return material.current.secret

    return read


_http = vendor_http


def _av_url(settings: Settings) -> str:
    return settings.market_vendors.alphavantage_base_url


VENDORS: dict[str, VendorFactory] = {
    "polygon": lambda s, c, v: PolygonMarketData(vendor_http("polygon", s, c, v), c),
    "finnhub": lambda s, c, v: FinnhubMarketData(vendor_http("finnhub", s, c, v), c),
    "alphavantage": lambda s, c, v: AlphaVantageMarketData(_http("alphavantage", s, c, v), c),
}

NEWS_VENDORS: dict[str, NewsFactory] = {
    "polygon": lambda s, c, v: PolygonNews(vendor_http("polygon", s, c, v), c),
    "finnhub": lambda s, c, v: FinnhubNews(vendor_http("finnhub", s, c, v), c),
    "alphavantage": lambda s, c, v: AlphaVantageNews(_http("alphavantage", s, c, v), c),
}

KEY_TESTER_VENDORS: dict[str, TesterFactory] = {
    "polygon": lambda s, c: VendorKeyTester("polygon", s.market_vendors.polygon_base_url, c),
    "finnhub": lambda s, c: VendorKeyTester("finnhub", s.market_vendors.finnhub_base_url, c),
    "alphavantage": lambda s, c: VendorKeyTester("alphavantage", _av_url(s), c),
}
