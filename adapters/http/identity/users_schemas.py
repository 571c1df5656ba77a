"""User management, invitations, sign-up and password DTOs."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

import msgspec

from adapters.http.schemas.common import Input, ItemsOut, Mirror, Output
from application.identity.invitations import InvitationView, IssuedInvitation, NewUser
from application.identity.user_admin import ManagedUser, UserPage
from domain.identity.credentials import MAX_PASSWORD_LENGTH
from domain.identity.emails import MAX_EMAIL_LENGTH
from domain.identity.onboarding import (
    DEFAULT_INVITATION_HOURS,
    MAX_INVITATION_HOURS,
    MIN_INVITATION_HOURS,
)
from domain.principals import Role

# The roles a person can hold (agents use API keys; the system never logs in).
PersonRole = Literal["owner", "trader", "risk_officer", "admin", "viewer"]
Username = Annotated[str, msgspec.Meta(min_length=1, max_length=128)]
Password = Annotated[str, msgspec.Meta(min_length=1, max_length=MAX_PASSWORD_LENGTH)]
Email = Annotated[str, msgspec.Meta(min_length=1, max_length=MAX_EMAIL_LENGTH)]
Token = Annotated[str, msgspec.Meta(min_length=1, max_length=512)]


class CreateUserIn(Input):
    username: Username
    password: Password
    role: PersonRole
    email: Email | None = None


class RoleIn(Input):
    role: PersonRole


class ManagedUserOut(Mirror[ManagedUser]):
    id: str
    username: str
    role: str
    email: str | None
    active: bool
    mfa_enabled: bool
    created_at: datetime

    enum_values = ("role",)


class UsersOut(Output):
    """A page of users by username; pass `next_after` as `after` for the next page."""

    items: list[ManagedUserOut]
    next_after: str | None

    @classmethod
    def from_domain(cls, page: UserPage) -> UsersOut:
        items = [ManagedUserOut.from_domain(u) for u in page.users]
        return cls(items=items, next_after=page.next_after)


class InvitationIn(Input):
    role: PersonRole
    email: Email | None = None
    expires_in_hours: Annotated[
        int, msgspec.Meta(ge=MIN_INVITATION_HOURS, le=MAX_INVITATION_HOURS)
    ] = DEFAULT_INVITATION_HOURS


class InvitationOut(Mirror[InvitationView]):
    """An invitation as listed: never its token."""

    id: str
    role: str
    email: str | None
    status: str
    created_by: str
    created_at: datetime
    expires_at: datetime
    used_at: datetime | None
    used_by: str | None

    enum_values = ("role", "status")


class IssuedInvitationOut(Output):
    """The new invitation and its token: shown this once (only its digest is stored)."""

    invitation: InvitationOut
    token: str

    @classmethod
    def from_domain(cls, issued: IssuedInvitation) -> IssuedInvitationOut:
        return cls(invitation=InvitationOut.from_domain(issued.invitation), token=issued.token)


class InvitationsOut(ItemsOut):
    items: list[InvitationOut]


class SignupIn(Input):
    username: Username
    password: Password
    email: Email | None = None

    def to_domain(self) -> NewUser:
        return NewUser(self.username, self.password, self.email)


class AcceptInvitationIn(SignupIn, kw_only=True):
    """A signup with the invitation's token."""

    token: Token


class PasswordChangeIn(Input):
    current_password: Password
    new_password: Password


class PasswordResetIn(Input):
    """A username or an email address."""

    identifier: Annotated[str, msgspec.Meta(min_length=1, max_length=MAX_EMAIL_LENGTH)]


class PasswordResetConfirmIn(Input):
    token: Token
    new_password: Password


class ResetRequestedOut(Output):
    """The same answer whether the user exists or not."""

    status: str = "accepted"
    detail: str = (
        "if a user with this username or email exists, a reset token was sent to them; "
        "it works once, for 30 minutes"
    )


def role_of(value: PersonRole) -> Role:
    return Role(value)
