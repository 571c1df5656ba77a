"""How the console prints what it reports: aligned columns for people, JSON for scripts.

A listing's `--json` prints one JSON document: a list of objects whose keys do not change
between runs (absent values are null, never missing keys). Money (Decimal) is a string in plain
notation ("0.00000001", never "1E-8" nor a float that loses a digit); times are RFC 3339 and
enums their values.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from decimal import Decimal
from typing import Any, TextIO

import msgspec

JSON_HELP = (
    "print a JSON list of objects instead of the table (stable keys; money as strings, "
    "times as RFC 3339)"
)


def add_json_flag(parser: argparse.ArgumentParser, help_text: str = JSON_HELP) -> None:
    """`--json` on a listing command (read back as `args.json`)."""
    parser.add_argument("--json", action="store_true", help=help_text)


def as_json(document: Any) -> str:
    """`document` (lists, dicts, Decimal, datetime, enums) as indented JSON."""
    return msgspec.json.format(msgspec.json.encode(_plain(document)), indent=2).decode()


def _plain(value: Any) -> Any:
    """`value` with every Decimal inside lists and dicts as a string in plain notation."""
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    return value


def print_json(document: Any, out: TextIO) -> None:
    print(as_json(document), file=out)


def table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    """Lines of `rows` under `header`, each column as wide as its widest cell; the last column
    is not padded (long text there runs on without pushing the others)."""
    widths = [len(name) for name in header]
    for row in rows:
        for i, cell in enumerate(row[:-1]):
            widths[i] = max(widths[i], len(cell))

    def line(cells: Sequence[str]) -> str:
        padded = [cell.ljust(widths[i]) for i, cell in enumerate(cells[:-1])]
        return "  ".join([*padded, cells[-1]]).rstrip()

    return [line(header), *(line(row) for row in rows)]


def print_table(header: Sequence[str], rows: Sequence[Sequence[str]], out: TextIO) -> None:
    for text in table(header, rows):
        print(text, file=out)
