"""The market-data vendors: a registry of their providers, news sources and key testers.

VENDORS maps a provider name (as BULWARK_MARKET_DATA, its fallbacks and `bulwark bars backfill
--provider` name it) to the factory of its VendorMarketData; NEWS_VENDORS and KEY_TESTER_VENDORS
do the same for news sources and vault key testers. One entry a line.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import TYPE_CHECKING, Protocol

import msgspec

from adapters.market_data.vendors.alphavantage import AlphaVantageMarketData
from adapters.market_data.vendors.finnhub import FinnhubMarketData
from adapters.market_data.vendors.polygon import PolygonMarketData
from adapters.news.vendors import AlphaVantageNews, FinnhubNews, PolygonNews
from adapters.vendor_http.apis import alphavantage_api, finnhub_api, polygon_api
from adapters.vendor_http.client import KeySource, VendorApi, VendorHttp
from adapters.vendor_http.key_testers import VendorKeyTester
from bootstrap.settings import Settings, SettingsError
from bootstrap.settings.base import Secret
from ports.core.clock import Clock
from ports.inference.news import NewsPort
from ports.keys.key_vault import KeyMaterial, KeyTester
from ports.market_data.market_vendors import VendorMarketData

if TYPE_CHECKING:
    from application.keys.vault import KeyVaultService


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


# Twelve Data, Yahoo and Databento read their key from the settings here; `bulwark bars` reads
# a BULWARK_<VENDOR>_VAULT_KEY through with_vault_keys below. Each imports its adapter when
# called, so an unused vendor costs no import.
def twelvedata_vendor(settings: Settings, clock: Clock, vault: VaultSource) -> VendorMarketData:
    from adapters.market_data.vendors.twelvedata import TwelveDataMarketData

    s = settings.market_data
    if s.twelvedata_api_key is None:
        raise SettingsError(f"{s.var('twelvedata_api_key')} is required for Twelve Data")
    return TwelveDataMarketData(
        s.twelvedata_api_key.reveal(), clock, base_url=s.twelvedata_base_url,
        per_minute=s.twelvedata_calls_per_minute,
    )  # fmt: skip


def yahoo_vendor(settings: Settings, clock: Clock, vault: VaultSource) -> VendorMarketData:
    from adapters.market_data.vendors.yahoo import YahooMarketData

    s = settings.market_data
    return YahooMarketData.create(
        clock, base_url=s.yahoo_base_url, cookie_url=s.yahoo_cookie_url,
        per_minute=s.yahoo_calls_per_minute,
    )  # fmt: skip


def databento_vendor(settings: Settings, clock: Clock, vault: VaultSource) -> VendorMarketData:
    from adapters.market_data.vendors.databento import DatabentoMarketData

    s = settings.market_data
    if s.databento_api_key is None:
        raise SettingsError(f"{s.var('databento_api_key')} is required for Databento")
    return DatabentoMarketData.create(
        s.databento_api_key.reveal(), clock, base_url=s.databento_base_url,
        dataset=s.databento_dataset, per_minute=s.databento_calls_per_minute,
    )  # fmt: skip


def ccxt_vendor(settings: Settings, clock: Clock, vault: VaultSource) -> VendorMarketData:
    """The public market data of the crypto venue in BULWARK_CCXT_EXCHANGE (no key needed), at
    BULWARK_CCXT_API_URL when set, bare symbols in BULWARK_CCXT_QUOTE ("BTC" is BTC/USDT)."""
    import ccxt.async_support as ccxt  # type: ignore[import-untyped]  # heavy: only here

    from adapters.market_data.vendors.ccxt import connect_ccxt_market_data

    s = settings.brokers
    if s.ccxt_exchange is None or s.ccxt_exchange not in ccxt.exchanges:
        raise SettingsError(
            f"{s.var('ccxt_exchange')} must name a ccxt exchange (such as binance or kraken) "
            f"when ccxt serves market data; got {s.ccxt_exchange!r}"
        )
    return connect_ccxt_market_data(
        s.ccxt_exchange, clock, quote=s.ccxt_quote, api_base=s.ccxt_api_url,
        sandbox=s.ccxt_sandbox,
    )  # fmt: skip


VENDORS: dict[str, VendorFactory] = {
    "polygon": lambda s, c, v: PolygonMarketData(vendor_http("polygon", s, c, v), c),
    "finnhub": lambda s, c, v: FinnhubMarketData(vendor_http("finnhub", s, c, v), c),
    "alphavantage": lambda s, c, v: AlphaVantageMarketData(_http("alphavantage", s, c, v), c),
    "twelvedata": twelvedata_vendor,
    "yahoo": yahoo_vendor,
    "databento": databento_vendor,
    "ccxt": ccxt_vendor,
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
    "twelvedata": lambda s, c: _twelvedata_tester(s, c),
    "databento": lambda s, c: _databento_tester(s, c),
}


def _twelvedata_tester(settings: Settings, clock: Clock) -> KeyTester:
    from adapters.market_data.vendors.key_testers import TwelveDataKeyTester

    return TwelveDataKeyTester(clock, base_url=settings.market_data.twelvedata_base_url)


def _databento_tester(settings: Settings, clock: Clock) -> KeyTester:
    from adapters.market_data.vendors.key_testers import DatabentoKeyTester

    return DatabentoKeyTester(clock, base_url=settings.market_data.databento_base_url)


def cost_per_call(settings: Settings, vendor: str) -> Decimal:
    """The configured cost of one call to `vendor` (0 when it has no such setting)."""
    for section in (settings.market_vendors, settings.market_data):
        raw = getattr(section, f"{vendor}_cost_per_call", None)
        if raw is not None:
            return Decimal(str(raw))
    return Decimal(0)


# Vendors whose key may be a vault key's id instead (BULWARK_<VENDOR>_VAULT_KEY).
VAULT_KEYED = ("twelvedata", "databento")


async def with_vault_keys(settings: Settings, vendor: str, vault: KeyVaultService) -> Settings:
    """`settings` with `vendor`'s key read from the vault when its vault key id is set (the
    vault audits the use, component `market_data.<vendor>`); unchanged otherwise."""
    if vendor not in VAULT_KEYED:
        return settings
    market = settings.market_data
    key_id = getattr(market, f"{vendor}_vault_key")
    if key_id is None:
        return settings
    material = await vault.use(key_id, f"market_data.{vendor}", actor="cli")
    if material.provider != vendor:
        raise SettingsError(
            f"{market.var(f'{vendor}_vault_key')}: vault key {key_id} is a "
            f"{material.provider} key, not a {vendor} one"
        )
    keyed = msgspec.structs.replace(
        market,
        **{f"{vendor}_api_key": Secret(material.current.secret), f"{vendor}_vault_key": None},
    )
    return msgspec.structs.replace(settings, market_data=keyed)
