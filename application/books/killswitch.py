"""The kill switch over a book: every member account halted and cancelled at once, each at
its own venue, and one verdict that names each venue and what it confirmed.

The owner pulls it with their passcode (checked once, with the kill switch's lockout and
audit). Each member account then goes through the kill switch's own sequence
(application/safety/killswitch.py: latch, HALTED stored, cancels at the account's broker
confirmed by its open-order list, with `flatten` the positions closed and the venue asked
again until flat), all members at the same time, so the book is halted within the kill
switch's deadline however many venues it spans. Each member's activation is its own record
on the kill switch's timeline, resumed as any halt is. The book's verdict is confirmed only
when every member's is; a member whose activation failed is named with why.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from application.core.access import owned_by
from application.safety.killswitch import KillSwitchService
from application.safety.killswitch_passcodes import ACTIVATE
from domain.books.book import Book
from domain.errors import DomainError, NotFound
from domain.killswitch.state import Scope
from domain.killswitch.switch import KillSwitchEvent, TriggerType
from domain.principals import Principal
from ports.books.store import BookStore
from ports.core.clock import Clock
from ports.core.events import AuditEntry, AuditLog


@dataclass(frozen=True, slots=True)
class MemberHalt:
    """One member account's activation, or why it failed (`error`: a code and a message)."""

    account_id: str
    event: KillSwitchEvent | None
    error: str = ""

    @property
    def confirmed(self) -> bool:
        return self.event is not None and self.event.broker_confirmed

    @property
    def flat(self) -> bool | None:
        """With flatten: every venue of the member confirmed flat (None: not flattened)."""
        if self.event is None or not self.event.flatten:
            return None
        return all(b.flat is True for b in self.event.brokers)


@dataclass(frozen=True, slots=True)
class BookHalt:
    book: Book
    members: tuple[MemberHalt, ...]
    elapsed_ms: float

    @property
    def confirmed(self) -> bool:
        return all(m.confirmed for m in self.members)

    @property
    def unconfirmed(self) -> tuple[str, ...]:
        """The venues (brokers) that did not confirm, and the members that failed."""
        names: list[str] = []
        for member in self.members:
            if member.event is None:
                names.append(member.account_id)
            else:
                names += member.event.unconfirmed_brokers
        return tuple(dict.fromkeys(names))


@dataclass(eq=False)
class BookKillSwitch:
    """Halts a book's members (see the module docstring)."""

    store: BookStore
    killswitch: Callable[[], KillSwitchService]
    audit: AuditLog
    clock: Clock

    async def activate(
        self,
        principal: Principal,
        book_id: str,
        passcode: str,
        reason: str,
        *,
        flatten: bool = False,
    ) -> BookHalt:
        found = await self.store.get(book_id)
        book = owned_by(principal, found, NotFound(f"book {book_id} not found"))
        switch = self.killswitch()
        for member in book.members:  # every member the principal's, before anything acts
            await switch.access.authorize(principal, Scope.account(member))
        await switch.check_passcode(principal, passcode, ACTIVATE)
        started = self.clock.monotonic()
        why = reason or f"book {book.name}"
        outcomes = await asyncio.gather(
            *(
                switch.engage(
                    Scope.account(member), TriggerType.MANUAL, principal.id, why,
                    flatten=flatten,
                )
                for member in book.members
            ),
            return_exceptions=True,
        )  # fmt: skip
        halt = BookHalt(
            book,
            tuple(_member(m, o) for m, o in zip(book.members, outcomes, strict=True)),
            (self.clock.monotonic() - started) * 1000,
        )
        await self._record(principal, halt, flatten)
        return halt

    async def _record(self, principal: Principal, halt: BookHalt, flatten: bool) -> None:
        facts: dict[str, object] = {
            "members": [m.account_id for m in halt.members],
            "flatten": flatten,
            "unconfirmed": list(halt.unconfirmed),
            "kill_switch_events": [m.event.id for m in halt.members if m.event is not None],
        }
        outcome = "confirmed" if halt.confirmed else "unconfirmed"
        await self.audit.record(
            AuditEntry(
                principal.id, "book.kill_switch", f"book:{halt.book.id}", outcome,
                self.clock.now(), facts,
            )
        )  # fmt: skip


def _member(account_id: str, outcome: KillSwitchEvent | BaseException) -> MemberHalt:
    if isinstance(outcome, KillSwitchEvent):
        return MemberHalt(account_id, outcome)
    if isinstance(outcome, DomainError):
        return MemberHalt(account_id, None, f"{outcome.code}: {outcome}")
    if isinstance(outcome, Exception):
        return MemberHalt(account_id, None, f"{type(outcome).__name__}: {outcome}")
    raise outcome  # a cancellation or an exit: not the member's verdict


__all__: Sequence[str] = ["BookHalt", "BookKillSwitch", "MemberHalt"]
