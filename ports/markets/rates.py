"""RatesPort: interest-rate time series (FRED-shaped) and the Treasury curve of a day.

Values are Decimal percent exactly as published (FRED's "4.21" is Decimal("4.21"), 4.21 %);
a day the source lists without a value (FRED's ".") is an observation whose value is None.
Two adapters: FRED's JSON observations API (adapters/rates/fred.py) and FRED CSV / JSON
downloads in a directory (adapters/rates/files.py, offline).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Protocol

from domain.errors import DomainError, NotFound
from domain.fixedincome.curve import YieldCurve


@dataclass(frozen=True, slots=True)
class RateObservation:
    """One dated value of a series: percent, or None where the source has no value."""

    day: date
    value: Decimal | None


class UnknownSeries(NotFound):
    """The source has no series of this id (404)."""

    code = "UNKNOWN_SERIES"


class RatesUnavailable(DomainError):
    """The rates source cannot answer now (FRED down, rate-limited, timed out, refusing
    the API key, a data file unreadable); 503 with Retry-After (`retry_after`, seconds)."""

    code = "RATES_UNAVAILABLE"

    def __init__(self, message: str, retry_after: float = 30.0) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class RatesPort(Protocol):
    """The contract both adapters keep (tests/integration/test_fred_adapter.py and
    tests/unit/fixedincome/rates/test_files_adapter.py check it).

    `series`: the observations with start <= day <= end, oldest first, one per date,
    including the days without a value (None). An unknown id raises UnknownSeries; a
    source that cannot answer raises RatesUnavailable (never a bare transport error).
    `curve`: the Treasury constant-maturity curve (DGS1MO ... DGS30) of the latest date on
    or before `day` with at least two tenors, or None when there is none in the source's
    look-back; only the tenors with a value on that date.
    `name`: "fred" or "file", for responses and logs.
    """

    name: str

    async def series(self, series_id: str, start: date, end: date) -> list[RateObservation]: ...

    async def curve(self, day: date) -> YieldCurve | None: ...
