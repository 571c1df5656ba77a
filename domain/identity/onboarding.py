"""One-time tokens that bring people in: invitations and password-reset tokens.

Only a token's digest is kept; the client holds `<id>.<secret>` (like a refresh token).
Each token is used once: `use` checks it and marks it used, and raises a distinct
refusal for an expired, used or revoked one.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from domain.identity.credentials import InvalidCredentialInput, matches_digest
from domain.identity.onboarding_errors import (
    InvitationExpired,
    InvitationRevoked,
    InvitationUsed,
    ResetTokenExpired,
    ResetTokenUsed,
)
from domain.principals import Role

MIN_INVITATION_HOURS = 1
MAX_INVITATION_HOURS = 24 * 30
DEFAULT_INVITATION_HOURS = 72
RESET_TOKEN_TTL = timedelta(minutes=30)


class InvitationStatus(StrEnum):
    PENDING = "pending"
    USED = "used"
    EXPIRED = "expired"
    REVOKED = "revoked"


def invitation_lifetime(hours: int) -> timedelta:
    """The lifetime of an invitation, bounded so a forgotten one does not stay open for years."""
    if not MIN_INVITATION_HOURS <= hours <= MAX_INVITATION_HOURS:
        raise InvalidCredentialInput(
            f"expires_in_hours must be {MIN_INVITATION_HOURS} to {MAX_INVITATION_HOURS}",
            field="expires_in_hours",
        )
    return timedelta(hours=hours)


@dataclass(slots=True, eq=False)
class Invitation:
    """An admin's invitation to create a user with `role`, usable once before `expires_at`."""

    id: str
    token_digest: str
    role: Role
    created_by: str
    created_at: datetime
    expires_at: datetime
    email: str | None = None
    used_at: datetime | None = None
    used_by: str | None = None  # the id of the user it created
    revoked_at: datetime | None = None

    def matches(self, secret: str) -> bool:
        return matches_digest(self.token_digest, secret)

    def status(self, now: datetime) -> InvitationStatus:
        if self.used_at is not None:
            return InvitationStatus.USED
        if self.revoked_at is not None:
            return InvitationStatus.REVOKED
        if now >= self.expires_at:
            return InvitationStatus.EXPIRED
        return InvitationStatus.PENDING

    def use(self, user_id: str, now: datetime) -> None:
        """Spend the invitation on the user it creates; refused unless pending."""
        self.check(now)
        self.used_at = now
        self.used_by = user_id

    def check(self, now: datetime) -> None:
        """Raise the refusal that fits unless the invitation is pending."""
        status = self.status(now)
        if status is InvitationStatus.USED:
            raise InvitationUsed("this invitation was already used")
        if status is InvitationStatus.REVOKED:
            raise InvitationRevoked("this invitation was revoked")
        if status is InvitationStatus.EXPIRED:
            raise InvitationExpired("this invitation has expired")

    def revoke(self, now: datetime) -> None:
        """Revoke a pending invitation (a used one stays used; revoking twice is harmless)."""
        if self.used_at is None and self.revoked_at is None:
            self.revoked_at = now


@dataclass(slots=True, eq=False)
class PasswordResetToken:
    """A one-time password reset for `user_id`, delivered through the notifier."""

    id: str
    user_id: str
    token_digest: str
    created_at: datetime
    expires_at: datetime
    used_at: datetime | None = None
    # Set when a later request replaced it: only a user's newest token works.
    invalidated_at: datetime | None = None

    @property
    def is_spent(self) -> bool:
        return self.used_at is not None or self.invalidated_at is not None

    def matches(self, secret: str) -> bool:
        return matches_digest(self.token_digest, secret)

    def use(self, now: datetime) -> None:
        self.check(now)
        self.used_at = now

    def check(self, now: datetime) -> None:
        if self.is_spent:
            raise ResetTokenUsed("this reset token was already used or replaced by a newer one")
        if now >= self.expires_at:
            raise ResetTokenExpired("this reset token has expired")

    def invalidate(self, now: datetime) -> None:
        if not self.is_spent:
            self.invalidated_at = now
