"""Password reset by a one-time token delivered through the notifier.

`request` answers the same whether the user exists or not (no enumeration): the token,
when there is a user, goes only to them. A user gets at most MAX_REQUESTS tokens per
REQUEST_WINDOW (further requests are dropped silently), a new token invalidates the
user's earlier unused ones, and a token works once, for 30 minutes. Confirming sets the
password and ends every session of the user. A second factor, when enrolled, is still
asked at the next login: a reset replaces the password, not the authenticator.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from datetime import timedelta

from application.core.audited import audit
from application.identity.auth import AuthService
from application.identity.public_throttle import ClientThrottle
from application.identity.user_sessions import (
    revoke_user_sessions,
    tell_user,
    user_by_id,
    user_key,
)
from domain.errors import ConcurrentUpdate
from domain.identity import (
    InvalidCredentialInput,
    User,
    digest,
    new_secret,
    refresh_token_text,
    validate_password,
)
from domain.identity.emails import normalize_email
from domain.identity.onboarding import RESET_TOKEN_TTL, PasswordResetToken
from domain.identity.onboarding_errors import AccountDeactivated, ResetTokenInvalid, ResetTokenUsed
from ports.core.clock import Clock, IdGenerator
from ports.core.events import AuditLog, Notifier, Severity
from ports.core.security import PasswordHasher
from ports.core.unit_of_work import UnitOfWork, UnitOfWorkFactory

MAX_REQUESTS = 3
REQUEST_WINDOW = timedelta(minutes=15)


@dataclass(eq=False)
class PasswordResetService:
    """Requests and confirms password resets."""

    uow_factory: UnitOfWorkFactory
    hasher: PasswordHasher
    auth: AuthService
    clock: Clock
    ids: IdGenerator
    audit_log: AuditLog
    throttle: ClientThrottle
    notifier: Notifier | None = None

    async def request(self, identifier: str) -> None:
        """Send a reset token to the user named (username or email) when there is one."""
        now = self.clock.now()
        async with self.uow_factory() as uow:
            user = await _find(uow, identifier)
            if user is None or not user.active:
                return
            earlier = await uow.password_resets.by_user(user.id)
            if sum(1 for t in earlier if t.created_at > now - REQUEST_WINDOW) >= MAX_REQUESTS:
                outcome = "dropped"
            else:
                outcome = "sent"
                for token in earlier:
                    if not token.is_spent:
                        token.invalidate(now)
                        await uow.password_resets.add(token)
                secret = new_secret()
                reset = PasswordResetToken(
                    id=self.ids.new("pwr-"),
                    user_id=user.id,
                    token_digest=digest(secret),
                    created_at=now,
                    expires_at=now + RESET_TOKEN_TTL,
                )
                await uow.password_resets.add(reset)
                await uow.commit()
        await audit(
            self.audit_log, self.clock, user.id, "user.password_reset", user_key(user.id), outcome
        )
        if outcome == "sent":
            text = refresh_token_text(reset.id, secret)
            body = (
                "A password reset was asked for your Bulwark user. Within 30 minutes, POST "
                f"this token to /api/v1/auth/password-reset/confirm (it works once): {text}\n"
                "If you did not ask for it, ignore this message."
            )
            await tell_user(
                self.notifier, user, "Reset your Bulwark password", body, confidential=True
            )

    async def confirm(self, token: str, new_password: str, *, client: str | None = None) -> None:
        """Set the new password; the token is spent and every session of the user ends."""
        await self.throttle.refuse_if_waiting(client)
        try:
            validate_password(new_password)
        except InvalidCredentialInput as exc:
            exc.field = "new_password"
            raise
        found = await self.throttle.token_record(
            token,
            client,
            lambda uow, reset_id: uow.password_resets.get(reset_id),
            ResetTokenInvalid("unknown reset token"),
        )
        found.check(self.clock.now())
        password_hash = await asyncio.to_thread(self.hasher.hash, new_password)
        now = self.clock.now()
        try:
            async with self.uow_factory() as uow:
                reset = await uow.password_resets.get(found.id)
                if reset is None:
                    raise ResetTokenInvalid("unknown reset token")
                user = await user_by_id(uow, reset.user_id)
                if not user.active:
                    raise AccountDeactivated("this user is deactivated; ask an admin")
                reset.use(now)
                user.change_password(password_hash)
                await uow.users.add(user)
                await uow.password_resets.add(reset)
                ttl = self.auth.config.access_ttl
                ended = await revoke_user_sessions(uow, user.id, now, ttl)
                await uow.commit()
        except ConcurrentUpdate:
            raise ResetTokenUsed("this reset token was already used") from None
        self.auth.forget_sessions()
        details = {"sessions_ended": ended}
        target = user_key(user.id)
        await audit(self.audit_log, self.clock, user.id, "user.password", target, "reset", details)
        body = "Your Bulwark password was reset; every session was logged out."
        await tell_user(self.notifier, user, "Your password was reset", body, Severity.WARNING)


async def _find(uow: UnitOfWork, identifier: str) -> User | None:
    text = identifier.strip()
    if "@" in text:
        user = await uow.users.by_email(normalize_email(text))
        if user is not None:
            return user
    return await uow.users.by_username(text)
