"""An owner's venue connections: create (checked at the venue), list, show, test, rotate the
credentials, revoke.

The credentials are a vault key (provider as the venue kind says: alpaca, ccxt, tradier),
sealed, rotated with the vault's grace, never returned; only the key's masked hint is shown.
Only the owner sees or changes a connection: another's id answers NotFound, as an unknown
one; an agent is Forbidden. Creating one checks it with the venue's cheapest authenticated
call: credentials the venue refuses answer CONNECTION_AUTH_FAILED and nothing is kept; a
venue that does not answer keeps the connection, its report saying so.
"""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime

from application.connections.brokers import ConnectionBrokers, ConnectionHealth
from application.core.access import ensure_may_change, owned_by
from application.keys.vault import CreateVaultKey, KeyVaultService, RotateVaultKey
from domain.connections.connection import (
    ID_PREFIX,
    VenueConnection,
    check_endpoint,
    check_environment,
    check_label,
    check_quote,
    check_venue_account,
)
from domain.connections.kinds import CredentialShape, InvalidConnection, VenueKind
from domain.errors import Conflict, DomainError, Forbidden, NotFound
from domain.principals import Principal, Role
from ports.connections.store import ConnectionStore
from ports.connections.venues import VenueAdapters
from ports.core.clock import Clock, IdGenerator
from ports.core.events import AuditEntry, AuditLog
from ports.keys.key_vault import ConnectionReport, TestOutcome
from ports.trading.broker import BrokerError, BrokerErrorCode

VAULT_SCOPES = ("account_read", "trading")


class ConnectionAuthFailed(DomainError):
    """The venue refused the connection's credentials."""

    code = "CONNECTION_AUTH_FAILED"


class ConnectionRevoked(Conflict):
    code = "CONNECTION_REVOKED"


@dataclass(frozen=True, slots=True)
class CreateConnection:
    """A new connection of `principal`; the secrets are never in a repr."""

    principal: Principal
    label: str
    kind: str
    environment: str | None = None
    key_id: str | None = field(default=None, repr=False)
    secret: str | None = field(default=None, repr=False)
    venue_account: str | None = None
    endpoint: str | None = None
    quote: str | None = None
    verify_tls: bool = True
    halt_on_drift: bool = False


@dataclass(frozen=True, slots=True)
class RotateCredentials:
    principal: Principal
    connection_id: str
    secret: str = field(repr=False)
    key_id: str | None = field(default=None, repr=False)


@dataclass(frozen=True, slots=True)
class ConnectionView:
    """What may be shown of a connection: never a secret; the key's masked hint; its health
    in this process as its last call left it (None: not called here yet)."""

    connection: VenueConnection
    key_hint: str | None
    rotated_at: datetime | None
    check: ConnectionReport | None = None
    health: ConnectionHealth | None = None


class ConnectionService:
    """The use cases of the module docstring."""

    def __init__(
        self,
        store: ConnectionStore,
        vault: KeyVaultService,
        brokers: ConnectionBrokers,
        adapters: VenueAdapters,
        clock: Clock,
        ids: IdGenerator,
        audit: AuditLog,
    ) -> None:
        self._store = store
        self._vault = vault
        self._brokers = brokers
        self._adapters = adapters
        self._clock = clock
        self._ids = ids
        self._audit = audit

    async def create(self, command: CreateConnection) -> ConnectionView:
        principal = command.principal
        _may_manage(principal)
        kind = VenueKind.parse(command.kind)
        connection = VenueConnection(
            id=self._ids.new(ID_PREFIX),
            owner_id=principal.id,
            label=check_label(command.label),
            kind=kind,
            environment=check_environment(kind, command.environment),
            created_at=self._clock.now(),
            venue_account=check_venue_account(kind, command.venue_account),
            endpoint=check_endpoint(kind, command.endpoint, command.verify_tls),
            quote=check_quote(kind, command.quote),
            verify_tls=command.verify_tls,
            halt_on_drift=command.halt_on_drift,
        )
        self._adapters.check(connection)
        key_id, secret = _credentials(kind, command)
        if key_id is not None and secret is not None:
            assert kind.spec.provider is not None  # every kind with credentials names one
            key = await self._vault.create(
                CreateVaultKey(
                    principal,
                    kind.spec.provider,
                    f"{connection.label} ({kind})",
                    VAULT_SCOPES,
                    key_id,
                    secret,
                    paper=not connection.live,
                )
            )
            connection = replace(connection, vault_key_id=key.id)
        await self._store.add(connection)
        report = await self._check(connection)
        if report.outcome is TestOutcome.REFUSED:
            await self._forget(principal, connection)
            raise ConnectionAuthFailed(
                f"{kind} refused the credentials: {report.reason}", field="secret"
            )
        await self._record(principal.id, "connection.create", connection, report.outcome.value)
        return await self._view(connection, report)

    async def list(self, principal: Principal) -> Sequence[ConnectionView]:
        _may_manage(principal, reading=True)
        return [await self._view(c) for c in await self._store.owned_by(principal.id)]

    async def show(self, principal: Principal, connection_id: str) -> ConnectionView:
        return await self._view(await self._owned(principal, connection_id, reading=True))

    async def test(self, principal: Principal, connection_id: str) -> ConnectionView:
        """The venue's cheapest authenticated call, on the connection's own credentials."""
        connection = await self._active(principal, connection_id)
        report = await self._check(connection)
        await self._record(principal.id, "connection.test", connection, report.outcome.value)
        return await self._view(connection, report)

    async def rotate(self, command: RotateCredentials) -> ConnectionView:
        """New credentials; the previous ones kept for the vault's grace period."""
        connection = await self._active(command.principal, command.connection_id)
        if connection.vault_key_id is None:
            raise InvalidConnection(f"{connection.kind} keeps no credentials here")
        key_id = command.key_id
        if connection.kind.spec.credentials is CredentialShape.TOKEN:
            key_id = connection.venue_account
        await self._vault.rotate(
            RotateVaultKey(command.principal, connection.vault_key_id, command.secret, key_id)
        )
        # The vault tells the connection's broker of the change itself (key_changed).
        await self._record(command.principal.id, "connection.rotate", connection, "rotated")
        return await self._view(connection)

    async def revoke(self, principal: Principal, connection_id: str) -> ConnectionView:
        """Its credentials deleted from the vault, its adapter closed; its accounts' orders
        are refused from now on."""
        connection = await self._active(principal, connection_id)
        revoked = await self._forget(principal, connection)
        await self._record(principal.id, "connection.revoke", connection, "revoked")
        return await self._view(revoked)

    async def routable(self, principal: Principal, connection_id: str) -> VenueConnection:
        """The principal's own connection, not revoked, that a new account may name."""
        return await self._active(principal, connection_id)

    async def erase_owner(self, actor: str, owner_id: str) -> int:
        """Revoke every connection of a person being erased (`actor`: the admin erasing them):
        adapters closed, credentials deleted from the vault. How many were revoked."""
        owner = Principal(owner_id, Role.OWNER)
        revoked = 0
        for connection in await self._store.owned_by(owner_id):
            if connection.active:
                await self._forget(owner, connection)
                await self._record(actor, "connection.revoke", connection, "erased")
                revoked += 1
        return revoked

    # -- internals ---------------------------------------------------------------
    async def _check(self, connection: VenueConnection) -> ConnectionReport:
        broker = self._brokers.route(connection.id)
        assert broker is not None
        try:
            await broker.account(f"check-{connection.id}")
        except BrokerError as exc:
            if exc.code is BrokerErrorCode.AUTH_FAILED:
                return ConnectionReport(TestOutcome.REFUSED, exc.message)
            if exc.code is BrokerErrorCode.NOT_FOUND:  # authenticated; the probe id unknown
                return ConnectionReport(TestOutcome.OK, "the venue answered")
            return ConnectionReport(TestOutcome.UNREACHABLE, exc.message)
        return ConnectionReport(TestOutcome.OK, "the venue answered")

    async def _forget(self, principal: Principal, connection: VenueConnection) -> VenueConnection:
        if connection.vault_key_id is not None:
            with contextlib.suppress(NotFound):  # deleted from the vault already
                await self._vault.delete(principal, connection.vault_key_id)
        revoked = connection.revoked(self._clock.now())
        await self._store.save(revoked)
        self._brokers.drop(connection.id)
        return revoked

    async def _owned(
        self, principal: Principal, connection_id: str, *, reading: bool = False
    ) -> VenueConnection:
        _may_manage(principal, reading=reading)
        found = await self._store.get(connection_id)
        return owned_by(principal, found, NotFound(f"connection {connection_id} not found"))

    async def _active(self, principal: Principal, connection_id: str) -> VenueConnection:
        connection = await self._owned(principal, connection_id)
        if not connection.active:
            raise ConnectionRevoked(f"connection {connection_id} is revoked")
        return connection

    async def _view(
        self, connection: VenueConnection, check: ConnectionReport | None = None
    ) -> ConnectionView:
        health = self._brokers.health_of(connection.id)
        if connection.vault_key_id is None:
            return ConnectionView(connection, None, None, check, health)
        key = await self._vault.store.get(connection.vault_key_id)
        if key is None:
            return ConnectionView(connection, None, None, check, health)
        return ConnectionView(connection, key.key_hint, key.rotated_at, check, health)

    async def _record(
        self, actor: str, action: str, connection: VenueConnection, outcome: str
    ) -> None:
        facts: dict[str, object] = {
            "kind": str(connection.kind),
            "environment": connection.environment.value,
            "label": connection.label,
        }
        entry = AuditEntry(
            actor, action, f"connection:{connection.id}", outcome, self._clock.now(), facts
        )
        await self._audit.record(entry)


def _may_manage(principal: Principal, *, reading: bool = False) -> None:
    if principal.role is Role.AGENT:
        raise Forbidden("agents may not manage venue connections")
    if not reading:
        ensure_may_change(principal)


def _credentials(kind: VenueKind, command: CreateConnection) -> tuple[str | None, str | None]:
    """The key id and secret to seal, as the kind's credentials are shaped."""
    shape = kind.spec.credentials
    if shape is CredentialShape.NONE:
        if command.key_id is not None or command.secret is not None:
            raise InvalidConnection(f"field `secret`: {kind} keeps no credentials here")
        return None, None
    if command.secret is None:
        raise InvalidConnection(f"field `secret` is needed for {kind}", field="secret")
    if shape is CredentialShape.TOKEN:
        if command.key_id is not None:
            raise InvalidConnection(f"field `key_id`: {kind} takes a token alone", field="key_id")
        return command.venue_account, command.secret
    if command.key_id is None:
        raise InvalidConnection(f"field `key_id` is needed for {kind}", field="key_id")
    return command.key_id, command.secret
