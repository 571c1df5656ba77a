"""Opaque OAuth credentials: made with 256 bits of randomness, told apart by their prefix,
stored and looked up by their SHA-256 digest only."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import timedelta
from typing import Final

# An access token names itself, so the API tells it from a person's session token (a JWT)
# and from an agent's API key (`bwk_`) before any look-up.
ACCESS_PREFIX: Final = "bwo_"
REFRESH_PREFIX: Final = "bwr_"
CODE_PREFIX: Final = "bwc_"
CLIENT_SECRET_PREFIX: Final = "bws_"

ACCESS_TTL: Final = timedelta(minutes=15)
REFRESH_TTL: Final = timedelta(days=30)
CODE_TTL: Final = timedelta(minutes=5)
# How long a person has to answer the consent page.
REQUEST_TTL: Final = timedelta(minutes=15)


@dataclass(frozen=True, slots=True)
class Lifetimes:
    """How long each credential of the authorization server lives (the operator's settings;
    the constants above by default)."""

    access: timedelta = ACCESS_TTL
    refresh: timedelta = REFRESH_TTL
    code: timedelta = CODE_TTL
    request: timedelta = REQUEST_TTL


def new_token(prefix: str) -> str:
    """A fresh credential: the prefix and 43 characters of URL-safe randomness (256 bits)."""
    return prefix + secrets.token_urlsafe(32)


def token_digest(raw: str) -> str:
    """What is stored for a credential: its SHA-256, hex (a token's 256 bits need no salt)."""
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()


def digest_matches(raw: str, stored: str) -> bool:
    """`raw` is the credential whose digest is `stored` (compared in constant time)."""
    return hmac.compare_digest(token_digest(raw), stored)
