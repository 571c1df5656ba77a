"""The attribution page's form (benchmark lines, the period's boundaries) and what it shows.

The benchmark is typed one constituent a line, `SYMBOL WEIGHT [SECTOR...]` (spaces or commas
between; weights are normalised by the use case); the period is a start and an end date cut
into monthly or quarterly periods (or one period). Effects are fractions of return, shown in
percent (percentage points of return); the chart draws each sector's allocation, selection
and interaction as grouped bars (portfolio_analytics.js reads `data-effects-chart`).
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from typing import Any

from adapters.http.console.analytics_view import chart_percent, percent
from adapters.http.console.form_fields import FieldReader
from application.rebalancing.attribution import Constituent, StoredAttribution
from domain.portfolio.attribution import EffectTotals
from domain.portfolio.linking import LinkingMethod

STEPS = {"monthly": 1, "quarterly": 3, "whole": 0}
LINKING = {LinkingMethod.CARINO: "Carino", LinkingMethod.MENCHERO: "Menchero"}
MAX_BENCHMARK_LINES = 200
_SPLIT = re.compile(r"[\s,;]+")


def attribution_defaults(today: date) -> dict[str, str]:
    return {
        "portfolio_id": "",
        "benchmark": "",
        "start": (today - timedelta(days=90)).isoformat(),
        "end": today.isoformat(),
        "step": "monthly",
        "linking": "carino",
    }


def _add_months(day: date, months: int) -> date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def boundaries(start: date, end: date, step: str) -> tuple[date, ...]:
    """start, start + 1 step, ... (before end), end: period i runs from one to the next."""
    months = STEPS[step]
    days = [start]
    k = 1
    while months and (following := _add_months(start, k * months)) < end:
        days.append(following)
        k += 1
    return (*days, end)


def benchmark_of(text: str, errors: dict[str, str]) -> tuple[Constituent, ...]:
    """The constituents typed, or an error on `benchmark` naming the line at fault."""
    found: list[Constituent] = []
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if not lines:
        errors["benchmark"] = "benchmark: one constituent a line, SYMBOL WEIGHT [SECTOR]"
    if len(lines) > MAX_BENCHMARK_LINES:
        errors["benchmark"] = f"benchmark: at most {MAX_BENCHMARK_LINES} lines"
        return ()
    for number, line in enumerate(lines, start=1):
        parts = _SPLIT.split(line, maxsplit=2)
        try:
            weight = float(parts[1]) if len(parts) > 1 else float("nan")
        except ValueError:
            weight = float("nan")
        if weight != weight:  # NaN: missing or not a number
            errors["benchmark"] = f"benchmark: line {number}: SYMBOL WEIGHT [SECTOR] expected"
            return ()
        sector = parts[2].strip() if len(parts) > 2 else None
        found.append(Constituent(parts[0].upper(), weight, sector or None))
    return tuple(found)


def read_attribution_form(reader: FieldReader) -> dict[str, Any] | None:
    """The request's parts (portfolio, boundaries, benchmark, linking), or None with errors."""
    portfolio_id = reader.text("portfolio_id")
    if not portfolio_id:
        reader.errors["portfolio_id"] = "portfolio_id: choose one of your portfolios"
    start, end = reader.day("start"), reader.day("end")
    step = reader.choice("step", STEPS)
    linking = reader.choice("linking", [m.value for m in LinkingMethod])
    benchmark = benchmark_of(reader.text("benchmark"), reader.errors)
    if start is not None and end is not None and end <= start:
        reader.errors["end"] = "end: must be after the start"
    if reader.errors or start is None or end is None or step is None or linking is None:
        return None
    return {
        "portfolio_id": portfolio_id,
        "boundaries": boundaries(start, end, step),
        "benchmark": benchmark,
        "linking": LinkingMethod(linking),
    }


# The use case's field names on the form's fields.
FIELD_OF = {"boundaries": "start", "benchmark": "benchmark", "portfolio_id": "portfolio_id"}


def _row(name: str, e: EffectTotals) -> dict[str, Any]:
    return {
        "sector": name,
        "allocation": percent(e.allocation, 4),
        "selection": percent(e.selection, 4),
        "interaction": percent(e.interaction, 4),
        "total": percent(e.total, 4),
    }


def attribution_answer(result: StoredAttribution) -> dict[str, Any]:
    """The figures shown (percent strings), the chart's data and the conventions named."""
    b = result.brinson
    sectors = sorted(b.linked_by_sector)
    chart = {
        "labels": sectors,
        "series": {
            name: [chart_percent(getattr(b.linked_by_sector[s], name)) for s in sectors]
            for name in ("allocation", "selection", "interaction")
        },
    }
    periods = [
        {
            "start": start.isoformat(),
            "end": end.isoformat(),
            "portfolio": percent(p.portfolio_return, 4),
            "benchmark": percent(p.benchmark_return, 4),
            "active": percent(p.active_return, 4),
        }
        for start, end, p in zip(result.boundaries, result.boundaries[1:], b.periods, strict=False)
    ]
    return {
        "rows": [_row(s, b.linked_by_sector[s]) for s in sectors],
        "totals": _row("Total", b.linked),
        "portfolio_return": percent(b.portfolio_return, 4),
        "benchmark_return": percent(b.benchmark_return, 4),
        "active_return": percent(b.active_return, 4),
        "linking": LINKING[b.linking],
        "periods": periods,
        "chart": chart,
    }
