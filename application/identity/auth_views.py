"""What the authentication use cases hand out: token pairs, sessions, user views, enrolments."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from domain.identity import User
from domain.principals import Principal, Role


@dataclass(frozen=True, slots=True)
class TokenPair:
    """What a login or a refresh hands out; lifetimes in seconds."""

    access_token: str
    refresh_token: str
    expires_in: int
    refresh_expires_in: int
    token_type: str = "Bearer"


@dataclass(frozen=True, slots=True)
class Session:
    """An authenticated access token: who it is, which token (for logout), and the session
    (refresh-token family) it was issued in, when it names one."""

    principal: Principal
    jti: str
    expires_at: datetime
    family_id: str | None = None


@dataclass(frozen=True, slots=True)
class UserView:
    """A user as shown to clients (no hashes, no secrets)."""

    id: str
    username: str
    role: Role
    mfa_enabled: bool
    created_at: datetime


@dataclass(frozen=True, slots=True)
class MfaEnrollment:
    """A new TOTP secret and backup codes: shown once, never stored in plaintext."""

    secret: str
    provisioning_uri: str
    backup_codes: tuple[str, ...]


def user_view(user: User) -> UserView:
    return UserView(user.id, user.username, user.role, user.mfa_enabled, user.created_at)
