"""Credential rules: username and password shape, user roles, and digests of random secrets."""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
import secrets
import unicodedata

from domain.errors import DomainError
from domain.identity.password_policy import is_common_password
from domain.principals import Role

MIN_PASSWORD_LENGTH = 12
MAX_PASSWORD_LENGTH = 1024  # bounds the hashing work one request can cause
MAX_LABEL_LENGTH = 100
_USERNAME = re.compile(r"[a-z0-9][a-z0-9._@+-]{2,63}")
_PERSON_ROLES = frozenset({Role.OWNER, Role.TRADER, Role.RISK_OFFICER, Role.ADMIN, Role.VIEWER})


class InvalidCredentialInput(DomainError):
    """A username, password or role that cannot be used for an account."""

    code = "INVALID_CREDENTIALS_INPUT"


class CommonPassword(InvalidCredentialInput):
    """A password on the bundled list of common passwords."""

    code = "PASSWORD_TOO_COMMON"


def normalize_username(username: str) -> str:
    """Usernames compare case-insensitively and without surrounding blanks."""
    return unicodedata.normalize("NFKC", username).strip().lower()


def validate_username(username: str) -> str:
    """The normalized username, or InvalidCredentialInput when it has an unusable shape."""
    normalized = normalize_username(username)
    if not _USERNAME.fullmatch(normalized):
        raise InvalidCredentialInput(
            "username must be 3 to 64 letters, digits or . _ @ + - "
            "and start with a letter or digit",
            field="username",
        )
    return normalized


def validate_password(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise InvalidCredentialInput(
            f"password must have at least {MIN_PASSWORD_LENGTH} characters", field="password"
        )
    if len(password) > MAX_PASSWORD_LENGTH:
        raise InvalidCredentialInput(
            f"password must have at most {MAX_PASSWORD_LENGTH} characters", field="password"
        )
    if not password.strip():
        raise InvalidCredentialInput("password must not be blank", field="password")
    if is_common_password(password):
        raise CommonPassword(
            "password is too common: it is on a list of passwords attackers try",
            field="password",
        )


def validate_person_role(role: Role) -> None:
    """People log in with a password; agents use API keys and the system never logs in."""
    if role not in _PERSON_ROLES:
        raise InvalidCredentialInput(f"a user cannot have the role {role.value}", field="role")


def new_secret(nbytes: int = 32) -> str:
    """A URL-safe random secret (no '.' in it, so it can follow an id and a dot)."""
    return secrets.token_urlsafe(nbytes)


def digest(secret: str) -> str:
    """SHA-256 hex digest: enough for random secrets of 80 bits or more (not for passwords)."""
    return hashlib.sha256(secret.encode()).hexdigest()


def matches_digest(expected: str, secret: str) -> bool:
    """Constant-time comparison of `secret`'s digest with a stored one."""
    return hmac.compare_digest(expected, digest(secret))


def new_backup_code() -> str:
    """80 random bits as 16 base32 characters in groups of four, e.g. 'abcd-efgh-ijkl-mnop'."""
    raw = base64.b32encode(secrets.token_bytes(10)).decode().lower()
    return "-".join(raw[i : i + 4] for i in range(0, 16, 4))


def normalize_backup_code(code: str) -> str:
    return "".join(ch for ch in code.lower() if ch.isalnum())
