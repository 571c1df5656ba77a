"""KycService: never half-written, refusals, and rotation of the documents' data keys."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from adapters.documents.local import LocalDocumentStore
from adapters.memory.bus import InMemoryAuditLog
from adapters.memory.clock import FakeClock, UuidGenerator
from adapters.memory.kyc import InMemoryKycDocuments
from adapters.security.envelope import AesGcmEnvelope
from adapters.security.key_providers import StaticKeyProvider
from adapters.security.secret_box import SecretBox
from application.identity.kyc import DocumentUnreadable, KycConfig, KycKeyEphemeral, KycService
from application.keys.kyc_rotation import KycDocumentKeys
from domain.errors import Forbidden, StoreUnavailable
from domain.kyc.documents import DocumentKind, DocumentStatus
from domain.principals import Principal, Role
from ports.core.encryption import KeyRef
from ports.identity.documents import DocumentStoreUnavailable
from tests.http.kyc_samples import PDF, PNG

OWNER = Principal("u-1", Role.OWNER)
OFFICER = Principal("ro-1", Role.RISK_OFFICER)
V1, V2 = KeyRef("main", 1), KeyRef("main", 2)
K1, K2 = os.urandom(32), os.urandom(32)


class FailingStore(LocalDocumentStore):
    async def put(self, key: str, data: bytes) -> None:
        raise DocumentStoreUnavailable("disk full")


class FailingRows(InMemoryKycDocuments):
    async def add(self, document: object) -> None:  # type: ignore[override]
        raise RuntimeError("database down")


def service(
    tmp_path: Path,
    *,
    store: LocalDocumentStore | None = None,
    rows: InMemoryKycDocuments | None = None,
    keys: StaticKeyProvider | None = None,
    config: KycConfig | None = None,
) -> KycService:
    return KycService(
        rows or InMemoryKycDocuments(),
        store or LocalDocumentStore(tmp_path / "docs"),
        AesGcmEnvelope(keys or StaticKeyProvider({V1: K1}, V1)),
        FakeClock(),
        UuidGenerator(),
        InMemoryAuditLog(),
        config,
    )


def objects(tmp_path: Path) -> list[Path]:
    return [p for p in (tmp_path / "docs").rglob("*") if p.is_file()]


async def test_a_failed_store_write_creates_no_row(tmp_path: Path) -> None:
    rows = InMemoryKycDocuments()
    kyc = service(tmp_path, store=FailingStore(tmp_path / "docs"), rows=rows)

    with pytest.raises(StoreUnavailable):
        await kyc.upload(OWNER, DocumentKind.PASSPORT, PDF)

    assert await kyc.list(OWNER, None) == []


async def test_a_failed_row_insert_removes_the_object(tmp_path: Path) -> None:
    kyc = service(tmp_path, rows=FailingRows())

    with pytest.raises(RuntimeError):
        await kyc.upload(OWNER, DocumentKind.PASSPORT, PDF)

    assert objects(tmp_path) == []


async def test_uploads_are_refused_while_the_key_is_ephemeral(tmp_path: Path) -> None:
    kyc = service(tmp_path, config=KycConfig(ephemeral_key=True))

    with pytest.raises(KycKeyEphemeral):
        await kyc.upload(OWNER, DocumentKind.PASSPORT, PDF)

    assert objects(tmp_path) == []


async def test_nobody_reviews_their_own_document(tmp_path: Path) -> None:
    kyc = service(tmp_path)
    mine = await kyc.upload(OFFICER, DocumentKind.PASSPORT, PDF)

    with pytest.raises(Forbidden):
        await kyc.review(OFFICER, mine.id, DocumentStatus.VERIFIED, None)


async def test_a_sealed_object_moved_to_another_document_does_not_open(tmp_path: Path) -> None:
    kyc = service(tmp_path)
    first = await kyc.upload(OWNER, DocumentKind.PASSPORT, PDF)
    second = await kyc.upload(OWNER, DocumentKind.OTHER, PNG)
    store = LocalDocumentStore(tmp_path / "docs")
    await store.put(second.storage_key, await store.get(first.storage_key))

    with pytest.raises(DocumentUnreadable):
        await kyc.content(OWNER, second.id)


async def test_rotation_rewraps_rows_and_leaves_the_objects_untouched(tmp_path: Path) -> None:
    # Arrange: a document sealed under v1, then v2 becomes current
    rows = InMemoryKycDocuments()
    kyc = service(tmp_path, rows=rows)
    document = await kyc.upload(OWNER, DocumentKind.PASSPORT, PDF)
    before = objects(tmp_path)[0].read_bytes()
    rotated_keys = StaticKeyProvider({V1: K1, V2: K2}, V2)
    box = SecretBox(AesGcmEnvelope(rotated_keys))
    source = KycDocumentKeys(rows, LocalDocumentStore(tmp_path / "docs"))

    # Act: what `bulwark keys rotate` does per record
    [record] = await source.batch(None, 10)
    assert box.needs_upgrade(record.text)
    wrote = await source.replace(
        record, box.upgrade(record.text, record.record_type, record.record_id)
    )

    # Assert: the object is the same bytes, the row names v2, v1 can be retired
    assert wrote
    assert objects(tmp_path)[0].read_bytes() == before
    only_v2 = service(tmp_path, rows=rows, keys=StaticKeyProvider({V2: K2}, V2))
    _, content = await only_v2.content(OWNER, document.id)
    assert content == PDF
    assert not box.needs_upgrade((await source.batch(None, 10))[0].text)


async def test_rotation_loses_to_a_concurrent_key_change(tmp_path: Path) -> None:
    rows = InMemoryKycDocuments()
    kyc = service(tmp_path, rows=rows)
    document = await kyc.upload(OWNER, DocumentKind.PASSPORT, PDF)
    source = KycDocumentKeys(rows, LocalDocumentStore(tmp_path / "docs"))
    [record] = await source.batch(None, 10)
    box = SecretBox(AesGcmEnvelope(StaticKeyProvider({V1: K1, V2: K2}, V2)))
    await kyc.delete(OWNER, document.id)  # meanwhile: the owner deletes it

    wrote = await source.replace(
        record, box.upgrade(record.text, record.record_type, record.record_id)
    )

    assert not wrote
    assert await source.batch(None, 10) == []


class UnreadableStore(LocalDocumentStore):
    async def get(self, key: str) -> bytes:
        raise AssertionError("counting must not read documents")


async def test_the_rotation_source_counts_documents_from_the_rows_alone(tmp_path: Path) -> None:
    # Arrange
    rows = InMemoryKycDocuments()
    kyc = service(tmp_path, rows=rows)
    for _ in range(3):
        await kyc.upload(OWNER, DocumentKind.PASSPORT, PDF)
    source = KycDocumentKeys(rows, UnreadableStore(tmp_path / "docs"))

    # Act
    counted = await source.count()

    # Assert
    assert counted == 3
