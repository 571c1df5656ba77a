"""E-mail addresses of users: a pragmatic shape check (delivery is the real test)."""

from __future__ import annotations

import re
import unicodedata

from domain.identity.credentials import InvalidCredentialInput

MAX_EMAIL_LENGTH = 254  # RFC 5321's limit on a forward path
_EMAIL = re.compile(r"[^@\s]{1,64}@[^@\s.]+(\.[^@\s.]+)+")


def normalize_email(email: str) -> str:
    """Addresses compare case-insensitively and without surrounding blanks."""
    return unicodedata.normalize("NFKC", email).strip().lower()


def validate_email(email: str, field: str = "email") -> str:
    """The normalized address, or InvalidCredentialInput naming `field`."""
    normalized = normalize_email(email)
    if len(normalized) > MAX_EMAIL_LENGTH or not _EMAIL.fullmatch(normalized):
        raise InvalidCredentialInput("email must look like name@example.com", field=field)
    if any(not ch.isprintable() for ch in normalized):
        raise InvalidCredentialInput("email must not contain control characters", field=field)
    return normalized
