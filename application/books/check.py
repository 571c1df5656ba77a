"""The books' limits on the order path: after an account's own gate approves an order, each
book the account is a member of judges it on the book's aggregate (domain/books/limits.py).

- **Which books.** An index of account -> books, read from the store again when the risk
  rules' revision the batch decides on moved (a book's write changes it, and answers only
  once every instance's next batch reads the new revision: application/books/service.py),
  or a change was made here.
- **The members' figures.** The deciding account's from the view its gate just read; every
  other member's from its risk book held by this instance (application/trading/risk_books.py:
  incremental, checked against the stored account's version, read again when it lags). A
  member that cannot be seen (gone, a held symbol without a mark) fails the book closed.
- **Rates.** A member in another currency is valued at the quote board's mark of
  `<currency>/<book currency>` (or the inverse of `<book currency>/<currency>`); no mark, no
  decision (BOOK_FX_UNKNOWN).
- **One book limit is never used twice.** In this instance one book decides one order at a
  time (`serial`, taken inside the account's own lock, books in id order). Across instances
  every approval advances the fence of the book's day (ports/core/repositories.py:
  FenceRepository) in the deciding unit of work: of two instances that decided on the same
  state, the later commit fails and decides again on fresh reads. The fence's value is also
  the book's count of approved orders that day (ORDERS_PER_DAY).
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Mapping
from contextlib import AbstractAsyncContextManager, AsyncExitStack, asynccontextmanager
from dataclasses import dataclass, field
from decimal import Decimal

from application.books.holdings import Holdings
from application.trading.risk_books import RiskBooks
from application.trading.snapshots import load_risk_view
from domain.books.book import Book
from domain.books.limits import BookOrder, MemberFigures, judge
from domain.killswitch.state import Scope
from domain.risk.flow import OrderFlow
from domain.risk.pricing import unit_price
from domain.risk.reasons import Outcome, ReasonCode
from domain.risk.verdicts import Verdict
from domain.risk.view import AccountRiskView
from domain.trading.accounts import Account, MissingMark
from domain.trading.orders import Order, Origin, OriginKind, Side
from ports.books.store import BookStore
from ports.core.clock import Clock
from ports.core.unit_of_work import UnitOfWork
from ports.market_data.marketdata import MarketDataPort

CONTROL = "BookLimits"
ONE = Decimal(1)
ZERO = Decimal(0)


def _by_id(books: list[Book]) -> tuple[Book, ...]:
    return tuple(sorted(books, key=lambda b: b.id))


def fence_key(book_id: str, day: str) -> str:
    """The fence a book's approvals of one (UTC) day advance."""
    return f"book:{book_id}:{day}"


@dataclass(eq=False)
class BookCheck:
    """Judge orders against the books of their account (see the module docstring)."""

    store: BookStore
    market: MarketDataPort
    clock: Clock
    books: RiskBooks | None = None
    _index: dict[str, tuple[Book, ...]] = field(default_factory=dict, init=False)
    _scopes: dict[str, tuple[str, ...]] = field(default_factory=dict, init=False)
    _revision: int | None = field(default=None, init=False)
    _stale: bool = field(default=True, init=False)
    _locks: dict[str, asyncio.Lock] = field(default_factory=dict, init=False)
    _peaks: dict[str, Decimal] = field(default_factory=dict, init=False)
    _held: dict[tuple[str, str], Holdings] = field(default_factory=dict, init=False)

    # -- the index -------------------------------------------------------------------
    def invalidate(self) -> None:
        """A book changed here: the next order reads the index again."""
        self._stale = True

    async def books_of(self, account_id: str, revision: int | None = None) -> tuple[Book, ...]:
        """The account's books with limits, as of the rules' `revision` (None: as last read)."""
        if self._behind(revision):
            await self._read_index(revision)
        return self._index.get(account_id, ())

    async def scopes(self, account_id: str, revision: int | None = None) -> tuple[str, ...]:
        """The kill switch's scopes of every book the account is a member of (with limits or
        not), as of the rules' `revision`: the gate reads their states with the account's."""
        if self._behind(revision):
            await self._read_index(revision)
        return self._scopes.get(account_id, ())

    def _behind(self, revision: int | None) -> bool:
        """Whether the index must be read again: a book changed here, or the rules' revision
        moved."""
        return self._stale or (revision is not None and revision != self._revision)

    async def _read_index(self, revision: int | None) -> None:
        self._stale = False
        self._revision = revision if revision is not None else self._revision
        index: dict[str, list[Book]] = {}
        every: dict[str, list[Book]] = {}
        for book in await self.store.every():
            for member in book.members:
                every.setdefault(member, []).append(book)
                if book.limits:
                    index.setdefault(member, []).append(book)
        self._index = {a: _by_id(b) for a, b in index.items()}
        self._scopes = {
            a: tuple(Scope.book(b.id).key for b in _by_id(bs)) for a, bs in every.items()
        }
        self._held.clear()

    # -- one decision at a time per book -----------------------------------------------
    def serial(self, account_id: str) -> AbstractAsyncContextManager[None] | None:
        """Held around an account's decisions: its books' locks, in id order; None for an
        account in no book with limits (as the index read last says, when it is current)."""
        if not self._stale and account_id not in self._index:
            return None
        return self._locked(account_id)

    @asynccontextmanager
    async def _locked(self, account_id: str) -> AsyncIterator[None]:
        books = await self.books_of(account_id)
        if not books:
            yield
            return
        async with AsyncExitStack() as stack:
            for book in books:
                lock = self._locks.get(book.id)
                if lock is None:
                    lock = self._locks[book.id] = asyncio.Lock()
                await stack.enter_async_context(lock)
            yield

    # -- the judgment ----------------------------------------------------------------------
    async def check(
        self,
        uow: UnitOfWork,
        account: Account,
        order: Order,
        view: AccountRiskView,
        quantity: Decimal,
        *,
        count: bool = True,
        revision: int | None = None,
    ) -> tuple[Verdict, ...]:
        """The denials of `order` for `quantity` (the account gate's, perhaps reduced) by its
        account's books as of the rules' `revision`. Empty: every book passes it, and with
        `count` (it is to be sent, not held for a person) its approval advances each book's
        fence."""
        books = await self.books_of(account.id, revision)
        if not books:
            return ()
        now = self.clock.now()
        day = now.date().isoformat()
        denials: list[Verdict] = []
        fences: list[str] = []
        for book in books:
            key = fence_key(book.id, day)
            orders_today = await uow.fences.read(key)
            found = await self._judge(uow, book, account, order, view, quantity, orders_today)
            if found:
                denials.extend(found)
            else:
                fences.append(key)
        if count and not denials:
            for key in fences:
                uow.fences.advance(key)
        return tuple(denials)

    async def _judge(
        self,
        uow: UnitOfWork,
        book: Book,
        account: Account,
        order: Order,
        view: AccountRiskView,
        quantity: Decimal,
        orders_today: int,
    ) -> list[Verdict]:
        instrument = book.instruments.canonical(order.symbol)
        members: dict[str, MemberFigures | None] = {}
        for member in book.members:
            if member == account.id:
                held = self._holdings(book, account)
                members[member] = figures(view, account.currency, book, instrument, holdings=held)
            else:
                members[member] = await self._member(uow, member, book, instrument, order)
        rates = await self.rates(book, {f.currency for f in members.values() if f is not None})
        mark = view.marks.get(order.symbol)
        if mark is None:  # the account's gate priced it: never absent on an approval
            return [_verdict(book, ReasonCode.BOOK_STATE_UNKNOWN, f"no mark for {order.symbol}")]
        multiplier = _multiplier(view, order.symbol)
        value = quantity * unit_price(order, mark) * multiplier
        peak = self._peaks.get(book.id, book.peak_equity)
        breaches = judge(
            book.limits,
            members,
            rates,
            BookOrder(account.id, instrument, order.side is Side.BUY, quantity, value),
            peak,
            orders_today,
        )
        if not breaches:
            await self._follow_peak(book, members, rates, peak)
        return [_verdict(book, ReasonCode(b.reason.value), b.message) for b in breaches]

    async def _member(
        self, uow: UnitOfWork, account_id: str, book: Book, instrument: str, order: Order
    ) -> MemberFigures | None:
        books = self.books
        try:
            if books is not None:
                member = await books.member_view(uow, account_id, self.clock.now(), order.symbol)
            else:
                member = await _read_view(uow, self.market, self.clock, account_id)
        except MissingMark:
            return None
        if member is None:
            return None
        seen, owner = member
        return figures(seen, owner.currency, book, instrument, holdings=self._holdings(book, owner))

    def _holdings(self, book: Book, account: Account) -> Holdings:
        """The member's holdings under the book's names, kept between orders (a new copy of
        the account, or new names, start afresh)."""
        key = (book.id, account.id)
        held = self._held.get(key)
        if held is None or held.account is not account or held.names is not book.instruments:
            held = self._held[key] = Holdings(account, book.instruments)
        return held

    async def member_figures(
        self, uow: UnitOfWork, account_id: str, book: Book, *instruments: str
    ) -> MemberFigures | None:
        """A member's figures read whole from the store (what a person looks at; the order
        path reads the risk books instead). None when it cannot be read or priced."""
        try:
            found = await _read_view(uow, self.market, self.clock, account_id)
        except MissingMark:
            return None
        return None if found is None else figures(found[0], found[1].currency, book, *instruments)

    async def orders_today(self, uow: UnitOfWork, book: Book) -> int:
        """The book's approved orders today (its day's fence)."""
        return await uow.fences.read(fence_key(book.id, self.clock.now().date().isoformat()))

    async def rates(self, book: Book, currencies: set[str]) -> dict[str, Decimal]:
        """Each currency's value in the book's, where the quote board has it."""
        rates = {book.currency: ONE}
        others = sorted(currencies - {book.currency})
        if not others:
            return rates
        pairs = [f"{c}/{book.currency}" for c in others] + [f"{book.currency}/{c}" for c in others]
        try:
            marks = await self.market.reference_prices(pairs)
        except Exception:
            return rates  # no rate: those members' currencies fail the book closed
        for currency in others:
            direct = marks.get(f"{currency}/{book.currency}")
            inverse = marks.get(f"{book.currency}/{currency}")
            if direct is not None and direct > 0:
                rates[currency] = direct
            elif inverse is not None and inverse > 0:
                rates[currency] = ONE / inverse
        return rates

    async def _follow_peak(
        self,
        book: Book,
        members: Mapping[str, MemberFigures | None],
        rates: Mapping[str, Decimal],
        peak: Decimal,
    ) -> None:
        """The book's trailing peak raised to its equity now, when above (kept here, and in
        the store once it rises by a basis point or more: no write on every order)."""
        equity = sum(
            (f.equity * rates[f.currency] for f in members.values() if f is not None), ZERO
        )
        if equity <= peak:
            return
        self._peaks[book.id] = equity
        if equity >= book.peak_equity * Decimal("1.0001"):
            await self.store.raise_peak(book.id, equity)
            self.invalidate()


def figures(
    view: AccountRiskView,
    currency: str,
    book: Book,
    *instruments: str,
    holdings: Holdings | None = None,
) -> MemberFigures:
    """A member's figures from its risk view: exposures with its open orders, and its signed
    quantity in each of `instruments` (positions plus open buys less open sells, under any
    name the book maps to it): from `holdings`, kept incrementally, when given, else counted
    over the view's symbols."""
    if holdings is not None:
        held = {instrument: holdings.of(view, instrument) for instrument in instruments}
    else:
        canonical = book.instruments.canonical
        held = dict.fromkeys(instruments, ZERO)
        for sign, quantities in ((ONE, view.positions), (ONE, view.open_buy_qty),
                                 (-ONE, view.open_sell_qty)):  # fmt: skip
            for symbol, quantity in quantities.items():
                instrument = canonical(symbol)
                if instrument in held:
                    held[instrument] += sign * quantity
    return MemberFigures(
        view.account_id,
        currency,
        view.total_gross,
        view.total_net,
        view.equity,
        view.start_of_day_equity,
        held,
    )


def _multiplier(view: AccountRiskView, symbol: str) -> Decimal:
    instrument = view.instruments.get(symbol)
    return instrument.multiplier if instrument is not None else ONE


def _verdict(book: Book, code: ReasonCode, message: str) -> Verdict:
    return Verdict(code, Outcome.DENY, CONTROL, book.id, f"book {book.name!r}: {message}")


async def _read_view(
    uow: UnitOfWork, market: MarketDataPort, clock: Clock, account_id: str
) -> tuple[AccountRiskView, Account] | None:
    """A member's view read whole, as the gate reads one without risk books (tests, the
    embedded service, a book's page). MissingMark for any held or ordered symbol unpriced."""
    account = await uow.accounts.get(account_id)
    if account is None:
        return None
    try:
        view = await load_risk_view(
            uow, market, clock, account, Origin(OriginKind.USER, account.owner_id), OrderFlow()
        )
    except KeyError as exc:  # an open order's symbol without a mark
        raise MissingMark(str(exc)) from None
    return view, account
