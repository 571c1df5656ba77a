"""Stable refusals of user management, invitations, sign-up and password resets."""

from __future__ import annotations

from domain.errors import Conflict, DomainError, Forbidden, NotFound, Unauthenticated


class AccountDeactivated(Unauthenticated):
    """The user was deactivated by an admin: no login, no refresh, no access token."""

    code = "ACCOUNT_DEACTIVATED"


class LastAdmin(Conflict):
    """The change would leave no active admin."""

    code = "LAST_ADMIN"


class OwnRoleChange(Forbidden):
    """An admin may not change their own role (nor deactivate themselves)."""

    code = "OWN_ROLE_CHANGE"


class SignupClosed(NotFound):
    """Open sign-up is off (BULWARK_OPEN_SIGNUP=false, the default)."""

    code = "SIGNUP_CLOSED"


class TokenRefused(DomainError):
    """A one-time token (invitation, password reset) that cannot be used; the field is `token`."""

    code = "TOKEN_REFUSED"

    def __init__(self, message: str) -> None:
        super().__init__(message, field="token")


class InvitationInvalid(TokenRefused):
    code = "INVITATION_INVALID"


class InvitationExpired(TokenRefused):
    code = "INVITATION_EXPIRED"


class InvitationUsed(TokenRefused):
    code = "INVITATION_USED"


class InvitationRevoked(TokenRefused):
    code = "INVITATION_REVOKED"


class ResetTokenInvalid(TokenRefused):
    code = "RESET_TOKEN_INVALID"


class ResetTokenExpired(TokenRefused):
    code = "RESET_TOKEN_EXPIRED"


class ResetTokenUsed(TokenRefused):
    """Used, or replaced by a later request (only the newest token of a user works)."""

    code = "RESET_TOKEN_USED"
