"""The KYC status rule (domain/kyc/status.py): what VERIFIED needs, what a rejection does, what
a later approval does, the provider's result, expiry, and the order of the evidence."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.kyc.documents import DocumentKind, DocumentStatus, KycDocument
from domain.kyc.status import (
    KycStatus,
    ProviderOutcome,
    ProviderResult,
    derive,
)

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
NOW = T0 + timedelta(days=10)


def doc(
    kind: DocumentKind,
    status: DocumentStatus = DocumentStatus.PENDING,
    *,
    uploaded: int = 0,
    decided: int | None = None,
    reason: str | None = None,
    deleted: bool = False,
) -> KycDocument:
    """A document uploaded `uploaded` hours after T0, decided `decided` hours after it."""
    at = T0 + timedelta(hours=uploaded)
    return KycDocument(
        f"kyc-{kind.value}-{uploaded}-{status.value}", "u-1", kind, "application/pdf", 1, "0" * 64,
        "kyc/x", None, at, status, reason, "ro-1" if decided is not None else None,
        None if decided is None else T0 + timedelta(hours=decided),
        T0 + timedelta(days=1) if deleted else None,
    )  # fmt: skip


def verified(kind: DocumentKind, uploaded: int = 0, decided: int = 1) -> KycDocument:
    return doc(kind, DocumentStatus.VERIFIED, uploaded=uploaded, decided=decided)


def rejected(kind: DocumentKind, uploaded: int = 0, decided: int = 1) -> KycDocument:
    return doc(kind, DocumentStatus.REJECTED, uploaded=uploaded, decided=decided, reason="blurred")


def persona(outcome: ProviderOutcome, hours: int = 2) -> ProviderResult:
    return ProviderResult("persona", "inq_1", outcome, T0 + timedelta(hours=hours))


PASSPORT, ADDRESS = DocumentKind.PASSPORT, DocumentKind.PROOF_OF_ADDRESS


def test_nothing_submitted_is_unverified() -> None:
    record = derive("u-1", [], None, NOW)

    assert record.status is KycStatus.UNVERIFIED
    assert record.reason is not None and "nothing submitted" in record.reason


def test_documents_awaiting_review_are_pending() -> None:
    record = derive("u-1", [doc(PASSPORT), doc(ADDRESS)], None, NOW)

    assert record.status is KycStatus.PENDING
    assert "awaiting a decision" in (record.reason or "")


def test_verified_needs_an_identity_document_and_a_proof_of_address() -> None:
    # Arrange
    identity_only = [verified(PASSPORT)]
    both = [verified(DocumentKind.DRIVING_LICENCE), verified(ADDRESS)]

    # Act
    partial = derive("u-1", identity_only, None, NOW)
    whole = derive("u-1", both, None, NOW)

    # Assert
    assert partial.status is KycStatus.PENDING
    assert "proof of address: nothing submitted" in (partial.reason or "")
    assert whole.status is KycStatus.VERIFIED
    assert whole.reason is None


def test_a_document_of_kind_other_counts_for_nothing() -> None:
    record = derive("u-1", [verified(DocumentKind.OTHER), verified(ADDRESS)], None, NOW)

    assert record.status is KycStatus.PENDING


def test_one_rejection_rejects_with_its_reason() -> None:
    record = derive("u-1", [rejected(PASSPORT), verified(ADDRESS)], None, NOW)

    assert record.status is KycStatus.REJECTED
    assert record.reason == "identity: blurred"


def test_a_later_approval_clears_a_rejection() -> None:
    documents = [rejected(PASSPORT, 0, 1), verified(DocumentKind.NATIONAL_ID, 2, 3),
                 verified(ADDRESS)]  # fmt: skip

    assert derive("u-1", documents, None, NOW).status is KycStatus.VERIFIED


def test_a_later_rejection_revokes_an_earlier_approval() -> None:
    documents = [verified(PASSPORT, 0, 1), rejected(DocumentKind.NATIONAL_ID, 2, 3),
                 verified(ADDRESS)]  # fmt: skip

    assert derive("u-1", documents, None, NOW).status is KycStatus.REJECTED


def test_a_resubmission_after_a_rejection_is_pending_until_decided() -> None:
    documents = [rejected(PASSPORT, 0, 1), doc(PASSPORT, uploaded=2), verified(ADDRESS)]

    assert derive("u-1", documents, None, NOW).status is KycStatus.PENDING


def test_a_deleted_document_keeps_its_decision_but_not_its_pending_upload() -> None:
    # Arrange
    kept = [doc(PASSPORT, DocumentStatus.VERIFIED, decided=1, deleted=True), verified(ADDRESS)]
    dropped = [doc(PASSPORT, deleted=True)]

    # Act / Assert
    assert derive("u-1", kept, None, NOW).status is KycStatus.VERIFIED
    assert derive("u-1", dropped, None, NOW).status is KycStatus.UNVERIFIED


@pytest.mark.parametrize(
    ("outcome", "expected"),
    [
        (ProviderOutcome.APPROVED, KycStatus.VERIFIED),
        (ProviderOutcome.DECLINED, KycStatus.REJECTED),
        (ProviderOutcome.PENDING, KycStatus.PENDING),
    ],
)
def test_the_providers_result_stands_for_identity(
    outcome: ProviderOutcome, expected: KycStatus
) -> None:
    record = derive("u-1", [verified(ADDRESS)], persona(outcome), NOW)

    assert record.status is expected


def test_a_provider_approval_after_a_document_rejection_clears_it() -> None:
    documents = [rejected(PASSPORT, 0, 1), verified(ADDRESS)]

    record = derive("u-1", documents, persona(ProviderOutcome.APPROVED, hours=5), NOW)

    assert record.status is KycStatus.VERIFIED


def test_an_expired_inquiry_alone_is_expired() -> None:
    record = derive("u-1", [], persona(ProviderOutcome.EXPIRED), NOW)

    assert record.status is KycStatus.EXPIRED


def test_a_verification_lapses_after_its_validity() -> None:
    # Arrange
    record = derive("u-1", [verified(PASSPORT, 0, 1), verified(ADDRESS, 0, 4)], None, NOW,
                    timedelta(days=30))  # fmt: skip

    # Act
    before = record.standing(T0 + timedelta(days=30))
    after = record.standing(T0 + timedelta(days=30, hours=1))

    # Assert: it counts from the older decision (1 h after T0)
    assert record.verified_until == T0 + timedelta(days=30, hours=1)
    assert before[0] is KycStatus.VERIFIED
    assert after[0] is KycStatus.EXPIRED


def test_a_replayed_provider_result_is_no_news() -> None:
    first = persona(ProviderOutcome.APPROVED, 3)

    assert first.supersedes(None)
    assert not first.supersedes(first)
    assert not persona(ProviderOutcome.DECLINED, 2).supersedes(first)
    assert persona(ProviderOutcome.DECLINED, 4).supersedes(first)


_KINDS = st.sampled_from([PASSPORT, DocumentKind.NATIONAL_ID, ADDRESS, DocumentKind.OTHER])


def _drawn(kind: DocumentKind, status: DocumentStatus, up: int, gap: int) -> KycDocument:
    pending = status is DocumentStatus.PENDING
    reason = "bad" if status is DocumentStatus.REJECTED else None
    return doc(kind, status, uploaded=up, decided=None if pending else up + gap, reason=reason)


_DOCS = st.lists(
    st.builds(
        _drawn,
        _KINDS,
        st.sampled_from(list(DocumentStatus)),
        st.integers(0, 50),
        st.integers(0, 5),
    ),
    max_size=8,
)


@given(_DOCS, st.randoms())
def test_the_order_of_the_documents_does_not_matter(
    documents: list[KycDocument], rnd: object
) -> None:
    shuffled = list(documents)
    rnd.shuffle(shuffled)  # type: ignore[attr-defined]

    assert derive("u-1", documents, None, NOW) == derive("u-1", shuffled, None, NOW)


@given(_DOCS)
def test_verified_only_when_each_requirements_latest_decision_is_an_approval(
    documents: list[KycDocument],
) -> None:
    # Arrange: the rule recomputed plainly, per requirement
    def latest_is_approval(kinds: set[DocumentKind]) -> bool:
        decided = [d for d in documents if d.kind in kinds and d.decided_at is not None]
        if not decided:
            return False
        last = max(d.decided_at for d in decided if d.decided_at is not None)
        at_last = {d.status for d in decided if d.decided_at == last}
        return at_last == {DocumentStatus.VERIFIED}

    expected = latest_is_approval({PASSPORT, DocumentKind.NATIONAL_ID}) and latest_is_approval(
        {ADDRESS}
    )

    # Act
    record = derive("u-1", documents, None, NOW)

    # Assert
    assert (record.status is KycStatus.VERIFIED) == expected
