"""KYC document rows on SQL (the `kyc_documents` table)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import and_, case, desc, or_, select, update

from adapters.postgres.rows import record, row_of
from adapters.postgres.stores import EngineStore
from adapters.postgres.tables.kyc import kyc_documents as t
from domain.kyc.documents import DocumentKind, DocumentStatus, KycDocument
from ports.identity.kyc import KycPage

_FIXED = ("id", "owner_id", "kind", "media_type", "size", "sha256", "storage_key", "uploaded_at")
# Retention counts from the decision, else from the upload.
_RETENTION_START = case((t.c.decided_at.is_not(None), t.c.decided_at), else_=t.c.uploaded_at)


def _row(d: KycDocument) -> dict[str, Any]:
    return row_of(d, t)


def _document(r: Any) -> KycDocument:
    return record(
        KycDocument, r, kind=DocumentKind(r.kind), size=int(r.size), status=DocumentStatus(r.status)
    )


class SqlKycDocuments(EngineStore):
    """A KycDocumentRepository on the `kyc_documents` table."""

    async def add(self, document: KycDocument) -> None:
        await self._insert_new(t, _row(document), f"KYC document {document.id} exists already")

    async def get(self, document_id: str) -> KycDocument | None:
        return await self._read_one(select(t).where(t.c.id == document_id), _document)

    async def save(self, document: KycDocument, expected: DocumentStatus) -> bool:
        values = {k: v for k, v in _row(document).items() if k not in _FIXED}
        statement = (
            update(t)
            .where(t.c.id == document.id, t.c.status == expected.value, t.c.deleted_at.is_(None))
            .values(values)
        )
        return await self._change(statement) == 1

    async def page(self, page: KycPage) -> list[KycDocument]:
        query = select(t)
        if page.owner_id is not None:
            query = query.where(t.c.owner_id == page.owner_id)
        if page.after is not None:
            anchor = await self.get(page.after)
            if anchor is None:
                return []
            query = query.where(
                or_(
                    t.c.uploaded_at < anchor.uploaded_at,
                    and_(t.c.uploaded_at == anchor.uploaded_at, t.c.id < anchor.id),
                )
            )
        query = query.order_by(desc(t.c.uploaded_at), desc(t.c.id)).limit(page.limit)
        return [_document(r) for r in await self._read(query)]

    async def expired(self, cutoff: datetime, limit: int) -> list[KycDocument]:
        query = (
            select(t)
            .where(t.c.deleted_at.is_(None), _RETENTION_START < cutoff)  # noqa: SIM300
            .order_by(_RETENTION_START, t.c.id)
            .limit(limit)
        )
        return [_document(r) for r in await self._read(query)]

    async def sealed(self, after: str | None, limit: int) -> Sequence[KycDocument]:
        query = select(t).where(t.c.sealed_key.is_not(None))
        if after is not None:
            query = query.where(t.c.id > after)
        return [_document(r) for r in await self._read(query.order_by(t.c.id).limit(limit))]

    async def replace_key(self, document_id: str, old: str, new: str) -> bool:
        statement = (
            update(t).where(t.c.id == document_id, t.c.sealed_key == old).values(sealed_key=new)
        )
        return await self._change(statement) == 1
