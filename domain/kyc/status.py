"""A user's KYC status, derived from their documents' reviews and an identity-verification
provider's result; live trading waits for VERIFIED (paper trading never does).

The rule:

- Two requirements. *Identity*: a passport, a national id or a driving licence, or the
  provider's result (its inquiry checks a government id). *Address*: a proof of address.
  A document of kind `other` counts for neither.
- Within a requirement the latest decision wins: a document verified or rejected (its
  `decided_at`), the provider approving or declining (the result's `at`). At the same instant
  a rejection wins. So one rejection rejects the requirement until a later approval, and a
  later approval (a new document verified, the provider approving) clears it; a later
  rejection revokes an earlier approval.
- A document deleted (on request or by retention) keeps its decision: the decision was made on
  what was seen. A deleted document still pending counts for nothing.
- After a rejection, a document still pending uploaded later (or the provider's inquiry
  pending since later) makes the requirement pending again: resubmitted, not decided.
- The status: REJECTED when a requirement is rejected (with its reason, identity's first);
  VERIFIED when both are met; EXPIRED when the provider's inquiry expired before deciding and
  nothing else stands for identity; PENDING when something is submitted and not everything is
  decided; UNVERIFIED when nothing is submitted at all. The reason says what is missing.
- A verification lasts `validity` from the older of the two decisions that met the
  requirements (None: for ever); past it a VERIFIED record reads EXPIRED (`KycRecord.standing`)
  until a newer decision meets the requirement again.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from domain.errors import Conflict
from domain.kyc.documents import DocumentKind, DocumentStatus, KycDocument

IDENTITY_KINDS = frozenset(
    {DocumentKind.PASSPORT, DocumentKind.NATIONAL_ID, DocumentKind.DRIVING_LICENCE}
)
ADDRESS_KINDS = frozenset({DocumentKind.PROOF_OF_ADDRESS})


class KycStatus(StrEnum):
    UNVERIFIED = "unverified"  # nothing submitted
    PENDING = "pending"  # submitted, not (all) decided
    VERIFIED = "verified"
    REJECTED = "rejected"  # `reason` says why
    EXPIRED = "expired"  # the verification lapsed, or the provider's inquiry did


class ProviderOutcome(StrEnum):
    """The provider's result, in Bulwark's words (each adapter maps its vendor's statuses)."""

    PENDING = "pending"
    APPROVED = "approved"
    DECLINED = "declined"
    EXPIRED = "expired"


class KycNotVerified(Conflict):
    """Live trading asked for (or an order of a live account) while the owner's KYC is not
    verified; the message says the status and why."""

    code = "KYC_NOT_VERIFIED"


@dataclass(frozen=True, slots=True)
class ProviderResult:
    """The provider's latest word on a user: its inquiry (`reference`), the outcome, when."""

    provider: str
    reference: str
    outcome: ProviderOutcome
    at: datetime
    reason: str | None = None

    def supersedes(self, other: ProviderResult | None) -> bool:
        """Whether this result is news over `other`: a replayed or older one is not."""
        if other is None:
            return True
        return self.at > other.at or (self.at == other.at and self != other)


@dataclass(frozen=True, slots=True)
class KycRecord:
    """A user's stored KYC status (what the gate reads) and the provider's latest result."""

    user_id: str
    status: KycStatus
    updated_at: datetime
    reason: str | None = None
    verified_until: datetime | None = None
    provider: ProviderResult | None = None
    version: int = 1  # the store's compare-and-set counter (ports/identity/kyc_status.py)

    def standing(self, now: datetime) -> tuple[KycStatus, str | None]:
        """The status at `now`: a verification past `verified_until` reads EXPIRED."""
        until = self.verified_until
        if self.status is KycStatus.VERIFIED and until is not None and now >= until:
            return KycStatus.EXPIRED, f"the verification expired at {until.isoformat()}"
        return self.status, self.reason


def unverified(user_id: str, at: datetime) -> KycRecord:
    return KycRecord(user_id, KycStatus.UNVERIFIED, at, "no KYC document or verification yet")


@dataclass(frozen=True, slots=True)
class _Evidence:
    decided: datetime | None = None  # the latest decision
    rejected: str | None = None  # its reason when it was a rejection (else None)
    pending_since: datetime | None = None  # the latest submission still undecided
    lapsed: bool = False  # the provider's inquiry expired undecided

    def decide(self, at: datetime, rejection: str | None) -> _Evidence:
        if self.decided is not None and (at < self.decided or (
            at == self.decided and self.rejected is not None)):  # fmt: skip
            return self
        return _Evidence(at, rejection, self.pending_since, self.lapsed)

    def submit(self, at: datetime) -> _Evidence:
        since = at if self.pending_since is None else max(at, self.pending_since)
        return _Evidence(self.decided, self.rejected, since, self.lapsed)

    @property
    def met(self) -> bool:
        return self.decided is not None and self.rejected is None

    @property
    def rejection(self) -> str | None:
        """The standing rejection's reason: none once a later submission awaits a decision."""
        if self.rejected is None or self.decided is None:
            return None
        if self.pending_since is not None and self.pending_since > self.decided:
            return None
        return self.rejected

    @property
    def awaited(self) -> bool:
        return self.pending_since is not None and not self.met and self.rejection is None


def _gather(documents: Iterable[KycDocument], kinds: frozenset[DocumentKind]) -> _Evidence:
    found = _Evidence()
    for d in documents:
        if d.kind not in kinds:
            continue
        if d.status is DocumentStatus.PENDING:
            found = found if d.deleted else found.submit(d.uploaded_at)
        elif d.decided_at is not None:
            rejection = (d.reason or "rejected") if d.status is DocumentStatus.REJECTED else None
            found = found.decide(d.decided_at, rejection)
    return found


def _with_provider(found: _Evidence, result: ProviderResult | None) -> _Evidence:
    if result is None:
        return found
    if result.outcome is ProviderOutcome.APPROVED:
        return found.decide(result.at, None)
    if result.outcome is ProviderOutcome.DECLINED:
        return found.decide(result.at, result.reason or f"declined by {result.provider}")
    if result.outcome is ProviderOutcome.PENDING:
        return found.submit(result.at)
    return _Evidence(found.decided, found.rejected, found.pending_since, lapsed=True)


def derive(
    user_id: str,
    documents: Iterable[KycDocument],
    provider: ProviderResult | None,
    at: datetime,
    validity: timedelta | None = None,
) -> KycRecord:
    """The user's KYC record at `at` by the rule of the module docstring."""
    documents = tuple(documents)
    identity = _with_provider(_gather(documents, IDENTITY_KINDS), provider)
    address = _gather(documents, ADDRESS_KINDS)
    named = (("identity", identity), ("proof of address", address))

    def record(status: KycStatus, reason: str | None, until: datetime | None = None) -> KycRecord:
        return KycRecord(user_id, status, at, reason, until, provider)

    for name, evidence in named:
        if evidence.rejection is not None:
            return record(KycStatus.REJECTED, f"{name}: {evidence.rejection}")
    if identity.met and address.met:
        assert identity.decided is not None and address.decided is not None
        since = min(identity.decided, address.decided)
        return record(KycStatus.VERIFIED, None, None if validity is None else since + validity)
    missing = [f"{name}: {_wanting(e)}" for name, e in named if not e.met]
    reason = "; ".join(missing)
    if any(e.awaited or e.met for _, e in named):
        return record(KycStatus.PENDING, reason)
    if identity.lapsed:
        return record(KycStatus.EXPIRED, reason)
    return record(KycStatus.UNVERIFIED, reason)


def _wanting(evidence: _Evidence) -> str:
    if evidence.awaited:
        return "awaiting a decision"
    if evidence.lapsed:
        return "the verification inquiry expired before a decision; start a new one"
    return "nothing submitted"
