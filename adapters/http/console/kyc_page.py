"""`/console/kyc`: the signed-in user's KYC status and documents: the list (newest first,
cursor pages, a status filter), upload, one document's metadata, its download, and deletion.

The same use cases as `/api/v1/kyc/status` and `/api/v1/kyc/documents`
(application/identity/kyc_status.py, kyc.py) with the signed-in principal, owner-scoped on
every route: the caller's own status (live trading waits for `verified`), only the caller's
own documents listed, and another user's document id answers 404 here even to a reviewer
(reviews stay on the API). The upload is a multipart form whose first part is the CSRF token
(session.py reads only that far); its body limit is BULWARK_KYC_MAX_BYTES like the API's
(`upload_controller`). A refused file (too large, not a PDF, PNG or JPEG, no file) is shown
beside its field. The read-only viewer sees its list without a form or button, and every
change it posts answers 403.
"""

from __future__ import annotations

from typing import Annotated, Any

from litestar import Controller, Request, Response, get, post
from litestar.datastructures import UploadFile
from litestar.exceptions import NotFoundException
from litestar.exceptions.http_exceptions import RequestEntityTooLarge
from litestar.params import FromPath, QueryParameter
from litestar.response import Redirect, Template

from adapters.http.console.pages import ACTING, ConsolePage, form_page, see_other
from adapters.http.contexts import bundle_or_not_found
from adapters.http.identity.kyc_download import document_attachment
from adapters.http.security import caller_of
from application.identity.kyc import DocumentTooLarge, KycKeyEphemeral, KycService
from application.identity.kyc_status import KycStatusService
from domain.kyc.documents import DocumentKind, DocumentStatus, KycDocument
from domain.kyc.sniff import EXTENSIONS, UnsupportedDocumentType
from domain.kyc.status import KycRecord

KYC = "/console/kyc"
PAGE = 25
# A filtered page reads a few of the API's pages so it is rarely empty while more exist.
FILTER_READS = 4
MULTIPART_SLACK = 64 * 1024  # the boundaries, part headers, the token and the kind
After = Annotated[str | None, QueryParameter(min_length=1, max_length=64)]
Status = Annotated[str | None, QueryParameter(max_length=16)]
KINDS = [k.value for k in DocumentKind]
STATUSES = [s.value for s in DocumentStatus]


def _identity(request: Request[Any, Any, Any]) -> Any:
    return bundle_or_not_found(request, "identity", "KYC documents are not served here")


async def own_status(request: Request[Any, Any, Any]) -> KycRecord:
    """The caller's KYC status as of now (a lapsed verification reads expired)."""
    principal = caller_of(request).principal
    service: KycStatusService = _identity(request).kyc_status
    return await service.show(principal, principal.id)


def _kyc(request: Request[Any, Any, Any]) -> KycService:
    found: KycService = _identity(request).kyc
    return found


async def own_document(request: Request[Any, Any, Any], document_id: str) -> KycDocument:
    """The caller's own document; anyone else's (a reviewer's view included) answers 404."""
    principal = caller_of(request).principal
    document = await _kyc(request).get(principal, document_id)
    if document.owner_id != principal.id:
        raise NotFoundException(f"no KYC document {document_id}")
    return document


async def documents_page(
    request: Request[Any, Any, Any], status: str | None, after: str | None
) -> tuple[list[KycDocument], str | None]:
    """Up to PAGE of the caller's documents after `after` (with `status`), and the cursor of
    the next page (None on the last). The API has no status filter: this keeps the matching
    rows of up to FILTER_READS of its pages."""
    service, principal = _kyc(request), caller_of(request).principal
    shown: list[KycDocument] = []
    cursor = after
    for _ in range(FILTER_READS if status else 1):
        found = await service.list(principal, principal.id, PAGE, cursor)
        for document in found:
            if status is None or document.status.value == status:
                shown.append(document)
            cursor = document.id
            if len(shown) == PAGE:
                return shown, cursor
        if len(found) < PAGE:
            return shown, None
    return shown, cursor


def _back(request: Request[Any, Any, Any], to: str = KYC) -> Redirect:
    return see_other(request, to)


class KycPageController(ConsolePage):
    """`/console/kyc`, one document, its content, its deletion."""

    path = "/kyc"

    @get("/")
    async def documents(
        self, request: Request[Any, Any, Any], status: Status = None, after: After = None
    ) -> Template:
        return await kyc_page(request, filter_status=status, after=after)

    @get("/{document_id:str}")
    async def document(
        self, request: Request[Any, Any, Any], document_id: FromPath[str]
    ) -> Template:
        document = await own_document(request, document_id)
        return form_page(
            request,
            "kyc_document.html",
            title=f"KYC document {document.id}",
            status_code=200,
            code="",
            context={"document": document, "extension": EXTENSIONS.get(document.media_type)},
        )

    @get("/{document_id:str}/content")
    async def content(
        self, request: Request[Any, Any, Any], document_id: FromPath[str]
    ) -> Response[bytes]:
        await own_document(request, document_id)
        document, content = await _kyc(request).content(caller_of(request).principal, document_id)
        return document_attachment(document, content)

    @post("/{document_id:str}/delete", guards=[ACTING], status_code=303)
    async def delete(self, request: Request[Any, Any, Any], document_id: FromPath[str]) -> Redirect:
        await own_document(request, document_id)
        await _kyc(request).delete(caller_of(request).principal, document_id)
        return _back(request)


class KycUploadPageController(ConsolePage):
    """`POST /console/kyc/upload` (its body limit set by `upload_controller`)."""

    path = "/kyc"

    @post("/upload", guards=[ACTING], status_code=303)
    async def upload(self, request: Request[Any, Any, Any]) -> Redirect | Template:
        service = _kyc(request)
        errors: dict[str, str] = {}
        try:
            form = await request.form()
        except RequestEntityTooLarge:
            errors["file"] = f"the file is above the {service.config.max_bytes}-byte limit"
            return await kyc_page(
                request, errors=errors, code="DOCUMENT_TOO_LARGE", http_status=413
            )
        kind_text = str(form.get("kind", ""))
        if kind_text not in KINDS:
            errors["kind"] = f"kind: one of {', '.join(KINDS)}"
        upload = form.get("file")
        content = b""
        if isinstance(upload, UploadFile):
            content = await upload.read(service.config.max_bytes + 1)
            await upload.close()
        if not content:
            errors["file"] = "file: choose a PDF, PNG or JPEG file"
        if errors:
            return await kyc_page(request, errors=errors, kind=kind_text, code="VALIDATION_ERROR")
        try:
            document = await service.upload(
                caller_of(request).principal, DocumentKind(kind_text), content
            )
        except DocumentTooLarge as refused:
            return await kyc_page(
                request, errors={"file": refused.message}, kind=kind_text, code=refused.code,
                http_status=413,
            )  # fmt: skip
        except UnsupportedDocumentType as refused:
            return await kyc_page(
                request, errors={"file": refused.message}, kind=kind_text, code=refused.code,
                http_status=415,
            )  # fmt: skip
        except KycKeyEphemeral as refused:
            return await kyc_page(
                request, error=refused.message, kind=kind_text, code=refused.code, http_status=409
            )
        return _back(request, f"{KYC}/{document.id}")


def upload_controller(max_bytes: int) -> type[Controller]:
    """The upload controller with a body limit of `max_bytes` plus the multipart framing."""
    return type(
        "KycUploadPageController",
        (KycUploadPageController,),
        {"request_max_body_size": max_bytes + MULTIPART_SLACK},
    )


async def kyc_page(
    request: Request[Any, Any, Any],
    *,
    filter_status: str | None = None,
    after: str | None = None,
    errors: dict[str, str] | None = None,
    error: str | None = None,
    kind: str = "",
    code: str | None = None,
    http_status: int = 422,
) -> Template:
    """The list (`filter_status`, from `after`) and the upload form; a refused upload with
    its `errors` by field (or `error` above the form), its `code` and `http_status`."""
    wanted = filter_status if filter_status in STATUSES else None
    documents, next_after = await documents_page(request, wanted, after)
    return form_page(
        request,
        "kyc.html",
        title="KYC documents",
        status_code=http_status if code else 200,
        code=code or "",
        context={
            "kyc": await own_status(request),
            "documents": documents,
            "next_after": next_after,
            "after": after,
            "status": wanted,
            "statuses": STATUSES,
            "kinds": KINDS,
            "kind": kind,
            "errors": errors or {},
            "error": error,
            "max_bytes": _kyc(request).config.max_bytes,
        },
    )
