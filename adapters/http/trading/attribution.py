"""`GET /api/v1/orders/attribution`: every order of a period with its attribution, streamed as
CSV or JSON (application/trading/attribution_export.py; docs/order-attribution.md)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any, Literal

from litestar import Controller, get
from litestar.openapi.datastructures import ResponseSpec
from litestar.openapi.spec import OpenAPIMediaType, OpenAPIResponse, OpenAPIType, Operation, Schema
from litestar.params import QueryParameter
from litestar.response import Stream

from adapters.http.deps import CallerDep
from adapters.http.problems import on_invalid_query_field
from adapters.http.schemas.common import Output
from adapters.http.trading import TradingDep, problems
from application.trading.attribution_export import (
    COLUMNS,
    InvalidExportPeriod,
    export_period,
    rendered,
)

_CSV_EXAMPLE = ",".join(COLUMNS) + "\r\n"
_BOUND = "A date (YYYY-MM-DD, UTC) or a time with its zone (2026-11-01T00:00:00Z)"


class OrderAttributionRowOut(Output):
    """One order of the export (format=json answers a list of these): its terms, who and what
    sent it (`client_id`, `responsible_id`, `agent_id`, `strategy_id`, `algorithm`,
    `algorithm_version`, `channel`), the gate's `decision` when it was placed (approved,
    reduced, held, denied) and how it stands. Money and quantities are decimal strings."""

    order_id: str
    created_at: str | None
    account_id: str
    client_id: str | None
    responsible_id: str | None
    origin: str
    origin_id: str
    agent_id: str | None
    strategy_id: str | None
    algorithm: str | None
    algorithm_version: str | None
    channel: str
    symbol: str
    side: str
    order_type: str
    time_in_force: str
    requested_quantity: str | None
    quantity: str | None
    limit_price: str | None
    stop_price: str | None
    decision: str
    status: str
    deny_reasons: list[str]
    hold_reasons: list[str]
    approved_by: list[str]
    filled_quantity: str | None
    average_fill_price: str | None
    client_order_id: str
    broker: str
    broker_order_id: str | None


@dataclass
class AttributionExportOperation(Operation):
    """The export's OpenAPI operation: its 200 is a JSON list, or text/csv with format=csv."""

    def __post_init__(self) -> None:
        ok = (self.responses or {}).get("200")
        if isinstance(ok, OpenAPIResponse) and ok.content is not None:
            ok.content["text/csv"] = OpenAPIMediaType(
                schema=Schema(type=OpenAPIType.STRING, description="with format=csv"),
                example=_CSV_EXAMPLE,
            )


class OrderAttributionController(Controller):
    """`/api/v1/orders/attribution`"""

    path = "/orders/attribution"

    @get(
        "/",
        summary="The orders of a period with their attribution (CSV or JSON, streamed)",
        description=(
            "Every order placed from `from` (inclusive) to `to` (a date: that day included; a "
            "time: excluded), oldest first: the algorithm and its version, the agent or "
            "strategy, the person responsible, the client (the account's owner), the channel, "
            "the gate's decision and the order's state. Risk officers, admins and viewers get "
            "every account's orders; anyone else their own accounts'; agents 403. "
            "`format=csv` (text/csv, a header row, cells starting with = + - @ get a leading ') "
            "or `json` (a JSON list, the default). Streamed page by page. 400 "
            "INVALID_EXPORT_PERIOD names the bad bound. Audited (`orders.export`)."
        ),
        responses={
            200: ResponseSpec(
                data_container=list[OrderAttributionRowOut],
                generate_examples=False,
                description="The period's orders (a JSON list, or CSV with format=csv)",
            ),
            **problems(400, 429),
        },
        exception_handlers={InvalidExportPeriod: on_invalid_query_field},
        operation_class=AttributionExportOperation,
    )
    async def export_order_attribution(
        self,
        caller: CallerDep,
        trading: TradingDep,
        since: Annotated[
            str, QueryParameter(name="from", min_length=10, max_length=40, description=_BOUND)
        ],
        until: Annotated[
            str, QueryParameter(name="to", min_length=10, max_length=40, description=_BOUND)
        ],
        export: Annotated[
            Literal["json", "csv"],
            QueryParameter(name="format", description="json (default) or csv"),
        ] = "json",
    ) -> Stream:
        start, end = export_period(since, until)
        opened = await trading.attribution.open(caller.principal, start, end, export)
        if export == "csv":
            media, name = "text/csv; charset=utf-8", "order-attribution.csv"
        else:
            media, name = "application/json", "order-attribution.json"
        return Stream(
            _bytes(rendered(opened, export)),
            media_type=media,
            headers={"Content-Disposition": f'attachment; filename="{name}"'},
        )


async def _bytes(pieces: Any) -> Any:
    async for piece in pieces:
        if piece:
            yield piece.encode("utf-8")


CONTROLLERS: list[Any] = [OrderAttributionController]
