"""The audit log: a filtered, cursor-paged listing (JSON or CSV) and the chain check."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Annotated, Any, Literal

from litestar import Controller, Request, Response, get
from litestar.openapi.datastructures import ResponseSpec
from litestar.openapi.spec import (
    Example,
    OpenAPIHeader,
    OpenAPIMediaType,
    OpenAPIResponse,
    OpenAPIType,
    Operation,
    Schema,
)
from litestar.params import QueryParameter

from adapters.http.audit import AuditDep, problems
from adapters.http.audit.audit_schemas import AuditEntryOut, AuditPageOut, ChainReportOut, to_csv
from adapters.http.deps import CallerDep
from adapters.http.problems import FieldError, Problem, problem_response
from adapters.http.security import reject_agents, require_roles
from application.core.audit_log import MAX_PAGE, AuditQuery, InvalidAuditQuery
from domain.principals import Role

_NAME = r"^[A-Za-z0-9][A-Za-z0-9._:@*-]*$"
_TEXT = r"^[^\x00-\x1f\x7f]+$"
_ENTRY = {
    "seq": 42,
    "at": "2026-03-02T14:30:00.123456Z",
    "actor": "usr-3f9c2a7e",
    "action": "killswitch.activate",
    "subject": "account:acc-1",
    "outcome": "halted",
    "request_id": "5b1d0c3e9a2f4e77a0c6f1d8b7e4a210",
    "ip": "203.0.113.7",
    "details": {"reason": "runaway agent"},
    "prev_hash": "9c1e…",
    "hash": "4a7b…",
}
_CSV_EXAMPLE = (
    "seq,at,actor,action,subject,outcome,request_id,ip,details,prev_hash,hash\r\n"
    "42,2026-03-02T14:30:00.123456Z,usr-3f9c,kill_switch.activate,account:acc-1,halted,"
    '5b1d0c3e,203.0.113.7,"{""reason"": ""runaway agent""}",9c1e…,4a7b…\r\n'
)
_SCOPE = (
    "Risk officers and admins see every entry; owners and traders the entries they are the "
    "actor of or whose subject is theirs (user:<id>, succession:<id>, login:<username>, and "
    "account:<id> / agent:<id> of what they own); agents 403."
)


@dataclass
class AuditListing(Operation):
    """The listing's OpenAPI operation: its 200 is JSON, or text/csv with format=csv."""

    def __post_init__(self) -> None:
        ok = (self.responses or {}).get("200")
        if isinstance(ok, OpenAPIResponse) and ok.content is not None:
            ok.content["text/csv"] = OpenAPIMediaType(
                schema=Schema(type=OpenAPIType.STRING, description="with format=csv"),
                example=_CSV_EXAMPLE,
            )
            ok.headers = {
                "X-Next-Cursor": OpenAPIHeader(
                    schema=Schema(type=OpenAPIType.STRING),
                    description="With format=csv: the cursor of the next page, if any",
                )
            }


def on_invalid_query(request: Request[Any, Any, Any], exc: InvalidAuditQuery) -> Response[Problem]:
    """A bad filter or cursor is the client's request: 400 with its code and field."""
    errors = None if exc.field is None else [FieldError(exc.field, str(exc), "query")]
    return problem_response(request, 400, exc.code, "Invalid audit query", str(exc), errors=errors)


def _aware(value: datetime | None, name: str) -> datetime | None:
    if value is not None and value.tzinfo is None:
        raise InvalidAuditQuery(f"{name} needs a time zone (Z or +00:00)", field=name)
    return value


class AuditController(Controller):
    """`/api/v1/audit`: the tamper-evident audit log."""

    path = "/audit"
    guards = (reject_agents,)

    @get(
        "/",
        summary="Audit entries, newest first, with a cursor (JSON, or CSV with format=csv)",
        description=(
            "Filters: actor, action (exact, or a prefix as `killswitch.*`), subject, outcome, "
            "from (inclusive) / to (exclusive) on the entry's time, request_id. Pass "
            "`next_cursor` back as `cursor`. `format=csv` answers text/csv (a header row; "
            "cells starting with = + - @ get a leading ') with the next cursor in the "
            f"X-Next-Cursor header. Each entry carries its seq and hash. {_SCOPE} 400 "
            "VALIDATION_ERROR / INVALID_AUDIT_QUERY / INVALID_CURSOR name the bad parameter."
        ),
        responses={
            200: ResponseSpec(
                data_container=AuditPageOut,
                generate_examples=False,
                description="A page of entries (or CSV with format=csv)",
                examples=[
                    Example(
                        summary="A kill switch activation",
                        value={"items": [_ENTRY], "next_cursor": "eyJhIjo0Mn0"},
                    )
                ],
            ),
            **problems(400, 429),
        },
        exception_handlers={InvalidAuditQuery: on_invalid_query},
        operation_class=AuditListing,
    )
    async def list_audit_entries(
        self,
        caller: CallerDep,
        audit: AuditDep,
        actor: Annotated[
            str | None, QueryParameter(min_length=1, max_length=256, pattern=_TEXT)
        ] = None,
        action: Annotated[
            str | None,
            QueryParameter(
                min_length=1,
                max_length=256,
                pattern=_NAME,
                description="An action, or a prefix ending in `.*` (`killswitch.*`)",
            ),
        ] = None,
        subject: Annotated[
            str | None, QueryParameter(min_length=1, max_length=256, pattern=_TEXT)
        ] = None,
        outcome: Annotated[
            str | None, QueryParameter(min_length=1, max_length=64, pattern=_TEXT)
        ] = None,
        since: Annotated[
            datetime | None, QueryParameter(name="from", description="From this time, inclusive")
        ] = None,
        until: Annotated[
            datetime | None, QueryParameter(name="to", description="Before this time")
        ] = None,
        request_id: Annotated[
            str | None, QueryParameter(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9._:-]+$")
        ] = None,
        cursor: Annotated[str | None, QueryParameter(min_length=1, max_length=128)] = None,
        limit: Annotated[int, QueryParameter(ge=1, le=MAX_PAGE)] = 50,
        export: Annotated[
            Literal["json", "csv"],
            QueryParameter(name="format", description="json (default) or csv"),
        ] = "json",
    ) -> Response[Any]:
        page = await audit.audit_log.query(
            caller.principal,
            AuditQuery(
                actor=actor,
                action=action,
                subject=subject,
                outcome=outcome,
                since=_aware(since, "from"),
                until=_aware(until, "to"),
                request_id=request_id,
                cursor=cursor,
                limit=limit,
            ),
        )
        if export == "csv":
            headers = {"X-Next-Cursor": page.next_cursor} if page.next_cursor else {}
            return Response(
                to_csv(page.items),
                media_type="text/csv",
                headers={**headers, "Content-Disposition": 'attachment; filename="audit.csv"'},
            )
        body = AuditPageOut(
            items=[AuditEntryOut.from_link(link) for link in page.items],
            next_cursor=page.next_cursor,
        )
        return Response(body)

    @get(
        "/verify",
        summary="Check the audit log's hash chain (admin)",
        description=(
            "Walks every entry in seq order: `ok` with the head reached, or the first broken "
            "seq and why (edited: hash mismatch; deleted: a seq gap or a prev_hash naming no "
            "neighbour; reordered). A chain alone cannot show its newest entries cut off: "
            "anchor `head_seq`/`head_hash` elsewhere. Admins only (403 otherwise)."
        ),
        responses={
            200: ResponseSpec(
                data_container=ChainReportOut,
                generate_examples=False,
                description="The result of the walk",
                examples=[
                    Example(
                        summary="Intact",
                        value={
                            "ok": True,
                            "checked": 42,
                            "head_seq": 42,
                            "head_hash": "4a7b…",
                            "broken": None,
                        },
                    )
                ],
            ),
            **problems(429),
        },
        guards=[require_roles(Role.ADMIN)],
    )
    async def verify_audit_chain(self, caller: CallerDep, audit: AuditDep) -> ChainReportOut:
        report = await audit.audit_log.verify(caller.principal)
        return ChainReportOut.from_report(report)


CONTROLLERS: list[Any] = [AuditController]
