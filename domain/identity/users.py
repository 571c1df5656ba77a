"""Users: password hash, role, TOTP enrolment and backup codes, and the login throttle."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from domain.errors import Conflict
from domain.identity.credentials import (
    digest,
    matches_digest,
    normalize_backup_code,
    validate_person_role,
)
from domain.principals import Role

# A TOTP code is accepted one step either side of now, so it stays valid for at most
# three 30-second steps: remembering the last accepted one that long stops a replay.
TOTP_REPLAY_WINDOW = timedelta(seconds=90)


@dataclass(slots=True, eq=False)
class User:
    """A person who logs in. Secrets are held only as hashes, digests or ciphertext."""

    id: str
    username: str
    password_hash: str
    role: Role
    created_at: datetime
    mfa_enabled: bool = False
    mfa_secret: str | None = None  # ciphertext from the SecretCipher port
    backup_code_digests: list[str] = field(default_factory=list)
    pending_mfa_secret: str | None = None  # ciphertext, until the first code verifies
    pending_backup_code_digests: list[str] = field(default_factory=list)
    last_totp_digest: str | None = None
    last_totp_at: datetime | None = None

    def __post_init__(self) -> None:
        validate_person_role(self.role)

    @property
    def mfa_pending(self) -> bool:
        return self.pending_mfa_secret is not None

    def change_password(self, password_hash: str) -> None:
        self.password_hash = password_hash

    def begin_mfa_enrollment(self, secret_ciphertext: str, backup_code_digests: list[str]) -> None:
        """Stage a TOTP secret; it protects logins only once `activate_mfa` is called."""
        if self.mfa_enabled:
            raise Conflict("multi-factor authentication is already enabled")
        self.pending_mfa_secret = secret_ciphertext
        self.pending_backup_code_digests = list(backup_code_digests)

    def activate_mfa(self) -> None:
        if self.pending_mfa_secret is None:
            raise Conflict("no multi-factor enrolment is pending")
        self.mfa_secret = self.pending_mfa_secret
        self.backup_code_digests = self.pending_backup_code_digests
        self.pending_mfa_secret = None
        self.pending_backup_code_digests = []
        self.mfa_enabled = True

    def accept_totp(self, code: str, at: datetime) -> bool:
        """Note a TOTP code the verifier accepted; False when it replays the last one."""
        code = code.strip()
        if (
            self.last_totp_digest is not None
            and self.last_totp_at is not None
            and at - self.last_totp_at < TOTP_REPLAY_WINDOW
            and matches_digest(self.last_totp_digest, code)
        ):
            return False
        self.last_totp_digest = digest(code)
        self.last_totp_at = at
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


@dataclass(slots=True, eq=False)
class LoginThrottle:
    """Failed logins of one username (known or not): `max_failures` in `window` locks it."""

    username: str
    failures: list[datetime] = field(default_factory=list)
    max_failures: int = 5
    window: timedelta = timedelta(minutes=15)

    def _recent(self, now: datetime) -> list[datetime]:
        cutoff = now - self.window
        return [t for t in self.failures if t > cutoff]

    def is_locked(self, now: datetime) -> bool:
        return len(self._recent(now)) >= self.max_failures

    def locked_until(self, now: datetime) -> datetime | None:
        recent = self._recent(now)
        if len(recent) < self.max_failures:
            return None
        return recent[-self.max_failures] + self.window

    def record_failure(self, now: datetime) -> bool:
        """Count a failure; True when this one locks the username."""
        self.failures = [*self._recent(now), now]
        return len(self.failures) == self.max_failures

    def reset(self) -> None:
        self.failures = []
