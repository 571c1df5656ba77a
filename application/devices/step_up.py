"""Step-up: a user with MFA confirms a new device with a one-time code before sensitive actions.

Sensitive actions (changing the kill-switch passcode, the API-key vault's key operations,
putting a strategy live) call `require_trusted` with the caller's session: a user without
MFA passes; a user with MFA passes only from a session started on a device they trusted by
`step_up` (a current TOTP code, never one already used); else StepUpRequired (403
STEP_UP_REQUIRED). Wrong codes count as failed logins of the username and the client (the
login throttle), so a stolen session cannot guess codes faster than a login could.
Callers without a session (API keys, agents) have no device: they are not asked.
"""

from __future__ import annotations

from dataclasses import dataclass

from application.core.audited import audit
from application.devices.service import DeviceService
from application.identity.auth_views import Session
from application.identity.login_guard import LoginGuard
from application.identity.user_sessions import user_by_id, user_key
from domain.errors import ConcurrentUpdate, Unauthenticated
from domain.identity import User
from domain.identity.devices import Device, StepUpRequired
from ports.core.clock import Clock
from ports.core.encryption import DecryptionRefused, SecretSealer
from ports.core.events import AuditLog
from ports.core.unit_of_work import UnitOfWorkFactory
from ports.identity.identity import TotpVerifier
from ports.keys.key_rotation import MFA_SECRET_RECORD

_ASK = "confirm this device with a one-time code first (POST /api/v1/devices/step-up)"


@dataclass(eq=False)
class StepUp:
    """Asks for, and accepts, the one-time code that makes a session's device trusted."""

    devices: DeviceService
    uow_factory: UnitOfWorkFactory
    totp: TotpVerifier
    sealer: SecretSealer
    guard: LoginGuard
    clock: Clock
    audit_log: AuditLog

    async def require_trusted(self, session: Session | None) -> None:
        """Pass, or raise StepUpRequired (the user has MFA and this device is not trusted)."""
        if session is None:
            return
        async with self.uow_factory() as uow:
            user = await uow.users.get(session.principal.id)
        if user is None or not user.mfa_enabled:
            return
        device = await self.devices.device_of_session(session.family_id)
        if device is None or device.user_id != user.id or not device.trusted:
            raise StepUpRequired(f"this device is not trusted yet: {_ASK}")

    async def step_up(self, session: Session, code: str, client: str | None = None) -> Device:
        """Trust the session's device after a current one-time code of its user."""
        device = await self.devices.device_of_session(session.family_id)
        if device is None or device.user_id != session.principal.id or device.revoked:
            raise Unauthenticated("this session has no device to trust: log in again")
        now = self.clock.now()
        async with self.uow_factory() as uow:
            user = await user_by_id(uow, session.principal.id)
            throttles = await self.guard.load(uow, user.username, client)
            await self.guard.refuse_if_waiting(throttles, now)
            if not user.mfa_enabled:
                return device
            if not self._code_matches(user, code):
                await self.guard.fail(uow, throttles, now, "bad step-up code")
                raise Unauthenticated("invalid one-time code")
            await uow.users.add(user)
            try:
                await uow.commit()
            except ConcurrentUpdate:
                raise Unauthenticated("invalid one-time code") from None
        trusted = device.trust(now)
        await self.devices.save(trusted)
        await audit(self.audit_log, self.clock, user.id, "device.step_up", user_key(user.id),
                    "trusted", {"device": device.id})  # fmt: skip
        return trusted

    def _code_matches(self, user: User, code: str) -> bool:
        """A TOTP code of a later step than the last accepted one (a replay never passes)."""
        if user.mfa_secret is None:
            return False
        try:
            secret = self.sealer.open(user.mfa_secret, MFA_SECRET_RECORD, user.id)
        except DecryptionRefused:
            return False
        step = self.totp.matching_step(secret, code, self.clock.now())
        return step is not None and user.accept_totp_step(step)
