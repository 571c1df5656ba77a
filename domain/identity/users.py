"""Users: password hash, role, TOTP enrolment (with its replay guard) and backup codes."""

from __future__ import annotations

import hmac
from dataclasses import dataclass, field
from datetime import datetime

from domain.errors import Conflict
from domain.identity.credentials import (
    matches_digest,
    normalize_backup_code,
    validate_person_role,
)
from domain.principals import Role

# The password hash an erased user is left with: no hasher ever produces it, so no password
# matches, and it marks the user as erased for good (application/privacy erases).
ERASED_PASSWORD_HASH = "!erased"


class UserErased(Conflict):
    """The user was erased on request: their login is closed for good."""

    code = "USER_ERASED"


@dataclass(slots=True, eq=False)
class User:
    """A person who logs in. Secrets are held only as hashes, digests or ciphertext."""

    id: str
    username: str
    password_hash: str
    role: Role
    created_at: datetime
    mfa_enabled: bool = False
    mfa_secret: str | None = None  # ciphertext from the SecretSealer port
    backup_code_digests: list[str] = field(default_factory=list)
    pending_mfa_secret: str | None = None  # ciphertext, until the first code verifies
    pending_backup_code_digests: list[str] = field(default_factory=list)
    # RFC 6238 §5.2: the time step (counter) of the last accepted TOTP code. Codes of that
    # step or an earlier one are refused, so no code works twice, nor one older than it.
    last_totp_step: int | None = None
    # Where notifications (a password-reset token, an MFA reset) are delivered; unique when set.
    email: str | None = None
    # A deactivated user cannot log in or refresh, and their access tokens are refused.
    active: bool = True

    def __post_init__(self) -> None:
        validate_person_role(self.role)

    @property
    def mfa_pending(self) -> bool:
        return self.pending_mfa_secret is not None

    def change_password(self, password_hash: str) -> None:
        """A new password hash; never for an erased user, whose login stays closed."""
        if self.erased:
            raise UserErased(f"user {self.id} was erased on request: its login stays closed")
        self.password_hash = password_hash

    def change_role(self, role: Role) -> None:
        validate_person_role(role)
        self.role = role

    def deactivate(self) -> None:
        self.active = False

    @property
    def erased(self) -> bool:
        """Whether the user was erased on request (their login can never open again)."""
        return hmac.compare_digest(self.password_hash, ERASED_PASSWORD_HASH)

    def reactivate(self) -> None:
        """Open the login again; never for an erased user (UserErased)."""
        if self.erased:
            raise UserErased(f"user {self.id} was erased on request: it cannot be reactivated")
        self.active = True

    def reset_mfa(self) -> None:
        """Forget the second factor (an admin's recovery for a lost authenticator). The
        last accepted TOTP step stays: it only ever moves forward."""
        self.mfa_enabled = False
        self.mfa_secret = None
        self.backup_code_digests = []
        self.pending_mfa_secret = None
        self.pending_backup_code_digests = []

    def begin_mfa_enrollment(self, secret_ciphertext: str, backup_code_digests: list[str]) -> None:
        """Stage a TOTP secret; it protects logins only once `activate_mfa` is called."""
        if self.mfa_enabled:
            raise Conflict("multi-factor authentication is already enabled")
        self.pending_mfa_secret = secret_ciphertext
        self.pending_backup_code_digests = list(backup_code_digests)

    def activate_mfa(self, secret_ciphertext: str | None = None) -> None:
        """Make the pending secret the active one; `secret_ciphertext` is the same secret
        sealed again for the active column (ciphertexts are bound to the column they sit in)."""
        if self.pending_mfa_secret is None:
            raise Conflict("no multi-factor enrolment is pending")
        self.mfa_secret = secret_ciphertext or self.pending_mfa_secret
        self.backup_code_digests = self.pending_backup_code_digests
        self.pending_mfa_secret = None
        self.pending_backup_code_digests = []
        self.mfa_enabled = True

    def accept_totp_step(self, step: int) -> bool:
        """Note the time step of a TOTP code the verifier matched; False (nothing changes)
        when the step is at or before the last accepted one: a replay."""
        if self.last_totp_step is not None and step <= self.last_totp_step:
            return False
        self.last_totp_step = step
        return True

    def use_backup_code(self, code: str) -> bool:
        """Spend a backup code: True (and it is gone) when it is one of the unused ones."""
        normalized = normalize_backup_code(code)
        if not normalized:
            return False
        match: str | None = None
        # Compare with every code, so the time taken does not tell which one matched.
        for stored in self.backup_code_digests:
            if matches_digest(stored, normalized):
                match = stored
        if match is None:
            return False
        self.backup_code_digests.remove(match)
        return True
