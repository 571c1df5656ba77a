"""KYC document rows in memory: the embedded store's and the unit tests' repository."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime

from domain.kyc.documents import DocumentStatus, KycDocument
from ports.identity.kyc import KycPage


class InMemoryKycDocuments:
    """Rows by id; documents are immutable values, so no copies are needed."""

    def __init__(self) -> None:
        self._rows: dict[str, KycDocument] = {}

    async def add(self, document: KycDocument) -> None:
        if document.id in self._rows:
            raise ValueError(f"KYC document {document.id} exists already")
        self._rows[document.id] = document

    async def get(self, document_id: str) -> KycDocument | None:
        return self._rows.get(document_id)

    async def save(self, document: KycDocument, expected: DocumentStatus) -> bool:
        stored = self._rows.get(document.id)
        if stored is None or stored.status is not expected or stored.deleted:
            return False
        self._rows[document.id] = document
        return True

    async def page(self, page: KycPage) -> list[KycDocument]:
        rows = sorted(
            (d for d in self._rows.values() if page.owner_id in (None, d.owner_id)),
            key=lambda d: (d.uploaded_at, d.id),
            reverse=True,
        )
        if page.after is not None:
            anchor = self._rows.get(page.after)
            if anchor is None:
                return []
            rows = [d for d in rows if (d.uploaded_at, d.id) < (anchor.uploaded_at, anchor.id)]
        return rows[: page.limit]

    async def expired(self, cutoff: datetime, limit: int) -> list[KycDocument]:
        rows = [d for d in self._rows.values() if not d.deleted and d.retention_start < cutoff]
        return sorted(rows, key=lambda d: (d.retention_start, d.id))[:limit]

    async def sealed(self, after: str | None, limit: int) -> Sequence[KycDocument]:
        rows = sorted(
            (
                d
                for d in self._rows.values()
                if d.sealed_key is not None and (after is None or d.id > after)
            ),
            key=lambda d: d.id,
        )
        return rows[:limit]

    async def replace_key(self, document_id: str, old: str, new: str) -> bool:
        stored = self._rows.get(document_id)
        if stored is None or stored.sealed_key != old:
            return False
        self._rows[document_id] = replace(stored, sealed_key=new)
        return True
