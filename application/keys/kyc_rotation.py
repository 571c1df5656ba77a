"""KYC documents as a SealedRecordSource: what `bulwark keys rotate` walks for documents.

The row keeps the sealed header (KEK reference + wrapped data key) and the store keeps
nonce + ciphertext. A batch joins the two into the full sealed text, because the rotation
proves each text opens for its record before rewrapping it; that reads every object once
(memory: the batch's objects at once). `replace` then writes only the new header to the row
(compare-and-set). Only if the new text carried a new ciphertext (a re-seal, which rewrap
never does) is the object rewritten first.
"""

from __future__ import annotations

from collections.abc import Sequence

from application.identity.kyc import RECORD_TYPE
from ports.core.encryption import DecryptionRefused, SealedRecord, join_body, split_body
from ports.identity.documents import DocumentMissing, DocumentStore
from ports.identity.kyc import KycDocumentRepository

_COUNT_PAGE = 1_000


class KycDocumentKeys:
    """The `kyc_documents.sealed_key` column (with its objects) as a rotation source."""

    name = "kyc_documents.sealed_key"

    def __init__(self, documents: KycDocumentRepository, store: DocumentStore) -> None:
        self._documents = documents
        self._store = store

    async def batch(self, after: str | None, limit: int) -> Sequence[SealedRecord]:
        records = []
        for document in await self._documents.sealed(after, limit):
            header = document.sealed_key or ""
            try:
                text = join_body(header, await self._store.get(document.storage_key))
            except (DocumentMissing, DecryptionRefused):
                text = f"{header}.."  # opens nowhere: the rotation reports it as refused
            records.append(SealedRecord(document.id, RECORD_TYPE, document.id, text))
        return records

    async def count(self) -> int:
        """How many documents hold a sealed key, from the rows alone (the rotation's progress
        estimate would otherwise walk `batch`, which reads every object from the store)."""
        total, after = 0, None
        while True:
            rows = await self._documents.sealed(after, _COUNT_PAGE)
            total += len(rows)
            if len(rows) < _COUNT_PAGE:
                return total
            after = rows[-1].id

    async def replace(self, record: SealedRecord, new_text: str) -> bool:
        old_header, old_blob = split_body(record.text)
        new_header, new_blob = split_body(new_text)
        if new_blob != old_blob:
            document = await self._documents.get(record.record_id)
            if document is None or document.sealed_key != old_header:
                return False
            await self._store.put(document.storage_key, new_blob)
        return await self._documents.replace_key(record.record_id, old_header, new_header)
