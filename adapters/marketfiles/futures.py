"""Futures settlements in a directory as a FuturesCurvePort (offline; BULWARK_FUTURES_DIR).

- `contracts.csv`: `root,name,exchange,quote_unit,size,size_unit`, one product a row.
- `<ROOT>.csv` per product: `date,contract,expiry,settle` rows; a row whose contract is `SPOT`
  (expiry empty) is that day's spot price. Prices in the product's quote unit.
Files are read on first use and again when they change; a malformed row is
DataSourceUnavailable naming the file and line (503), an unknown root UnknownContract (404).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path

from adapters.marketfiles.cached import CachedFile, bad_row
from adapters.marketfiles.csv_rows import csv_rows, iso_day
from domain.analytics.futures import FuturesQuote
from ports.markets.futures import ContractSpec, FuturesCurve, UnknownContract

_ROOT = re.compile(r"^[A-Z0-9]{1,8}$")
_SPOT = "SPOT"


@dataclass(frozen=True, slots=True)
class _Settlements:
    days: list[date]
    quotes: dict[date, tuple[FuturesQuote, ...]]
    spots: dict[date, Decimal]


class FileFutures:
    """FuturesCurvePort over `directory`."""

    name = "file"

    def __init__(self, directory: str | Path) -> None:
        self._dir = Path(directory)
        self._specs = CachedFile(self._dir / "contracts.csv", _parse_specs)
        self._roots: dict[str, CachedFile[_Settlements]] = {}

    async def contracts(self) -> list[ContractSpec]:
        return list((await self._specs.get()).values())

    async def curve(self, root: str, day: date) -> FuturesCurve | None:
        root = root.upper()
        specs = await self._specs.get() if _ROOT.match(root) else {}
        spec = specs.get(root)
        if spec is None:
            raise UnknownContract(f"no futures product {root[:8]!r} in the source", field="root")
        file = self._roots.setdefault(root, CachedFile(self._dir / f"{root}.csv", _parse_root))
        data = await file.get()
        index = bisect.bisect_right(data.days, day) - 1
        if index < 0:
            return None
        found = data.days[index]
        live = tuple(q for q in data.quotes.get(found, ()) if q.expiry > found)
        return FuturesCurve(spec, found, live, data.spots.get(found))


def _decimal(text: str, name: str, line: int, field: str) -> Decimal:
    try:
        value = Decimal(text.strip())
    except InvalidOperation:
        raise bad_row(name, line, f"{field} is not a number") from None
    if not value.is_finite():
        raise bad_row(name, line, f"{field} is not a finite number")
    return value


def _parse_specs(text: str, name: str) -> dict[str, ContractSpec]:
    specs = {}
    header = ["root", "name", "exchange", "quote_unit", "size", "size_unit"]
    for line, row in csv_rows(text, name, header):
        root = row[0].strip().upper()
        if not _ROOT.match(root):
            raise bad_row(name, line, "root: 1 to 8 letters or digits")
        specs[root] = ContractSpec(
            root, row[1].strip(), row[2].strip(), row[3].strip(),
            _decimal(row[4], name, line, "size"), row[5].strip(),
        )  # fmt: skip
    return specs


def _parse_root(text: str, name: str) -> _Settlements:
    quotes: dict[date, list[FuturesQuote]] = {}
    spots: dict[date, Decimal] = {}
    for line, row in csv_rows(text, name, ["date", "contract", "expiry", "settle"]):
        day = iso_day(row[0], name, line, "date")
        contract = row[1].strip().upper()
        price = _decimal(row[3], name, line, "settle")
        if contract == _SPOT:
            spots[day] = price
            continue
        if not contract or len(contract) > 16:
            raise bad_row(name, line, "contract: 1 to 16 characters")
        expiry = iso_day(row[2], name, line, "expiry")
        quotes.setdefault(day, []).append(FuturesQuote(contract, expiry, price))
    return _Settlements(sorted(quotes), {d: tuple(q) for d, q in quotes.items()}, spots)
