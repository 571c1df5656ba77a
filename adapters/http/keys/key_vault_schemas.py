"""API-key vault DTOs: a key id and secret come in; only masked hints ever go out."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Annotated

import msgspec

from adapters.http.schemas.common import Input, Output
from application.keys.vault import CreateVaultKey, RotateVaultKey, UpdateVaultKey
from domain.keys.keys import MAX_LABEL, MAX_SECRET, PROVIDERS, VaultKey
from domain.principals import Principal
from ports.keys.key_vault import ConnectionReport, KeyAccess

# Printable, no spaces: what providers' key ids and secrets are made of.
_KEY = Annotated[str, msgspec.Meta(min_length=1, max_length=MAX_SECRET, pattern=r"^\S+$")]
_LABEL = Annotated[str, msgspec.Meta(min_length=1, max_length=MAX_LABEL, pattern=r"\S")]
_PROVIDER = Annotated[str, msgspec.Meta(pattern="^(" + "|".join(sorted(PROVIDERS)) + ")$")]
_SCOPE = Annotated[str, msgspec.Meta(pattern=r"^[a-z_]{1,32}$")]
_SCOPES = Annotated[list[_SCOPE], msgspec.Meta(min_length=1, max_length=16)]
_ACCOUNT = Annotated[str, msgspec.Meta(min_length=1, max_length=64)]


class VaultKeyIn(Input):
    """A third-party key to keep (key id and secret stored sealed, never shown again)."""

    provider: _PROVIDER
    label: _LABEL
    scopes: _SCOPES
    key_id: _KEY
    secret: _KEY
    expires_at: datetime | None = None
    account_id: _ACCOUNT | None = None
    paper: bool = True

    def __repr__(self) -> str:
        return f"VaultKeyIn(provider={self.provider!r}, label={self.label!r})"

    def to_command(self, principal: Principal) -> CreateVaultKey:
        return self.into(CreateVaultKey, principal=principal, scopes=tuple(self.scopes))


class VaultKeyPatchIn(Input):
    """Fields to change; one left out stays. `expires_at: null` removes the expiry."""

    label: _LABEL | None = None
    scopes: _SCOPES | None = None
    expires_at: datetime | None | msgspec.UnsetType = msgspec.UNSET

    def to_command(self, principal: Principal, key_id: str) -> UpdateVaultKey:
        expires = None if self.expires_at is msgspec.UNSET else self.expires_at
        return UpdateVaultKey(
            principal,
            key_id,
            self.label,
            None if self.scopes is None else tuple(self.scopes),
            expires,
            clear_expiry=self.expires_at is None,
        )


class VaultKeyRotateIn(Input):
    """The new secret, and the new key id where the provider issues a new pair."""

    secret: _KEY
    key_id: _KEY | None = None
    paper: bool | None = None

    def __repr__(self) -> str:
        return "VaultKeyRotateIn()"

    def to_command(self, principal: Principal, key_id: str) -> RotateVaultKey:
        return RotateVaultKey(principal, key_id, self.secret, self.key_id, self.paper)


class VaultKeyOut(Output):
    """A stored key without its secret: the key id is masked (`PK…7XQ`)."""

    id: str
    provider: str
    provider_kind: str
    label: str
    scopes: list[str]
    key_id: str
    account_id: str | None
    paper: bool
    status: str  # active | expired
    expires_at: datetime | None
    created_at: datetime
    rotated_at: datetime | None
    last_used_at: datetime | None
    previous_until: datetime | None  # the rotated-out pair is a fallback until then

    @classmethod
    def from_domain(cls, key: VaultKey, now: datetime) -> VaultKeyOut:
        return cls.from_attributes(
            key,
            provider_kind=PROVIDERS[key.provider].kind.value,
            scopes=list(key.scopes),
            key_id=key.key_hint,
            status="expired" if key.expired(now) else "active",
            previous_until=key.previous_until if key.in_grace(now) else None,
        )


class VaultKeyListOut(Output):
    items: list[VaultKeyOut]

    @classmethod
    def of(cls, keys: Sequence[VaultKey], now: datetime) -> VaultKeyListOut:
        return cls(items=[VaultKeyOut.from_domain(k, now) for k in keys])


class ConnectionTestOut(Output):
    """ok: the provider accepted the key; refused: it answered no (`reason` is its
    message); unreachable: no usable answer (connection, timeout, 5xx, rate limit)."""

    outcome: str
    reason: str
    status: int | None

    @classmethod
    def from_domain(cls, report: ConnectionReport) -> ConnectionTestOut:
        return cls(outcome=report.outcome.value, reason=report.reason, status=report.status)


class KeyAccessOut(Output):
    at: datetime
    component: str
    actor: str
    outcome: str
    detail: str


class KeyAccessListOut(Output):
    items: list[KeyAccessOut]

    @classmethod
    def of(cls, accesses: Sequence[KeyAccess]) -> KeyAccessListOut:
        return cls(
            items=[
                KeyAccessOut.from_attributes(a)
                for a in accesses
            ]
        )  # fmt: skip
