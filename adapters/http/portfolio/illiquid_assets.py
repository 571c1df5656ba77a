"""Illiquid assets: real estate, art and private equity held in your portfolios, with
manual valuations and their appreciation history (docs/alternatives.md). Yours only: another
user's asset answers 404 ILLIQUID_ASSET_NOT_FOUND, another's portfolio 404 PORTFOLIO_NOT_FOUND."""

from __future__ import annotations

from typing import Annotated

from litestar import Controller, Response, get, post
from litestar.openapi.datastructures import ResponseSpec
from litestar.params import FromPath, JSONBody, QueryParameter

from adapters.http.deps import CallerDep
from adapters.http.portfolio import PortfolioDep, problems
from adapters.http.portfolio.illiquid_assets_schemas import (
    IlliquidAssetDetailOut,
    IlliquidAssetIn,
    IlliquidAssetPageOut,
    ValuationIn,
)
from adapters.http.security import READERS, require_roles

_ID = "{asset_id:str}"
_SCOPE = "Yours only: another user's asset answers 404 ILLIQUID_ASSET_NOT_FOUND."


class IlliquidAssetController(Controller):
    """`/api/v1/planning/illiquid-assets`: assets without a market price, valued by hand."""

    path = "/planning/illiquid-assets"
    guards = (require_roles(*READERS),)  # a viewer's changes: 403 (read_only.py)

    @post(
        "/",
        summary="Record an illiquid asset (real estate, art, private equity) in a portfolio",
        description=(
            "In one of your portfolios (another's: 404 PORTFOLIO_NOT_FOUND); `cost` on "
            "`acquired` starts its appreciation history. 422 INVALID_ILLIQUID_ASSET names the "
            "field: kind, name, cost <= 0, acquired after today, an unknown currency."
        ),
        status_code=201,
        responses={
            201: ResponseSpec(IlliquidAssetDetailOut, description="The asset; Location names it"),
            **problems(400, 404, 422, 429),
        },
    )
    async def add_illiquid_asset(
        self, data: JSONBody[IlliquidAssetIn], caller: CallerDep, portfolio: PortfolioDep
    ) -> Response[IlliquidAssetDetailOut]:
        view = await portfolio.illiquid_assets.add(caller.principal, data.to_new())
        return Response(
            IlliquidAssetDetailOut.from_view(view),
            status_code=201,
            headers={"Location": f"/api/v1/planning/illiquid-assets/{view.asset.id}"},
        )

    @get(
        "/",
        summary="Your illiquid assets with their latest values, a page at a time",
        description=(
            "All your portfolios', or one's (`portfolio_id`; another's: 404). In id order; "
            "pass `next_cursor` back as `cursor`."
        ),
        responses=problems(400, 404, 422, 429),
    )
    async def list_illiquid_assets(
        self,
        caller: CallerDep,
        portfolio: PortfolioDep,
        portfolio_id: Annotated[str | None, QueryParameter(max_length=64)] = None,
        cursor: Annotated[str | None, QueryParameter(max_length=128)] = None,
        limit: Annotated[int, QueryParameter(ge=1, le=500)] = 50,
    ) -> IlliquidAssetPageOut:
        page = await portfolio.illiquid_assets.list(caller.principal, portfolio_id, cursor, limit)
        return IlliquidAssetPageOut.from_page(page)

    @get(
        f"/{_ID}",
        summary="One asset: its valuations and appreciation history",
        description=(
            "The cost point, then each valuation by date, with the change from the previous "
            "point, the total return since cost and its annualised rate (ACT/365), and whether "
            f"the latest value is stale (over 365 days old). {_SCOPE}"
        ),
        responses=problems(404, 429),
    )
    async def get_illiquid_asset(
        self, asset_id: FromPath[str], caller: CallerDep, portfolio: PortfolioDep
    ) -> IlliquidAssetDetailOut:
        view = await portfolio.illiquid_assets.get(caller.principal, asset_id)
        return IlliquidAssetDetailOut.from_view(view)

    @post(
        f"/{_ID}/valuations",
        summary="Record a manual valuation (appraisal, broker opinion, capital account, ...)",
        description=(
            "One a day, append-only: 409 DUPLICATE_VALUATION for a second on the same date. "
            "422 INVALID_ILLIQUID_ASSET names the field: as_of before acquisition or after "
            f"today, value < 0, an unknown method. {_SCOPE}"
        ),
        status_code=201,
        responses={
            201: ResponseSpec(IlliquidAssetDetailOut, description="The asset with its history"),
            **problems(400, 404, 409, 422, 429),
        },
    )
    async def add_illiquid_asset_valuation(
        self,
        asset_id: FromPath[str],
        data: JSONBody[ValuationIn],
        caller: CallerDep,
        portfolio: PortfolioDep,
    ) -> Response[IlliquidAssetDetailOut]:
        view = await portfolio.illiquid_assets.value(caller.principal, asset_id, data.to_new())
        return Response(IlliquidAssetDetailOut.from_view(view), status_code=201)


CONTROLLERS = [IlliquidAssetController]
