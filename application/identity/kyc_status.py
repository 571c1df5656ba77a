"""Each user's KYC status: derived again (domain/kyc/status.py) whenever a document is uploaded,
reviewed or deleted, and whenever the identity-verification provider's result changes (its
webhook, or a poll), then stored compare-and-set so two of those at once lose neither.

Owners read their own status; risk officers and admins read anyone's; another user's status
answers NotFound, as an unknown user's. A webhook that fails its signature or is too old is
refused (Unauthenticated); one carrying a result no newer than the stored one (a replay), or
naming a user Bulwark does not hold (unknown, or erased), is accepted and changes nothing: no
record is made for an id that names no one. Every change of status is audited (`kyc.status`).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field, replace
from datetime import timedelta

from application.core.access import ensure_may_change
from domain.errors import (
    CapabilityNotConfigured,
    Conflict,
    NotFound,
    StoreUnavailable,
    Unauthenticated,
)
from domain.kyc.documents import KycDocument
from domain.kyc.status import KycRecord, KycStatus, ProviderResult, derive, unverified
from domain.principals import Principal, Role
from ports.core.clock import Clock
from ports.core.events import AuditEntry, AuditLog
from ports.core.unit_of_work import UnitOfWorkFactory
from ports.identity.kyc import KycDocumentRepository, KycPage
from ports.identity.kyc_status import KycStatusStore
from ports.identity.verification import (
    IdentityVerificationProvider,
    VerificationUnavailable,
    WebhookRefused,
)

READERS = frozenset({Role.RISK_OFFICER, Role.ADMIN})
# Whether a user id names a user Bulwark holds now (not unknown, not erased).
KnownUser = Callable[[str], Awaitable[bool]]
PAGE = 200
ATTEMPTS = 5


class KycAlreadyVerified(Conflict):
    """A new inquiry asked for while the caller is verified."""

    code = "KYC_ALREADY_VERIFIED"


class InvalidWebhookSignature(Unauthenticated):
    """A provider's webhook without a valid, recent signature (answered 401; not applied)."""

    code = "INVALID_WEBHOOK_SIGNATURE"


@dataclass(frozen=True, slots=True)
class WebhookOutcome:
    """What a webhook did: its event id, and whether it changed the user's record."""

    event_id: str
    applied: bool


@dataclass(eq=False)
class KycStatusService:
    """Read, derive and store users' KYC statuses (see the module docstring)."""

    records: KycStatusStore
    documents: KycDocumentRepository
    clock: Clock
    audit: AuditLog
    validity: timedelta | None = None  # BULWARK_KYC_VALIDITY_DAYS (0: for ever)
    provider: IdentityVerificationProvider | None = None
    known_user: KnownUser = field(kw_only=True)

    async def show(self, principal: Principal, user_id: str) -> KycRecord:
        """The user's status as of now (a lapsed verification reads EXPIRED)."""
        if user_id != principal.id and principal.role not in READERS:
            raise NotFound(f"no KYC status for user {user_id}")
        record = await self.records.get(user_id) or unverified(user_id, self.clock.now())
        status, reason = record.standing(self.clock.now())
        return replace(record, status=status, reason=reason)

    async def refresh(self, user_id: str, result: ProviderResult | None = None) -> KycRecord:
        """Derives the user's record again (with the provider's `result` when it is news)."""
        for _ in range(ATTEMPTS):
            stored = await self.records.get(user_id)
            provider = stored.provider if stored is not None else None
            if result is not None and result.supersedes(provider):
                provider = result
            documents = await self._documents_of(user_id)
            now = self.clock.now()
            derived = derive(user_id, documents, provider, now, self.validity)
            if stored is not None and _same(stored, derived):
                return stored
            record = replace(derived, version=(stored.version + 1) if stored else 1)
            if await self.records.save(record):
                await self._record(user_id, stored, record)
                return record
        raise Conflict(f"the KYC status of user {user_id} kept changing; try again")

    async def start_verification(self, principal: Principal) -> KycRecord:
        """Opens a provider inquiry for the caller; their record then shows it pending. Refused
        while they are verified (a new inquiry would stand for their identity in the place of
        the one that verified it): renewal waits for the verification to expire."""
        ensure_may_change(principal)
        provider = self._provider()
        if (await self.show(principal, principal.id)).status is KycStatus.VERIFIED:
            raise KycAlreadyVerified(f"user {principal.id} is verified already")
        try:
            started = await provider.start(principal.id)
        except VerificationUnavailable as error:
            raise StoreUnavailable(f"{provider.name} is unavailable: {error}") from None
        return await self.refresh(principal.id, started.result)

    async def poll(self, principal: Principal, user_id: str) -> KycRecord:
        """Reads the provider's result of the user's inquiry now (the webhook's fallback)."""
        ensure_may_change(principal)
        record = await self.show(principal, user_id)
        provider = self._provider()
        if record.provider is None:
            raise NotFound(f"user {user_id} has no {provider.name} inquiry")
        try:
            fetched = await provider.fetch(record.provider.reference)
        except VerificationUnavailable as error:
            raise StoreUnavailable(f"{provider.name} is unavailable: {error}") from None
        if fetched.user_id != user_id:
            raise Conflict(f"inquiry {record.provider.reference} names another user")
        return await self.refresh(user_id, fetched.result)

    async def webhook(self, body: bytes, headers: Mapping[str, str]) -> WebhookOutcome:
        """Applies an authenticated webhook; a replayed or older result changes nothing."""
        provider = self._provider()
        try:
            event = provider.authenticate(body, headers, self.clock.now())
        except WebhookRefused as refused:
            raise InvalidWebhookSignature(f"{provider.name} webhook refused: {refused}") from None
        if event.user_id is None or event.result is None:
            return WebhookOutcome(event.event_id, applied=False)
        if not await self.known_user(event.user_id):
            return WebhookOutcome(event.event_id, applied=False)
        stored = await self.records.get(event.user_id)
        if not event.result.supersedes(stored.provider if stored else None):
            return WebhookOutcome(event.event_id, applied=False)
        await self.refresh(event.user_id, event.result)
        return WebhookOutcome(event.event_id, applied=True)

    def _provider(self) -> IdentityVerificationProvider:
        if self.provider is None:
            raise CapabilityNotConfigured(
                "identity verification", ["BULWARK_PERSONA_API_KEY", "BULWARK_PERSONA_TEMPLATE_ID"]
            )
        return self.provider

    async def _documents_of(self, user_id: str) -> list[KycDocument]:
        found: list[KycDocument] = []
        after: str | None = None
        while batch := await self.documents.page(KycPage(user_id, PAGE, after)):
            found += batch
            if len(batch) < PAGE:
                break
            after = batch[-1].id
        return found

    async def _record(self, user_id: str, before: KycRecord | None, after: KycRecord) -> None:
        if before is not None and before.status is after.status:
            return
        details: dict[str, str | int] = {
            "from": before.status.value if before else "none",
            "reason": after.reason or "",
        }
        await self.audit.record(
            AuditEntry("system", "kyc.status", f"user:{user_id}", after.status.value,
                       self.clock.now(), details)
        )  # fmt: skip


@dataclass(frozen=True, slots=True)
class StoredUsers:
    """KnownUser over the unit of work's users: held, and not erased."""

    uow_factory: UnitOfWorkFactory

    async def __call__(self, user_id: str) -> bool:
        async with self.uow_factory() as uow:
            user = await uow.users.get(user_id)
        return user is not None and not user.erased


def _same(stored: KycRecord, derived: KycRecord) -> bool:
    """Nothing to write: the same status, reason, validity and provider result."""
    return (stored.status, stored.reason, stored.verified_until, stored.provider) == (
        derived.status, derived.reason, derived.verified_until, derived.provider
    )  # fmt: skip
