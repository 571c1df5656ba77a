"""The API-key vault's use cases: keys per user, masked answers, rotation with grace, and the
one door plaintext leaves through (`use`, called by the adapters that talk to providers).

Only a key's owner may see or change it: another user's key id (or an unknown one) answers
NotFound, an agent Forbidden. Every use is written to the key's access log and to the audit
log (action `vault_key.use`); listeners hear the linked account id after every change so
brokers drop what they cached at once.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta

from application.core.access import ensure_may_change, owned_account, owned_by
from domain.errors import ConcurrentUpdate, Conflict, Forbidden, NotFound
from domain.keys.keys import (
    InvalidVaultKey,
    ProviderKind,
    SealedPair,
    VaultKey,
    check_label,
    check_provider,
    check_scopes,
    check_secret,
    mask_key_id,
    sealed_record_type,
)
from domain.principals import Principal, Role
from ports.core.clock import Clock, IdGenerator
from ports.core.encryption import DecryptionRefused, SecretSealer
from ports.core.events import AuditEntry, AuditLog
from ports.core.unit_of_work import UnitOfWorkFactory
from ports.keys.key_vault import (
    AccessOutcome,
    ConnectionReport,
    Credentials,
    KeyAccess,
    KeyMaterial,
    KeyTester,
    KeyVaultStore,
    VaultKeyExpired,
    VaultKeyLinked,
    VaultUnreadable,
)

KeyListener = Callable[[str], object]
ACCESS_LIMIT = 200


class VaultKeyEphemeral(Conflict):
    """The KEK dies with the process while the store does not: refuse to store."""

    code = "VAULT_KEY_EPHEMERAL"


class VaultTestUnsupported(Conflict):
    code = "VAULT_TEST_UNSUPPORTED"


@dataclass(frozen=True, slots=True)
class CreateVaultKey:
    principal: Principal
    provider: str
    label: str
    scopes: tuple[str, ...]
    key_id: str = field(repr=False)
    secret: str = field(repr=False)
    expires_at: datetime | None = None
    account_id: str | None = None
    paper: bool = True


@dataclass(frozen=True, slots=True)
class UpdateVaultKey:
    """Fields to change; None leaves one as it is (`clear_expiry` removes the expiry)."""

    principal: Principal
    key_id: str
    label: str | None = None
    scopes: tuple[str, ...] | None = None
    expires_at: datetime | None = None
    clear_expiry: bool = False


@dataclass(frozen=True, slots=True)
class RotateVaultKey:
    """A new secret (and, for providers that issue pairs, a new key id; None keeps it)."""

    principal: Principal
    key_id: str
    secret: str = field(repr=False)
    new_key_id: str | None = field(default=None, repr=False)
    paper: bool | None = None


class KeyVaultService:
    """Use cases of the vault (see the module docstring)."""

    def __init__(
        self,
        uow_factory: UnitOfWorkFactory,
        store: KeyVaultStore,
        sealer: SecretSealer,
        clock: Clock,
        ids: IdGenerator,
        audit: AuditLog,
        *,
        keys_ephemeral: bool,
        grace: timedelta,
        testers: Mapping[str, KeyTester] | None = None,
    ) -> None:
        self._uow = uow_factory
        self._store = store
        self._sealer = sealer
        self._clock = clock
        self._ids = ids
        self._audit = audit
        self._ephemeral = keys_ephemeral
        self.grace = grace
        self._testers = dict(testers or {})
        self._listeners: list[KeyListener] = []
        self._key_listeners: list[KeyListener] = []

    @property
    def store(self) -> KeyVaultStore:
        return self._store

    def subscribe(self, listener: KeyListener) -> None:
        """`listener(account_id)` on every change of a key linked to an account."""
        self._listeners.append(listener)

    def subscribe_keys(self, listener: KeyListener) -> None:
        """`listener(vault_key_id)` on every change of any key (a venue connection's)."""
        self._key_listeners.append(listener)

    # -- owner's use cases -------------------------------------------------------
    async def create(self, command: CreateVaultKey) -> VaultKey:
        ensure_may_change(command.principal)
        principal = command.principal
        self._no_agents(principal)
        provider = check_provider(command.provider)
        scopes = check_scopes(provider, command.scopes)
        label = check_label(command.label)
        key_id = check_secret("key_id", command.key_id)
        secret = check_secret("secret", command.secret)
        now = self._clock.now()
        if command.expires_at is not None and command.expires_at <= now:
            raise InvalidVaultKey("field `expires_at` must be in the future")
        if command.account_id is not None:
            if provider.kind is not ProviderKind.BROKER:
                raise InvalidVaultKey("field `account_id`: only broker keys link to an account")
            await self._own_account(principal, command.account_id)
            if await self._store.linked(command.account_id, provider.name) is not None:
                raise VaultKeyLinked(
                    f"account {command.account_id} already has a {provider.name} key"
                )
        await self._refuse_ephemeral(principal, "vault_key.create", "new")
        vault_id = self._ids.new("vk-")
        key = VaultKey(
            id=vault_id,
            owner_id=principal.id,
            provider=provider.name,
            label=label,
            scopes=scopes,
            key_hint=mask_key_id(key_id),
            pair=self._seal(vault_id, key_id, secret),
            created_at=now,
            account_id=command.account_id,
            paper=command.paper,
            expires_at=command.expires_at,
        )
        await self._store.add(key)
        self._changed(key)
        await self._record(principal.id, "vault_key.create", key, "stored", self._facts(key))
        return key

    async def list(self, principal: Principal) -> Sequence[VaultKey]:
        self._no_agents(principal)
        return await self._store.owned_by(principal.id)

    async def show(self, principal: Principal, key_id: str) -> VaultKey:
        return await self._owned(principal, key_id)

    async def update(self, command: UpdateVaultKey) -> VaultKey:
        ensure_may_change(command.principal)
        key = await self._owned(command.principal, command.key_id)
        changed = key
        if command.label is not None:
            changed = replace(changed, label=check_label(command.label))
        if command.scopes is not None:
            changed = replace(
                changed, scopes=check_scopes(check_provider(key.provider), command.scopes)
            )
        if command.clear_expiry:
            changed = changed.with_expiry(None)
        elif command.expires_at is not None:
            if command.expires_at <= self._clock.now():
                raise InvalidVaultKey("field `expires_at` must be in the future")
            changed = changed.with_expiry(command.expires_at)
        if changed != key:
            await self._save(changed, key.pair)
            self._changed(changed)
            expires = None if changed.expires_at is None else str(changed.expires_at)
            facts = {"label": changed.label, "scopes": list(changed.scopes), "expires_at": expires}
            await self._record(command.principal.id, "vault_key.update", key, "updated", facts)
        return changed

    async def rotate(self, command: RotateVaultKey) -> VaultKey:
        ensure_may_change(command.principal)
        key = await self._owned(command.principal, command.key_id)
        secret = check_secret("secret", command.secret)
        await self._refuse_ephemeral(command.principal, "vault_key.rotate", key.id)
        if command.new_key_id is not None:
            new_key_id = check_secret("key_id", command.new_key_id)
        else:
            new_key_id = self._open(key, key.pair, "vault.rotate", command.principal.id).key_id
        now = self._clock.now()
        paper = key.paper if command.paper is None else command.paper
        rotated = key.rotated(
            self._seal(key.id, new_key_id, secret),
            mask_key_id(new_key_id),
            now,
            self.grace,
            paper=paper,
        )
        await self._save(rotated, key.pair)
        self._changed(rotated)
        facts = {**self._facts(rotated), "grace_until": str(rotated.previous_until)}
        await self._record(command.principal.id, "vault_key.rotate", key, "rotated", facts)
        return rotated

    async def delete(self, principal: Principal, key_id: str) -> VaultKey:
        ensure_may_change(principal)
        key = await self._owned(principal, key_id)
        if not await self._store.delete(key.id):
            raise NotFound(f"vault key {key_id} not found")
        self._changed(key)
        await self._record(principal.id, "vault_key.delete", key, "removed", self._facts(key))
        return key

    async def test(self, principal: Principal, key_id: str) -> ConnectionReport:
        """Test-connection through the provider's adapter (the key's use is audited)."""
        ensure_may_change(principal)
        key = await self._owned(principal, key_id)
        tester = self._testers.get(key.provider)
        if tester is None:
            raise VaultTestUnsupported(f"Bulwark cannot test {key.provider} keys")
        material = await self.use(key.id, "vault.test", actor=principal.id)
        report = await tester.test(material)
        facts = {"outcome": report.outcome.value, "status": report.status}
        await self._record(principal.id, "vault_key.test", key, report.outcome.value, facts)
        return report

    async def accesses(
        self, principal: Principal, key_id: str, limit: int = ACCESS_LIMIT
    ) -> Sequence[KeyAccess]:
        key = await self._owned(principal, key_id)
        return await self._store.accesses(key.id, limit)

    async def erase_owner(self, actor: str, owner_id: str) -> int:
        """Delete every key of a person being erased (`actor`: the admin erasing them); the
        brokers holding any of them drop it at once. How many were deleted."""
        deleted = 0
        for key in await self._store.owned_by(owner_id):
            if await self._store.delete(key.id):
                deleted += 1
                self._changed(key)
                await self._record(actor, "vault_key.delete", key, "erased", self._facts(key))
        return deleted

    # -- the adapters' door ------------------------------------------------------
    async def use(self, key_id: str, component: str, *, actor: str = "system") -> KeyMaterial:
        """The decrypted key for `component` (e.g. "broker.alpaca"): audited, refused with
        VaultKeyExpired past its expiry, VaultUnreadable when its texts do not open here."""
        key = await self._store.get(key_id)
        if key is None:
            raise NotFound(f"vault key {key_id} not found")
        now = self._clock.now()
        if key.expired(now):
            await self._access(key, component, actor, AccessOutcome.REFUSED, "expired")
            raise VaultKeyExpired(f"vault key {key.id} expired at {key.expires_at}")
        try:
            current = self._open(key, key.pair, component, actor)
        except VaultUnreadable:
            await self._access(key, component, actor, AccessOutcome.REFUSED, "unreadable")
            raise
        fallback = None
        if key.previous is not None and key.in_grace(now):
            try:
                fallback = self._open(key, key.previous, component, actor)
            except VaultUnreadable:
                fallback = None
        await self._store.touch(key.id, now)
        await self._access(key, component, actor, AccessOutcome.GRANTED, "")
        return KeyMaterial(key.id, key.provider, key.paper, current, fallback)

    async def use_linked(
        self, account_id: str, provider: str, component: str
    ) -> KeyMaterial | None:
        """The key linked to an account for `provider`, through `use`; None when none is."""
        key = await self._store.linked(account_id, provider)
        if key is None:
            return None
        try:
            return await self.use(key.id, component)
        except NotFound:  # deleted in between
            return None

    # -- internals ---------------------------------------------------------------
    def _seal(self, vault_id: str, key_id: str, secret: str) -> SealedPair:
        return SealedPair(
            self._sealer.seal(key_id, sealed_record_type("key_id"), vault_id),
            self._sealer.seal(secret, sealed_record_type("secret"), vault_id),
        )

    def _open(self, key: VaultKey, pair: SealedPair, component: str, actor: str) -> Credentials:
        try:
            return Credentials(
                self._sealer.open(pair.key_id, sealed_record_type("key_id"), key.id),
                self._sealer.open(pair.secret, sealed_record_type("secret"), key.id),
            )
        except DecryptionRefused:
            raise VaultUnreadable(
                f"vault key {key.id} cannot be decrypted with the keys configured here "
                "(BULWARK_KEKS / BULWARK_KEKS_FILE, or BULWARK_SECRET_KEY for keys stored "
                "before envelopes); configure the key it was sealed with, or store it again"
            ) from None

    async def _access(
        self, key: VaultKey, component: str, actor: str, outcome: AccessOutcome, detail: str
    ) -> None:
        now = self._clock.now()
        await self._store.record_access(
            KeyAccess(key.id, now, component, actor, outcome.value, detail)
        )
        facts = {"component": component, "owner_id": key.owner_id, "provider": key.provider}
        if detail:
            facts["detail"] = detail
        await self._audit.record(
            AuditEntry(actor, "vault_key.use", f"vault_key:{key.id}", outcome.value, now, facts)
        )

    async def _save(self, key: VaultKey, expected: SealedPair) -> None:
        if await self._store.save(key, expected):
            return
        if await self._store.get(key.id) is None:
            raise NotFound(f"vault key {key.id} not found")
        raise ConcurrentUpdate(f"vault key {key.id} was rotated meanwhile; read it and retry")

    async def _owned(self, principal: Principal, key_id: str) -> VaultKey:
        self._no_agents(principal)
        key = await self._store.get(key_id)
        return owned_by(principal, key, NotFound(f"vault key {key_id} not found"))

    async def _own_account(self, principal: Principal, account_id: str) -> None:
        async with self._uow() as uow:
            await owned_account(uow, principal, account_id)

    async def _refuse_ephemeral(self, principal: Principal, action: str, target: str) -> None:
        if self._ephemeral and self._store.durable:
            entry = AuditEntry(
                principal.id, action, f"vault_key:{target}", "refused", self._clock.now(), {}
            )
            await self._audit.record(entry)
            raise VaultKeyEphemeral(
                "no key-encryption key is configured (BULWARK_KEKS or BULWARK_KEKS_FILE): the "
                "key that seals vault secrets dies with this process, so stored keys would be "
                "unreadable after a restart; configure a KEK and try again"
            )

    @staticmethod
    def _no_agents(principal: Principal) -> None:
        if principal.role is Role.AGENT:
            raise Forbidden("agents may not manage vault keys")

    @staticmethod
    def _facts(key: VaultKey) -> dict[str, object]:
        return {
            "provider": key.provider,
            "key_hint": key.key_hint,
            "account_id": key.account_id,
            "paper": key.paper,
        }

    def _changed(self, key: VaultKey) -> None:
        for key_listener in self._key_listeners:
            key_listener(key.id)
        if key.account_id is None:
            return
        for listener in self._listeners:
            listener(key.account_id)

    async def _record(
        self,
        actor: str,
        action: str,
        key: VaultKey,
        outcome: str,
        details: Mapping[str, object],
    ) -> None:
        entry = AuditEntry(
            actor, action, f"vault_key:{key.id}", outcome, self._clock.now(), dict(details)
        )
        await self._audit.record(entry)
