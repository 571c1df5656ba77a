"""KYC documents: owners upload, list, download and delete theirs; reviewers decide on them.

The upload route takes a body up to BULWARK_KYC_MAX_BYTES (plus the multipart framing) while
the rest of the API keeps the global `max_body_bytes`: `controllers(max_bytes)` builds the
upload controller with its own limit. Litestar streams the form into a spooled temporary
file and stops reading at the limit (413 DOCUMENT_TOO_LARGE), so nothing is buffered
unbounded.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any

from litestar import Controller, Request, Response, delete, get, patch, post
from litestar.enums import RequestEncodingType
from litestar.exceptions.http_exceptions import RequestEntityTooLarge
from litestar.openapi.datastructures import ResponseSpec
from litestar.openapi.spec import OpenAPIResponse, Operation
from litestar.params import Body, FromPath, JSONBody, QueryParameter

from adapters.http.deps import CallerDep
from adapters.http.identity import IdentityDep, problems
from adapters.http.identity.kyc_download import document_attachment
from adapters.http.identity.kyc_schemas import (
    KycDocumentOut,
    KycPageOut,
    KycReviewIn,
    KycUploadForm,
)
from adapters.http.problems import Problem, problem_response
from adapters.http.security import HUMANS, require_roles
from application.identity.kyc import MAX_PAGE, DocumentTooLarge
from domain.kyc.documents import DocumentStatus
from domain.kyc.sniff import EXTENSIONS, UnsupportedDocumentType

# Room for the multipart boundaries, part headers and the `kind` field around the file.
MULTIPART_SLACK = 64 * 1024
_TOO_LARGE = "DOCUMENT_TOO_LARGE"
_ID = Annotated[str | None, QueryParameter(max_length=64)]


@dataclass
class DownloadOperation(Operation):
    """The download's 200 in the OpenAPI document: one of the three types it may be."""

    def __post_init__(self) -> None:
        ok = (self.responses or {}).get("200")
        if isinstance(ok, OpenAPIResponse) and ok.content:
            schema = next(iter(ok.content.values()))
            ok.content = dict.fromkeys(EXTENSIONS, schema)


def _too_large(request: Request[Any, Any, Any], exc: Exception) -> Response[Problem]:
    detail = getattr(exc, "message", None) or "the upload is above the KYC document size limit"
    return problem_response(request, 413, _TOO_LARGE, "Content Too Large", detail)


def _unsupported(
    request: Request[Any, Any, Any], exc: UnsupportedDocumentType
) -> Response[Problem]:
    return problem_response(request, 415, exc.code, "Unsupported Media Type", exc.message)


class KycUploadController(Controller):
    """`POST /api/v1/kyc/documents`: the one route with a larger body limit."""

    path = "/kyc/documents"
    exception_handlers = {  # noqa: RUF012 (Litestar's own attribute)
        RequestEntityTooLarge: _too_large,
        DocumentTooLarge: _too_large,
    }

    @post(
        "/",
        summary="Upload a KYC document (multipart: file + kind)",
        description=(
            "The type is told from the content, never the file name or declared type: a PDF, "
            "PNG or JPEG only (415 UNSUPPORTED_DOCUMENT_TYPE otherwise); 413 "
            "DOCUMENT_TOO_LARGE above BULWARK_KYC_MAX_BYTES. The content is encrypted before "
            "it is stored; the document starts `pending`. 409 KYC_KEY_EPHEMERAL when no "
            "key-encryption key is configured."
        ),
        status_code=201,
        guards=[require_roles(*HUMANS)],
        exception_handlers={UnsupportedDocumentType: _unsupported},
        responses=problems(
            400,
            409,
            413,
            415,
            429,
            notes={413: _TOO_LARGE, 415: "UNSUPPORTED_DOCUMENT_TYPE", 409: "KYC_KEY_EPHEMERAL"},
        ),
    )
    async def upload_kyc_document(
        self,
        data: Annotated[KycUploadForm, Body(media_type=RequestEncodingType.MULTI_PART)],
        caller: CallerDep,
        identity: IdentityDep,
    ) -> KycDocumentOut:
        service = identity.kyc
        content = await data.file.read(service.config.max_bytes + 1)
        await data.file.close()
        document = await service.upload(caller.principal, data.kind, content)
        return KycDocumentOut.from_domain(document)


class KycDocumentController(Controller):
    """`/api/v1/kyc/documents/...`: owners see theirs (another's answers 404), reviewers all."""

    path = "/kyc/documents"

    @get(
        "/",
        summary="KYC documents, newest first: yours, or (risk officer, admin) anyone's",
        description=(
            "`owner` filters by owner (reviewers only: 403 for others' ids). Pass `next_after` "
            "back as `after` for the next page."
        ),
        guards=[require_roles(*HUMANS)],
        responses=problems(400, 429),
    )
    async def list_kyc_documents(
        self,
        caller: CallerDep,
        identity: IdentityDep,
        owner: _ID = None,
        after: _ID = None,
        limit: Annotated[int, QueryParameter(ge=1, le=MAX_PAGE)] = 50,
    ) -> KycPageOut:
        found = await identity.kyc.list(caller.principal, owner, limit, after)
        return KycPageOut(
            items=[KycDocumentOut.from_domain(d) for d in found],
            next_after=found[-1].id if len(found) == limit else None,
        )

    @get(
        "/{document_id:str}",
        summary="One KYC document's metadata and status",
        guards=[require_roles(*HUMANS)],
        responses=problems(404, 429),
    )
    async def get_kyc_document(
        self, document_id: FromPath[str], caller: CallerDep, identity: IdentityDep
    ) -> KycDocumentOut:
        return KycDocumentOut.from_domain(await identity.kyc.get(caller.principal, document_id))

    @get(
        "/{document_id:str}/content",
        summary="Download a KYC document (audited)",
        description=(
            "The decrypted file, as an attachment with its sniffed type. 409 DOCUMENT_DELETED "
            "after deletion; 422 DOCUMENT_UNREADABLE when the stored object fails its "
            "integrity check (it is never served then)."
        ),
        guards=[require_roles(*HUMANS)],
        media_type="application/octet-stream",
        operation_class=DownloadOperation,
        responses={
            200: ResponseSpec(
                data_container=bytes,
                media_type="application/octet-stream",
                description="The file: application/pdf, image/png or image/jpeg",
                generate_examples=False,
            ),
            **problems(404, 409, 422, 429),
        },
    )
    async def download_kyc_document(
        self, document_id: FromPath[str], caller: CallerDep, identity: IdentityDep
    ) -> Response[bytes]:
        document, content = await identity.kyc.content(caller.principal, document_id)
        return document_attachment(document, content)

    @patch(
        "/{document_id:str}",
        summary="Verify or reject a KYC document (risk officer, admin)",
        description=(
            "pending -> verified | rejected (a rejection needs `reason`: 422 INVALID_REVIEW); "
            "a decision is final (409 DOCUMENT_ALREADY_DECIDED). Nobody reviews their own "
            "document (403). The decision derives the owner's KYC status again (GET "
            "/api/v1/kyc/status/{user_id}), which live trading waits for."
        ),
        guards=[require_roles(*HUMANS)],
        responses=problems(
            400,
            404,
            409,
            422,
            429,
            notes={409: "DOCUMENT_ALREADY_DECIDED or DOCUMENT_DELETED", 422: "INVALID_REVIEW"},
        ),
    )
    async def review_kyc_document(
        self,
        document_id: FromPath[str],
        data: JSONBody[KycReviewIn],
        caller: CallerDep,
        identity: IdentityDep,
    ) -> KycDocumentOut:
        decided = await identity.kyc.review(
            caller.principal, document_id, DocumentStatus(data.status), data.reason
        )
        return KycDocumentOut.from_domain(decided)

    @delete(
        "/{document_id:str}",
        summary="Delete your KYC document (its content goes at once; a tombstone stays)",
        guards=[require_roles(*HUMANS)],
        responses=problems(404, 409, 429),
    )
    async def delete_kyc_document(
        self, document_id: FromPath[str], caller: CallerDep, identity: IdentityDep
    ) -> None:
        await identity.kyc.delete(caller.principal, document_id)


def controllers(max_bytes: int) -> list[type[Controller]]:
    """The KYC controllers, the upload's body limit set to `max_bytes` plus the framing."""
    upload = type(
        "KycUploadController",
        (KycUploadController,),
        {"request_max_body_size": max_bytes + MULTIPART_SLACK},
    )
    return [upload, KycDocumentController]
