"""KYC status DTOs: a user's status, the provider's latest result, a webhook's acknowledgement."""

from __future__ import annotations

from datetime import datetime

from adapters.http.schemas.common import Mirror, Output
from application.identity.kyc_status import WebhookOutcome
from domain.kyc.status import KycRecord, ProviderResult


class KycProviderOut(Mirror[ProviderResult]):
    """The identity-verification provider's latest result: its inquiry and outcome."""

    provider: str
    reference: str
    outcome: str
    at: datetime
    reason: str | None = None

    enum_values = ("outcome",)


class KycStatusOut(Output):
    """A user's KYC status: unverified, pending, verified, rejected or expired, and why (live
    trading waits for `verified`; paper trading never does)."""

    user_id: str
    status: str
    updated_at: datetime
    reason: str | None = None
    verified_until: datetime | None = None
    provider: KycProviderOut | None = None

    @classmethod
    def from_domain(cls, record: KycRecord) -> KycStatusOut:
        provider = record.provider
        return cls(
            user_id=record.user_id,
            status=record.status.value,
            updated_at=record.updated_at,
            reason=record.reason,
            verified_until=record.verified_until,
            provider=KycProviderOut.from_domain(provider) if provider is not None else None,
        )


class KycWebhookAckOut(Mirror[WebhookOutcome]):
    """The provider's event id and whether it changed anything (a replay does not)."""

    event_id: str
    applied: bool
