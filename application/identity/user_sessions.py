"""What several user use cases share: ending a user's sessions, telling them, checking names.

A user's sessions end in the store here (every refresh token revoked, every family's
access tokens with it); the caller then drops AuthService's session cache
(`AuthService.forget_sessions`), so this instance refuses those tokens at once.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from domain.errors import Conflict, NotFound
from domain.identity import User, validate_username
from domain.identity.emails import validate_email
from ports.core.events import Notification, Notifier, Severity
from ports.core.unit_of_work import UnitOfWork


async def revoke_family_refresh_tokens(uow: UnitOfWork, family_id: str, now: datetime) -> int:
    """Revoke every live refresh token of the family; returns how many were still live."""
    live = 0
    for token in await uow.refresh_tokens.by_family(family_id):
        if not token.is_revoked:
            live += 1
            token.revoke(now)
            await uow.refresh_tokens.add(token)
    return live


async def revoke_user_sessions(
    uow: UnitOfWork, user_id: str, now: datetime, access_ttl: timedelta
) -> int:
    """Revoke every refresh token of the user and the access tokens of all their families
    (until the last one issued by now expires); returns how many families were ended."""
    families: set[str] = set()
    for token in await uow.refresh_tokens.by_user(user_id):
        families.add(token.family_id)
        token.revoke(now)
        await uow.refresh_tokens.add(token)
    for family in sorted(families):
        await uow.revoked_tokens.add_family(family, now + access_ttl)
    return len(families)


async def user_by_id(uow: UnitOfWork, user_id: str) -> User:
    user = await uow.users.get(user_id)
    if user is None:
        raise NotFound(f"user {user_id} not found")
    return user


def checked_email(email: str | None) -> str | None:
    """The normalized address, None for none (or a blank one)."""
    if email is None or not email.strip():
        return None
    return validate_email(email)


async def ensure_free(uow: UnitOfWork, username: str, email: str | None) -> str:
    """The validated username, or Conflict when it (or the email) belongs to someone."""
    name = validate_username(username)
    if await uow.users.by_username(name) is not None:
        raise Conflict(f"username {name} is taken", field="username")
    if email is not None and await uow.users.by_email(email) is not None:
        raise Conflict("this email belongs to another user", field="email")
    return name


async def tell_user(
    notifier: Notifier | None,
    user: User,
    subject: str,
    body: str,
    severity: Severity = Severity.INFO,
    *,
    confidential: bool = False,
) -> None:
    """Best effort: to the user's email when they have one, else to their id. A
    `confidential` body (a token) goes by email only and is sealed at rest."""
    if notifier is not None:
        await notifier.notify(
            Notification(
                user.email or user.id,
                subject,
                body,
                severity,
                event_type="account.token" if confidential else "security.alert",
                confidential=confidential,
            )
        )


def user_key(user_id: str) -> str:
    """Audit target of what happens to a user."""
    return f"user:{user_id}"
