"""FuturesCurvePort: the settlement prices of a commodity's listed contracts on a day.

A root is an exchange's product code (CL: NYMEX WTI light sweet crude, USD per barrel; RB:
RBOB gasoline, USD per gallon; HO: NY Harbor ULSD "heating oil", USD per gallon; NG: Henry
Hub natural gas, USD per MMBtu). The file adapter (adapters/marketfiles/futures.py) reads
settlement CSVs; it is the only adapter today and has no network access.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Protocol

from domain.analytics.futures import FuturesQuote
from domain.errors import NotFound
from ports.markets.data_files import DataSourceUnavailable

__all__ = ["ContractSpec", "DataSourceUnavailable", "FuturesCurve", "FuturesCurvePort",
           "UnknownContract"]  # fmt: skip


@dataclass(frozen=True, slots=True)
class ContractSpec:
    """A futures product: its root, name, exchange, the quote unit of its prices and the
    contract size (`size` of `size_unit`)."""

    root: str
    name: str
    exchange: str
    quote_unit: str  # "USD per barrel"
    size: Decimal
    size_unit: str  # "barrels"


@dataclass(frozen=True, slots=True)
class FuturesCurve:
    """A root's contracts as settled on `day` (unexpired ones, any order); `spot` when the
    source has the spot price of that day."""

    spec: ContractSpec
    day: date
    quotes: tuple[FuturesQuote, ...]
    spot: Decimal | None = None


class UnknownContract(NotFound):
    """The source has no product with this root (404)."""

    code = "UNKNOWN_CONTRACT"


class FuturesCurvePort(Protocol):
    """`contracts()`: the products the source has. `curve(root, day)`: the settlements of the
    latest date on or before `day` with any (None when there is none); UnknownContract for a
    root the source lacks; DataSourceUnavailable when a file cannot be read or parsed.
    `name`: "file", for responses and logs."""

    name: str

    async def contracts(self) -> list[ContractSpec]: ...

    async def curve(self, root: str, day: date) -> FuturesCurve | None: ...
