"""The fixed-income page's stored-portfolio card: the bonds one of your portfolios holds.

The same use case as GET /api/v1/portfolios/{id}/fixed-income (`StoredBondsService.analyse`)
with the signed-in principal: each bond holding's yield (from its mark, else its stated
coupon), durations, convexity, DV01, WAL and market value, the book's market-value weighted
totals, the shock table (full repricing beside the duration + convexity estimate, per holding
and in total) and the holdings skipped with the reason. Another user's portfolio answers 404;
a refused field (settlement, shocks) is shown beside it.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from litestar import Request

from adapters.http.console.fixed_income_view import read_shocks, shock_chart
from adapters.http.console.form_fields import FieldReader
from adapters.http.contexts import bundle_or_not_found
from adapters.http.security import caller_of
from application.analytics.bond_holdings import (
    StoredBondsRequest,
    StoredBondsResult,
    StoredBondsService,
)
from domain.errors import DomainError

FIELDS = ("portfolio_id", "settlement", "shocks_bp")


def portfolio_defaults(today: date) -> dict[str, str]:
    return {"portfolio_id": "", "settlement": today.isoformat(), "shocks_bp": ""}


def _service(request: Request[Any, Any, Any]) -> StoredBondsService:
    service: StoredBondsService = bundle_or_not_found(
        request, "analytics", "fixed income is not served by this instance"
    ).stored_bonds
    return service


def read_portfolio_form(reader: FieldReader) -> StoredBondsRequest | None:
    """The request as typed, or None with the errors by field."""
    portfolio_id = reader.text("portfolio_id")[:64]
    if not portfolio_id:
        reader.errors["portfolio_id"] = "portfolio_id: choose one of your portfolios"
    settlement = reader.day("settlement", required=False)
    shocks = read_shocks(reader)
    if reader.errors:
        return None
    return StoredBondsRequest(portfolio_id, settlement, shocks)


def portfolio_answer(result: StoredBondsResult) -> dict[str, Any]:
    book = result.figures
    shifts = [s.shift_bp for s in book.totals.shocks] if book.totals is not None else []
    return {
        "book": book,
        "currency": result.currency,
        "shifts": shifts,
        "shock_chart": shock_chart(book.totals.shocks) if book.totals is not None else None,
    }


async def analyse_portfolio(
    request: Request[Any, Any, Any], reader: FieldReader
) -> tuple[dict[str, Any] | None, str | None]:
    """The card's answer and the refusal's code (a 422 shown beside its field; a 404 for
    another user's portfolio, or a 503, raised)."""
    parts = read_portfolio_form(reader)
    if parts is None:
        return None, None
    try:
        result = await _service(request).analyse(caller_of(request).principal, parts)
    except DomainError as exc:
        return None, reader.refused(exc, exc.field if exc.field in FIELDS else "portfolio_id")
    return portfolio_answer(result), None
