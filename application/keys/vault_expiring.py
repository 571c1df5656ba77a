"""Keys of every user expiring soon: the operator's report (`bulwark vault expiring`).

The owner-scoped vault service answers one user's keys; an operator checking which keys
will stop working this fortnight needs all of them, masked like everywhere else. Reading
across users is a privileged act, so it needs an admin (or system) principal and is audited
(`vault_key.expiring`, with the window and the count, never a key).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from domain.errors import Forbidden
from domain.keys.keys import VaultKey
from domain.principals import Principal, Role
from ports.core.clock import Clock
from ports.core.events import AuditEntry, AuditLog
from ports.core.unit_of_work import UnitOfWorkFactory
from ports.keys.key_vault import KeyVaultStore


@dataclass(frozen=True, slots=True)
class ExpiringKey:
    key: VaultKey  # its sealed pair is never shown: callers print the masked hint
    username: str  # the owner's, or their id when the user is gone


@dataclass(eq=False)
class VaultExpiryReport:
    store: KeyVaultStore
    uow_factory: UnitOfWorkFactory
    clock: Clock
    audit: AuditLog

    async def expiring(self, actor: Principal, within: timedelta) -> list[ExpiringKey]:
        """Keys whose expiry falls before now + `within` (expired ones included), soonest
        first; Forbidden for anyone but an admin or the system."""
        if actor.role not in (Role.ADMIN, Role.SYSTEM):
            raise Forbidden("only an administrator may list every user's keys")
        now = self.clock.now()
        horizon = now + within
        keys = sorted(
            (k for k in await self.store.watched() if k.expires_at and k.expires_at <= horizon),
            key=lambda k: (k.expires_at, k.id),
        )
        names: dict[str, str] = {}
        async with self.uow_factory() as uow:
            for owner_id in {k.owner_id for k in keys}:
                user = await uow.users.get(owner_id)
                names[owner_id] = user.username if user is not None else owner_id
        details = {"days": within.days, "count": len(keys)}
        await self.audit.record(
            AuditEntry(actor.id, "vault_key.expiring", "vault", "ok", now, details)
        )
        return [ExpiringKey(k, names[k.owner_id]) for k in keys]
