"""The kill switch while the store is unreachable: still halt, still cancel, record later.

An activation normally stores HALTED, reads the scope's accounts and checks the caller's
passcode in the store. When the store cannot be reached (StoreUnavailable), the kill switch
(application/safety/killswitch.py) hands the activation here:

- the caller's passcode is checked against the hash this process last read (the same
  lockout rule, its failures counted in memory); a principal whose passcode it never read
  is refused (503), since nothing can be checked;
- the caller may change the scope if they were allowed before, or own the remembered account;
- the latch already holds the scope in this process; the accounts are cancelled at their
  brokers from memory and confirmed with each broker. The halt is confirmed only when every
  account of the scope is known here and its broker shows nothing open (orders in doubt
  cannot be looked up without the store: an agent's scope cancels nothing and is never
  confirmed);
- the record (`store_unavailable`) and its audit entries wait in memory, and are stored with
  HALTED for the scope once the store answers (application/safety/killswitch_pending.py), by a
  retry loop and before any read of the kill switch's state.

What is remembered (application/safety/killswitch_memory.py) is read from the store at start-up
and every RECALL_EVERY seconds by `recall`, and kept up to date as the kill switch is used.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Awaitable, Callable
from dataclasses import KW_ONLY, dataclass, field

from application.safety.killswitch_cancels import (
    Activation,
    BrokerCancels,
    Target,
    activation_record,
    completion,
)
from application.safety.killswitch_memory import KillSwitchMemory, KnownAccount
from application.safety.killswitch_pending import PendingRecords
from domain.errors import StoreUnavailable
from domain.killswitch.state import Scope, ScopeKind
from domain.killswitch.switch import (
    ActivationLocked,
    KillSwitchEvent,
    WrongPasscode,
)
from domain.principals import Principal
from ports.core.clock import Clock, IdGenerator
from ports.core.events import EventPublisher
from ports.core.metrics import NO_METER, Meter
from ports.core.security import PasswordHasher
from ports.core.unit_of_work import UnitOfWorkFactory

RECALL_EVERY = 5.0  # seconds between reads of the accounts and passcodes into memory

Audit = Callable[[str, str, str, str], Awaitable[None]]  # actor, action, target, outcome


@dataclass(eq=False)
class StoreDownHalt:
    """Checks and carries out an activation from memory while the store is down."""

    uow_factory: UnitOfWorkFactory
    memory: KillSwitchMemory
    pending: PendingRecords
    cancels: BrokerCancels
    publisher: EventPublisher
    hasher: PasswordHasher
    clock: Clock
    ids: IdGenerator
    meter: Meter = NO_METER
    _: KW_ONLY
    max_failures: int = 5
    retry_every: float | None = 2.0
    _retrying: asyncio.Task[None] | None = field(init=False, default=None)
    _recalled_at: float | None = field(init=False, default=None)

    # -- what is remembered ----------------------------------------------------------
    async def recall(self, *, force: bool = False) -> int:
        """Read every account and passcode hash into memory (at most every RECALL_EVERY
        seconds unless forced); the number of accounts known."""
        now = self.clock.monotonic()
        recent = self._recalled_at is not None and now - self._recalled_at < RECALL_EVERY
        if recent and not force:
            return len(self.memory.accounts())
        async with self.uow_factory() as uow:
            accounts = await uow.accounts.list()
            hashes = await uow.passcodes.hashes()
        self.memory.remember_accounts([KnownAccount(a.id, a.broker, a.owner_id) for a in accounts])
        for principal_id, hashed in hashes.items():
            self.memory.remember_passcode(principal_id, hashed)
        self._recalled_at = now
        return len(accounts)

    def allowed(self, principal: Principal, scope: Scope) -> bool:
        """May the principal change the scope, by what this process last read?"""
        if self.memory.allowed(principal.id, scope.key):
            return True
        if scope.kind is not ScopeKind.ACCOUNT:
            return False
        account = self.memory.account(scope.id)
        return account is not None and account.owner_id == principal.id

    async def check_passcode(
        self, principal: Principal, passcode: str, action: str, audit: Audit
    ) -> None:
        """The passcode hash and failures this process read last: the same lockout rule, its
        count kept in memory (an unknown principal cannot be checked: StoreUnavailable)."""
        hashed = self.memory.passcode(principal.id)
        if hashed is None:
            raise StoreUnavailable(
                "the store is unavailable and this process has not read this principal's "
                "passcode since it started: the activation cannot be checked"
            )
        now = self.clock.now()
        before = self.memory.count_failure(principal.id, principal.role, now, self.max_failures)
        if before.is_locked(principal.role, now):
            await audit(principal.id, action, principal.id, "refused: locked out")
            until = before.locked_until(now)
            raise ActivationLocked(
                f"too many wrong passcodes; locked until {until}",
                retry_after=None if until is None else (until - now).total_seconds(),
            )
        if not await asyncio.to_thread(self.hasher.verify, hashed, passcode):
            await audit(
                principal.id, action, principal.id, "refused: wrong passcode (store unavailable)"
            )
            raise WrongPasscode("wrong passcode")
        self.memory.forgive(principal.id)

    # -- the activation --------------------------------------------------------------
    async def engage(self, run: Activation) -> KillSwitchEvent:
        """The latch already holds the scope here: cancel at the brokers of the remembered
        accounts, confirm with them, and keep the record (and HALTED) for the store."""
        halted_at = self.clock.now()
        targets, known = self.targets(run.scope, run.members)
        if run.broadcast:
            with contextlib.suppress(StoreUnavailable):
                await self.publisher.publish([run.halt()])
        broadcast_at = self.clock.now()
        runs = await self.cancels.stop_all(targets, run.flatten, run.deadline)
        record = activation_record(
            self.ids,
            self.clock,
            run,
            runs=runs,
            timeline=run.timeline(halted_at, broadcast_at, self.clock.now()),
            confirmed=known and all(r.confirmed for r in runs),
            store_unavailable=True,
        )
        self.memory.keep_record(record)
        self.meter.kill_switch(record)
        with contextlib.suppress(StoreUnavailable):
            await self.publisher.publish([completion(record)])
        self._retry_pending()
        return record

    def targets(
        self, scope: Scope, members: tuple[str, ...] | None = None
    ) -> tuple[list[Target], bool]:
        """The accounts to cancel from memory, and whether they are surely all of the scope's:
        every remembered account for the global scope, the account itself if remembered, a
        group's members read when it was latched (all of them remembered, or not surely
        all); an agent's orders cannot be told apart without the store (nothing is
        cancelled)."""
        if members:
            known = [self.memory.account(m) for m in members]
            found: list[Target] = [(a.broker, a.account_id, None) for a in known if a is not None]
            return found, len(found) == len(members)
        if scope.kind is ScopeKind.GLOBAL:
            accounts = self.memory.accounts()
            return [(a.broker, a.account_id, None) for a in accounts], bool(accounts)
        if scope.kind is ScopeKind.ACCOUNT:
            account = self.memory.account(scope.id)
            if account is None:
                return [], False
            return [(account.broker, account.account_id, None)], True
        return [], False

    # -- what waits for the store ----------------------------------------------------
    async def store_pending(self) -> int:
        """Store the records kept while the store was down (PendingRecords.store)."""
        return await self.pending.store()

    async def store_pending_quietly(self) -> None:
        """Store what waits before a read or a resume; a failure leaves it waiting (for the
        retry loop) and never fails the caller's own call."""
        if not self.memory.pending():
            return
        with contextlib.suppress(Exception):
            await self.pending.store()

    def _retry_pending(self) -> None:
        """Store the kept records in the background until the store takes them."""
        if self.retry_every is None:
            return
        if self._retrying is None or self._retrying.done():
            self._retrying = asyncio.create_task(self._store_when_back(self.retry_every))

    async def _store_when_back(self, every: float) -> None:
        while self.memory.pending():
            await asyncio.sleep(every)
            await self.store_pending_quietly()  # what failed waits for the next round
