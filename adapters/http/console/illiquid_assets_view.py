"""The illiquid-assets page's forms (an asset, a valuation) and its value chart's data.

Forms are read field by field (form_fields.FieldReader): what cannot be used is kept beside its
field and nothing is sent to the use case (application/portfolio/illiquid_assets.py) until every
field reads. The chart is the appreciation history the API answers (the cost point, then each
valuation): the value and the cost over time, for the eye; the table beside it has every figure.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import msgspec

from adapters.http.console.form_fields import FieldReader
from adapters.http.portfolio.illiquid_assets_schemas import IlliquidAssetDetailOut
from application.portfolio.illiquid_assets import IlliquidView, NewIlliquidAsset, NewValuation
from domain.portfolio.illiquid import IlliquidKind, ValuationMethod

KINDS = [k.value for k in IlliquidKind]
METHODS = [m.value for m in ValuationMethod]
_NOTE_MAX = 500


def asset_defaults(today: date) -> dict[str, str]:
    return {"portfolio_id": "", "name": "", "kind": KINDS[0], "acquired": today.isoformat(),
            "cost": "", "currency": "", "note": ""}  # fmt: skip


def valuation_defaults(today: date) -> dict[str, str]:
    return {"as_of": today.isoformat(), "value": "", "method": METHODS[0], "note": ""}


def _note(reader: FieldReader) -> str:
    note = reader.text("note")
    if len(note) > _NOTE_MAX:
        reader.errors["note"] = f"note: at most {_NOTE_MAX} characters"
    return note


def read_asset(reader: FieldReader) -> NewIlliquidAsset | None:
    """The asset the form describes (None: a field is refused; `reader.errors` says which)."""
    portfolio_id = reader.text("portfolio_id")[:64]
    if not portfolio_id:
        reader.errors["portfolio_id"] = "portfolio_id: choose one of your portfolios"
    name = reader.text("name")
    if not name:
        reader.errors["name"] = "name: required"
    kind = reader.choice("kind", KINDS)
    acquired = reader.day("acquired")
    cost = reader.decimal("cost")
    currency = reader.text("currency").upper()[:8] or None
    note = _note(reader)
    if reader.errors or kind is None or acquired is None or cost is None:
        return None
    return NewIlliquidAsset(portfolio_id, name[:200], kind, acquired, cost, currency, note)


def read_valuation(reader: FieldReader) -> NewValuation | None:
    """The valuation the form describes (None: a field is refused)."""
    as_of = reader.day("as_of")
    value = reader.decimal("value")
    method = reader.choice("method", METHODS)
    note = _note(reader)
    if reader.errors or as_of is None or value is None or method is None:
        return None
    return NewValuation(as_of, value, method, note)


def detail_of(view: IlliquidView) -> dict[str, Any]:
    """The asset's detail as GET /api/v1/planning/illiquid-assets/{id} answers it."""
    found: dict[str, Any] = msgspec.to_builtins(IlliquidAssetDetailOut.from_view(view))
    return found


def value_chart(detail: dict[str, Any]) -> dict[str, Any]:
    """The chart's data: each point's day (seconds since the epoch, UTC), value and the cost."""
    cost = float(detail["asset"]["cost"])
    points = detail["history"]
    return {
        "x": [_epoch(p["as_of"]) for p in points],
        "value": [float(p["value"]) for p in points],
        "cost": [cost for _ in points],
        "currency": detail["asset"]["currency"],
    }


def _epoch(day: str) -> int:
    return (date.fromisoformat(day) - date(1970, 1, 1)).days * 86_400
