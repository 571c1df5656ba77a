"""KycStatusService: the status follows uploads and reviews, is read by its owner or a reviewer
only, and follows the provider's signed webhooks and polls; replays change nothing."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from adapters.documents.local import LocalDocumentStore
from adapters.identity_verification.persona import PersonaProvider
from adapters.memory.bus import InMemoryAuditLog
from adapters.memory.clock import FakeClock, UuidGenerator
from adapters.memory.kyc import InMemoryKycDocuments
from adapters.memory.kyc_status import InMemoryKycStatuses
from adapters.security.envelope import AesGcmEnvelope
from adapters.security.key_providers import StaticKeyProvider
from application.identity.kyc import KycService
from application.identity.kyc_status import (
    InvalidWebhookSignature,
    KycAlreadyVerified,
    KycStatusService,
)
from domain.errors import CapabilityNotConfigured, NotFound
from domain.kyc.documents import DocumentKind, DocumentStatus
from domain.kyc.status import KycRecord, KycStatus
from domain.principals import Principal, Role
from ports.core.encryption import KeyRef
from tests.http.kyc_samples import PDF
from tests.kit.fake_server import threaded_http
from tests.kit.persona import API_KEY, TEMPLATE, WEBHOOK_SECRET, LocalPersona, event, inquiry
from tests.kit.persona import signature as signed

OWNER = Principal("u-1", Role.OWNER)
OTHER = Principal("u-2", Role.OWNER)
OFFICER = Principal("ro-1", Role.RISK_OFFICER)
T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


class RacingStatuses(InMemoryKycStatuses):
    """Loses the first compare-and-set (another writer got there first)."""

    lost = False

    async def save(self, record: KycRecord) -> bool:
        if not self.lost:
            self.lost = True
            return False
        return await super().save(record)


@dataclass
class Kyc:
    documents: KycService
    status: KycStatusService
    clock: FakeClock
    audit: InMemoryAuditLog


def kyc(tmp_path: Path, url: str = "http://unused", statuses: InMemoryKycStatuses | None = None,
        provider: bool = True, users: frozenset[str] = frozenset({OWNER.id})) -> Kyc:  # fmt: skip
    clock, audit, rows = FakeClock(T0), InMemoryAuditLog(), InMemoryKycDocuments()
    persona = PersonaProvider(url, API_KEY, TEMPLATE, WEBHOOK_SECRET) if provider else None

    async def known_user(user_id: str) -> bool:
        return user_id in users

    status = KycStatusService(statuses or InMemoryKycStatuses(), rows, clock, audit,
                              timedelta(days=365), persona, known_user=known_user)  # fmt: skip
    key = KeyRef("main", 1)
    documents = KycService(
        rows, LocalDocumentStore(tmp_path / "docs"),
        AesGcmEnvelope(StaticKeyProvider({key: os.urandom(32)}, key)), clock, UuidGenerator(),
        audit, None, status,
    )  # fmt: skip
    return Kyc(documents, status, clock, audit)


async def verified_by_review(k: Kyc) -> None:
    for kind in (DocumentKind.PASSPORT, DocumentKind.PROOF_OF_ADDRESS):
        document = await k.documents.upload(OWNER, kind, PDF)
        await k.documents.review(OFFICER, document.id, DocumentStatus.VERIFIED, None)


async def test_the_status_follows_uploads_and_reviews(tmp_path: Path) -> None:
    # Arrange
    k = kyc(tmp_path)
    before = await k.status.show(OWNER, OWNER.id)

    # Act
    passport = await k.documents.upload(OWNER, DocumentKind.PASSPORT, PDF)
    pending = await k.status.show(OWNER, OWNER.id)
    await k.documents.review(OFFICER, passport.id, DocumentStatus.REJECTED, "expired passport")
    rejected = await k.status.show(OWNER, OWNER.id)

    # Assert
    assert before.status is KycStatus.UNVERIFIED
    assert pending.status is KycStatus.PENDING
    assert (rejected.status, rejected.reason) == (KycStatus.REJECTED, "identity: expired passport")
    changes = [e.outcome for e in await k.audit.entries() if e.action == "kyc.status"]
    assert changes == ["rejected", "pending"]  # newest first


async def test_a_review_of_both_requirements_verifies(tmp_path: Path) -> None:
    k = kyc(tmp_path)

    await verified_by_review(k)

    record = await k.status.show(OWNER, OWNER.id)
    assert record.status is KycStatus.VERIFIED
    assert record.verified_until == T0 + timedelta(days=365)


async def test_another_users_status_is_not_found_but_a_reviewer_reads_it(tmp_path: Path) -> None:
    k = kyc(tmp_path)
    await verified_by_review(k)

    with pytest.raises(NotFound):
        await k.status.show(OTHER, OWNER.id)
    assert (await k.status.show(OFFICER, OWNER.id)).status is KycStatus.VERIFIED


async def test_a_lost_compare_and_set_derives_again(tmp_path: Path) -> None:
    statuses = RacingStatuses()
    k = kyc(tmp_path, statuses=statuses)

    await k.documents.upload(OWNER, DocumentKind.PASSPORT, PDF)

    assert statuses.lost
    assert (await k.status.show(OWNER, OWNER.id)).status is KycStatus.PENDING


def webhook(status: str, at: datetime) -> bytes:
    resource = inquiry("inq_1", status, OWNER.id, at.isoformat())
    return event(f"evt_{status}", f"inquiry.{status}", resource, at.isoformat())


async def test_a_signed_webhook_updates_the_status_and_its_replay_changes_nothing(
    tmp_path: Path,
) -> None:
    # Arrange: a verified proof of address; Persona approves the identity
    k = kyc(tmp_path)
    address = await k.documents.upload(OWNER, DocumentKind.PROOF_OF_ADDRESS, PDF)
    await k.documents.review(OFFICER, address.id, DocumentStatus.VERIFIED, None)
    body = webhook("approved", T0)
    headers = {"Persona-Signature": signed(body, k.clock.now())}

    # Act
    first = await k.status.webhook(body, headers)
    again = await k.status.webhook(body, headers)
    older = webhook("declined", T0 - timedelta(minutes=1))
    late = await k.status.webhook(older, {"Persona-Signature": signed(older, k.clock.now())})

    # Assert
    assert (first.applied, again.applied, late.applied) == (True, False, False)
    assert (await k.status.show(OWNER, OWNER.id)).status is KycStatus.VERIFIED


async def test_a_signed_webhook_naming_no_user_held_here_makes_no_record(tmp_path: Path) -> None:
    # Arrange: Persona's inquiry names OWNER, whom this instance does not hold (or erased)
    statuses = InMemoryKycStatuses()
    k = kyc(tmp_path, statuses=statuses, users=frozenset())
    body = webhook("approved", T0)

    # Act
    outcome = await k.status.webhook(body, {"Persona-Signature": signed(body, k.clock.now())})

    # Assert: accepted (Persona stops resending), applied to no one, nothing stored or audited
    assert outcome.applied is False
    assert await statuses.get(OWNER.id) is None
    assert await k.audit.entries(f"user:{OWNER.id}") == []


@pytest.mark.parametrize("headers", [{}, {"Persona-Signature": "t=1,v1=00"}])
async def test_an_unsigned_or_badly_signed_webhook_is_refused(
    tmp_path: Path, headers: dict[str, str]
) -> None:
    k = kyc(tmp_path)

    with pytest.raises(InvalidWebhookSignature):
        await k.status.webhook(webhook("approved", T0), headers)

    assert (await k.status.show(OWNER, OWNER.id)).status is KycStatus.UNVERIFIED


async def test_a_webhook_replayed_after_the_tolerance_is_refused(tmp_path: Path) -> None:
    k = kyc(tmp_path)
    body = webhook("declined", T0)
    headers = {"Persona-Signature": signed(body, k.clock.now())}

    k.clock.advance(timedelta(minutes=10))

    with pytest.raises(InvalidWebhookSignature):
        await k.status.webhook(body, headers)


async def test_without_a_provider_verification_is_not_configured(tmp_path: Path) -> None:
    k = kyc(tmp_path, provider=False)

    with pytest.raises(CapabilityNotConfigured):
        await k.status.start_verification(OWNER)
    with pytest.raises(CapabilityNotConfigured):
        await k.status.webhook(b"{}", {})


@pytest.fixture
def persona() -> Iterator[tuple[LocalPersona, str]]:
    local = LocalPersona(at=T0.isoformat())
    with threaded_http(local.answer, methods=("GET", "POST")) as url:
        yield local, url


async def test_an_inquiry_started_then_polled_follows_persona(
    tmp_path: Path, persona: tuple[LocalPersona, str]
) -> None:
    # Arrange
    local, url = persona
    k = kyc(tmp_path, url)
    started = await k.status.start_verification(OWNER)
    assert started.provider is not None
    local.decide(started.provider.reference, "declined", (T0 + timedelta(minutes=5)).isoformat())

    # Act
    polled = await k.status.poll(OWNER, OWNER.id)

    # Assert
    assert started.status is KycStatus.PENDING
    assert polled.status is KycStatus.REJECTED
    assert "declined" in (polled.reason or "")
    with pytest.raises(NotFound):
        await k.status.poll(OTHER, OWNER.id)


async def test_a_verified_user_starts_no_new_inquiry(
    tmp_path: Path, persona: tuple[LocalPersona, str]
) -> None:
    # Arrange
    local, url = persona
    k = kyc(tmp_path, url)
    await verified_by_review(k)

    # Act
    with pytest.raises(KycAlreadyVerified):
        await k.status.start_verification(OWNER)

    # Assert: Persona was never asked, the status stands
    assert local.seen == []
    assert (await k.status.show(OWNER, OWNER.id)).status is KycStatus.VERIFIED
