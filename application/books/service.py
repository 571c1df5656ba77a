"""An owner's books: create, list, show with the aggregate now, revise, delete.

A book's members are the owner's own accounts (another's, or an unknown id, answers
NotFound alike); only the owner sees or changes a book (another's id answers NotFound); an
agent may read the books of its owner's accounts it trades on no more than it may read
the rules: never (Forbidden), as with venue connections. Each change is audited and takes
effect on the next order, on every instance: a write changes the risk rules' revision (the
gate reads its books again when it moves) and answers once the bound every instance keeps a
revision for has passed, as a rule write does (application/trading/risk.py).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from application.books.check import BookCheck, figures
from application.core.access import ensure_may_change, owned_account, owned_by
from domain.books.book import ID_PREFIX, Book
from domain.books.limits import BookLimit, BookLimitKind, MemberFigures, aggregate
from domain.errors import Forbidden, NotFound
from domain.principals import Principal, Role
from ports.books.store import BookStore
from ports.core.clock import Clock, IdGenerator
from ports.core.events import AuditEntry, AuditLog
from ports.core.unit_of_work import UnitOfWorkFactory

ZERO = Decimal(0)


@dataclass(frozen=True, slots=True)
class BookSpec:
    """What an owner gives for a book (all of it on create; what is not None on revise)."""

    name: str | None = None
    currency: str | None = None
    members: tuple[str, ...] | None = None
    limits: tuple[BookLimit, ...] | None = None
    aliases: Mapping[str, str] | None = None


@dataclass(frozen=True, slots=True)
class LimitUse:
    """One limit against the book now: what it measures (None where it needs an order: a
    position limit of no instrument), and the limit."""

    limit: BookLimit
    used: Decimal | None


@dataclass(frozen=True, slots=True)
class BookStanding:
    """A book with its aggregate now, in its currency; `unknown` names the members whose
    state could not be read or priced (every order of the book is then denied)."""

    book: Book
    gross: Decimal | None = None
    net: Decimal | None = None
    equity: Decimal | None = None
    day_pnl: Decimal | None = None
    drawdown: Decimal | None = None
    orders_today: int = 0
    members: Mapping[str, MemberFigures | None] = field(default_factory=dict)
    unknown: tuple[str, ...] = ()
    limits: tuple[LimitUse, ...] = ()


class BookService:
    """Books of their owners (see the module docstring)."""

    def __init__(
        self,
        store: BookStore,
        uow_factory: UnitOfWorkFactory,
        check: BookCheck,
        clock: Clock,
        ids: IdGenerator,
        audit: AuditLog,
        bound_seconds: Callable[[], float] = lambda: 0.0,
    ) -> None:
        self._store = store
        self._uow = uow_factory
        self._check = check
        self._clock = clock
        self._ids = ids
        self._audit = audit
        self._bound = bound_seconds

    async def create(self, principal: Principal, spec: BookSpec) -> Book:
        _may_manage(principal)
        book = Book.of(
            id=self._ids.new(ID_PREFIX),
            owner_id=principal.id,
            name=spec.name or "",
            currency=spec.currency or "USD",
            members=spec.members or (),
            limits=spec.limits or (),
            created_at=self._clock.now(),
            aliases=spec.aliases,
        )
        await self._own_accounts(principal, book.members)
        await self._store.add(book)
        await self._changed(principal, "book.create", book)
        return book

    async def list(self, principal: Principal) -> Sequence[Book]:
        _may_manage(principal, reading=True)
        return await self._store.owned_by(principal.id)

    async def show(self, principal: Principal, book_id: str) -> BookStanding:
        book = await self._owned(principal, book_id, reading=True)
        return await self.standing(book)

    async def revise(self, principal: Principal, book_id: str, spec: BookSpec) -> Book:
        book = await self._owned(principal, book_id)
        revised = book.revised(
            name=spec.name, members=spec.members, limits=spec.limits, aliases=spec.aliases
        )
        await self._own_accounts(principal, [m for m in revised.members if m not in book.members])
        await self._store.save(revised)
        await self._changed(principal, "book.revise", revised)
        return revised

    async def delete(self, principal: Principal, book_id: str) -> None:
        book = await self._owned(principal, book_id)
        await self._store.delete(book.id)
        await self._changed(principal, "book.delete", book)

    async def erase_owner(self, actor: str, owner_id: str) -> int:
        """Delete every book of a person being erased; how many."""
        erased = 0
        for book in await self._store.owned_by(owner_id):
            await self._store.delete(book.id)
            await self._record(actor, "book.delete", book, "erased")
            erased += 1
        if erased:
            await self._in_force()
        return erased

    async def standing(self, book: Book) -> BookStanding:
        """The book's aggregate now, each member read whole (not the order path's copies)."""
        positions = sorted({x.instrument for x in book.limits if x.instrument is not None})
        async with self._uow() as uow:
            members: dict[str, MemberFigures | None] = {}
            for member in book.members:
                members[member] = await self._check.member_figures(uow, member, book, *positions)
            orders_today = await self._check.orders_today(uow, book)
        known = [f for f in members.values() if f is not None]
        rates = await self._check.rates(book, {f.currency for f in known})
        unknown = tuple(
            sorted(a for a, f in members.items() if f is None or f.currency not in rates)
        )
        if unknown or not known:
            return BookStanding(book, orders_today=orders_today, members=members, unknown=unknown)
        total = aggregate(known, rates, "")
        peak = max(book.peak_equity, total.equity)
        drawdown = (peak - total.equity) / peak if peak > 0 else Decimal(0)
        day_pnl = total.equity - total.start_of_day_equity
        measured = {
            BookLimitKind.GROSS_EXPOSURE: total.gross,
            BookLimitKind.NET_EXPOSURE: abs(total.net),
            BookLimitKind.DAILY_LOSS: max(Decimal(0), -day_pnl),
            BookLimitKind.DRAWDOWN: drawdown,
            BookLimitKind.LEVERAGE: total.gross / total.equity if total.equity > 0 else None,
            BookLimitKind.ORDERS_PER_DAY: Decimal(orders_today),
        }
        uses = []
        for limit in book.limits:
            if limit.kind is BookLimitKind.POSITION:
                instrument = limit.instrument  # a quantity: no rate applies
                used = None
                if instrument is not None:
                    used = abs(sum((f.holdings.get(instrument, ZERO) for f in known), ZERO))
                uses.append(LimitUse(limit, used))
            else:
                uses.append(LimitUse(limit, measured[limit.kind]))
        return BookStanding(
            book,
            gross=total.gross,
            net=total.net,
            equity=total.equity,
            day_pnl=day_pnl,
            drawdown=drawdown,
            orders_today=orders_today,
            members=members,
            limits=tuple(uses),
        )

    # -- internals ---------------------------------------------------------------
    async def _own_accounts(self, principal: Principal, account_ids: Sequence[str]) -> None:
        async with self._uow() as uow:
            for account_id in account_ids:
                await owned_account(uow, principal, account_id)

    async def _owned(self, principal: Principal, book_id: str, *, reading: bool = False) -> Book:
        _may_manage(principal, reading=reading)
        found = await self._store.get(book_id)
        return owned_by(principal, found, NotFound(f"book {book_id} not found"))

    async def _changed(self, principal: Principal, action: str, book: Book) -> None:
        await self._in_force()
        await self._record(principal.id, action, book, "ok")

    async def _in_force(self) -> None:
        """After a book write: the rules' revision moved (every instance's gate reads its
        books again), this instance's index dropped at once; the answer waits until any
        revision read before the write is past the bound every instance keeps it for."""
        async with self._uow() as uow:
            uow.risk_rules.touch()
            await uow.commit()
        self._check.invalidate()
        bound = self._bound()
        if bound > 0:
            await self._clock.sleep(bound)

    async def _record(self, actor: str, action: str, book: Book, outcome: str) -> None:
        facts: dict[str, object] = {
            "name": book.name,
            "members": list(book.members),
            "limits": [f"{x.kind.value}:{x.limit}" for x in book.limits],
        }
        await self._audit.record(
            AuditEntry(actor, action, f"book:{book.id}", outcome, self._clock.now(), facts)
        )


def _may_manage(principal: Principal, *, reading: bool = False) -> None:
    if principal.role is Role.AGENT:
        raise Forbidden("agents may not manage books")
    if not reading:
        ensure_may_change(principal)


__all__ = ["BookService", "BookSpec", "BookStanding", "LimitUse", "figures"]
