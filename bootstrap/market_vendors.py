"""The market-data vendors Bulwark can read: name -> factory of its provider, from settings.

A vendor named here can be the feed's primary or a fallback (BULWARK_MARKET_DATA,
BULWARK_MARKET_DATA_FALLBACKS) and the source of `bulwark bars backfill --provider NAME`.
Each factory imports its adapter when called, so an unused vendor costs no import.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import TYPE_CHECKING

import msgspec

from bootstrap.settings import Settings, SettingsError
from bootstrap.settings.base import Secret
from ports.clock import Clock
from ports.marketdata import MarketDataProvider

if TYPE_CHECKING:
    from application.keys.vault import KeyVaultService

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
