"""Corporate actions imported from a vendor into a portfolio's ledger (docs/ledger.md
"Corporate actions from a vendor"). Another user's portfolio answers 404."""

from __future__ import annotations

from litestar import Controller, post
from litestar.openapi.datastructures import ResponseSpec
from litestar.params import FromPath, JSONBody

from adapters.http.deps import CallerDep
from adapters.http.portfolio import PortfolioDep, problems
from adapters.http.portfolio.corporate_actions_schemas import (
    CorporateActionImportIn,
    CorporateActionImportOut,
)
from adapters.http.problems import on_source_unavailable
from adapters.http.security import READERS, require_roles
from ports.portfolio.corporate_action_source import CorporateActionsUnavailable

_UNAVAILABLE = (
    "CORPORATE_ACTIONS_UNAVAILABLE: the vendor did not answer (down, rate limited, refused "
    "the key); retry after the seconds in Retry-After"
)


class CorporateActionImportController(Controller):
    """`/api/v1/portfolios/{id}/corporate-actions`: a vendor's lot events into the ledger."""

    path = "/portfolios"
    guards = (require_roles(*READERS),)  # a viewer's import: 403 (read_only.py)

    @post(
        "/{portfolio_id:str}/corporate-actions/import",
        summary="Import the portfolio's corporate actions from a vendor",
        description=(
            "Asks `source` (alpaca or polygon) for the corporate actions of every symbol the "
            "ledger names, effective from `start` to `end`, and books each in every account "
            "that holds the symbol on its date (checked by the tax engine first). Idempotent: "
            "a row booked already (by this import, or the same action booked from a file on "
            "that date) is `already_present`. What maps to no ledger kind, or lacks a figure "
            "the ledger needs (a spin-off's basis allocation, a mixed merger's fair market "
            "value), is `skipped` with its reason. 409 CAPABILITY_NOT_CONFIGURED when the "
            "vendor's keys are not set; 422 INVALID_ACTION_IMPORT names `start` or `end`; "
            "503 " + _UNAVAILABLE + ". Yours only: another user's portfolio answers 404 "
            "PORTFOLIO_NOT_FOUND."
        ),
        status_code=200,
        exception_handlers={CorporateActionsUnavailable: on_source_unavailable},
        responses={
            200: ResponseSpec(CorporateActionImportOut, description="What the import did"),
            **problems(400, 404, 409, 422, 429, 503, notes={503: _UNAVAILABLE}),
        },
    )
    async def import_portfolio_corporate_actions(
        self,
        portfolio_id: FromPath[str],
        data: JSONBody[CorporateActionImportIn],
        caller: CallerDep,
        portfolio: PortfolioDep,
    ) -> CorporateActionImportOut:
        done = await portfolio.corporate_actions.import_actions(
            caller.principal, portfolio_id, data.source, data.start, data.end
        )
        return CorporateActionImportOut.from_import(done)


CONTROLLERS = [CorporateActionImportController]
