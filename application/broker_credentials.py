"""Broker credentials of an account: set, shown masked and removed by the account's owner only."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from domain.errors import Conflict, DomainError, Forbidden, NotFound
from domain.principals import Principal, Role
from ports.clock import Clock
from ports.events import AuditEntry, AuditLog
from ports.unit_of_work import UnitOfWorkFactory
from ports.vault import BrokerCredentials, CredentialsInfo, CredentialVault

SUPPORTED_BROKERS = frozenset({"alpaca"})
MAX_KEY_LENGTH = 256

CredentialsListener = Callable[[str], object]


class InvalidBrokerCredentials(DomainError):
    """The broker is not supported, or the key id or the secret is empty or malformed."""

    code = "INVALID_BROKER_CREDENTIALS"


class VaultKeyEphemeral(Conflict):
    """The encryption key dies with the process while the store does not: refuse to store."""

    code = "VAULT_KEY_EPHEMERAL"


@dataclass(frozen=True, slots=True)
class SetBrokerCredentials:
    """Store (or replace) an account's broker key pair; the secret is never in a repr."""

    principal: Principal
    account_id: str
    broker: str
    key_id: str = field(repr=False)
    secret_key: str = field(repr=False)
    paper: bool = True

    def credentials(self) -> BrokerCredentials:
        return BrokerCredentials(self.broker, self.key_id, self.secret_key, self.paper)


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


class BrokerCredentialService:
    """Use cases of the credential vault, plus the read the broker side makes per account.

    Only the owner of an account may set, see or remove its credentials: another user's
    account (or an unknown one) answers NotFound, an agent Forbidden. Listeners hear the
    account id after every change, so brokers drop what they cached at once.
    """

    def __init__(
        self,
        uow_factory: UnitOfWorkFactory,
        vault: CredentialVault,
        clock: Clock,
        audit: AuditLog,
        *,
        ephemeral_key: bool,
    ) -> None:
        self._uow = uow_factory
        self._vault = vault
        self._clock = clock
        self._audit = audit
        self._ephemeral_key = ephemeral_key
        self._listeners: list[CredentialsListener] = []

    def subscribe(self, listener: CredentialsListener) -> None:
        self._listeners.append(listener)

    async def set(self, command: SetBrokerCredentials) -> CredentialsInfo:
        principal, account_id = command.principal, command.account_id
        await self._own(principal, account_id)
        validate(command)
        if self._ephemeral_key and self._vault.durable:
            await self._record(principal, "broker_credentials.set", account_id, "refused")
            raise VaultKeyEphemeral(
                "BULWARK_SECRET_KEY is not set: the key that encrypts broker credentials dies "
                "with this process, so stored credentials would be unreadable after a restart; "
                "set BULWARK_SECRET_KEY (a Fernet key) and try again"
            )
        replaced = await self._vault.describe(account_id) is not None
        info = await self._vault.put(
            account_id, principal.id, command.credentials(), self._clock.now()
        )
        self._changed(account_id)
        details = {"broker": info.broker, "key_hint": info.key_hint, "paper": info.paper}
        outcome = "replaced" if replaced else "stored"
        await self._record(principal, "broker_credentials.set", account_id, outcome, details)
        return info

    async def show(self, principal: Principal, account_id: str) -> CredentialsInfo:
        await self._own(principal, account_id)
        info = await self._vault.describe(account_id)
        if info is None:
            raise NotFound(f"account {account_id} has no broker credentials")
        return info

    async def remove(self, principal: Principal, account_id: str) -> None:
        await self._own(principal, account_id)
        if not await self._vault.delete(account_id):
            raise NotFound(f"account {account_id} has no broker credentials")
        self._changed(account_id)
        await self._record(principal, "broker_credentials.remove", account_id, "removed")

    async def credentials(self, account_id: str) -> BrokerCredentials | None:
        """The decrypted credentials for the broker adapter (never for an API answer)."""
        return await self._vault.get(account_id)

    async def _own(self, principal: Principal, account_id: str) -> None:
        if principal.role is Role.AGENT:
            raise Forbidden("agents may not manage broker credentials")
        async with self._uow() as uow:
            account = await uow.accounts.get(account_id)
        if account is None or account.owner_id != principal.id:
            raise NotFound(f"account {account_id} not found")

    def _changed(self, account_id: str) -> None:
        for listener in self._listeners:
            listener(account_id)

    async def _record(
        self,
        principal: Principal,
        action: str,
        account_id: str,
        outcome: str,
        details: dict[str, object] | None = None,
    ) -> None:
        entry = AuditEntry(
            principal.id, action, f"account:{account_id}", outcome, self._clock.now(), details or {}
        )
        await self._audit.record(entry)
