"""The efficient-frontier form's constraint and method fields, typed as text.

Each is what POST /api/v1/analytics/optimization takes as a JSON object, written one entry a
line (or separated by `;`); symbols are upper-cased. Empty: not given.

- weights by symbol (`current_weights`, `benchmark`, `market_weights`, `risk_budgets`):
  `AAPL 0.6` a line, or `AAPL 0.6, MSFT 0.4` (fractions);
- `bounds`: `AAPL 0 0.3` (the symbol's lowest and highest weight; `-` leaves one at the
  portfolio-wide default); `sector_limits`: `Consumer Staples 0.1 0.4` (the sector's floor and
  cap on its total weight; the name may have spaces);
- `sectors`: `AAPL Technology` (the asset's sector; default: the stored instruments');
- `views` (Black-Litterman): `AAPL = 0.12` (absolute), `AAPL 1, MSFT -1 = 0.03 0.6` (relative,
  held with Idzorek's confidence 0.6; without one: He & Litterman's omega).

A line that cannot be read puts an error beside its field (the reader's `errors`), naming the
line.
"""

from __future__ import annotations

import math
import re

from adapters.http.console.form_fields import FieldReader
from application.analytics.optimization import View

_ENTRIES = re.compile(r"[\n;]+")
_PAIRS = re.compile(r"[\n;,]+")
Bounds = dict[str, tuple[float | None, float | None]]


def _number(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise ValueError(text)
    return value


def _lines(reader: FieldReader, name: str, pattern: re.Pattern[str] = _ENTRIES) -> list[str]:
    return [e.strip() for e in pattern.split(reader.text(name)) if e.strip()]


def _refuse(reader: FieldReader, name: str, line: int, why: str) -> None:
    reader.errors[name] = f"{name}: entry {line}: {why}"


def weights(reader: FieldReader, name: str) -> dict[str, float] | None:
    """`AAPL 0.6, MSFT 0.4` -> {"AAPL": 0.6, "MSFT": 0.4}; None when empty or refused."""
    found: dict[str, float] = {}
    for k, entry in enumerate(_lines(reader, name, _PAIRS), 1):
        parts = entry.split()
        try:
            if len(parts) != 2:
                raise ValueError(entry)
            found[parts[0].upper()] = _number(parts[1])
        except ValueError:
            _refuse(reader, name, k, f"{entry!r} is not a symbol and a number (AAPL 0.6)")
            return None
    return found or None


def _limit(text: str) -> float | None:
    return None if text == "-" else _number(text)


def limits(reader: FieldReader, name: str, *, upper: bool) -> Bounds | None:
    """`AAPL 0 0.3` (`bounds`, a symbol) or `Consumer Staples 0.1 0.4` (`sector_limits`)."""
    found: Bounds = {}
    for k, entry in enumerate(_lines(reader, name), 1):
        parts = entry.split()
        try:
            if len(parts) < 3 or (upper and len(parts) != 3):
                raise ValueError(entry)
            key = " ".join(parts[:-2])
            found[key.upper() if upper else key] = (_limit(parts[-2]), _limit(parts[-1]))
        except ValueError:
            example = "AAPL 0 0.3" if upper else "Energy 0 0.2"
            _refuse(reader, name, k, f"{entry!r} is not a name, a floor and a cap ({example})")
            return None
    return found or None


def sectors(reader: FieldReader) -> dict[str, str] | None:
    """`AAPL Technology` a line -> {"AAPL": "Technology"}."""
    found: dict[str, str] = {}
    for k, entry in enumerate(_lines(reader, "sectors", _PAIRS), 1):
        symbol, _, sector = entry.partition(" ")
        if not sector.strip():
            _refuse(reader, "sectors", k, f"{entry!r} is not a symbol and its sector")
            return None
        found[symbol.upper()] = sector.strip()
    return found or None


def _view(entry: str) -> View:
    left, equals, right = entry.partition("=")
    figures = right.split()
    if not equals or len(figures) not in (1, 2):
        raise ValueError(entry)
    picks: dict[str, float] = {}
    for term in left.split(","):
        parts = term.split()
        if len(parts) not in (1, 2):
            raise ValueError(entry)
        picks[parts[0].upper()] = 1.0 if len(parts) == 1 else _number(parts[1])
    confidence = _number(figures[1]) if len(figures) == 2 else None
    return View(picks, _number(figures[0]), confidence)


def views(reader: FieldReader) -> tuple[View, ...]:
    """`AAPL 1, MSFT -1 = 0.03 0.6` a line (module doc); () when empty or refused."""
    found = []
    for k, entry in enumerate(_lines(reader, "views"), 1):
        try:
            found.append(_view(entry))
        except ValueError:
            _refuse(reader, "views", k, f"{entry!r} is not 'ASSETS = return [confidence]' "
                    "(AAPL = 0.12, or AAPL 1, MSFT -1 = 0.03 0.6)")  # fmt: skip
            return ()
    return tuple(found)
