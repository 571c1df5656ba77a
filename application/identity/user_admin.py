"""User administration by admins: list, read, change roles, deactivate, reactivate, reset MFA.

Admin-only operations raise Forbidden for anyone else; a user id that is not the caller's
own answers NotFound to a non-admin (it neither confirms nor denies the user exists).
Ending a user's sessions drops AuthService's session cache, so the user's live access
tokens are refused by this instance at once (another within its session-cache time).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from application.core.audited import audit
from application.core.paging import page_of
from application.identity.auth import AuthService
from application.identity.user_sessions import (
    revoke_user_sessions,
    tell_user,
    user_by_id,
    user_key,
)
from domain.errors import Forbidden, NotFound
from domain.identity import User, validate_person_role
from domain.identity.onboarding_errors import LastAdmin, OwnRoleChange
from domain.principals import Principal, Role
from ports.core.clock import Clock
from ports.core.events import AuditLog, Notifier, Severity
from ports.core.unit_of_work import UnitOfWork, UnitOfWorkFactory

ADMINS = frozenset({Role.ADMIN, Role.SYSTEM})
MAX_PAGE = 200


@dataclass(frozen=True, slots=True)
class ManagedUser:
    """A user as an admin sees it (no hashes, no secrets)."""

    id: str
    username: str
    role: Role
    email: str | None
    active: bool
    mfa_enabled: bool
    created_at: datetime


@dataclass(frozen=True, slots=True)
class UserPage:
    """Users ordered by username; `next_after` is the cursor of the next page (None: last)."""

    users: tuple[ManagedUser, ...]
    next_after: str | None


def managed(user: User) -> ManagedUser:
    return ManagedUser(
        user.id,
        user.username,
        user.role,
        user.email,
        user.active,
        user.mfa_enabled,
        user.created_at,
    )


def require_admin(actor: Principal, what: str) -> None:
    if actor.role not in ADMINS:
        raise Forbidden(f"only an admin can {what}")


@dataclass(eq=False)
class UserAdminService:
    """The admin's operations on users; `actor` is the admin, or Principal.system() (CLI)."""

    uow_factory: UnitOfWorkFactory
    auth: AuthService
    clock: Clock
    audit_log: AuditLog
    notifier: Notifier | None = None

    async def list(self, actor: Principal, after: str | None = None, limit: int = 50) -> UserPage:
        require_admin(actor, "list users")
        limit = max(1, min(limit, MAX_PAGE))
        async with self.uow_factory() as uow:
            everyone = await uow.users.list()
        found = [u for u in everyone if after is None or u.username > after]
        page = page_of(found, limit, lambda user: user.username)
        return UserPage(tuple(managed(u) for u in page.items), page.next_cursor)

    async def get(self, actor: Principal, user_id: str) -> ManagedUser:
        """An admin reads anyone; anyone else only themselves (others are NotFound)."""
        if actor.role not in ADMINS and actor.id != user_id:
            raise NotFound(f"user {user_id} not found")
        async with self.uow_factory() as uow:
            return managed(await user_by_id(uow, user_id))

    async def set_role(self, actor: Principal, user_id: str, role: Role) -> ManagedUser:
        self._check(actor, user_id, "change roles")
        validate_person_role(role)
        async with self.uow_factory() as uow:
            user = await user_by_id(uow, user_id)
            before = user.role
            if before is Role.ADMIN and role is not Role.ADMIN:
                await _keep_an_admin(uow, user)
            user.change_role(role)
            await uow.users.add(user)
            await uow.commit()
        self.auth.forget_sessions()  # the next request of the user carries the new role
        details = {"from": before.value, "to": role.value}
        await self._record(actor, "user.role", user, "changed", details)
        return managed(user)

    async def deactivate(self, actor: Principal, user_id: str) -> ManagedUser:
        """No login, no refresh; every refresh token revoked and access tokens refused, and
        the API keys of the user's agents revoked (reactivation does not restore them)."""
        self._check(actor, user_id, "deactivate users")
        now = self.clock.now()
        async with self.uow_factory() as uow:
            user = await user_by_id(uow, user_id)
            if user.role is Role.ADMIN and user.active:
                await _keep_an_admin(uow, user)
            user.deactivate()
            await uow.users.add(user)
            ended = await revoke_user_sessions(uow, user.id, now, self.auth.config.access_ttl)
            # Their agents' API keys too: a deactivated owner's agents stop trading for them.
            keys = 0
            for key in await uow.api_keys.list(user.id):
                if not key.is_revoked:
                    key.revoke(now)
                    await uow.api_keys.add(key)
                    keys += 1
            await uow.commit()
        self.auth.forget_sessions()
        details = {"sessions_ended": ended, "api_keys_revoked": keys}
        await self._record(actor, "user.deactivate", user, "ok", details)
        return managed(user)

    async def reactivate(self, actor: Principal, user_id: str) -> ManagedUser:
        self._check(actor, user_id, "reactivate users")
        async with self.uow_factory() as uow:
            user = await user_by_id(uow, user_id)
            user.reactivate()
            await uow.users.add(user)
            await uow.commit()
        await self._record(actor, "user.reactivate", user, "ok")
        return managed(user)

    async def reset_mfa(self, actor: Principal, user_id: str) -> ManagedUser:
        """Clear the user's TOTP secret and backup codes (a lost authenticator); the audit
        entry names the admin, and the user is told."""
        require_admin(actor, "reset multi-factor authentication")
        async with self.uow_factory() as uow:
            user = await user_by_id(uow, user_id)
            was_enabled = user.mfa_enabled
            user.reset_mfa()
            await uow.users.add(user)
            await uow.commit()
        await self._record(actor, "user.mfa_reset", user, "ok", {"was_enabled": was_enabled})
        body = (
            "An admin reset the multi-factor authentication of your Bulwark account: log in "
            "with your password and enrol an authenticator again. If you did not ask for "
            "this, tell your admins at once."
        )
        subject = "Your multi-factor authentication was reset"
        await tell_user(self.notifier, user, subject, body, Severity.WARNING)
        return managed(user)

    def _check(self, actor: Principal, user_id: str, what: str) -> None:
        require_admin(actor, what)
        if actor.id == user_id:
            raise OwnRoleChange("an admin cannot change their own role or deactivate themselves")

    async def _record(
        self,
        actor: Principal,
        action: str,
        user: User,
        outcome: str,
        details: Mapping[str, object] | None = None,
    ) -> None:
        details = {"username": user.username, **(details or {})}
        target = user_key(user.id)
        await audit(self.audit_log, self.clock, actor.id, action, target, outcome, details)


async def _keep_an_admin(uow: UnitOfWork, leaving: User) -> None:
    """LastAdmin when `leaving` is the only active admin."""
    others = [
        u
        for u in await uow.users.list()
        if u.role is Role.ADMIN and u.active and u.id != leaving.id
    ]
    if not others:
        raise LastAdmin("this is the last active admin: make another admin first")
