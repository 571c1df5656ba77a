"""KYC document DTOs: the multipart upload form, the review, the document's metadata."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Annotated, Literal

import msgspec
from litestar.datastructures import UploadFile

from adapters.http.schemas.common import Input, Mirror, Output
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


class KycDocumentOut(Mirror[KycDocument]):
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

    enum_values = ("kind", "status")


class KycPageOut(Output):
    items: list[KycDocumentOut]
    next_after: str | None = None
