"""The investor profile of each user: read and replace your own; an admin may read anyone's.

- `profile(principal)`: the caller's own (404 INVESTOR_PROFILE_NOT_FOUND before the first PUT).
- `profile_of(principal, user_id)`: the caller's own, or any user's for an admin; for anyone else
  another user's profile answers 404 as if it did not exist.
- `put(principal, change)`: create or replace the caller's profile (a viewer: 403); audited.
  Risk tolerance is the level given, else the questionnaire score's level. Terms are accepted by
  naming the current version (`accept_terms`); a stale version is refused (422 naming it), and
  a PUT without it keeps the previous acceptance. The accredited attestation time moves only when
  the bases change.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from application.core.access import ensure_may_change
from domain.errors import NotFound
from domain.principals import Principal, Role
from domain.retirement.limits import FilingStatus
from domain.wealth.profile import (
    InvalidInvestorProfile,
    InvestorProfile,
    RiskTolerance,
    tolerance_from_score,
)
from ports.core.clock import Clock
from ports.core.events import AuditEntry, AuditLog
from ports.wealth.investor_profiles import InvestorProfileRepository

READERS_OF_ALL = frozenset({Role.ADMIN, Role.SYSTEM})


class InvestorProfileNotFound(NotFound):
    """No investor profile for that user (or it is another user's)."""

    code = "INVESTOR_PROFILE_NOT_FOUND"


@dataclass(frozen=True, slots=True)
class ProfileChange:
    """A PUT's fields; `risk_tolerance` or `questionnaire_score` (or both) must be given."""

    horizon_years: int
    filing_status: FilingStatus
    federal_bracket: Decimal
    risk_tolerance: RiskTolerance | None = None
    questionnaire_score: int | None = None
    state: str | None = None
    state_rate: Decimal = Decimal(0)
    accredited_bases: tuple[str, ...] = ()
    accept_terms: str | None = None


@dataclass(eq=False)
class InvestorProfileService:
    """Investor profiles over their store (module doc)."""

    profiles: InvestorProfileRepository
    clock: Clock
    audit: AuditLog
    terms_version: str

    async def profile(self, principal: Principal) -> InvestorProfile:
        found = await self.profiles.get(principal.id)
        if found is None:
            raise InvestorProfileNotFound("you have no investor profile yet")
        return found

    async def profile_of(self, principal: Principal, user_id: str) -> InvestorProfile:
        if user_id != principal.id and principal.role not in READERS_OF_ALL:
            raise InvestorProfileNotFound(f"no investor profile for user {user_id}")
        found = await self.profiles.get(user_id)
        if found is None:
            raise InvestorProfileNotFound(f"no investor profile for user {user_id}")
        return found

    async def put(self, principal: Principal, change: ProfileChange) -> InvestorProfile:
        ensure_may_change(principal)
        tolerance = change.risk_tolerance
        if tolerance is None:
            if change.questionnaire_score is None:
                raise InvalidInvestorProfile(
                    "give risk_tolerance or questionnaire_score", field="risk_tolerance"
                )
            tolerance = tolerance_from_score(change.questionnaire_score)
        if change.accept_terms is not None and change.accept_terms != self.terms_version:
            raise InvalidInvestorProfile(
                f"the current terms are version {self.terms_version}", field="accept_terms"
            )
        now = self.clock.now()
        before = await self.profiles.get(principal.id)
        accepted_version = before.terms_version if before else None
        accepted_at = before.terms_accepted_at if before else None
        if change.accept_terms is not None:
            accepted_version, accepted_at = change.accept_terms, now
        attested_at = before.accredited_attested_at if before else None
        if before is None or before.accredited_bases != change.accredited_bases:
            attested_at = now if change.accredited_bases else None
        profile = InvestorProfile(
            owner_id=principal.id,
            risk_tolerance=tolerance,
            questionnaire_score=change.questionnaire_score,
            horizon_years=change.horizon_years,
            filing_status=change.filing_status,
            federal_bracket=change.federal_bracket,
            state=change.state,
            state_rate=change.state_rate,
            accredited_bases=change.accredited_bases,
            accredited_attested_at=attested_at,
            terms_version=accepted_version,
            terms_accepted_at=accepted_at,
            updated_at=now,
        )
        await self.profiles.put(profile)
        await self.audit.record(
            AuditEntry(
                principal.id,
                "investor_profile.updated",
                principal.id,
                "ok",
                now,
                {
                    "risk_tolerance": tolerance.label,
                    "accredited": profile.accredited,
                    "terms_version": accepted_version,
                },
            )
        )
        return profile
