"""The KYC document rows: one contract on memory, SQLite and PostgreSQL."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest

from adapters.memory.kyc import InMemoryKycDocuments
from adapters.postgres.repos.kyc import SqlKycDocuments
from domain.kyc.documents import DocumentKind, DocumentStatus, KycDocument
from ports.identity.kyc import KycDocumentRepository, KycPage
from tests.integration.store.conftest import T0, StoreUnderTest


@pytest.fixture
def repo(store: StoreUnderTest) -> KycDocumentRepository:
    return store.adapter(InMemoryKycDocuments, SqlKycDocuments)


def document(i: int, owner: str = "u-1", minutes: int = 0) -> KycDocument:
    return KycDocument(
        id=f"kyc-{i:03d}", owner_id=owner, kind=DocumentKind.PASSPORT,
        media_type="application/pdf", size=1234 + i, sha256="ab" * 32,
        storage_key=f"kyc/kyc-{i:03d}", sealed_key=f"bwk1.k.1.wrapped{i}",
        uploaded_at=T0 + timedelta(minutes=minutes),
    )  # fmt: skip


async def test_a_document_reads_back_field_for_field(repo: KycDocumentRepository) -> None:
    doc = document(1)

    await repo.add(doc)

    assert await repo.get(doc.id) == doc
    assert await repo.get("kyc-unknown") is None
    with pytest.raises(ValueError, match="exists already"):
        await repo.add(doc)


async def test_save_is_compare_and_set_on_the_status(repo: KycDocumentRepository) -> None:
    doc = document(1)
    await repo.add(doc)
    decided = doc.decide(DocumentStatus.REJECTED, "rev-1", "blurry", T0 + timedelta(hours=1))

    first = await repo.save(decided, expected=DocumentStatus.PENDING)
    second = await repo.save(
        replace(decided, status=DocumentStatus.VERIFIED), expected=DocumentStatus.PENDING
    )

    assert (first, second) == (True, False)
    assert await repo.get(doc.id) == decided


async def test_a_tombstone_is_final(repo: KycDocumentRepository) -> None:
    doc = document(1)
    await repo.add(doc)
    gone = doc.tombstone(T0 + timedelta(days=1))

    assert await repo.save(gone, expected=DocumentStatus.PENDING)
    assert not await repo.save(doc, expected=DocumentStatus.PENDING)
    stored = await repo.get(doc.id)
    assert stored is not None and stored.deleted and stored.sealed_key is None


async def test_pages_are_newest_first_per_owner_or_for_everybody(
    repo: KycDocumentRepository,
) -> None:
    for i in range(5):
        await repo.add(document(i, owner="u-1" if i % 2 == 0 else "u-2", minutes=i))

    mine = await repo.page(KycPage("u-1", limit=2))
    rest = await repo.page(KycPage("u-1", limit=2, after=mine[-1].id))
    everyone = await repo.page(KycPage(None, limit=10))

    assert [d.id for d in mine] == ["kyc-004", "kyc-002"]
    assert [d.id for d in rest] == ["kyc-000"]
    assert [d.id for d in everyone] == [f"kyc-{i:03d}" for i in (4, 3, 2, 1, 0)]


async def test_expired_counts_from_the_decision_else_the_upload(
    repo: KycDocumentRepository,
) -> None:
    pending = document(1)
    decided_late = document(2)
    await repo.add(pending)
    await repo.add(decided_late)
    await repo.save(
        decided_late.decide(DocumentStatus.VERIFIED, "rev", None, T0 + timedelta(days=10)),
        expected=DocumentStatus.PENDING,
    )

    expired = await repo.expired(T0 + timedelta(days=5), limit=10)

    assert [d.id for d in expired] == [pending.id]


async def test_sealed_keys_are_walked_by_id_and_swapped_compare_and_set(
    repo: KycDocumentRepository,
) -> None:
    for i in range(3):
        await repo.add(document(i))
    await repo.save(document(1).tombstone(T0), expected=DocumentStatus.PENDING)

    walked = await repo.sealed(None, 10)
    after = await repo.sealed("kyc-000", 10)
    swapped = await repo.replace_key("kyc-000", "bwk1.k.1.wrapped0", "bwk1.k.2.new")
    stale = await repo.replace_key("kyc-000", "bwk1.k.1.wrapped0", "bwk1.k.3.newer")

    assert [d.id for d in walked] == ["kyc-000", "kyc-002"]
    assert [d.id for d in after] == ["kyc-002"]
    assert (swapped, stale) == (True, False)
    stored = await repo.get("kyc-000")
    assert stored is not None and stored.sealed_key == "bwk1.k.2.new"
