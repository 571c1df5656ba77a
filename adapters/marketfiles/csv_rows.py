"""A data file's CSV rows, checked against its header, and its ISO dates; a malformed row is
DataSourceUnavailable naming the file and line."""

from __future__ import annotations

import csv
import io
from datetime import date

from adapters.marketfiles.cached import bad_row


def csv_rows(text: str, name: str, header: list[str]) -> list[tuple[int, list[str]]]:
    """Each non-blank row after `header` (which must match, case-blind), with its line number;
    a row of another width is refused."""
    reader = csv.reader(io.StringIO(text))
    first = next(reader, None)
    if first is None or [c.strip().lower() for c in first] != header:
        raise bad_row(name, 1, f"expected the header {','.join(header)}")
    out = []
    for line, row in enumerate(reader, start=2):
        if not row or all(not c.strip() for c in row):
            continue
        if len(row) != len(header):
            raise bad_row(name, line, f"expected {len(header)} columns")
        out.append((line, row))
    return out


def iso_day(text: str, name: str, line: int, field: str) -> date:
    """`text` as a YYYY-MM-DD date, or a refusal naming `field`."""
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise bad_row(name, line, f"{field} is not a YYYY-MM-DD date") from None
