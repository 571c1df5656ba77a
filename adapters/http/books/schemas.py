"""Book DTOs: limits come in as decimal strings, figures go out in the book's currency."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Annotated

import msgspec

from adapters.http.safety.killswitch_schemas import KillSwitchEventOut
from adapters.http.schemas.common import Input, Output
from adapters.http.wire_format import AnalyticOut, MoneyOut, RateOut
from adapters.wire.numbers import SignedMoney
from application.books.killswitch import BookHalt
from application.books.service import BookSpec, BookStanding
from domain.books.book import MAX_LIMITS, MAX_MEMBERS, Book
from domain.books.limits import BookLimit, BookLimitKind, MemberFigures

_PLACES = Decimal("1e-10")
_NAME = Annotated[str, msgspec.Meta(min_length=1, max_length=120)]
_CURRENCY = Annotated[str, msgspec.Meta(pattern=r"^[A-Z][A-Z0-9]{2,9}$")]
_ACCOUNT = Annotated[str, msgspec.Meta(min_length=1, max_length=128)]
_SYMBOL = Annotated[str, msgspec.Meta(min_length=1, max_length=40, pattern=r"^[A-Za-z0-9./:_-]+$")]


class LimitIn(Input):
    """One limit: `kind` GROSS_EXPOSURE, NET_EXPOSURE, DAILY_LOSS (money in the book's
    currency), DRAWDOWN (a fraction of the peak, 0 to 1), LEVERAGE (a multiple of equity),
    POSITION (a quantity of `instrument`, or of each instrument when left out), or
    ORDERS_PER_DAY (a count)."""

    kind: BookLimitKind
    limit: SignedMoney
    instrument: _SYMBOL | None = None

    def to_domain(self) -> BookLimit:
        return BookLimit(self.kind, self.limit, self.instrument)


class BookIn(Input):
    """A new book: its accounts (your own, on any connections), its currency (USD unless
    given) and its limits; `aliases` names one instrument across venues where no rule can
    tell (`{"BRK/B": "BRK.B"}`)."""

    name: _NAME
    members: Annotated[list[_ACCOUNT], msgspec.Meta(max_length=MAX_MEMBERS)]
    limits: Annotated[list[LimitIn], msgspec.Meta(max_length=MAX_LIMITS)] = msgspec.field(
        default_factory=list
    )
    currency: _CURRENCY = "USD"
    aliases: dict[_SYMBOL, _SYMBOL] = msgspec.field(default_factory=dict)

    def to_spec(self) -> BookSpec:
        return BookSpec(
            name=self.name,
            currency=self.currency,
            members=tuple(self.members),
            limits=tuple(x.to_domain() for x in self.limits),
            aliases=dict(self.aliases),
        )


class BookPatch(Input):
    """What changes: any of the name, the members, the limits (all of them, replaced) and the
    instrument names; the currency never changes."""

    name: _NAME | None = None
    members: Annotated[list[_ACCOUNT], msgspec.Meta(max_length=MAX_MEMBERS)] | None = None
    limits: Annotated[list[LimitIn], msgspec.Meta(max_length=MAX_LIMITS)] | None = None
    aliases: dict[_SYMBOL, _SYMBOL] | None = None

    def to_spec(self) -> BookSpec:
        return BookSpec(
            name=self.name,
            members=None if self.members is None else tuple(self.members),
            limits=None if self.limits is None else tuple(x.to_domain() for x in self.limits),
            aliases=None if self.aliases is None else dict(self.aliases),
        )


class LimitOut(Output):
    """A limit, and (on a book's page) what it measures now: `used`, in the limit's unit."""

    kind: str
    limit: str
    instrument: str | None
    used: str | None = None


class BookOut(Output):
    id: str
    name: str
    currency: str
    members: list[str]
    limits: list[LimitOut]
    aliases: dict[str, str]
    peak_equity: MoneyOut
    created_at: datetime

    @classmethod
    def from_domain(cls, book: Book) -> BookOut:
        return cls(
            id=book.id,
            name=book.name,
            currency=book.currency,
            members=list(book.members),
            limits=[_limit(x) for x in book.limits],
            aliases=dict(book.instruments.explicit),
            peak_equity=book.peak_equity,
            created_at=book.created_at,
        )


class BooksOut(Output):
    books: list[BookOut]


class MemberOut(Output):
    """One member in its own currency; `known` false when its state could not be read or
    priced (the book then denies every order)."""

    account_id: str
    known: bool
    currency: str | None = None
    gross: MoneyOut | None = None
    net: MoneyOut | None = None
    equity: MoneyOut | None = None
    start_of_day_equity: MoneyOut | None = None

    @classmethod
    def of(cls, account_id: str, figures: MemberFigures | None) -> MemberOut:
        if figures is None:
            return cls(account_id=account_id, known=False)
        return cls(
            account_id=account_id,
            known=True,
            currency=figures.currency,
            gross=figures.gross,
            net=figures.net,
            equity=figures.equity,
            start_of_day_equity=figures.start_of_day_equity,
        )


class StandingOut(Output):
    """A book with its aggregate now in its currency (null while a member is unknown):
    exposures with open orders counted, equity, today's P&L, the drawdown from its peak
    (a fraction), the orders approved today, and each limit's use."""

    book: BookOut
    gross: MoneyOut | None
    net: MoneyOut | None
    equity: MoneyOut | None
    day_pnl: MoneyOut | None
    drawdown: RateOut | None
    orders_today: int
    unknown: list[str]
    members: list[MemberOut]
    limits: list[LimitOut]

    @classmethod
    def from_domain(cls, standing: BookStanding) -> StandingOut:
        book = BookOut.from_domain(standing.book)
        return cls(
            book=book,
            gross=standing.gross,
            net=standing.net,
            equity=standing.equity,
            day_pnl=standing.day_pnl,
            drawdown=standing.drawdown,
            orders_today=standing.orders_today,
            unknown=list(standing.unknown),
            members=[MemberOut.of(a, f) for a, f in standing.members.items()],
            limits=[_limit(u.limit, u.used) for u in standing.limits]
            if standing.limits
            else book.limits,
        )


def _limit(limit: BookLimit, used: Decimal | None = None) -> LimitOut:
    return LimitOut(
        kind=limit.kind.value,
        limit=_plain(limit.limit),
        instrument=limit.instrument,
        used=None if used is None else _plain(used),
    )


def _plain(value: Decimal) -> str:
    """A measure as a plain decimal string, at most 10 places (a fraction's, a multiple's)."""
    text = f"{value.quantize(_PLACES):f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


class BookHaltIn(Input):
    """Pull the kill switch over the book: your passcode, and whether to close positions."""

    passcode: Annotated[str, msgspec.Meta(min_length=1, max_length=256)]
    flatten: bool = False
    reason: Annotated[str, msgspec.Meta(min_length=1, max_length=500)] | None = None


class MemberHaltOut(Output):
    """One member account: the venues it was cancelled at, whether every one confirmed (and
    nothing of it is left in doubt), and with flatten whether every one showed it flat."""

    account_id: str
    confirmed: bool
    flat: bool | None
    venues: list[str]


class BookHaltOut(Output):
    """The book halted: one kill switch record on the scope `book:<id>` (`event`, each venue
    in its `brokers`); `confirmed` only when every venue confirmed; `unconfirmed` names the
    venues (and members no venue answered for) that did not; with flatten, `flat` only when
    every venue, asked again, showed no working order and no position."""

    book_id: str
    confirmed: bool
    flat: bool | None
    unconfirmed: list[str]
    elapsed_ms: AnalyticOut
    members: list[MemberHaltOut]
    event: KillSwitchEventOut

    @classmethod
    def from_domain(cls, halt: BookHalt) -> BookHaltOut:
        return cls(
            book_id=halt.book.id,
            confirmed=halt.confirmed,
            flat=halt.flat,
            unconfirmed=list(halt.unconfirmed),
            elapsed_ms=halt.elapsed_ms,
            members=[
                MemberHaltOut(
                    account_id=m.account_id,
                    confirmed=m.confirmed,
                    flat=m.flat,
                    venues=[v.broker for v in m.venues],
                )
                for m in halt.members
            ],
            event=KillSwitchEventOut.from_domain(halt.event),
        )
