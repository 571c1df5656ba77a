"""KYC document DTOs: the multipart upload form, the review, the document's metadata."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Annotated, Literal

import msgspec
from litestar.datastructures import UploadFile

from adapters.http.schemas.common import Input, Output
from domain.kyc.documents import REASON_MAX, DocumentKind, KycDocument


@dataclass
class KycUploadForm:
    """multipart/form-data: `file` (a PDF, PNG or JPEG, told from its bytes) and its `kind`."""

    file: UploadFile
    kind: DocumentKind


class KycReviewIn(Input):
    """A reviewer's decision: `verified`, or `rejected` with a `reason` (required then)."""

    status: Literal["verified", "rejected"]
    reason: Annotated[str, msgspec.Meta(max_length=REASON_MAX)] | None = None


class KycDocumentOut(Output):
    """A document's metadata (never its content or key material)."""

    id: str
    owner_id: str
    kind: str
    media_type: str
    size: int
    sha256: str
    status: str
    uploaded_at: datetime
    reason: str | None = None
    reviewer_id: str | None = None
    decided_at: datetime | None = None
    deleted_at: datetime | None = None

    @classmethod
    def from_domain(cls, d: KycDocument) -> KycDocumentOut:
        return cls(
            id=d.id, owner_id=d.owner_id, kind=d.kind.value, media_type=d.media_type,
            size=d.size, sha256=d.sha256, status=d.status.value, uploaded_at=d.uploaded_at,
            reason=d.reason, reviewer_id=d.reviewer_id, decided_at=d.decided_at,
            deleted_at=d.deleted_at,
        )  # fmt: skip


class KycPageOut(Output):
    items: list[KycDocumentOut]
    next_after: str | None = None
