"""`/console/illiquid-assets`: the caller's real estate, art and private equity with their
latest values, a form to add one, and each asset's value history as a chart and a table with a
form to record a valuation.

The same use cases as /api/v1/planning/illiquid-assets (application/portfolio/illiquid_assets.py
IlliquidAssetService.list / add / get / value) with the signed-in principal, answered through
the API's own DTOs: only the caller's own assets (another user's asset answers 404
ILLIQUID_ASSET_NOT_FOUND, another's portfolio 404 PORTFOLIO_NOT_FOUND, as the API). Adding and
valuing take an acting role (a viewer sees no form; its POST answers 403). A field the form or
the use case refuses is shown beside it (422; a second valuation on one day 409), posted by htmx
as pages.refusal says.
"""

from __future__ import annotations

from typing import Any

from litestar import Request, Response, get, post
from litestar.params import FromPath
from litestar.response import Template

from adapters.http.console.analytics_view import own_portfolios
from adapters.http.console.form_fields import FieldReader
from adapters.http.console.illiquid_assets_view import (
    KINDS,
    METHODS,
    asset_defaults,
    detail_of,
    read_asset,
    read_valuation,
    valuation_defaults,
    value_chart,
)
from adapters.http.console.pages import ACTING, ConsolePage, form_page, go_to
from adapters.http.contexts import bundle_or_not_found
from adapters.http.portfolio.illiquid_assets_schemas import IlliquidAssetOut
from adapters.http.security import caller_of
from domain.errors import DomainError
from domain.portfolio.illiquid import DuplicateValuation

ROOT = "/console/illiquid-assets"
TITLE = "Illiquid assets"


def _assets(request: Request[Any, Any, Any]) -> Any:
    return bundle_or_not_found(
        request, "portfolio", "illiquid assets are not served by this instance"
    ).illiquid_assets


def _today(request: Request[Any, Any, Any]) -> Any:
    return _assets(request).clock.now().date()


async def _list_page(
    request: Request[Any, Any, Any], reader: FieldReader | None = None, code: str | None = None
) -> Template:
    principal = caller_of(request).principal
    found = await _assets(request).list(principal, None, None, 500)
    items = [IlliquidAssetOut.from_domain(a, v) for a, v in found.items]
    status, code = reader.outcome(code) if reader is not None else (200, None)
    return form_page(
        request,
        "illiquid_assets.html",
        title=TITLE,
        status_code=status,
        code=code or "",
        context={
            "assets": items,
            "portfolios": await own_portfolios(request),
            "kinds": KINDS,
            "typed": reader.values if reader is not None else asset_defaults(_today(request)),
            "errors": reader.errors if reader is not None else {},
        },
    )


async def _asset_page(
    request: Request[Any, Any, Any],
    asset_id: str,
    reader: FieldReader | None = None,
    code: str | None = None,
    status: int | None = None,
) -> Template:
    view = await _assets(request).get(caller_of(request).principal, asset_id)
    detail = detail_of(view)
    answer, code = reader.outcome(code) if reader is not None else (200, None)
    return form_page(
        request,
        "illiquid_asset.html",
        title=detail["asset"]["name"],
        status_code=status or answer,
        code=code or "",
        context={
            "detail": detail,
            "chart": value_chart(detail),
            "methods": METHODS,
            "typed": reader.values if reader is not None else valuation_defaults(_today(request)),
            "errors": reader.errors if reader is not None else {},
        },
    )


class IlliquidAssetsPageController(ConsolePage):
    """`/console/illiquid-assets`, one asset's page, and their forms."""

    path = "/illiquid-assets"

    @get("/")
    async def assets(self, request: Request[Any, Any, Any]) -> Template:
        return await _list_page(request)

    @post("/", guards=[ACTING], status_code=200)
    async def add(self, request: Request[Any, Any, Any]) -> Template | Response[Any]:
        reader = FieldReader(await request.form())
        new = read_asset(reader)
        if new is None:
            return await _list_page(request, reader, "INVALID_ILLIQUID_ASSET")
        try:
            view = await _assets(request).add(caller_of(request).principal, new)
        except DomainError as exc:
            code = reader.refused(exc)  # another's portfolio (404) is raised as it is
            return await _list_page(request, reader, code)
        return go_to(request, f"{ROOT}/{view.asset.id}")

    @get("/{asset_id:str}")
    async def asset(self, request: Request[Any, Any, Any], asset_id: FromPath[str]) -> Template:
        return await _asset_page(request, asset_id)

    @post("/{asset_id:str}/valuations", guards=[ACTING], status_code=200)
    async def value(
        self, request: Request[Any, Any, Any], asset_id: FromPath[str]
    ) -> Template | Response[Any]:
        reader = FieldReader(await request.form())
        new = read_valuation(reader)
        if new is None:
            return await _asset_page(request, asset_id, reader, "INVALID_ILLIQUID_ASSET")
        try:
            await _assets(request).value(caller_of(request).principal, asset_id, new)
        except DuplicateValuation as exc:
            reader.errors["as_of"] = f"as_of: {exc.message}"
            return await _asset_page(request, asset_id, reader, exc.code, status=409)
        except DomainError as exc:
            code = reader.refused(exc)
            return await _asset_page(request, asset_id, reader, code)
        return go_to(request, f"{ROOT}/{asset_id}")
