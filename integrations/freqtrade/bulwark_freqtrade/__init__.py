"""Bulwark's pre-trade gate for freqtrade strategies (README.md beside this package)."""

from bulwark_freqtrade.gate import (
    GateClient,
    GateConfigError,
    GateSettings,
    Verdict,
    bulwark_symbol,
)
from bulwark_freqtrade.strategy import BulwarkGated

__all__ = [
    "BulwarkGated",
    "GateClient",
    "GateConfigError",
    "GateSettings",
    "Verdict",
    "bulwark_symbol",
]
