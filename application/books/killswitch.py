"""The kill switch over a book: the book's scope pulled once, every member account halted and
cancelled at its own venue at the same time, and one verdict that names each venue and what
it confirmed.

The owner pulls it with their passcode (checked once, with the kill switch's lockout and
audit). The kill switch's sequence (application/safety/killswitch.py) runs on the book's
scope: HALTED stored for `book:<id>`, the members read (application/books/scope_group.py)
and latched, each member's orders cancelled at its broker concurrently and confirmed by the
venue's open-order list, with `flatten` the positions closed and the venue asked again until
flat. It is one record on the kill switch's timeline, resumed as any halt; while it holds, the
gate denies every member's orders, and an account that joins the book later falls in it too.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from application.core.access import owned_by
from application.safety.killswitch import KillSwitchService
from application.safety.killswitch_commands import ActivateKillSwitch
from domain.books.book import Book
from domain.errors import NotFound
from domain.killswitch.state import Scope
from domain.killswitch.switch import BrokerOutcome, KillSwitchEvent, UnconfirmedOrder
from domain.principals import Principal
from ports.books.store import BookStore
from ports.core.clock import Clock
from ports.core.events import AuditEntry, AuditLog


@dataclass(frozen=True, slots=True)
class MemberHalt:
    """One member account: the venues (brokers) it was cancelled at and what each confirmed."""

    account_id: str
    venues: tuple[BrokerOutcome, ...]
    in_doubt: tuple[UnconfirmedOrder, ...] = ()

    @property
    def confirmed(self) -> bool:
        return bool(self.venues) and all(v.confirmed for v in self.venues) and not self.in_doubt

    @property
    def flat(self) -> bool | None:
        """With flatten: every venue of the member confirmed, no working order and no
        position shown (None: not flattened)."""
        flats = [v.flat for v in self.venues]
        if not flats or all(f is None for f in flats):
            return None
        return self.confirmed and all(f is True for f in flats)


@dataclass(frozen=True, slots=True)
class BookHalt:
    """The book's activation: its record (the scope `book:<id>`) and each member's part."""

    book: Book
    event: KillSwitchEvent

    @property
    def members(self) -> tuple[MemberHalt, ...]:
        accounts = self.event.brokers
        doubts = self.event.unconfirmed_orders
        return tuple(
            MemberHalt(
                member,
                tuple(v for v in accounts if member in v.accounts),
                tuple(o for o in doubts if o.account_id == member),
            )
            for member in self.book.members
        )

    @property
    def confirmed(self) -> bool:
        return self.event.broker_confirmed

    @property
    def flat(self) -> bool | None:
        """With flatten: every venue confirmed (no working order left) and shown flat."""
        if not self.event.flatten:
            return None
        return self.confirmed and all(b.flat is True for b in self.event.brokers)

    @property
    def elapsed_ms(self) -> float:
        return self.event.elapsed_ms

    @property
    def unconfirmed(self) -> tuple[str, ...]:
        """The venues (brokers) that did not confirm, and the members no venue answered for."""
        names = list(self.event.unconfirmed_brokers)
        names += [m.account_id for m in self.members if not m.venues]
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
        event = await self.killswitch().activate(
            ActivateKillSwitch(
                principal, passcode, Scope.book(book.id), flatten=flatten,
                reason=reason or f"book {book.name}", received_at=self.clock.monotonic(),
            )
        )  # fmt: skip
        halt = BookHalt(book, event)
        await self._record(principal, halt, flatten)
        return halt

    async def _record(self, principal: Principal, halt: BookHalt, flatten: bool) -> None:
        facts: dict[str, object] = {
            "members": [m.account_id for m in halt.members],
            "flatten": flatten,
            "unconfirmed": list(halt.unconfirmed),
            "kill_switch_event": halt.event.id,
        }
        outcome = "confirmed" if halt.confirmed else "unconfirmed"
        await self.audit.record(
            AuditEntry(
                principal.id, "book.kill_switch", f"book:{halt.book.id}", outcome,
                self.clock.now(), facts,
            )
        )  # fmt: skip


__all__: Sequence[str] = ["BookHalt", "BookKillSwitch", "MemberHalt"]
