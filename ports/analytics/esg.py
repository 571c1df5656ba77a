"""EsgDataPort: issuers' ESG data (scores, revenue shares by business, emissions, EVIC).

Units are those of domain/analytics/esg/model.py. One adapter ships: a CSV file
(adapters/esg/files.py; the SYNTHETIC sample in data/esg/ by default). A provider's API
would be a second adapter of the same contract.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Protocol

from domain.analytics.esg.model import EsgRecord
from domain.errors import DomainError


@dataclass(frozen=True, slots=True)
class EsgDataset:
    """What the data is: the source's name, its latest as-of date, how many issuers, and
    whether it is synthetic (a sample that must not inform a decision)."""

    source: str
    as_of: date | None
    issuers: int
    synthetic: bool


class EsgDataUnavailable(DomainError):
    """The ESG source cannot answer (a data file unreadable or malformed); 503 with
    Retry-After (`retry_after`, seconds)."""

    code = "ESG_DATA_UNAVAILABLE"

    def __init__(self, message: str, retry_after: float = 300.0) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class EsgDataPort(Protocol):
    """`records(symbols)`: the records of those of `symbols` the source covers (upper-case
    symbols; the others are simply absent). `record(symbol)`: one, or None. `dataset()`:
    what the data is. EsgDataUnavailable when the source fails."""

    async def records(self, symbols: Sequence[str]) -> dict[str, EsgRecord]: ...

    async def record(self, symbol: str) -> EsgRecord | None: ...

    async def dataset(self) -> EsgDataset: ...
