"""API-key use cases: an owner issues keys to their agents; agents authenticate with them."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime

from application.core.access import ensure_may_change
from domain.errors import Forbidden, NotFound, Unauthenticated
from domain.identity import ApiKey, api_key_text, digest, new_secret, parse_api_key
from domain.identity.permissions import agent_permissions, permissions_text
from domain.principals import Principal, Role
from ports.core.clock import Clock, IdGenerator
from ports.core.events import AuditEntry, AuditLog
from ports.core.unit_of_work import UnitOfWorkFactory

_KEY_ADMINS = frozenset({Role.ADMIN, Role.SYSTEM})
_NOT_ISSUERS = frozenset({Role.AGENT})


@dataclass(frozen=True, slots=True)
class CreatedApiKey:
    """A new key; `api_key` is shown this once and kept only as a digest."""

    key_id: str
    agent_id: str
    api_key: str
    created_at: datetime
    scopes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ApiKeyView:
    """A key as listed (never its secret)."""

    key_id: str
    agent_id: str
    label: str
    created_at: datetime
    revoked_at: datetime | None
    last_used_at: datetime | None
    scopes: tuple[str, ...] = ()


def api_key_view(key: ApiKey) -> ApiKeyView:
    return ApiKeyView(
        key.id, key.agent_id, key.label, key.created_at, key.revoked_at, key.last_used_at,
        tuple(permissions_text(key.scopes).split()),
    )  # fmt: skip


@dataclass(eq=False)
class ApiKeyService:
    """Issues, lists and revokes agents' API keys; another owner's agent or key is NotFound."""

    uow_factory: UnitOfWorkFactory
    clock: Clock
    ids: IdGenerator
    audit: AuditLog

    async def create(
        self,
        owner: Principal,
        agent_id: str,
        label: str = "",
        scopes: Iterable[str] | None = None,
    ) -> CreatedApiKey:
        """A key for one of the owner's agents (an admin may issue one for any agent), with
        the scopes it may use (read, trade, halt; all three when none are named)."""
        if owner.role in _NOT_ISSUERS:
            raise Forbidden("an agent cannot issue API keys")
        ensure_may_change(owner)
        permissions = agent_permissions(scopes)
        now = self.clock.now()
        secret = new_secret()
        async with self.uow_factory() as uow:
            agent = await uow.agents.get(agent_id)
            if agent is None or not (owner.role in _KEY_ADMINS or agent.owner_id == owner.id):
                raise NotFound(f"agent {agent_id} not found")
            key = ApiKey(
                id=self.ids.new("ak-"),
                agent_id=agent.id,
                owner_id=agent.owner_id,
                label=label,
                secret_digest=digest(secret),
                created_at=now,
                scopes=permissions,
            )
            await uow.api_keys.add(key)
            await uow.commit()
        scopes_text = permissions_text(permissions)
        await self._record(
            owner.id, "api_key.create", key, {"label": key.label, "scopes": scopes_text}
        )
        return CreatedApiKey(
            key.id, key.agent_id, api_key_text(key.id, secret), now, tuple(scopes_text.split())
        )

    async def authenticate(self, api_key: str) -> Principal:
        """The agent's principal for a live key of an agent that still exists."""
        parsed = parse_api_key(api_key)
        if parsed is None:
            await self._refused(None, "malformed")
            raise Unauthenticated("invalid API key")
        key_id, secret = parsed
        now = self.clock.now()
        async with self.uow_factory() as uow:
            key = await uow.api_keys.get(key_id)
            if key is None or not key.matches(secret) or key.is_revoked:
                await self._refused(key, "revoked" if key and key.is_revoked else "unknown key")
                raise Unauthenticated("invalid API key")
            if await uow.agents.get(key.agent_id) is None:
                await self._refused(key, "agent gone")
                raise Unauthenticated("invalid API key")
            used = key.touch(now)
            if used:
                await uow.api_keys.add(key)
                await uow.commit()
        if used:  # once per LAST_USED_RESOLUTION per key: an audit trail of use, not per order
            await self._record(key.agent_id, "api_key.use", key)
        return Principal(key.agent_id, Role.AGENT, frozenset(key.scopes))

    async def revoke(self, owner: Principal, key_id: str) -> None:
        """Revoke a key of the owner's (any key for an admin); revoking twice is a no-op."""
        ensure_may_change(owner)
        async with self.uow_factory() as uow:
            key = await uow.api_keys.get(key_id)
            if key is None or not (owner.role in _KEY_ADMINS or key.owner_id == owner.id):
                raise NotFound(f"API key {key_id} not found")
            already = key.is_revoked
            key.revoke(self.clock.now())
            await uow.api_keys.add(key)
            await uow.commit()
        if not already:
            await self._record(owner.id, "api_key.revoke", key)

    async def list(self, owner: Principal) -> list[ApiKeyView]:
        """The owner's keys (every key for an admin), oldest first."""
        async with self.uow_factory() as uow:
            if owner.role in _KEY_ADMINS:
                keys = await uow.api_keys.list()
            else:
                keys = await uow.api_keys.list(owner.id)
        return [api_key_view(k) for k in sorted(keys, key=lambda k: (k.created_at, k.id))]

    async def _refused(self, key: ApiKey | None, reason: str) -> None:
        """Audit a refused key (its id when it parsed, never the secret)."""
        target = f"agent:{key.agent_id}" if key is not None else "api_key:unknown"
        details: dict[str, object] = {"reason": reason}
        if key is not None:
            details["key_id"] = key.id
        entry = AuditEntry(
            "anonymous", "api_key.authenticate", target, "refused", self.clock.now(), details
        )
        await self.audit.record(entry)

    async def _record(
        self, actor: str, action: str, key: ApiKey, details: Mapping[str, object] | None = None
    ) -> None:
        entry = AuditEntry(
            actor,
            action,
            f"agent:{key.agent_id}",
            "ok",
            self.clock.now(),
            {"key_id": key.id, **(details or {})},
        )
        await self.audit.record(entry)
