"""A KYC document's metadata and its review workflow: pending -> verified | rejected.

The content never lives here: it is sealed and kept in a DocumentStore under `storage_key`;
`sealed_key` is the small envelope header (KEK reference + wrapped data key) kept with the
row so a key rotation rewraps rows, not files. A deleted document keeps its row as a
tombstone (`deleted_at` set, no content) so the audit trail still names what it was.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from enum import StrEnum

from domain.errors import Conflict, DomainError

REASON_MAX = 500


class DocumentKind(StrEnum):
    PASSPORT = "passport"
    NATIONAL_ID = "national_id"
    DRIVING_LICENCE = "driving_licence"
    PROOF_OF_ADDRESS = "proof_of_address"
    OTHER = "other"


class DocumentStatus(StrEnum):
    PENDING = "pending"
    VERIFIED = "verified"
    REJECTED = "rejected"


class DocumentAlreadyDecided(Conflict):
    """A verified or rejected document never goes back (nor changes its decision)."""

    code = "DOCUMENT_ALREADY_DECIDED"


class DocumentDeleted(Conflict):
    """The document was deleted (on request or by retention): only its tombstone is left."""

    code = "DOCUMENT_DELETED"


class InvalidReview(DomainError):
    """A review without a reason for a rejection, or to a status a review cannot set."""

    code = "INVALID_REVIEW"


@dataclass(frozen=True, slots=True)
class KycDocument:
    """One uploaded document's row; `sha256` is the plaintext's, checked on every download."""

    id: str
    owner_id: str
    kind: DocumentKind
    media_type: str
    size: int
    sha256: str
    storage_key: str
    sealed_key: str | None
    uploaded_at: datetime
    status: DocumentStatus = DocumentStatus.PENDING
    reason: str | None = None
    reviewer_id: str | None = None
    decided_at: datetime | None = None
    deleted_at: datetime | None = None

    @property
    def deleted(self) -> bool:
        return self.deleted_at is not None

    @property
    def retention_start(self) -> datetime:
        """Retention counts from the decision, or from the upload while still pending."""
        return self.decided_at or self.uploaded_at

    def decide(
        self, status: DocumentStatus, reviewer_id: str, reason: str | None, at: datetime
    ) -> KycDocument:
        """The reviewed document; a rejection needs a reason, a decision is final."""
        if self.deleted:
            raise DocumentDeleted(f"document {self.id} was deleted")
        if status is DocumentStatus.PENDING:
            raise InvalidReview("a review sets verified or rejected", field="status")
        if self.status is not DocumentStatus.PENDING:
            raise DocumentAlreadyDecided(
                f"document {self.id} is {self.status.value} already; a decision is final"
            )
        reason = (reason or "").strip() or None
        if status is DocumentStatus.REJECTED and reason is None:
            raise InvalidReview("a rejection needs a reason", field="reason")
        if reason is not None and len(reason) > REASON_MAX:
            raise InvalidReview(f"reason: at most {REASON_MAX} characters", field="reason")
        return replace(self, status=status, reviewer_id=reviewer_id, reason=reason, decided_at=at)

    def tombstone(self, at: datetime) -> KycDocument:
        """What is left after deletion: the metadata, no content, no key to it."""
        return replace(self, deleted_at=at, sealed_key=None)
