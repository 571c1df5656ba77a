"""The futures page's term structure as the API writes it, and its chart's data.

The curve is the use case's (application/markets/futures.py FuturesService.curve), answered
through the API's own DTO, so every figure is the string GET /api/v1/analytics/futures/{root}/
curve answers. The chart: each contract's settlement against its years to expiry (and the spot
price at zero years when the source has one).
"""

from __future__ import annotations

from typing import Any

import msgspec

from adapters.http.markets.markets_schemas import ContractSpecOut, TermStructureOut
from application.markets.futures import CurveView


def structure_of(view: CurveView) -> dict[str, Any]:
    found: dict[str, Any] = msgspec.to_builtins(TermStructureOut.from_view(view))
    return found


def contracts_of(specs: list[Any]) -> list[dict[str, Any]]:
    return [msgspec.to_builtins(ContractSpecOut.from_domain(s)) for s in specs]


def curve_chart(structure: dict[str, Any]) -> dict[str, Any]:
    """{"x": years to expiry, "price": settlements, "labels": contract codes}, the spot first
    (at zero years) when there is one."""
    points = structure["points"]
    xs = [float(p["years"]) for p in points]
    prices = [float(p["price"]) for p in points]
    labels = [p["contract"] for p in points]
    if structure["spot"] is not None:
        xs, prices, labels = [0.0, *xs], [float(structure["spot"]), *prices], ["spot", *labels]
    return {"x": xs, "price": prices, "labels": labels, "unit": structure["quote_unit"] or ""}
