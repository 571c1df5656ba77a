"""`/console/models`: every model judged by its outcomes, and its hit rate over time.

The table lists each model's latest version over the last 30 days (ModelRecords.standing, as
GET /api/v1/models/{name}/record reads it): predictions, how many were judged, hit rate,
expected calibration error and input drift (the largest PSI against the reference window).
The models: the AI reviewer, the risk rater, the sentiment and every stored signal model.
Each model's chart reads `/console/models/{name}/hit-rate.json`: the daily hit rate per
version. Read-only for everyone (the page changes nothing); a reader who sees only their own
predictions sees only theirs, as the API answers.
"""

from __future__ import annotations

from datetime import UTC
from typing import Any

from litestar import Controller, Request, get
from litestar.params import FromPath
from litestar.response import Template

from adapters.http.console.pages import page
from adapters.http.contexts import bundle_of, bundle_or_not_found
from adapters.http.security import caller_of
from application.model_records.record import ModelRecords, ModelStanding, Period

WINDOW_DAYS = 30
BUILT_IN = ("ai-reviewer", "risk-rater", "sentiment")


def _records(request: Request[Any, Any, Any]) -> ModelRecords:
    records: ModelRecords = bundle_or_not_found(
        request, "review", "model records are not served by this instance"
    ).model_records
    return records


def model_names(request: Request[Any, Any, Any]) -> list[str]:
    """The built-in models, then the stored signal models by name."""
    names = list(BUILT_IN)
    signals = bundle_of(request, "model_signals")
    if signals is not None:
        try:
            cards = signals.catalogue.list()
        except Exception:  # an unreadable models folder: the built-in models still show
            cards = []
        names += sorted(c.name for c in cards if c.name not in names)
    return names


class ModelsPageController(Controller):
    """`/console/models`"""

    path = "/models"

    @get("/")
    async def models(self, request: Request[Any, Any, Any]) -> Template:
        records, principal = _records(request), caller_of(request).principal
        standings: list[ModelStanding] = [
            await records.standing(principal, name, WINDOW_DAYS) for name in model_names(request)
        ]
        context = {"standings": standings, "window_days": WINDOW_DAYS}
        return page(request, "models.html", title="Models", context=context)

    @get("/{name:str}/hit-rate.json")
    async def hit_rate(
        self, request: Request[Any, Any, Any], name: FromPath[str]
    ) -> dict[str, Any]:
        """`{"x": [unix s of each day], "series": {version: [hit rate or null]}}`."""
        found = await _records(request).record(
            caller_of(request).principal, name, period=Period.DAY
        )
        days = sorted({r.period_start for r in found.rows})
        versions = sorted({r.version for r in found.rows})
        rate = {(r.version, r.period_start): r.hit_rate for r in found.rows}
        return {
            "x": [int(d.astimezone(UTC).timestamp()) for d in days],
            "series": {v: [rate.get((v, d)) for d in days] for v in versions},
        }
