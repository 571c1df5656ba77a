"""Login throttling that cannot be turned against a victim: per client, and per username."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from math import ceil

from domain.errors import LoginLocked, LoginThrottled
from domain.identity import (
    CLIENT_THROTTLE,
    USERNAME_THROTTLE,
    LoginThrottle,
    ThrottlePolicy,
    client_key,
    username_key,
)
from domain.principals import Role
from ports.core.clock import Clock
from ports.core.events import AuditEntry, AuditLog, Notification, Notifier, Severity
from ports.core.unit_of_work import UnitOfWork


@dataclass(slots=True)
class Throttles:
    """The failure counters one login attempt is judged by (None: none yet for that key)."""

    username: str
    client: str | None
    by_username: LoginThrottle | None
    by_client: LoginThrottle | None
    # The id of the user who holds `username` now (None: no one): the person the attempt's
    # audit entries belong to, so they follow that person by id, never the name.
    user_id: str | None = None


@dataclass(eq=False)
class LoginGuard:
    """Judges and records failed logins.

    A client address that fails often waits long (429 LOGIN_THROTTLED): it cannot keep
    guessing, nor spray many usernames. A username that fails often waits only a short,
    growing, capped delay (423 LOGIN_LOCKED), so an attacker elsewhere never locks its
    owner out for long. Both refusals say how long to wait; when a username or a client
    starts to be throttled, the admins are told once (not on every failure).
    """

    clock: Clock
    audit: AuditLog
    notifier: Notifier | None = None
    username_policy: ThrottlePolicy = USERNAME_THROTTLE
    client_policy: ThrottlePolicy = CLIENT_THROTTLE

    async def load(self, uow: UnitOfWork, username: str, client: str | None) -> Throttles:
        by_username = await uow.login_throttles.get(username_key(username))
        by_client = await uow.login_throttles.get(client_key(client)) if client else None
        holder = await uow.users.by_username(username)
        user_id = holder.id if holder is not None else None
        return Throttles(username, client or None, by_username, by_client, user_id)

    async def refuse_if_waiting(self, throttles: Throttles, now: datetime) -> None:
        """Raise LoginThrottled (the client) or LoginLocked (the username) while either waits."""
        if throttles.by_client is not None:
            wait = throttles.by_client.wait(now, self.client_policy)
            if wait > timedelta(0):
                await self._refused(throttles, "throttled")
                raise LoginThrottled(
                    f"too many failed logins from this client; retry in {_seconds(wait)} s",
                    retry_after=wait.total_seconds(),
                )
        if throttles.by_username is not None:
            wait = throttles.by_username.wait(now, self.username_policy)
            if wait > timedelta(0):
                await self._refused(throttles, "locked")
                raise LoginLocked(
                    f"recent failed logins for this username; retry in {_seconds(wait)} s",
                    retry_after=wait.total_seconds(),
                )

    async def fail(self, uow: UnitOfWork, throttles: Throttles, now: datetime, reason: str) -> None:
        """Count a failure on the username and the client, commit, audit, and tell the
        admins about a username or client that has just started to be throttled."""
        by_username = throttles.by_username or LoginThrottle(username_key(throttles.username))
        started: list[tuple[str, str]] = []
        if by_username.record_failure(now, self.username_policy):
            started.append((login_key(throttles.username), "locked"))
        await uow.login_throttles.add(by_username)
        if throttles.client is not None:
            key = client_key(throttles.client)
            by_client = throttles.by_client or LoginThrottle(key)
            if by_client.record_failure(now, self.client_policy):
                started.append((key, "throttled"))
            await uow.login_throttles.add(by_client)
        admins = [u.id for u in await uow.users.list() if u.role is Role.ADMIN] if started else []
        await uow.commit()
        await self._record(throttles, "auth.login", "refused", {"reason": reason})
        for target, outcome in started:
            details = {"failures": self._policy(outcome).free_failures + 1, **_client(throttles)}
            await self.audit.record(
                AuditEntry(
                    throttles.username,
                    "auth.lockout",
                    target,
                    outcome,
                    now,
                    details,
                    actor_id=throttles.user_id,
                )
            )
            await self._tell_admins(admins, target, outcome, throttles)

    @staticmethod
    def succeeded(throttles: Throttles) -> LoginThrottle | None:
        """The username's counter, cleared, when it has failures to clear (the client's stay:
        one good login must not reset a spraying client)."""
        if throttles.by_username is None or not throttles.by_username.failures:
            return None
        throttles.by_username.reset()
        return throttles.by_username

    async def _tell_admins(
        self, admins: list[str], target: str, outcome: str, throttles: Throttles
    ) -> None:
        if self.notifier is None:
            return
        what = "Username" if outcome == "locked" else "Client"
        # The username is whatever a client sent: printable and short in a mail subject.
        shown = "".join(ch if ch.isprintable() else "?" for ch in target)[:_MAX_SHOWN]
        subject = f"{what} throttled after failed logins: {shown}"
        body = (
            f"{shown} has failed to log in {self._policy(outcome).free_failures + 1} times "
            f"(last try for username {throttles.username!r}"
            f"{f' from {throttles.client}' if throttles.client else ''}); "
            "further attempts now wait. See the audit log (auth.login, auth.lockout)."
        )
        for admin in admins:
            await self.notifier.notify(
                Notification(admin, subject, body, Severity.WARNING, event_type="security.alert")
            )

    def _policy(self, outcome: str) -> ThrottlePolicy:
        return self.username_policy if outcome == "locked" else self.client_policy

    async def _refused(self, throttles: Throttles, reason: str) -> None:
        await self._record(throttles, "auth.login", "refused", {"reason": reason})

    async def _record(
        self, throttles: Throttles, action: str, outcome: str, details: Mapping[str, object]
    ) -> None:
        entry = AuditEntry(
            throttles.username,
            action,
            login_key(throttles.username),
            outcome,
            self.clock.now(),
            {**details, **_client(throttles)},
            actor_id=throttles.user_id,
        )
        await self.audit.record(entry)


_MAX_SHOWN = 120


def login_key(username: str) -> str:
    """Audit target of login attempts: by username, known or not."""
    return f"login:{username}"


def _client(throttles: Throttles) -> dict[str, object]:
    return {"client": throttles.client} if throttles.client else {}


def _seconds(wait: timedelta) -> int:
    return max(1, ceil(wait.total_seconds()))
