"""The attribution page's second form: a stored portfolio against a benchmark from the bar
store's daily closes, with its regime shifts (POST /api/v1/analytics/attribution's stored
input), and what it shows.

The benchmark is another of your portfolios, or constituents typed one a line (`SYMBOL
WEIGHT [SECTOR]`, the first form's reader); periods are monthly or weekly; the regime is read
on the benchmark's or the portfolio's daily level. Figures are fractions shown in percent.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from adapters.http.console.analytics_view import percent
from adapters.http.console.attribution_view import benchmark_of
from adapters.http.console.form_fields import FieldReader
from application.analytics.stored_attribution import (
    RegimeSource,
    StoredAttribution,
    StoredAttributionRequest,
)
from application.analytics.stored_books import Constituent
from domain.portfolio.attribution import EffectTotals
from domain.portfolio.stored_periods import PeriodLength

PERIODS = [p.value for p in PeriodLength]
SERIES = [RegimeSource.BENCHMARK.value, RegimeSource.PORTFOLIO.value]
# The use case's field names on this form's fields (prefixed: the page holds two forms).
FIELD_OF = {"start": "r_start", "end": "r_end", "benchmark": "r_benchmark"}


def regime_defaults(today: date) -> dict[str, str]:
    return {
        "r_portfolio_id": "",
        "r_benchmark_portfolio_id": "",
        "r_benchmark": "",
        "r_start": (today - timedelta(days=365)).isoformat(),
        "r_end": today.isoformat(),
        "r_period": "monthly",
        "r_series": "benchmark",
    }


def read_regime_form(reader: FieldReader) -> StoredAttributionRequest | None:
    """The stored request, or None with the errors by field."""
    portfolio_id = reader.text("r_portfolio_id")
    if not portfolio_id:
        reader.errors["r_portfolio_id"] = "r_portfolio_id: choose one of your portfolios"
    start, end = reader.day("r_start"), reader.day("r_end")
    period = reader.choice("r_period", PERIODS)
    series = reader.choice("r_series", SERIES)
    other = reader.text("r_benchmark_portfolio_id") or None
    constituents: tuple[Constituent, ...] = ()
    if other is None:
        typed: dict[str, str] = {}
        found = benchmark_of(reader.text("r_benchmark"), typed)
        if "benchmark" in typed:
            reader.errors["r_benchmark"] = "r_" + typed["benchmark"]
        constituents = tuple(Constituent(c.symbol, c.weight, c.sector) for c in found)
    if start is not None and end is not None and end <= start:
        reader.errors["r_end"] = "r_end: must be after the start"
    if reader.errors or start is None or end is None or period is None or series is None:
        return None
    return StoredAttributionRequest(
        portfolio_id=portfolio_id, start=start, end=end, period=PeriodLength(period),
        benchmark_portfolio_id=other, benchmark=constituents, regime=RegimeSource(series),
    )  # fmt: skip


def _effects(e: EffectTotals) -> dict[str, str]:
    return {name: percent(getattr(e, name), 4) for name in ("allocation", "selection",
                                                             "interaction", "total")}  # fmt: skip


def regime_answer(result: StoredAttribution) -> dict[str, Any]:
    """The figures shown (percent strings): the linked returns, the segments and changes."""
    report, shifts = result.report, result.regimes
    linked = report.linked.coefficients
    segments = [
        {
            "regime": s.regime.value,
            "start": s.start.isoformat(),
            "end": s.end.isoformat(),
            "periods": s.periods,
            "portfolio": percent(s.portfolio_return, 4),
            "benchmark": percent(s.benchmark_return, 4),
            "active": percent(s.active_return, 4),
            "linked": _effects(s.linked),
        }
        for s in (shifts.segments if shifts else ())
    ]
    changes = [
        {"on": c.on.isoformat(), "before": c.before.value, "after": c.after.value}
        for c in (shifts.changes if shifts else ())
    ]
    return {
        "series": shifts.series.value if shifts else "",
        "periods": len(report.periods),
        "portfolio_return": percent(linked.portfolio_return, 4),
        "benchmark_return": percent(linked.benchmark_return, 4),
        "active_return": percent(linked.active_return, 4),
        "linked": _effects(report.linked.totals),
        "segments": segments,
        "changes": changes,
        "cusum_events": len(report.cusum.events),
        "left_out": list(result.source.left_out),
    }
