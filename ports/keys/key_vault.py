"""The API-key vault's ports: where vault keys and their access log live, and key testers.

Stores hold only sealed texts (domain/keys/keys.py); the plaintext `KeyMaterial` exists
only between the vault service's `use()` and the adapter that sends it to the provider.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Protocol

from domain.errors import Conflict
from domain.keys.keys import SealedPair, VaultKey, mask_key_id
from ports.core.encryption import SealedRecord

# The sealed columns of a vault key, each walked by its own rotation source.
SEALED_FIELDS = ("key_id", "secret", "previous_key_id", "previous_secret")


class KeyUnusable(Conflict):
    """use() refused: the key expired, or its sealed texts do not open with the keys here."""

    code = "VAULT_KEY_UNUSABLE"


class VaultKeyExpired(KeyUnusable):
    code = "VAULT_KEY_EXPIRED"


class VaultUnreadable(KeyUnusable):
    code = "VAULT_UNREADABLE"


class VaultKeyLinked(Conflict):
    """The account already has a key of this provider linked (one per account and provider)."""

    code = "VAULT_KEY_LINKED"


@dataclass(frozen=True, slots=True)
class Credentials:
    """A decrypted key id and secret; neither is in a repr."""

    key_id: str = field(repr=False)
    secret: str = field(repr=False)

    def __repr__(self) -> str:
        return f"Credentials(key_id={mask_key_id(self.key_id)!r})"

    __str__ = __repr__


@dataclass(frozen=True, slots=True)
class KeyMaterial:
    """What `use()` hands an adapter: the current pair, and the previous one while the
    rotation grace lasts (`fallback`: to try only when the provider refuses `current`)."""

    key_id: str  # the vault key's id, not the provider's key id
    provider: str
    paper: bool
    current: Credentials
    fallback: Credentials | None = None


class AccessOutcome(StrEnum):
    GRANTED = "granted"  # the current pair was handed out
    REFUSED = "refused"  # expired, unreadable


@dataclass(frozen=True, slots=True)
class KeyAccess:
    """One use of a key: who (actor: a user or a component), which component, the outcome."""

    key_id: str
    at: datetime
    component: str
    actor: str
    outcome: str
    detail: str = ""


class KeyVaultStore(Protocol):
    """Vault keys by id, at most one per (account, provider) link, and their access log.

    `durable` says whether keys outlive the process (SQL), which matters when the KEK does
    not. `save` replaces a key's row only while its current sealed pair is still `expected`
    (compare-and-set: a concurrent rotation, by a user or `bulwark keys rotate`, is never
    overwritten); False when the key is gone or its pair changed.
    """

    durable: bool

    async def add(self, key: VaultKey) -> None: ...

    async def get(self, key_id: str) -> VaultKey | None: ...

    async def owned_by(self, owner_id: str) -> Sequence[VaultKey]:
        """The owner's keys, oldest first."""
        ...

    async def linked(self, account_id: str, provider: str) -> VaultKey | None: ...

    async def save(self, key: VaultKey, expected: SealedPair) -> bool: ...

    async def delete(self, key_id: str) -> bool: ...

    async def watched(self) -> Sequence[VaultKey]:
        """Keys with an expiry date or a previous pair: what the periodic check looks at."""
        ...

    async def set_warned(self, key_id: str, warned: tuple[int, ...]) -> None:
        """Record which expiry warnings were sent (nothing else changes)."""
        ...

    async def purge_previous(self, key_id: str, until: datetime) -> bool:
        """Drop the previous pair, only while its grace still ends at `until` (a rotation
        since then keeps its own); returns whether it dropped one."""
        ...

    async def touch(self, key_id: str, at: datetime) -> None:
        """Set last_used_at (nothing else changes: concurrent edits are not overwritten)."""
        ...

    async def record_access(self, access: KeyAccess) -> None: ...

    async def accesses(self, key_id: str, limit: int) -> Sequence[KeyAccess]:
        """The key's most recent accesses, newest first."""
        ...

    async def sealed_batch(
        self, column: str, after: str | None, limit: int
    ) -> Sequence[SealedRecord]:
        """Rotation: non-null texts of one SEALED_FIELDS column, by key id after `after`."""
        ...

    async def replace_sealed(self, column: str, key_id: str, old: str, new: str) -> bool:
        """Compare-and-set of one sealed column: writes `new` only while it holds `old`."""
        ...


class TestOutcome(StrEnum):
    OK = "ok"
    REFUSED = "refused"  # the provider answered and refused the key
    UNREACHABLE = "unreachable"  # no usable answer (connection, timeout, 5xx)


@dataclass(frozen=True, slots=True)
class ConnectionReport:
    outcome: TestOutcome
    reason: str
    status: int | None = None


class KeyTester(Protocol):
    """Tests a provider's key through the adapter that uses it (never shows the secret)."""

    async def test(self, material: KeyMaterial) -> ConnectionReport: ...
