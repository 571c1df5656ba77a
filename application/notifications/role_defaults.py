"""Admins set the default notification preferences of a role: a user of that role who has
not saved their own gets them (the center reads them; domain defaults otherwise).

Admin-only (an admin or the system principal): anybody else gets Forbidden. Every change is
audited with what it turns off, as a user's own preferences are.
"""

from __future__ import annotations

from dataclasses import dataclass

from application.notifications.api import InvalidPreferences, PreferencesUpdate, parse_preferences
from domain.errors import Forbidden, NotFound
from domain.notifications.preferences import Preferences
from domain.principals import Principal, Role
from ports.core.clock import Clock
from ports.core.events import AuditEntry, AuditLog
from ports.notifications.notification_store import NotificationStore

# Roles whose users receive notifications (agents and the system principal are not people).
PERSON_ROLES = tuple(r.value for r in Role if r not in (Role.AGENT, Role.SYSTEM))


@dataclass(eq=False)
class RoleDefaults:
    store: NotificationStore
    clock: Clock
    audit: AuditLog

    async def every(self, caller: Principal) -> dict[str, Preferences]:
        _ensure_admin(caller)
        return await self.store.all_role_preferences()

    async def get(self, caller: Principal, role: str) -> Preferences:
        _ensure_admin(caller)
        found = await self.store.role_preferences(_role(role))
        if found is None:
            raise NotFound(f"no default preferences for role {role!r}", field="role")
        return found

    async def put(self, caller: Principal, role: str, update: PreferencesUpdate) -> Preferences:
        _ensure_admin(caller)
        prefs = parse_preferences("", update)
        await self.store.put_role_preferences(_role(role), prefs)
        await self._record(caller, role, "ok", {
            "types_overridden": sorted(prefs.channels),
            "types_off": sorted(k for k, v in prefs.channels.items() if not v),
            "quiet_hours": prefs.quiet_hours is not None,
            "digest": prefs.digest_minutes if prefs.digest_enabled else None,
        })  # fmt: skip
        return prefs

    async def remove(self, caller: Principal, role: str) -> None:
        _ensure_admin(caller)
        if not await self.store.remove_role_preferences(_role(role)):
            raise NotFound(f"no default preferences for role {role!r}", field="role")
        await self._record(caller, role, "removed", {})

    async def _record(
        self, caller: Principal, role: str, outcome: str, details: dict[str, object]
    ) -> None:
        await self.audit.record(
            AuditEntry(
                caller.id,
                "notification.role_preferences",
                f"role:{role}",
                outcome,
                self.clock.now(),
                details,
            )
        )


def _ensure_admin(caller: Principal) -> None:
    if caller.role not in (Role.ADMIN, Role.SYSTEM):
        raise Forbidden("only an admin sets the default notification preferences of a role")


def _role(role: str) -> str:
    if role not in PERSON_ROLES:
        raise InvalidPreferences(f"role must be one of {list(PERSON_ROLES)}", field="role")
    return role
