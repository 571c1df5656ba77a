"""`/console/compliance`: the control inventory, account by account and book by book: each
requirement's status, its gaps, and each control with its settings, last breach and last test;
the same inventory as CSV (`/console/compliance/controls.csv`).

The same use case as `/api/v1/compliance/controls` (application/compliance/inventory.py
ControlInventory) with the signed-in principal: a person sees their own accounts and books, the
desk and the viewer every owner's (or one's, with `owner_id`); another owner's account
(`account_id`) answers the console's 404 page, as an unknown one does.
"""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import urlencode

from litestar import Request, Response, get
from litestar.params import QueryParameter
from litestar.response import Template

from adapters.http.compliance.csv_export import TESTED, inventory_csv
from adapters.http.console.pages import ConsolePage, page
from adapters.http.contexts import bundle_or_not_found
from adapters.http.security import caller_of
from application.compliance.inventory import ControlInventory, InventoryQuery
from domain.compliance.inventory import Inventory
from domain.compliance.status import Status

COMPLIANCE = "/console/compliance"
Ident = Annotated[str | None, QueryParameter(max_length=128, pattern=r"^[A-Za-z0-9._:@-]*$")]


def _inventory(request: Request[Any, Any, Any]) -> ControlInventory:
    found: ControlInventory = bundle_or_not_found(
        request, "compliance", "the control inventory is not served here"
    ).inventory
    return found


async def _read(
    request: Request[Any, Any, Any], owner_id: str | None, account_id: str | None
) -> Inventory:
    query = InventoryQuery(owner_id=owner_id or None, account_id=account_id or None)
    return await _inventory(request).inventory(caller_of(request).principal, query)


class CompliancePageController(ConsolePage):
    """`/console/compliance` and `/console/compliance/controls.csv`"""

    path = "/compliance"

    @get("/")
    async def controls(
        self, request: Request[Any, Any, Any], owner_id: Ident = None, account_id: Ident = None
    ) -> Template:
        found = await _read(request, owner_id, account_id)
        chosen = {k: v for k, v in (("owner_id", owner_id), ("account_id", account_id)) if v}
        return page(
            request,
            "compliance.html",
            title="Compliance",
            context={
                "inventory": found,
                "filters": chosen,
                "tested": TESTED,
                "statuses": Status,
                "csv": f"{COMPLIANCE}/controls.csv" + (f"?{urlencode(chosen)}" if chosen else ""),
            },
        )

    @get("/controls.csv", media_type="text/csv")
    async def controls_csv(
        self, request: Request[Any, Any, Any], owner_id: Ident = None, account_id: Ident = None
    ) -> Response[str]:
        """The same inventory as CSV (the API's format=csv), as a download."""
        found = await _read(request, owner_id, account_id)
        disposition = 'attachment; filename="controls.csv"'
        return Response(
            inventory_csv(found),
            media_type="text/csv",
            headers={"Content-Disposition": disposition},
        )
