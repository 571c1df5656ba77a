"""`/api/v1/compliance/controls`: the control inventory, as JSON or CSV."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any, Literal

from litestar import Controller, Request, Response, get
from litestar.openapi.datastructures import ResponseSpec
from litestar.openapi.spec import OpenAPIMediaType, OpenAPIResponse, OpenAPIType, Operation, Schema
from litestar.params import QueryParameter

from adapters.http.compliance import ComplianceDep, problems
from adapters.http.compliance.csv_export import COLUMNS, inventory_csv
from adapters.http.compliance.schemas import ControlInventoryOut
from adapters.http.deps import CallerDep
from adapters.http.media import media_type
from adapters.http.security import reject_agents
from application.compliance.inventory import InventoryQuery

CSV = "text/csv"
_ID = r"^[A-Za-z0-9][A-Za-z0-9._:@-]*$"
_CSV_EXAMPLE = (
    ",".join(COLUMNS) + "\r\n"
    "account,acc-1,usr-1,sec-15c3-5-c1ii,17 CFR 240.15c3-5(c)(1)(ii),partly_met,PRICE_COLLAR,"
    "none,,,,,orders outside price parameters rejected: no PRICE_COLLAR configured\r\n"
)


@dataclass
class InventoryOperation(Operation):
    """The inventory's OpenAPI operation: its 200 is JSON, or text/csv."""

    def __post_init__(self) -> None:
        ok = (self.responses or {}).get("200")
        if isinstance(ok, OpenAPIResponse) and ok.content is not None:
            ok.content[CSV] = OpenAPIMediaType(
                schema=Schema(type=OpenAPIType.STRING, description="with format=csv"),
                example=_CSV_EXAMPLE,
            )


def wants_csv(request: Request[Any, Any, Any]) -> bool:
    """Whether the Accept header names text/csv."""
    accept = request.headers.get("accept", "")
    return any(media_type(part) == CSV for part in accept.split(","))


class ComplianceController(Controller):
    """The control inventory: which Bulwark control covers which regulatory requirement."""

    path = "/compliance"
    guards = (reject_agents,)

    @get(
        "/controls",
        summary="The control inventory: requirements and the controls that meet them",
        description=(
            "For each of the caller's accounts and books, each requirement of SEC Rule 15c3-5 "
            "(c)(1)(i), (c)(1)(ii) and (c)(2), FINRA Regulatory Notice 15-09's five areas, "
            "MiFID II RTS 6 Art. 12, 13, 15, 16 and 17 and FINRA's 2026 AI-agent risks, with "
            "its status (met, partly_met, gap), the gaps by name, and each control it names: "
            "whether it is configured for the account (the live rules, book limits, account "
            "rules, agents' keys, kill switch and surveillance settings), its settings, its "
            "last breach (the latest denial with its reason code among the account's "
            "`denials_read` latest denials) and, for the kill switch, its last drill (null: "
            "never). A book lists its own part (its limits and its kill switch scope). "
            "A person sees their own; risk officers, admins and viewers every owner's, or one "
            "with `owner_id`; agents 403. An `account_id` (or `owner_id`) that is not the "
            "caller's answers 404. `format=csv` (or Accept: text/csv) answers text/csv, one "
            "row per account or book, requirement and control (docs/compliance.md)."
        ),
        responses={
            200: ResponseSpec(
                data_container=ControlInventoryOut,
                generate_examples=False,
                description="The inventory (or CSV with format=csv)",
            ),
            **problems(400, 404),
        },
        operation_class=InventoryOperation,
    )
    async def get_control_inventory(
        self,
        request: Request[Any, Any, Any],
        caller: CallerDep,
        compliance: ComplianceDep,
        owner_id: Annotated[
            str | None,
            QueryParameter(
                min_length=1, max_length=128, pattern=_ID, description="One owner's (the desk)"
            ),
        ] = None,
        account_id: Annotated[
            str | None,
            QueryParameter(
                min_length=1, max_length=128, pattern=_ID, description="One account, its books"
            ),
        ] = None,
        export: Annotated[
            Literal["json", "csv"],
            QueryParameter(name="format", description="json (default) or csv"),
        ] = "json",
    ) -> Response[Any]:
        found = await compliance.inventory.inventory(
            caller.principal, InventoryQuery(owner_id=owner_id, account_id=account_id)
        )
        if export == "csv" or wants_csv(request):
            return Response(
                inventory_csv(found),
                media_type=CSV,
                headers={"Content-Disposition": 'attachment; filename="controls.csv"'},
            )
        return Response(ControlInventoryOut.from_inventory(found))


CONTROLLERS: list[Any] = [ComplianceController]
