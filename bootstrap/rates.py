"""Wiring the rates source (docs/rates.md): FRED downloads on disk or FRED's API."""

from __future__ import annotations

import httpx
import structlog

from adapters.rates.files import FileRates
from adapters.rates.fred import FredRates, fred_client
from bootstrap.settings import Settings
from bootstrap.shipped import file_source, shipped_data
from ports.markets.rates import RatesPort

# The shipped SAMPLE set (synthetic, data/rates/README.md) when BULWARK_RATES_DIR is empty.
SHIPPED_RATES = shipped_data() / "rates"

_log = structlog.get_logger("bulwark.rates")


def rates_client(settings: Settings) -> httpx.AsyncClient | None:
    """FRED's client (the key rides in its transport), or None for the file source."""
    if settings.analytics.rates_source != "fred" or settings.analytics.fred_api_key is None:
        return None
    return fred_client(
        settings.analytics.fred_api_key.reveal(), timeout_s=settings.analytics.fred_timeout_seconds
    )


def rates_port(settings: Settings, client: httpx.AsyncClient | None) -> RatesPort:
    """FRED with a client (settings refuse fred without a key), else the files."""
    if (
        settings.analytics.rates_source == "fred"
        and client is not None
        and settings.analytics.fred_api_key
    ):
        _log.info("rates_source", source="fred", url=settings.analytics.fred_url)
        return FredRates(
            client,
            settings.analytics.fred_url,
            api_key=settings.analytics.fred_api_key.reveal(),
            cache_ttl_s=settings.analytics.fred_cache_seconds,
        )
    directory = file_source(
        _log, "rates_source", "file", "directory", settings.analytics.rates_dir, SHIPPED_RATES
    )
    return FileRates(directory)
