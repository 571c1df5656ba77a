"""The market-data vendors Bulwark can read: name -> factory of its provider, from settings.

A vendor named here can be the feed's primary or a fallback (BULWARK_MARKET_DATA,
BULWARK_MARKET_DATA_FALLBACKS) and the source of `bulwark bars backfill --provider NAME`.
Each factory imports its adapter when called, so an unused vendor costs no import.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from bootstrap.settings import Settings, SettingsError
from ports.clock import Clock
from ports.marketdata import MarketDataProvider

VendorFactory = Callable[[Settings, Clock], MarketDataProvider]


def twelvedata_vendor(settings: Settings, clock: Clock) -> MarketDataProvider:
    from adapters.marketdata.vendors.twelvedata import TwelveDataMarketData

    s = settings.market_data
    if s.twelvedata_api_key is None:
        raise SettingsError(f"{s.var('twelvedata_api_key')} is required for Twelve Data")
    return TwelveDataMarketData(
        s.twelvedata_api_key.reveal(), clock, base_url=s.twelvedata_base_url,
        per_minute=s.twelvedata_calls_per_minute,
    )  # fmt: skip


def yahoo_vendor(settings: Settings, clock: Clock) -> MarketDataProvider:
    from adapters.marketdata.vendors.yahoo import YahooMarketData

    s = settings.market_data
    return YahooMarketData.create(
        clock, base_url=s.yahoo_base_url, cookie_url=s.yahoo_cookie_url,
        per_minute=s.yahoo_calls_per_minute,
    )  # fmt: skip


def databento_vendor(settings: Settings, clock: Clock) -> MarketDataProvider:
    from adapters.marketdata.vendors.databento import DatabentoMarketData

    s = settings.market_data
    if s.databento_api_key is None:
        raise SettingsError(f"{s.var('databento_api_key')} is required for Databento")
    return DatabentoMarketData.create(
        s.databento_api_key.reveal(), clock, base_url=s.databento_base_url,
        dataset=s.databento_dataset, per_minute=s.databento_calls_per_minute,
    )  # fmt: skip


# One entry a line, so vendors added beside these merge without conflict.
VENDORS: dict[str, VendorFactory] = {
    "twelvedata": twelvedata_vendor,
    "yahoo": yahoo_vendor,
    "databento": databento_vendor,
}


def cost_per_call(settings: Settings, vendor: str) -> Decimal:
    """The configured cost of one call to `vendor` (0 when it has no such setting)."""
    raw = getattr(settings.market_data, f"{vendor}_cost_per_call", "0")
    return Decimal(str(raw))
