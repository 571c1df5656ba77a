"""Instruments from CSV text: every row checked, every bad row reported by line, all or none.

Columns (header required, any order): symbol, name, asset_class, sector, lot_size,
tick_size, marginable, shortable; `active`, `cusip`, `isin` and `figi` may be added (an
identifier is checked, check digit included; an empty cell is none). Options and bonds need
terms a CSV row does not carry, so they are refused here.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from domain.errors import DomainError
from domain.trading.identifiers import (
    Cusip,
    Figi,
    InvalidSecurityIdentifier,
    Isin,
    checked_identifier,
)
from domain.trading.instruments import AssetClass

REQUIRED = (
    "symbol",
    "name",
    "asset_class",
    "sector",
    "lot_size",
    "tick_size",
    "marginable",
    "shortable",
)
OPTIONAL = ("active", "cusip", "isin", "figi")
MAX_ROWS = 10_000
MAX_BYTES = 1_048_576
MAX_ERRORS = 100
MAX_TEXT = 200
_TRUE = frozenset({"true", "yes", "1", "y", "t"})
_FALSE = frozenset({"false", "no", "0", "n", "f"})
_CLASSES = {c.value: c for c in AssetClass if c not in (AssetClass.OPTION, AssetClass.BOND)}


@dataclass(frozen=True, slots=True)
class RowError:
    """One problem of one CSV line (line 1 is the header)."""

    line: int
    field: str
    message: str


class InvalidImport(DomainError):
    """The file cannot be imported; `errors` says where. Nothing was imported."""

    code = "INVALID_IMPORT"

    def __init__(self, message: str, errors: list[RowError]) -> None:
        super().__init__(message, field="body")
        self.errors = errors


@dataclass(frozen=True, slots=True)
class InstrumentRow:
    """One valid row, ready to become an Instrument."""

    line: int
    symbol: str
    name: str
    asset_class: AssetClass
    sector: str
    lot_size: Decimal
    tick_size: Decimal
    marginable: bool
    shortable: bool
    active: bool | None
    cusip: str | None = None
    isin: str | None = None
    figi: str | None = None


def parse_instruments(text: str) -> list[InstrumentRow]:
    """Every row of `text`, or InvalidImport listing the bad ones (at most MAX_ERRORS)."""
    if len(text.encode()) > MAX_BYTES:
        raise InvalidImport(f"the file is larger than {MAX_BYTES} bytes", [])
    reader = csv.DictReader(io.StringIO(text, newline=""), strict=True)
    try:
        header = [h.strip().lower() for h in (reader.fieldnames or [])]
    except csv.Error as exc:
        raise InvalidImport(f"line 1: {exc}", [RowError(1, "header", str(exc))]) from None
    _check_header(header)
    reader.fieldnames = header
    rows: list[InstrumentRow] = []
    errors: list[RowError] = []
    seen: dict[str, int] = {}
    try:
        for record in reader:
            line = reader.line_num
            if len(rows) + len(errors) >= MAX_ROWS:
                raise InvalidImport(f"the file has more than {MAX_ROWS} rows", [])
            if None in record:  # more cells than the header names
                errors.append(RowError(line, "row", f"more than {len(header)} cells"))
                continue
            row = _row(line, record, errors)
            if row is None:
                continue
            if row.symbol in seen:
                errors.append(
                    RowError(line, "symbol", f"{row.symbol} is on line {seen[row.symbol]} too")
                )
                continue
            seen[row.symbol] = line
            rows.append(row)
    except csv.Error as exc:
        errors.append(RowError(reader.line_num, "row", str(exc)))
    if errors:
        raise InvalidImport(f"{len(errors)} bad row(s); nothing was imported", errors[:MAX_ERRORS])
    if not rows:
        raise InvalidImport("the file has a header but no rows", [])
    return rows


def _check_header(header: list[str]) -> None:
    missing = [c for c in REQUIRED if c not in header]
    unknown = [c for c in header if c not in REQUIRED and c not in OPTIONAL]
    duplicated = sorted({c for c in header if header.count(c) > 1})
    problems = [
        *(RowError(1, c, "column is missing") for c in missing),
        *(RowError(1, c or "(empty)", "column is not known") for c in unknown),
        *(RowError(1, c, "column appears twice") for c in duplicated),
    ]
    if problems:
        raise InvalidImport(
            f"line 1 must be the header: {', '.join(REQUIRED)} (and optionally "
            f"{', '.join(OPTIONAL)})",
            problems,
        )


def _row(line: int, record: dict[str, str | None], errors: list[RowError]) -> InstrumentRow | None:
    before = len(errors)

    def cell(name: str) -> str:
        return (record.get(name) or "").strip()

    def text(name: str, *, required: bool) -> str:
        value = cell(name)
        if required and not value:
            errors.append(RowError(line, name, "must not be empty"))
        elif len(value) > MAX_TEXT or not value.isprintable():
            errors.append(
                RowError(line, name, f"must be printable text of at most {MAX_TEXT} characters")
            )
        return value

    def positive(name: str) -> Decimal:
        try:
            value = Decimal(cell(name))
        except InvalidOperation:
            errors.append(RowError(line, name, f"{cell(name)!r} is not a number"))
            return Decimal(1)
        if not value.is_finite() or value <= 0 or value > Decimal(1_000_000):
            errors.append(RowError(line, name, "must be a positive number up to 1000000"))
        return value

    def flag(name: str, *, optional: bool = False) -> bool | None:
        value = cell(name).lower()
        if optional and not value:
            return None
        if value in _TRUE:
            return True
        if value in _FALSE:
            return False
        errors.append(RowError(line, name, f"{cell(name)!r} is not true or false"))
        return None

    symbol = text("symbol", required=True).upper()
    if symbol and (len(symbol) > 64 or any(ch.isspace() for ch in symbol)):
        errors.append(RowError(line, "symbol", "must be at most 64 characters without spaces"))
    name = text("name", required=False)
    asset_class = _CLASSES.get(cell("asset_class").lower())
    if asset_class is None:
        allowed = ", ".join(sorted(_CLASSES))
        errors.append(
            RowError(line, "asset_class", f"{cell('asset_class')!r} is not one of {allowed}")
        )
    sector = text("sector", required=False) or "UNCLASSIFIED"
    lot_size, tick_size = positive("lot_size"), positive("tick_size")
    marginable, shortable = flag("marginable"), flag("shortable")
    active = flag("active", optional=True)
    cusip, isin, figi = (
        _identifier(line, name, kind, cell(name), errors)
        for name, kind in (("cusip", Cusip), ("isin", Isin), ("figi", Figi))
    )
    if cusip is not None and isin is not None:
        embedded = Isin(isin).cusip()
        if embedded is not None and embedded.value != cusip:
            errors.append(RowError(line, "isin", f"{isin} embeds the CUSIP {embedded.value}"))
    if len(errors) > before or asset_class is None or marginable is None or shortable is None:
        return None
    return InstrumentRow(
        line,
        symbol,
        name,
        asset_class,
        sector,
        lot_size,
        tick_size,
        marginable,
        shortable,
        active,
        cusip,
        isin,
        figi,
    )


def _identifier(
    line: int, name: str, kind: type[Cusip | Isin | Figi], value: str, errors: list[RowError]
) -> str | None:
    try:
        return checked_identifier(kind, value)
    except InvalidSecurityIdentifier as exc:
        errors.append(RowError(line, name, str(exc)))
        return None
