"""Form 4 insider transactions from a CSV file as an InsiderTransactionsPort (offline;
BULWARK_INSIDERS_DIR/form4.csv).

Columns (Form 4 Table I and the filing's header): accession_number, filed, issuer_cik,
symbol, owner_cik, owner_name, relationship, transaction_date, code, shares, price,
acquired_disposed, shares_owned_after. `price` and `shares_owned_after` may be empty. A
malformed row is DataSourceUnavailable naming the file and line (503).
"""

from __future__ import annotations

import bisect
from collections.abc import Collection
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path

from adapters.marketfiles.cached import CachedFile, bad_row
from adapters.marketfiles.csv_rows import csv_rows, iso_day
from domain.analytics.insiders import TRANSACTION_CODES, AcquiredDisposed, InsiderTransaction

HEADER = ["accession_number", "filed", "issuer_cik", "symbol", "owner_cik", "owner_name",
          "relationship", "transaction_date", "code", "shares", "price", "acquired_disposed",
          "shares_owned_after"]  # fmt: skip


class FileInsiders:
    """InsiderTransactionsPort over `directory`/form4.csv."""

    name = "file"

    def __init__(self, directory: str | Path) -> None:
        self._file = CachedFile(Path(directory) / "form4.csv", _parse)

    async def transactions(
        self, start: date, end: date, symbols: Collection[str] | None = None
    ) -> list[InsiderTransaction]:
        days, rows = await self._file.get()
        window = rows[bisect.bisect_left(days, start) : bisect.bisect_right(days, end)]
        if symbols is None:
            return window
        wanted = {s.upper() for s in symbols}
        return [r for r in window if r.symbol in wanted]


def _number(text: str, name: str, line: int, field: str, *, optional: bool) -> Decimal | None:
    if optional and not text.strip():
        return None
    try:
        value = Decimal(text.strip())
    except InvalidOperation:
        raise bad_row(name, line, f"{field} is not a number") from None
    if not value.is_finite() or value < 0:
        raise bad_row(name, line, f"{field} must be a number >= 0")
    return value


def _parse(text: str, name: str) -> tuple[list[date], list[InsiderTransaction]]:
    rows = []
    for line, row in csv_rows(text, name, HEADER):
        cell = dict(zip(HEADER, (c.strip() for c in row), strict=True))
        code = cell["code"].upper()
        if code not in TRANSACTION_CODES:
            raise bad_row(name, line, f"code {code[:4]!r} is not a Form 4 transaction code")
        try:
            side = AcquiredDisposed(cell["acquired_disposed"].upper())
        except ValueError:
            raise bad_row(name, line, "acquired_disposed must be A or D") from None
        if not cell["symbol"] or len(cell["symbol"]) > 16:
            raise bad_row(name, line, "symbol: 1 to 16 characters")
        shares = _number(cell["shares"], name, line, "shares", optional=False)
        assert shares is not None
        rows.append(
            InsiderTransaction(
                symbol=cell["symbol"].upper(),
                issuer_cik=cell["issuer_cik"],
                owner_name=cell["owner_name"],
                owner_cik=cell["owner_cik"],
                relationship=cell["relationship"],
                transaction_date=iso_day(cell["transaction_date"], name, line, "transaction_date"),
                code=code,
                shares=shares,
                price=_number(cell["price"], name, line, "price", optional=True),
                acquired_disposed=side,
                shares_owned_after=_number(
                    cell["shares_owned_after"], name, line, "shares_owned_after", optional=True
                ),
                filed=iso_day(cell["filed"], name, line, "filed") if cell["filed"] else None,
            )
        )
    rows.sort(key=lambda r: (r.transaction_date, r.symbol))
    return [r.transaction_date for r in rows], rows
