"""API keys: how an agent authenticates; only the digest of the key's secret is kept."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from domain.identity.credentials import MAX_LABEL_LENGTH, InvalidCredentialInput, matches_digest
from domain.identity.permissions import AGENT_DEFAULT, Permission

API_KEY_PREFIX = "bwk_"
# Writing last_used_at on every request would turn every read into a write; a minute is
# precise enough to tell an idle key from a busy one.
LAST_USED_RESOLUTION = timedelta(minutes=1)


@dataclass(slots=True, eq=False)
class ApiKey:
    """A key an agent presents; it belongs to the agent's owner, who may revoke it."""

    id: str
    agent_id: str
    owner_id: str
    label: str
    secret_digest: str
    created_at: datetime
    revoked_at: datetime | None = None
    last_used_at: datetime | None = None
    # What the key may do (domain/identity/permissions.py); never `approve`.
    scopes: frozenset[Permission] = AGENT_DEFAULT

    def __post_init__(self) -> None:
        if "_" in self.id or not self.id:
            raise InvalidCredentialInput("an API key id must be non-empty and hold no '_'")
        self.label = validate_label(self.label)

    @property
    def is_revoked(self) -> bool:
        return self.revoked_at is not None

    def matches(self, secret: str) -> bool:
        return matches_digest(self.secret_digest, secret)

    def revoke(self, now: datetime) -> None:
        if self.revoked_at is None:
            self.revoked_at = now

    def touch(self, now: datetime) -> bool:
        """Note a use; True when last_used_at changed (at most once per resolution)."""
        if self.last_used_at is not None and now - self.last_used_at < LAST_USED_RESOLUTION:
            return False
        self.last_used_at = now
        return True


def validate_label(label: str) -> str:
    label = label.strip()
    if len(label) > MAX_LABEL_LENGTH or any(not ch.isprintable() for ch in label):
        raise InvalidCredentialInput(
            f"label must be at most {MAX_LABEL_LENGTH} printable characters"
        )
    return label


def api_key_text(key_id: str, secret: str) -> str:
    """What the agent holds: `bwk_<key_id>_<secret>`."""
    return f"{API_KEY_PREFIX}{key_id}_{secret}"


def parse_api_key(text: str) -> tuple[str, str] | None:
    """(key_id, secret), or None when `text` does not have the shape of an API key."""
    text = text.strip()
    if not text.startswith(API_KEY_PREFIX) or len(text) > 512:
        return None
    key_id, sep, secret = text[len(API_KEY_PREFIX) :].partition("_")
    if not sep or not key_id or not secret:
        return None
    return key_id, secret
