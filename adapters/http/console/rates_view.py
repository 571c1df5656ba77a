"""The rates page's answers as the API writes them, and its curve chart's data.

The curve and the inversions are the use cases' (application/markets/rates.py RatesService),
answered through the API's own DTOs (adapters/http/markets/rates_schemas.py), so every figure
is the string GET /api/v1/analytics/rates/* answers. The chart: the observed yields at their
tenors (points) and the interpolated curve (a line), in percent against years.
"""

from __future__ import annotations

from typing import Any

import msgspec

from adapters.http.markets.rates_schemas import TreasuryInversionsOut, YieldCurveOut
from application.markets.rates import CurveView, InversionsView

METHODS = ("monotone_cubic", "linear")


def curve_of(view: CurveView) -> dict[str, Any]:
    found: dict[str, Any] = msgspec.to_builtins(YieldCurveOut.from_view(view))
    return found


def inversions_of(view: InversionsView) -> dict[str, Any]:
    """The inversion periods of each measure (the daily spreads left out, as `spreads=false`)."""
    found: dict[str, Any] = msgspec.to_builtins(TreasuryInversionsOut.from_view(view, False))
    return found


def curve_chart(curve: dict[str, Any]) -> dict[str, Any]:
    """{"x": years (the union of both), "observed": [yield or null], "curve": [yield or null]}."""
    observed = {float(p["years"]): float(p["yield_pct"]) for p in curve["points"]}
    fitted = {float(p["years"]): float(p["yield_pct"]) for p in curve["interpolated"]}
    xs = sorted(set(observed) | set(fitted))
    return {
        "x": xs,
        "observed": [observed.get(x) for x in xs],
        "curve": [fitted.get(x) for x in xs],
    }
