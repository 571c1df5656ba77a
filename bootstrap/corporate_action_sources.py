"""The vendors a portfolio's corporate actions are imported from (adapters/ledger_actions), by
name, each built on first use with the keys market data already uses:

- alpaca: BULWARK_ALPACA_KEY_ID and BULWARK_ALPACA_SECRET_KEY (as the Alpaca market feed), at
  the market data URL BULWARK_ALPACA_DATA_URL;
- polygon: BULWARK_POLYGON_API_KEY, or BULWARK_POLYGON_VAULT_KEY read from the key vault, at
  BULWARK_POLYGON_BASE_URL, under its calls-per-minute budget (bootstrap/market_vendors.py).

A vendor whose keys are not set answers CapabilityNotConfigured (409) naming them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from application.portfolio.corporate_action_import import SourceFactory
from bootstrap.settings import Settings
from domain.errors import CapabilityNotConfigured
from ports.core.clock import Clock
from ports.portfolio.corporate_action_source import CorporateActionSource

if TYPE_CHECKING:
    from bootstrap.market_vendors import VaultSource


def alpaca_source(settings: Settings, clock: Clock) -> CorporateActionSource:
    from adapters.alpaca.http import AlpacaCredentials, AlpacaHttp
    from adapters.ledger_actions.alpaca import AlpacaCorporateActions

    brokers = settings.brokers
    if brokers.alpaca_key_id is None or brokers.alpaca_secret_key is None:
        raise CapabilityNotConfigured(
            "corporate actions from Alpaca",
            [brokers.var("alpaca_key_id"), brokers.var("alpaca_secret_key")],
        )
    keys = AlpacaCredentials(brokers.alpaca_key_id.reveal(), brokers.alpaca_secret_key.reveal())
    http = AlpacaHttp(
        settings.market_data.alpaca_data_url, keys, provider_name="alpaca", clock=clock
    )
    return AlpacaCorporateActions(http)


def polygon_source(settings: Settings, clock: Clock, vault: VaultSource) -> CorporateActionSource:
    from adapters.ledger_actions.polygon import PolygonCorporateActions
    from bootstrap.market_vendors import vendor_http

    section = settings.market_vendors
    keyed = section.polygon_api_key is not None or (
        section.polygon_vault_key is not None and vault is not None
    )
    if not keyed:
        raise CapabilityNotConfigured(
            "corporate actions from Polygon",
            [section.var("polygon_api_key"), section.var("polygon_vault_key")],
        )
    return PolygonCorporateActions(vendor_http("polygon", settings, clock, vault))


class _Once:
    """A source built by `build` on first use and kept (its HTTP client and call budget shared
    by every import); a refusal (not configured) is raised again on each use."""

    def __init__(self, build: Callable[[], CorporateActionSource]) -> None:
        self._build = build
        self._built: CorporateActionSource | None = None

    def __call__(self) -> CorporateActionSource:
        if self._built is None:
            self._built = self._build()
        return self._built


def corporate_action_sources(
    settings: Settings, clock: Clock, vault: VaultSource = None
) -> dict[str, SourceFactory]:
    """The import's sources by name (module doc)."""
    return {
        "alpaca": _Once(lambda: alpaca_source(settings, clock)),
        "polygon": _Once(lambda: polygon_source(settings, clock, vault)),
    }
