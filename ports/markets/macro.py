"""EconomicSeriesPort: FRED-shaped economic series (CPI, unemployment, GDP, ...).

The same contract as RatesPort.series (ports/markets/rates.py), so both of its adapters serve it:
the
FRED API (adapters/rates/fred.py, BULWARK_RATES_SOURCE=fred) and FRED downloads in a
directory (adapters/rates/files.py over BULWARK_MACRO_DIR, default the shipped SYNTHETIC
sample in data/macro/). Values are Decimal in each series' own unit (domain.analytics.macro
CATALOG names it), None where the source lists a period without a value.
"""

from __future__ import annotations

from datetime import date
from typing import Protocol

from ports.markets.rates import RateObservation, RatesUnavailable, UnknownSeries

__all__ = ["EconomicSeriesPort", "RateObservation", "RatesUnavailable", "UnknownSeries"]


class EconomicSeriesPort(Protocol):
    """`series(id, start, end)`: observations start <= day <= end, oldest first; an unknown
    id raises UnknownSeries (404); a source that cannot answer raises RatesUnavailable (503).
    `name`: "fred" or "file"."""

    name: str

    async def series(self, series_id: str, start: date, end: date) -> list[RateObservation]: ...
