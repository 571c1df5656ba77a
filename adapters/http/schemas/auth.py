"""Authentication DTOs."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

import msgspec

from adapters.http.schemas.common import Input, Mirror, Output
from application.identity.auth import MfaEnrollment, TokenPair, UserView

Secretish = Annotated[str, msgspec.Meta(min_length=1, max_length=1024)]


class LoginIn(Input):
    username: Annotated[str, msgspec.Meta(min_length=1, max_length=128)]
    password: Secretish
    totp_code: Annotated[str, msgspec.Meta(min_length=6, max_length=32)] | None = None


class RefreshIn(Input):
    refresh_token: Secretish


class LogoutIn(Input):
    refresh_token: Secretish | None = None


class MfaVerifyIn(Input):
    code: Annotated[str, msgspec.Meta(min_length=6, max_length=32)]


class TokenOut(Mirror[TokenPair]):
    access_token: str
    refresh_token: str
    token_type: str
    expires_in: int
    refresh_expires_in: int


class MfaEnrollmentOut(Output):
    """Shown once: the TOTP secret, its otpauth:// URI and the one-time backup codes."""

    secret: str
    provisioning_uri: str
    backup_codes: list[str]

    @classmethod
    def from_domain(cls, enrollment: MfaEnrollment) -> MfaEnrollmentOut:
        return cls(
            secret=enrollment.secret,
            provisioning_uri=enrollment.provisioning_uri,
            backup_codes=list(enrollment.backup_codes),
        )


class ScopesOut(Output):
    """What the caller's credentials may do: an agent key's or token's scopes; null for a
    person's session (as the role allows)."""

    role: str
    scopes: list[str] | None


class UserOut(Mirror[UserView]):
    id: str
    username: str
    role: str
    mfa_enabled: bool
    created_at: datetime

    enum_values = ("role",)
