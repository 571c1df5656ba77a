"""KYC documents: upload (sniffed, sealed, stored), review, download, deletion, retention.

The content is sealed with the envelope cipher bound to ("kyc_document", document id) before
it reaches the DocumentStore. The row keeps the small sealed header (KEK reference + wrapped
data key); the store keeps only nonce + ciphertext, so rotating the KEK rewrites rows, not
objects (application/keys/kyc_rotation.py). Nothing is ever half-written: a failed store write
creates no row, a failed row insert removes the object. Deletion (on request or by
retention) removes the object at once and keeps the row as a tombstone for the audit trail.
Each upload, review and deletion derives the owner's KYC status again (kyc_status.py).
"""

from __future__ import annotations

import contextlib
import hashlib
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import timedelta

from application.core.access import ensure_may_change
from application.identity.kyc_status import KycStatusService
from domain.errors import Conflict, DomainError, Forbidden, NotFound, StoreUnavailable
from domain.kyc.documents import (
    DocumentDeleted,
    DocumentKind,
    DocumentStatus,
    KycDocument,
)
from domain.kyc.sniff import sniff
from domain.principals import Principal, Role
from ports.core.clock import Clock, IdGenerator
from ports.core.encryption import DecryptionRefused, EnvelopeCipher, join_body, split_body
from ports.core.events import AuditEntry, AuditLog
from ports.identity.documents import DocumentMissing, DocumentStore, DocumentStoreUnavailable
from ports.identity.kyc import KycDocumentRepository, KycPage

RECORD_TYPE = "kyc_document"
REVIEWERS = frozenset({Role.RISK_OFFICER, Role.ADMIN})
MAX_PAGE = 200
PURGE_BATCH = 100
DRY_RUN_LIMIT = 10_000_000


class DocumentTooLarge(DomainError):
    """The upload is above BULWARK_KYC_MAX_BYTES (answered 413)."""

    code = "DOCUMENT_TOO_LARGE"


class DocumentUnreadable(DomainError):
    """The stored object is missing, tampered with or sealed for another record: not served."""

    code = "DOCUMENT_UNREADABLE"


class KycKeyEphemeral(Conflict):
    """No KEK is configured: sealed documents would not outlive the process; refuse them."""

    code = "KYC_KEY_EPHEMERAL"


@dataclass(frozen=True, slots=True)
class KycConfig:
    max_bytes: int = 10 * 1024 * 1024
    retention: timedelta = timedelta(days=1825)
    ephemeral_key: bool = False  # True: refuse uploads (see KycKeyEphemeral)


def is_reviewer(principal: Principal) -> bool:
    return principal.role in REVIEWERS


@contextlib.asynccontextmanager
async def _store_errors() -> AsyncIterator[None]:
    """A document store that cannot be reached answers 503 STORE_UNAVAILABLE, not a 500."""
    try:
        yield
    except DocumentStoreUnavailable as error:
        raise StoreUnavailable(f"the document store is unavailable: {error}") from None


class KycService:
    """Owners upload, list, download and delete their documents; reviewers decide on them."""

    def __init__(
        self,
        documents: KycDocumentRepository,
        store: DocumentStore,
        cipher: EnvelopeCipher,
        clock: Clock,
        ids: IdGenerator,
        audit: AuditLog,
        config: KycConfig | None = None,
        status: KycStatusService | None = None,
    ) -> None:
        self._documents = documents
        self._store = store
        self._cipher = cipher
        self._clock = clock
        self._ids = ids
        self._audit = audit
        self.config = config or KycConfig()
        self._status = status

    async def upload(self, principal: Principal, kind: DocumentKind, content: bytes) -> KycDocument:
        ensure_may_change(principal)
        if self.config.ephemeral_key:
            raise KycKeyEphemeral(
                "no key-encryption key is configured (BULWARK_KEKS_FILE): documents are refused"
            )
        if len(content) > self.config.max_bytes:
            raise DocumentTooLarge(
                f"the file is above the {self.config.max_bytes}-byte limit", field="file"
            )
        media_type = sniff(content)
        document_id = self._ids.new("kyc-")
        header, blob = split_body(self._cipher.seal(content, RECORD_TYPE, document_id))
        document = KycDocument(
            id=document_id,
            owner_id=principal.id,
            kind=kind,
            media_type=media_type,
            size=len(content),
            sha256=hashlib.sha256(content).hexdigest(),
            storage_key=f"kyc/{document_id}",
            sealed_key=header,
            uploaded_at=self._clock.now(),
        )
        async with _store_errors():
            await self._store.put(document.storage_key, blob)
        try:
            await self._documents.add(document)
        except BaseException:
            with contextlib.suppress(Exception):  # the row's failure is the one to report
                await self._store.delete(document.storage_key)
            raise
        await self._record(principal, "kyc.document.uploaded", document, kind=kind.value,
                           media_type=media_type, size=len(content))  # fmt: skip
        await self._derive(document.owner_id)
        return document

    async def get(self, principal: Principal, document_id: str) -> KycDocument:
        """The document when the caller owns it or reviews; 404 otherwise."""
        document = await self._documents.get(document_id)
        if document is None or not (document.owner_id == principal.id or is_reviewer(principal)):
            raise NotFound(f"no KYC document {document_id}")
        return document

    async def list(
        self, principal: Principal, owner_id: str | None, limit: int = 50, after: str | None = None
    ) -> list[KycDocument]:
        """The caller's documents; a reviewer's: everybody's, or `owner_id`'s."""
        if not is_reviewer(principal):
            if owner_id is not None and owner_id != principal.id:
                raise Forbidden("only risk officers and admins list others' documents")
            owner_id = principal.id
        return await self._documents.page(KycPage(owner_id, min(limit, MAX_PAGE), after))

    async def content(self, principal: Principal, document_id: str) -> tuple[KycDocument, bytes]:
        """The plaintext, checked against its recorded SHA-256; every download is audited."""
        document = await self.get(principal, document_id)
        if document.deleted or document.sealed_key is None:
            raise DocumentDeleted(f"document {document_id} was deleted")
        try:
            async with _store_errors():
                blob = await self._store.get(document.storage_key)
            text = join_body(document.sealed_key, blob)
            content = self._cipher.open(text, RECORD_TYPE, document.id)
            if hashlib.sha256(content).hexdigest() != document.sha256:
                raise DecryptionRefused("content does not match its recorded digest")
        except (DocumentMissing, DecryptionRefused) as error:
            await self._record(principal, "kyc.document.downloaded", document,
                               outcome="refused", error=type(error).__name__)  # fmt: skip
            raise DocumentUnreadable(
                f"document {document_id} failed its integrity check and was not served"
            ) from None
        await self._record(principal, "kyc.document.downloaded", document)
        return document, content

    async def review(
        self, principal: Principal, document_id: str, status: DocumentStatus, reason: str | None
    ) -> KycDocument:
        """A risk officer or admin verifies or rejects (with a reason); decisions are final."""
        ensure_may_change(principal)
        document = await self.get(principal, document_id)
        if not is_reviewer(principal):
            raise Forbidden("only risk officers and admins review KYC documents")
        if document.owner_id == principal.id:
            raise Forbidden("nobody reviews their own KYC document")
        decided = document.decide(status, principal.id, reason, self._clock.now())
        if not await self._documents.save(decided, expected=document.status):
            raise Conflict(f"document {document_id} changed meanwhile; read it again")
        await self._record(principal, f"kyc.document.{status.value}", decided,
                           previous=document.status.value)  # fmt: skip
        await self._derive(decided.owner_id)
        return decided

    async def delete(self, principal: Principal, document_id: str) -> KycDocument:
        """Deletion on the owner's request: the content goes at once, the row stays a tombstone."""
        ensure_may_change(principal)
        document = await self.get(principal, document_id)
        if document.owner_id != principal.id:
            raise Forbidden("only the owner deletes a KYC document")
        if document.deleted:
            return document
        return await self._erase(principal, document, "kyc.document.deleted")

    async def purge(self, dry_run: bool = False) -> int:
        """Erases every document past retention; the count (what would go with `dry_run`)."""
        cutoff = self._clock.now() - self.config.retention
        if dry_run:
            return len(await self._documents.expired(cutoff, DRY_RUN_LIMIT))
        count = 0
        while batch := await self._documents.expired(cutoff, PURGE_BATCH):
            for document in batch:
                await self._erase(Principal.system(), document, "kyc.document.purged")
                count += 1
        return count

    async def _erase(self, actor: Principal, document: KycDocument, action: str) -> KycDocument:
        async with _store_errors():
            await self._store.delete(document.storage_key)
        erased = document.tombstone(self._clock.now())
        if not await self._documents.save(erased, expected=document.status):
            raise Conflict(f"document {document.id} changed meanwhile; read it again")
        await self._record(actor, action, erased)
        await self._derive(erased.owner_id)
        return erased

    async def _derive(self, owner_id: str) -> None:
        """The owner's KYC status derived again from their documents (when one is kept)."""
        if self._status is not None:
            await self._status.refresh(owner_id)

    async def _record(
        self,
        actor: Principal,
        action: str,
        document: KycDocument,
        outcome: str = "ok",
        **extra: str | int,
    ) -> None:
        details: dict[str, str | int] = {"owner": document.owner_id, **extra}
        await self._audit.record(
            AuditEntry(actor.id, action, f"kyc_document:{document.id}", outcome,
                       self._clock.now(), details)
        )  # fmt: skip
