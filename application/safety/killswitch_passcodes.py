"""The kill switch's passcodes: setting one, and checking it under the activation lockout."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass

from application.safety.killswitch_audit import KillSwitchAudit
from application.safety.killswitch_commands import KillSwitchConfig
from application.safety.killswitch_memory import KillSwitchMemory
from application.safety.killswitch_store_down import StoreDownHalt
from domain.errors import StoreUnavailable
from domain.killswitch.switch import ActivationLocked, ActivationLockout, WrongPasscode
from domain.principals import Principal
from ports.core.clock import Clock
from ports.core.security import PasswordHasher
from ports.core.unit_of_work import UnitOfWorkFactory

ACTIVATE = "kill_switch.activate"


@dataclass(eq=False)
class KillSwitchPasscodes:
    """Sets and checks passcodes; wrong ones count towards a lockout, every attempt audited."""

    uow_factory: UnitOfWorkFactory
    hasher: PasswordHasher
    clock: Clock
    memory: KillSwitchMemory
    audit: KillSwitchAudit
    store_down: StoreDownHalt
    config: KillSwitchConfig

    async def set(self, principal: Principal, passcode: str) -> None:
        if len(passcode) < 6:
            raise WrongPasscode("a passcode needs at least 6 characters")
        hashed = await asyncio.to_thread(self.hasher.hash, passcode)
        async with self.uow_factory() as uow:
            await uow.passcodes.set(principal.id, hashed)
            await uow.commit()
        self.memory.remember_passcode(principal.id, hashed)
        await self.audit.record(principal.id, "kill_switch.passcode_set", principal.id, "ok")

    async def change(self, principal: Principal, current: str | None, passcode: str) -> None:
        """Set one's passcode; replacing one needs the current one (same lockout and audit)."""
        async with self.uow_factory() as uow:
            existing = await uow.passcodes.get(principal.id)
        if existing is not None:
            if not current:
                raise WrongPasscode("the current passcode is required to change it")
            await self.check(principal, current, "kill_switch.passcode_change")
        await self.set(principal, passcode)

    async def check(self, principal: Principal, passcode: str, action: str) -> None:
        """The stored check; for an activation while the store is down, the remembered one."""
        try:
            await self._check_stored(principal, passcode, action)
        except StoreUnavailable:
            if action != ACTIVATE:
                raise
            await self.store_down.check_passcode(principal, passcode, action, self.audit.record)

    async def _check_stored(self, principal: Principal, passcode: str, action: str) -> None:
        """Argon2 runs in a worker thread and outside any transaction (it takes ~100 ms).

        The attempt is counted as a failure before the hash is checked and forgiven after a
        match, so concurrent guesses cannot all slip in under the limit while one is checked.
        """
        now = self.clock.now()
        async with self.uow_factory() as uow:
            lockout = await uow.lockouts.get(principal.id)
            if lockout is None:
                lockout = ActivationLockout(principal.id, max_failures=self.config.max_failures)
                await uow.lockouts.add(lockout)
            if lockout.is_locked(principal.role, now):
                await uow.commit()
                await self.audit.record(principal.id, action, principal.id, "refused: locked out")
                until = lockout.locked_until(now)
                raise ActivationLocked(
                    f"too many wrong passcodes; locked until {until}",
                    retry_after=None if until is None else (until - now).total_seconds(),
                )
            lockout.record_failure(now)
            hashed = await uow.passcodes.get(principal.id)
            await uow.commit()
        self.memory.remember_failures(principal.id, lockout.failures)
        self.memory.remember_passcode(principal.id, hashed)
        matched = hashed is not None and await asyncio.to_thread(
            self.hasher.verify, hashed, passcode
        )
        if not matched:
            await self.audit.record(principal.id, action, principal.id, "refused: wrong passcode")
            raise WrongPasscode("wrong passcode")
        async with self.uow_factory() as uow:
            lockout = await uow.lockouts.get(principal.id)
            if lockout is not None:
                lockout.reset()  # a loaded aggregate's change is saved at commit
                await uow.commit()
        self.memory.forgive(principal.id)
