"""`/api/v1/compliance/evidence`: the signed evidence pack of a period and a scope, its
verification, and the audit chain's head for anchoring outside Bulwark."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Annotated, Any, Literal

import msgspec
from litestar import Controller, Response, get, post
from litestar.openapi.datastructures import ResponseSpec
from litestar.openapi.spec import (
    OpenAPIFormat,
    OpenAPIMediaType,
    OpenAPIResponse,
    OpenAPIType,
    Operation,
    Schema,
)
from litestar.params import JSONBody, QueryParameter

from adapters.http.compliance import ComplianceDep, problems
from adapters.http.compliance.evidence_html import render_pack
from adapters.http.deps import CallerDep
from adapters.http.security import reject_agents
from application.compliance.evidence import EvidencePack, EvidenceQuery, InvalidEvidenceQuery

_ID = r"^[A-Za-z0-9][A-Za-z0-9._:@-]*$"
HTML = "text/html"
PDF = "application/pdf"


@dataclass
class EvidenceOperation(Operation):
    """The pack's OpenAPI operation: its 200 is JSON, or text/html with format=html."""

    def __post_init__(self) -> None:
        ok = (self.responses or {}).get("200")
        if isinstance(ok, OpenAPIResponse) and ok.content is not None:
            ok.content[HTML] = OpenAPIMediaType(
                schema=Schema(type=OpenAPIType.STRING, description="with format=html")
            )
            ok.content[PDF] = OpenAPIMediaType(
                schema=Schema(
                    type=OpenAPIType.STRING, format=OpenAPIFormat.BINARY,
                    description="with format=pdf",
                )
            )  # fmt: skip


class ChainHeadOut(msgspec.Struct, kw_only=True):
    """The audit chain's newest entry: anchor `seq` and `hash` outside Bulwark (0 and "" when
    the chain is empty)."""

    seq: int
    hash: str


class EvidencePackOut(msgspec.Struct, kw_only=True):
    """A pack: its `content` (sections: format, period, scope, inventory, limits, breaches,
    drills, activations, surveillance, audit), the SHA-256 `digest` of the content's canonical
    JSON (sorted keys, no spaces, UTF-8), the seq of the `compliance.evidence_pack` audit
    entry that records it, and the chain head before that entry."""

    content: dict[str, Any]
    digest: str
    audit_entry_seq: int | None
    chain_head: ChainHeadOut

    @classmethod
    def of(cls, pack: EvidencePack) -> EvidencePackOut:
        return cls(
            content=dict(pack.content),
            digest=pack.digest,
            audit_entry_seq=pack.audit_seq,
            chain_head=ChainHeadOut(seq=pack.chain_head_seq, hash=pack.chain_head_hash),
        )


class EvidenceVerifyIn(msgspec.Struct, kw_only=True):
    """A pack as the evidence endpoint answered it (`content`, and its `digest` to compare)."""

    content: dict[str, Any]
    digest: str | None = None


class EvidenceVerifyOut(msgspec.Struct, kw_only=True):
    """`digest`: recomputed from the content; `matches`: it equals the pack's; `audit_entry_seq`:
    the audit entry that records it (null: none found); `ok`: both."""

    digest: str
    matches: bool
    audit_entry_seq: int | None
    recorded_at: datetime | None
    ok: bool


def aware(value: datetime, name: str) -> datetime:
    if value.tzinfo is None:
        raise InvalidEvidenceQuery(f"{name} needs a time zone (Z or +00:00)", field=name)
    return value


class EvidenceController(Controller):
    """The evidence pack (docs/compliance.md, "The evidence pack")."""

    path = "/compliance"
    guards = (reject_agents,)

    @get(
        "/evidence",
        summary="The signed evidence pack of a period and a scope",
        description=(
            "For [from, to) (at most 366 days) and the caller's accounts, one `account_id` or "
            "one `book_id`: the control inventory, the limits that apply, the denials by reason "
            "code per day, the kill-switch drills, the kill-switch activations with each "
            "venue's outcome, the surveillance cases and their resolution, and the audit chain "
            "(its head; verified for an admin, else the count of the period's entries the "
            "caller may see). `digest` is the SHA-256 of the content's canonical JSON; each "
            "call records a `compliance.evidence_pack` audit entry with it, anchoring the pack "
            "in the chain. Scope rules as the control inventory's: agents 403, an account or "
            "a book not the caller's 404. `format=html` answers the pack as one self-contained, "
            "printable HTML page (inline CSS and SVG charts), `format=pdf` as a PDF; both show the "
            "same digest."
        ),
        responses={
            200: ResponseSpec(
                data_container=EvidencePackOut, generate_examples=False, description="The pack"
            ),
            **problems(400, 404, 422),
        },
        operation_class=EvidenceOperation,
    )
    async def get_evidence_pack(
        self,
        caller: CallerDep,
        compliance: ComplianceDep,
        since: Annotated[datetime, QueryParameter(name="from", description="From, inclusive")],
        until: Annotated[datetime, QueryParameter(name="to", description="Until, exclusive")],
        account_id: Annotated[
            str | None,
            QueryParameter(min_length=1, max_length=128, pattern=_ID, description="One account"),
        ] = None,
        book_id: Annotated[
            str | None,
            QueryParameter(min_length=1, max_length=128, pattern=_ID, description="One book"),
        ] = None,
        export: Annotated[
            Literal["json", "html", "pdf"],
            QueryParameter(name="format", description="json (default), html or pdf"),
        ] = "json",
    ) -> Response[Any]:
        query = EvidenceQuery(aware(since, "from"), aware(until, "to"), account_id, book_id)
        pack = await compliance.evidence.issue(caller.principal, query)
        if export == "html":
            return Response(render_pack(pack), media_type=HTML)
        if export == "pdf":
            # reportlab (~0.4 s to import) with the first PDF asked for, not with the routes.
            from adapters.http.compliance.evidence_pdf import render_pdf

            name = f"evidence-{pack.digest[:12]}.pdf"
            return Response(
                render_pdf(pack),
                media_type=PDF,
                headers={"Content-Disposition": f'attachment; filename="{name}"'},
            )
        return Response(EvidencePackOut.of(pack))

    @post(
        "/evidence/verify",
        status_code=200,
        summary="Verify an evidence pack: its digest and its audit entry",
        description=(
            "Recomputes the SHA-256 of the pack's canonical content, compares it with the "
            "pack's `digest` and finds the `compliance.evidence_pack` audit entry that "
            "records it. `ok` is true when both hold."
        ),
        responses={
            200: ResponseSpec(
                data_container=EvidenceVerifyOut, generate_examples=False, description="Checked"
            ),
            **problems(400),
        },
    )
    async def verify_evidence_pack(
        self, caller: CallerDep, compliance: ComplianceDep, data: JSONBody[EvidenceVerifyIn]
    ) -> EvidenceVerifyOut:
        checked = await compliance.evidence.verify(data.content, data.digest)
        entry = checked.entry
        return EvidenceVerifyOut(
            digest=checked.digest,
            matches=checked.matches,
            audit_entry_seq=None if entry is None else entry.seq,
            recorded_at=None if entry is None else entry.entry.at,
            ok=checked.ok,
        )

    @get(
        "/chain-head",
        summary="The audit chain's head, for anchoring outside Bulwark",
        description=(
            "The newest audit entry's seq and hash. Publish them elsewhere (a timestamping "
            "service, a supervisor's inbox): `GET /api/v1/audit/verify` with them later shows "
            "the chain was not cut back."
        ),
        responses={
            200: ResponseSpec(
                data_container=ChainHeadOut, generate_examples=False, description="The head"
            ),
            **problems(),
        },
    )
    async def get_chain_head(self, caller: CallerDep, compliance: ComplianceDep) -> ChainHeadOut:
        head = await compliance.evidence.audit_log.head()
        if head is None:
            return ChainHeadOut(seq=0, hash="")
        return ChainHeadOut(seq=head.seq, hash=head.hash)


CONTROLLERS: list[Any] = [EvidenceController]
