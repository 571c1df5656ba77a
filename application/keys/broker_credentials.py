"""Broker credentials of an account: a view over the API-key vault (one code path).

An account's broker key pair is the vault key linked to that account with provider
"alpaca". PUT stores it (a new vault key) or rotates the linked key (its previous pair kept
for the vault's grace period), GET shows it masked, DELETE removes the vault key. Only the
owner of an account may do so: another user's account (or an unknown one) answers NotFound,
an agent Forbidden. The brokers read the pair through KeyVaultService.use_linked.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from application.core.access import ensure_may_change, owned_account
from application.keys.vault import CreateVaultKey, KeyVaultService, RotateVaultKey
from domain.errors import DomainError, Forbidden, NotFound
from domain.keys.keys import VaultKey
from domain.principals import Principal, Role
from ports.core.unit_of_work import UnitOfWorkFactory

SUPPORTED_BROKERS = frozenset({"alpaca"})
MAX_KEY_LENGTH = 256
BROKER_SCOPES = ("account_read", "trading")


class InvalidBrokerCredentials(DomainError):
    """The broker is not supported, or the key id or the secret is empty or malformed."""

    code = "INVALID_BROKER_CREDENTIALS"


@dataclass(frozen=True, slots=True)
class CredentialsInfo:
    """What may be shown of stored credentials: the broker, a masked key id, never the secret."""

    account_id: str
    owner_id: str
    broker: str
    key_hint: str
    paper: bool
    updated_at: datetime

    @classmethod
    def of(cls, account_id: str, key: VaultKey) -> CredentialsInfo:
        return cls(account_id, key.owner_id, key.provider, key.key_hint, key.paper, key.updated_at)


@dataclass(frozen=True, slots=True)
class SetBrokerCredentials:
    """Store (or replace) an account's broker key pair; the secret is never in a repr."""

    principal: Principal
    account_id: str
    broker: str
    key_id: str = field(repr=False)
    secret_key: str = field(repr=False)
    paper: bool = True


def validate(command: SetBrokerCredentials) -> None:
    """Raise InvalidBrokerCredentials naming the first bad field."""
    if command.broker not in SUPPORTED_BROKERS:
        supported = ", ".join(sorted(SUPPORTED_BROKERS))
        raise InvalidBrokerCredentials(f"field `broker` must be one of: {supported}")
    for name, value in (("key_id", command.key_id), ("secret_key", command.secret_key)):
        if not value or value != value.strip() or any(c.isspace() for c in value):
            raise InvalidBrokerCredentials(f"field `{name}` must be non-empty, without spaces")
        if len(value) > MAX_KEY_LENGTH or not value.isprintable():
            raise InvalidBrokerCredentials(
                f"field `{name}` must be printable, at most {MAX_KEY_LENGTH} characters"
            )


@dataclass(eq=False)
class BrokerCredentialService:
    """The `/accounts/{id}/broker-credentials` use cases, on the vault (module docstring)."""

    uow_factory: UnitOfWorkFactory
    vault: KeyVaultService

    async def set(self, command: SetBrokerCredentials) -> CredentialsInfo:
        ensure_may_change(command.principal)
        principal, account_id = command.principal, command.account_id
        await self._own(principal, account_id)
        validate(command)
        linked = await self.vault.store.linked(account_id, command.broker)
        if linked is None:
            key = await self.vault.create(
                CreateVaultKey(
                    principal,
                    command.broker,
                    f"broker credentials of {account_id}",
                    BROKER_SCOPES,
                    command.key_id,
                    command.secret_key,
                    account_id=account_id,
                    paper=command.paper,
                )
            )
        else:
            key = await self.vault.rotate(
                RotateVaultKey(
                    principal, linked.id, command.secret_key, command.key_id, command.paper
                )
            )
        return CredentialsInfo.of(account_id, key)

    async def show(self, principal: Principal, account_id: str) -> CredentialsInfo:
        key = await self._linked(principal, account_id)
        return CredentialsInfo.of(account_id, key)

    async def remove(self, principal: Principal, account_id: str) -> None:
        ensure_may_change(principal)
        key = await self._linked(principal, account_id)
        await self.vault.delete(principal, key.id)

    async def _linked(self, principal: Principal, account_id: str) -> VaultKey:
        await self._own(principal, account_id)
        for broker in sorted(SUPPORTED_BROKERS):
            key = await self.vault.store.linked(account_id, broker)
            if key is not None:
                return key
        raise NotFound(f"account {account_id} has no broker credentials")

    async def _own(self, principal: Principal, account_id: str) -> None:
        if principal.role is Role.AGENT:
            raise Forbidden("agents may not manage broker credentials")
        async with self.uow_factory() as uow:
            await owned_account(uow, principal, account_id)
