"""Tokens: the claims of an access token and rotating refresh tokens grouped in families."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from domain.errors import IllegalTransition
from domain.identity.credentials import matches_digest
from domain.principals import Role


@dataclass(frozen=True, slots=True)
class AccessClaims:
    """What a signed access token says: who, with which role, and for how long.

    `family_id` is the refresh-token family the token was issued with: revoking the
    family kills its access tokens too. None only for tokens that name no family.
    """

    subject: str
    role: Role
    jti: str
    issued_at: datetime
    expires_at: datetime
    family_id: str | None = None


@dataclass(slots=True, eq=False)
class RefreshToken:
    """One refresh token of a family; only its secret's digest is kept.

    Each refresh uses the token up and issues its successor in the same family,
    so a used token presented again means it was stolen: the family is revoked.
    """

    id: str
    family_id: str
    user_id: str
    secret_digest: str
    issued_at: datetime
    expires_at: datetime
    used_at: datetime | None = None
    replaced_by: str | None = None
    revoked_at: datetime | None = None

    @property
    def is_used(self) -> bool:
        return self.used_at is not None

    @property
    def is_revoked(self) -> bool:
        return self.revoked_at is not None

    def is_expired(self, now: datetime) -> bool:
        return now >= self.expires_at

    def matches(self, secret: str) -> bool:
        return matches_digest(self.secret_digest, secret)

    def rotate(self, replacement_id: str, now: datetime) -> None:
        if self.is_used or self.is_revoked:
            raise IllegalTransition(f"refresh token {self.id} cannot be rotated twice")
        self.used_at = now
        self.replaced_by = replacement_id

    def revoke(self, now: datetime) -> None:
        if self.revoked_at is None:
            self.revoked_at = now


def refresh_token_text(token_id: str, secret: str) -> str:
    """What the client holds: `<token_id>.<secret>`."""
    return f"{token_id}.{secret}"


def parse_refresh_token(text: str) -> tuple[str, str] | None:
    """(token_id, secret), or None when `text` does not have the shape of a refresh token."""
    token_id, dot, secret = text.strip().rpartition(".")
    if not dot or not token_id or not secret or len(text) > 512:
        return None
    return token_id, secret
