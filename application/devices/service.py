"""Devices per login, the user's device list (rename, revoke), the admin's view, the alert.

A login is checked in after AuthService.login succeeded: the client's device token (cookie
or header), else its keyed fingerprint, finds the user's device; none found makes a new one.
The session (refresh-token family) is bound to the device, so revoking a device ends its
sessions, and a sensitive action can ask whether its session's device is trusted (step_up.py).
Judging the login (anomaly score) and alerting run after the answer (`assess`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from application.core.audited import audit
from application.devices.anomaly import LoginAnomaly
from application.devices.config import DeviceConfig
from application.identity.user_sessions import revoke_family_refresh_tokens, user_key
from domain.errors import Forbidden, NotFound
from domain.identity import normalize_username, username_key
from domain.identity.devices import (
    Device,
    RequestTraits,
    coarse_network,
    device_id_of,
    device_token,
    fingerprint,
)
from domain.identity.login_anomaly import Assessment, LoginContext, hour_gap
from domain.principals import Principal, Role
from ports.core.clock import Clock, IdGenerator
from ports.core.events import AuditLog, Notification, Notifier, Severity
from ports.core.unit_of_work import UnitOfWorkFactory
from ports.devices.devices import DeviceStore, LoginHistory, LoginRecord
from ports.identity.identity import TokenIssuer

NEW_DEVICE_EVENT = "security.new_device"
_ADMINS = frozenset({Role.ADMIN, Role.SYSTEM})


@dataclass(frozen=True, slots=True)
class DeviceLogin:
    """A checked-in login: its device, the token the client keeps, and its traits. `first`:
    the user's first device ever (the one they signed up on: nothing to alert about)."""

    device: Device
    token: str
    new: bool
    context: LoginContext
    first: bool = False


class DeviceService:
    """Device records and the device list of each user."""

    def __init__(
        self,
        devices: DeviceStore,
        history: LoginHistory,
        anomaly: LoginAnomaly,
        uow_factory: UnitOfWorkFactory,
        tokens: TokenIssuer,
        clock: Clock,
        ids: IdGenerator,
        audit_log: AuditLog,
        config: DeviceConfig,
        notifier: Notifier | None = None,
        forget_sessions: Callable[[], None] | None = None,
    ) -> None:
        self._devices = devices
        self._history = history
        self.anomaly = anomaly
        self._uow = uow_factory
        self._tokens = tokens
        self._clock = clock
        self._ids = ids
        self._audit = audit_log
        self._config = config
        self._notifier = notifier
        self._forget_sessions = forget_sessions or (lambda: None)

    # -- logins ----------------------------------------------------------------------
    async def failures_before(self, username: str) -> int:
        """The username's recent failed logins (read before the login clears them)."""
        async with self._uow() as uow:
            throttle = await uow.login_throttles.get(username_key(normalize_username(username)))
        return len(throttle.failures) if throttle is not None else 0

    async def check_in(
        self,
        access_token: str,
        traits: RequestTraits,
        address: str | None,
        presented: str | None,
        failures_before: int = 0,
    ) -> DeviceLogin:
        """The device of a login that just succeeded (its access token), found or new."""
        now = self._clock.now()
        claims = self._tokens.verify(access_token, now)
        user_id, key = claims.subject, self._config.key
        print_ = fingerprint(key, traits)
        network = coarse_network(address)
        device = await self._known(user_id, device_id_of(key, presented), print_)
        earlier = await self._devices.for_user(user_id)
        new_network = network is not None and all(d.network != network for d in earlier)
        created = device is None
        if device is None:
            family = traits.family()
            device = Device(
                self._ids.new("dev-"), user_id, print_, family, family, network, now, now
            )
        else:
            device = device.seen(now, network)
        await self._devices.save(device)
        if claims.family_id is not None:
            await self._devices.bind(device.id, claims.family_id, now)
        logins = await self._history.recent(self._config.user_history, user_id)
        context = LoginContext(
            user_id, device.id, now, network, created, new_network,
            failures_before, hour_gap(now.hour, [r.at.hour for r in logins]), len(logins),
        )  # fmt: skip
        token = device_token(key, device.id)
        return DeviceLogin(device, token, created, context, first=created and not earlier)

    async def assess(self, login: DeviceLogin) -> Assessment:
        """Score the login, keep it in the history, and alert the user on a new device or an
        anomalous login (through the notification center); never on their first device."""
        context = login.context
        verdict = self.anomaly.assess(context)
        await self._history.append(
            LoginRecord(
                self._ids.new("dlg-"), context.user_id, login.device.id, context.at,
                context.network, context.new_device, context.new_network,
                context.failures_before, context.hour_gap, verdict.score, verdict.unusual,
            )
        )  # fmt: skip
        await self.anomaly.note_login(context.at)
        details = {
            "device": login.device.id, "new_device": login.new, "anomalous": verdict.anomalous,
            "score": verdict.score, "unusual": list(verdict.unusual), "method": verdict.method,
        }  # fmt: skip
        await audit(self._audit, self._clock, context.user_id, "device.login",
                    user_key(context.user_id), "ok", details)  # fmt: skip
        if not login.first and (login.new or verdict.anomalous):
            await self._alert(login, verdict)
        return verdict

    # -- the user's devices ----------------------------------------------------------
    async def list_mine(self, principal: Principal) -> list[Device]:
        return await self._devices.for_user(principal.id)

    async def list_for(self, principal: Principal, user_id: str) -> list[Device]:
        """A user's devices, for an admin (403 for anyone else; 404 for an unknown user)."""
        if principal.role not in _ADMINS:
            raise Forbidden("only an admin can list another user's devices")
        async with self._uow() as uow:
            if await uow.users.get(user_id) is None:
                raise NotFound(f"user {user_id} not found")
        return await self._devices.for_user(user_id)

    async def rename(self, principal: Principal, device_id: str, name: str) -> Device:
        device = (await self.own(principal, device_id)).renamed(name)
        await self._devices.save(device)
        return device

    async def revoke(self, principal: Principal, device_id: str) -> Device:
        """Revoke one's device: it is no longer trusted and its sessions end at once."""
        device = (await self.own(principal, device_id)).revoke(self._clock.now())
        await self._devices.save(device)
        ended = await self._end_sessions(device)
        details = {"device": device.id, "sessions_ended": ended}
        target = user_key(device.user_id)
        await audit(self._audit, self._clock, principal.id, "device.revoke", target, "ok", details)
        return device

    async def own(self, principal: Principal, device_id: str) -> Device:
        """The caller's device; NotFound for an unknown one or another user's."""
        device = await self._devices.get(device_id)
        if device is None or device.user_id != principal.id:
            raise NotFound(f"device {device_id} not found")
        return device

    async def device_of_session(self, family_id: str | None) -> Device | None:
        if family_id is None:
            return None
        found = await self._devices.device_of(family_id)
        return await self._devices.get(found) if found is not None else None

    async def save(self, device: Device) -> None:
        await self._devices.save(device)

    # -- helpers ---------------------------------------------------------------------
    async def _known(self, user_id: str, claimed: str | None, print_: str) -> Device | None:
        if claimed is not None:
            device = await self._devices.get(claimed)
            if device is not None and device.user_id == user_id and not device.revoked:
                return device
        return await self._devices.find(user_id, print_)

    async def _end_sessions(self, device: Device) -> int:
        families = await self._devices.families(device.id)
        if not families:
            return 0
        now = self._clock.now()
        async with self._uow() as uow:
            for family in families:
                await uow.revoked_tokens.add_family(family, now + self._config.access_ttl)
                await revoke_family_refresh_tokens(uow, family, now)
            await uow.commit()
        self._forget_sessions()
        return len(families)

    async def _alert(self, login: DeviceLogin, verdict: Assessment) -> None:
        if self._notifier is None:
            return
        device, context = login.device, login.context
        where = f" from {context.network}" if context.network else ""
        what = "A new device signed in" if login.new else "An unusual sign-in"
        why = f" Unusual: {', '.join(verdict.unusual)}." if verdict.unusual else ""
        body = (
            f"{what} to your Bulwark account: {device.name}{where} at "
            f"{context.at:%Y-%m-%d %H:%M} UTC.{why} If this was not you, revoke the device in "
            "your device list and change your password."
        )
        note = Notification(context.user_id, what, body, Severity.WARNING, NEW_DEVICE_EVENT)
        await self._notifier.notify(note)
