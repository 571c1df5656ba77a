"""`/console/esg`: the ESG data set, an issuer lookup, and a portfolio's ESG score, exclusion
screen and carbon footprint from holdings typed in or from one of the caller's portfolios.

The same use cases as `/api/v1/analytics/esg` (application/analytics/esg.py EsgService) with the
signed-in principal, answered through the API's own DTOs: every figure is the string the API
answers for the same input, and every answer names its data set and date (and says when it is
synthetic). Nothing is stored: any signed-in role may ask, the viewer included. A field the
form or the service refuses is shown beside it (422; 200 with `X-Bulwark-Status` for htmx);
an issuer the data does not hold answers 404 with the page and the lookup's field error.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Annotated, Any

import msgspec
from litestar import Request, get, post
from litestar.params import QueryParameter
from litestar.response import Template

from adapters.http.analytics.esg_schemas import (
    EsgCarbonOut,
    EsgDatasetOut,
    EsgIssuerOut,
    EsgScoreOut,
    EsgScreenOut,
)
from adapters.http.console.form_fields import FieldReader
from adapters.http.console.pages import ConsolePage, page, part_or_page
from adapters.http.contexts import bundle_of, bundle_or_not_found
from adapters.http.problems import domain_status
from adapters.http.security import caller_of
from application.analytics.esg import MAX_HOLDINGS, EsgQuery, UnknownIssuer
from application.portfolio.portfolio_values import PostedHolding
from domain.analytics.esg.model import ExclusionCategory
from domain.analytics.esg.portfolio import DEFAULT_THRESHOLDS
from domain.errors import DomainError

CATEGORIES = [c.value for c in ExclusionCategory]
DEFAULT_HOLDINGS = "AAPL 50000\nMSFT 30000\nXOM 20000\nSMKY 5000"
_SPLIT = re.compile(r"[\s,;]+")
_HOLDING = re.compile(r"^holdings\[(\d+)\]")
Symbol = Annotated[str | None, QueryParameter(max_length=32)]


@dataclass(slots=True)
class Analysis:
    """The portfolio form: what was typed, errors by field, and the three answers."""

    form: dict[str, str]
    errors: dict[str, str] = field(default_factory=dict)
    score: dict[str, Any] | None = None
    screen: dict[str, Any] | None = None
    carbon: dict[str, Any] | None = None
    carbon_error: str | None = None


def _wire(value: Any) -> dict[str, Any]:
    found: dict[str, Any] = msgspec.to_builtins(value)
    return found


def _esg(request: Request[Any, Any, Any]) -> Any:
    return bundle_or_not_found(
        request, "analytics", "ESG analytics are not served by this instance"
    ).esg


def default_form() -> dict[str, str]:
    form = {"source": "", "holdings": DEFAULT_HOLDINGS, "currency": "USD"}
    form.update({f"threshold_{c.value}": str(t) for c, t in DEFAULT_THRESHOLDS.items()})
    return form


def form_field(service_field: str) -> str:
    """The form field beside which the service's refusal of `service_field` is shown."""
    if service_field.startswith("holdings"):
        return "holdings"
    if service_field.startswith("thresholds."):
        return "threshold_" + service_field.removeprefix("thresholds.")
    if service_field == "portfolio_id":
        return "source"
    return service_field or "holdings"


def _holdings(reader: FieldReader) -> list[PostedHolding] | None:
    lines = [ln.strip() for ln in reader.text("holdings").splitlines() if ln.strip()]
    if not lines:
        reader.errors["holdings"] = "holdings: required, one “SYMBOL value” a line"
        return None
    if len(lines) > MAX_HOLDINGS:
        reader.errors["holdings"] = f"holdings: at most {MAX_HOLDINGS:,} lines"
        return None
    held = []
    for number, line in enumerate(lines, start=1):
        parts = [p for p in _SPLIT.split(line) if p]
        try:
            if len(parts) != 2:
                raise InvalidOperation
            value = Decimal(parts[1])
        except InvalidOperation:
            reader.errors["holdings"] = f"holdings: line {number} is not “SYMBOL value”"
            return None
        held.append(PostedHolding(parts[0].upper()[:32], value))
    return held


def read_query(reader: FieldReader) -> tuple[EsgQuery, dict[str, Decimal] | None] | None:
    """The query and the thresholds a posted portfolio form asks for (None: a field error)."""
    thresholds: dict[str, Decimal] = {}
    for category in CATEGORIES:
        value = reader.decimal(f"threshold_{category}", required=False)
        if value is not None:
            thresholds[category] = value
    if not thresholds and not reader.errors:
        reader.errors["threshold_tobacco"] = "thresholds: name at least one category"
    source = reader.text("source")
    currency = (reader.text("currency") or "USD").upper()
    if len(currency) != 3 or not currency.isalpha():
        reader.errors["currency"] = "currency: three letters, e.g. USD"
    holdings = None if source else _holdings(reader)
    if reader.errors:
        return None
    query = EsgQuery(holdings=holdings, portfolio_id=source[:64] or None, currency=currency)
    return query, thresholds


def _refused(reader: FieldReader, exc: DomainError) -> None:
    name = form_field(exc.field or "")
    found = _HOLDING.match(exc.field or "")
    line = f" (line {int(found.group(1)) + 1})" if found else ""
    reader.errors[name] = f"{exc.field or name}{line}: {exc.message}"


async def analyse(service: Any, principal: Any, reader: FieldReader) -> Analysis:
    """Score, screen and carbon of the posted holdings (the carbon refusal kept to its card)."""
    result = Analysis(reader.values, reader.errors)
    read = read_query(reader)
    if read is None:
        return result
    query, thresholds = read
    try:
        result.score = _wire(EsgScoreOut.from_view(await service.score(principal, query)))
        screened = await service.screen(principal, query, thresholds)
        result.screen = _wire(EsgScreenOut.from_view(screened))
    except DomainError as exc:
        if exc.field is None or domain_status(exc) not in (404, 422):
            raise
        _refused(reader, exc)
        result.score = result.screen = None
        return result
    try:
        result.carbon = _wire(EsgCarbonOut.from_view(await service.carbon(principal, query)))
    except DomainError as exc:
        if exc.field is None or domain_status(exc) != 422:
            raise
        result.carbon_error = f"{exc.field}: {exc.message}"
    return result


async def _context(
    request: Request[Any, Any, Any],
    *,
    analysis: Analysis | None = None,
    symbol: str = "",
    issuer: dict[str, Any] | None = None,
    issuer_error: str | None = None,
) -> dict[str, Any]:
    service = _esg(request)
    portfolio = bundle_of(request, "portfolio")
    portfolios = []
    if portfolio is not None:
        portfolios = (await portfolio.portfolios.list(caller_of(request).principal, None, 50)).items
    return {
        "dataset": _wire(EsgDatasetOut.from_domain(await service.dataset())),
        "analysis": analysis or Analysis(default_form()),
        "sources": [("", "the holdings typed below")]
        + [(p.id, f"portfolio {p.name} ({p.base_currency})") for p in portfolios],
        "categories": CATEGORIES,
        "symbol": symbol,
        "issuer": issuer,
        "issuer_error": issuer_error,
    }


class EsgPageController(ConsolePage):
    """`/console/esg` and its portfolio analysis."""

    path = "/esg"

    @get("/")
    async def esg(self, request: Request[Any, Any, Any], symbol: Symbol = None) -> Template:
        wanted = (symbol or "").strip().upper()
        issuer, error, status = None, None, 200
        if wanted:
            try:
                record, dataset = await _esg(request).issuer(wanted)
                issuer = _wire(EsgIssuerOut.from_domain(record, dataset))
            except UnknownIssuer as exc:
                error, status = f"symbol: {exc.message}", 404
        context = await _context(request, symbol=wanted, issuer=issuer, issuer_error=error)
        return page(request, "esg.html", title="ESG", status_code=status, context=context)

    @post("/portfolio", status_code=200)
    async def portfolio(self, request: Request[Any, Any, Any]) -> Template:
        reader = FieldReader(await request.form())
        analysis = await analyse(_esg(request), caller_of(request).principal, reader)
        status = 422 if analysis.errors else 200
        code = "INVALID_ESG_INPUT" if analysis.errors else None
        context = await _context(request, analysis=analysis)
        return part_or_page(
            request,
            "partials/esg_portfolio.html",
            "esg.html",
            title="ESG",
            status_code=status,
            code=code,
            context=context,
        )
