"""Where KYC documents' rows are kept (the content itself is in a DocumentStore)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from domain.kyc.documents import DocumentStatus, KycDocument


@dataclass(frozen=True, slots=True)
class KycPage:
    """A page of documents newest first: one owner's, or everybody's (owner None)."""

    owner_id: str | None
    limit: int = 50
    after: str | None = None  # the id of the last document of the previous page


class KycDocumentRepository(Protocol):
    """Rows of KYC documents.

    `add` stores a new row (ValueError for a known id). `save` writes a changed row only
    while the stored one still has status `expected` and is not deleted (compare-and-set:
    two reviewers, or a review and a deletion, cannot both win); it returns whether it wrote.
    `expired` lists documents not deleted whose retention start (decision, else upload) is
    before `cutoff`, oldest first. `sealed` lists documents with a sealed key and an id
    after `after` by id (what key rotation walks); `replace_key` swaps a sealed key
    compare-and-set.
    """

    async def add(self, document: KycDocument) -> None: ...

    async def get(self, document_id: str) -> KycDocument | None: ...

    async def save(self, document: KycDocument, expected: DocumentStatus) -> bool: ...

    async def page(self, page: KycPage) -> list[KycDocument]: ...

    async def expired(self, cutoff: datetime, limit: int) -> list[KycDocument]: ...

    async def sealed(self, after: str | None, limit: int) -> Sequence[KycDocument]: ...

    async def replace_key(self, document_id: str, old: str, new: str) -> bool: ...
