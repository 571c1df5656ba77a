"""`/console/compliance/evidence`: the evidence pack of a period and a scope, from the console.

Without a period, a form (from, to: whole UTC days, `to` included; an account or a book). With
one, the pack itself (the same use case as `GET /api/v1/compliance/evidence`,
application/compliance/evidence.py EvidencePacks, with the signed-in principal): its
self-contained HTML page to print or save, or its PDF (`format=pdf`). Each pack issued is
recorded in the audit chain with its digest. Another owner's account or book answers the
console's 404 page; an agent never has a console session.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from typing import Annotated, Any, Literal

from litestar import Request, Response, get
from litestar.params import QueryParameter
from litestar.response import Template

from adapters.http.compliance.evidence_html import render_pack
from adapters.http.console.pages import ConsolePage, page
from adapters.http.contexts import bundle_or_not_found
from adapters.http.security import caller_of
from application.compliance.evidence import EvidencePacks, EvidenceQuery, InvalidEvidenceQuery

EVIDENCE = "/console/compliance/evidence"
Ident = Annotated[str | None, QueryParameter(max_length=128, pattern=r"^[A-Za-z0-9._:@-]*$")]
_DAY = r"^(\d{4}-\d{2}-\d{2})?$"


def _packs(request: Request[Any, Any, Any]) -> EvidencePacks:
    found: EvidencePacks = bundle_or_not_found(
        request, "compliance", "the evidence pack is not served here"
    ).evidence
    return found


def day_start(value: str, name: str) -> datetime:
    """Midnight UTC of the day `value` (YYYY-MM-DD)."""
    try:
        return datetime.combine(date.fromisoformat(value), time(), tzinfo=UTC)
    except ValueError:
        raise InvalidEvidenceQuery(f"{name} is not a day (YYYY-MM-DD)", field=name) from None


class EvidencePageController(ConsolePage):
    """`/console/compliance/evidence`"""

    path = "/compliance/evidence"

    @get("/")
    async def evidence(
        self,
        request: Request[Any, Any, Any],
        since: Annotated[
            str | None, QueryParameter(name="from", max_length=10, pattern=_DAY)
        ] = None,
        until: Annotated[str | None, QueryParameter(name="to", max_length=10, pattern=_DAY)] = None,
        account_id: Ident = None,
        book_id: Ident = None,
        export: Annotated[Literal["html", "pdf"], QueryParameter(name="format")] = "html",
    ) -> Template | Response[Any]:
        if not since or not until:
            today = datetime.now(UTC).date()
            return page(
                request,
                "evidence_pack_form.html",
                title="Evidence pack",
                context={
                    "from_day": (today - timedelta(days=30)).isoformat(),
                    "to_day": today.isoformat(),
                },
            )
        query = EvidenceQuery(
            day_start(since, "from"),
            day_start(until, "to") + timedelta(days=1),  # the last day included
            account_id or None,
            book_id or None,
        )
        pack = await _packs(request).issue(caller_of(request).principal, query)
        if export == "pdf":
            # reportlab (~0.4 s to import) with the first PDF asked for, not with the routes.
            from adapters.http.compliance.evidence_pdf import render_pdf

            name = f"evidence-{pack.digest[:12]}.pdf"
            return Response(
                render_pdf(pack),
                media_type="application/pdf",
                headers={"Content-Disposition": f'attachment; filename="{name}"'},
            )
        return Response(render_pack(pack), media_type="text/html")
