"""`/console/audit`: the audit log as the signed-in person may read it, filtered, a page at a
time, and (for admins) the check of its hash chain.

The same use cases as GET /api/v1/audit and GET /api/v1/audit/verify (application/core/
audit_log.py AuditLogService.query / verify) with the signed-in principal, so the page shows
exactly what the API would: owners and traders their own entries (as actor, or about their
user, accounts and agents), the desk (risk officers, admins, the read-only observer) every
entry. Verifying the chain is an admin's: no one else is shown the control, and its POST answers
them 403 (the use case refuses as well). A filter that cannot be used is shown beside its field
(422); a stale cursor likewise.
"""

from __future__ import annotations

from typing import Any

import msgspec
from litestar import Request, get, post
from litestar.response import Template

from adapters.http.audit.audit_schemas import ChainReportOut
from adapters.http.console.audit_view import AuditFilters, entry_rows, next_link, read_filters
from adapters.http.console.pages import ConsolePage, fragment, is_htmx, page
from adapters.http.contexts import bundle_or_not_found
from adapters.http.security import caller_of, require_roles
from application.core.access import SEES_ALL
from application.core.audit_log import InvalidAuditQuery
from domain.errors import DomainError
from domain.principals import Role

TITLE = "Audit log"
ADMIN = require_roles(Role.ADMIN)


def _audit(request: Request[Any, Any, Any]) -> Any:
    return bundle_or_not_found(request, "audit", "the audit log is not served here").audit_log


async def _context(request: Request[Any, Any, Any], filters: AuditFilters) -> dict[str, Any]:
    principal = caller_of(request).principal
    rows: list[dict[str, Any]] = []
    more = None
    if filters.query is not None:
        try:
            found = await _audit(request).query(principal, filters.query)
        except DomainError as exc:
            if exc.field is None or not isinstance(exc, InvalidAuditQuery):
                raise
            filters.errors[exc.field] = f"{exc.field}: {exc.message}"
        else:
            rows = entry_rows(found.items)
            more = next_link(filters.values, found.next_cursor)
    return {
        "filters": filters.values,
        "errors": filters.errors,
        "entries": rows,
        "next_page": more,
        "may_verify": principal.role is Role.ADMIN,
        "sees_all": principal.role in SEES_ALL,
    }


class AuditPageController(ConsolePage):
    """`/console/audit` and its chain check."""

    path = "/audit"

    @get("/")
    async def audit(self, request: Request[Any, Any, Any]) -> Template:
        filters = read_filters(request.query_params)
        context = await _context(request, filters)
        status = 422 if filters.errors else 200
        return page(request, "audit.html", title=TITLE, status_code=status, context=context)

    @post("/verify", guards=[ADMIN], status_code=200)
    async def verify(self, request: Request[Any, Any, Any]) -> Template:
        report = await _audit(request).verify(caller_of(request).principal)
        chain = msgspec.to_builtins(ChainReportOut.from_report(report))
        if is_htmx(request):
            return fragment(request, "partials/audit_chain.html", context={"chain": chain})
        context = await _context(request, read_filters({}))
        return page(request, "audit.html", title=TITLE, context={**context, "chain": chain})
