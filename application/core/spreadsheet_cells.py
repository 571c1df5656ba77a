"""CSV cells a spreadsheet shows as text (CSV injection): a spreadsheet runs a cell that starts
with one of FORMULA_START as a formula, so such a cell gets a leading `'`."""

from __future__ import annotations

from typing import Final

FORMULA_START: Final = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(cell: str) -> str:
    """`cell`, with a `'` before a leading formula character."""
    return f"'{cell}" if cell.startswith(FORMULA_START) else cell
