"""Settings of live quotes and provider costs: parsed into their figures, or refused at start."""

from __future__ import annotations

from decimal import Decimal

import pytest

from bootstrap.settings import load_settings
from bootstrap.settings.base import SettingsError


def test_provider_costs_are_read_per_configured_provider() -> None:
    settings = load_settings(
        {
            "BULWARK_MARKET_DATA": "replay",
            "BULWARK_MARKET_DATA_FALLBACKS": "synthetic",
            "BULWARK_MARKET_DATA_PROVIDER_COSTS": " replay=0.002, synthetic=0 ",
            "BULWARK_WS_QUOTES_MAX_SYMBOLS": "250",
            "BULWARK_WS_QUOTES_FLUSH_MS": "25",
        },
        env_file=None,
    )

    assert settings.market_data.costs == {"replay": Decimal("0.002"), "synthetic": Decimal(0)}
    assert settings.market_data.ws_quotes_max_symbols == 250
    assert settings.market_data.ws_quotes_flush_ms == 25


def test_without_costs_there_are_none() -> None:
    assert load_settings({}, env_file=None).market_data.costs == {}


@pytest.mark.parametrize(
    "costs", ["alpaca=0.01", "synthetic", "synthetic=-1", "synthetic=cheap", "synthetic=NaN"]
)
def test_a_malformed_or_unknown_cost_stops_the_start(costs: str) -> None:
    with pytest.raises(SettingsError, match="BULWARK_MARKET_DATA_PROVIDER_COSTS"):
        load_settings({"BULWARK_MARKET_DATA_PROVIDER_COSTS": costs}, env_file=None)
