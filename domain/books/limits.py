"""A book's limits, judged on the aggregate of its member accounts.

A book is a named group of one owner's accounts, on any connections. Its limits hold over
the sum of the members, counting their open and pending orders, in the book's currency:

- GROSS_EXPOSURE: the sum of every member's gross exposure (positions + open orders), plus
  this order unless it reduces its own account's position;
- NET_EXPOSURE: |the signed sum|, this order included; an order that brings it closer to zero
  always passes;
- POSITION: |the net quantity of one instrument across the members| (AAPL at two brokers, BTC
  at two exchanges under one canonical name); a limit without an instrument holds for each;
- DAILY_LOSS: the book's loss since the start of the day (the members' start-of-day equity
  less their equity now) at or past the limit denies new risk;
- DRAWDOWN: the fraction below the book's peak equity (trailing) at or past the limit denies
  new risk;
- LEVERAGE: gross exposure (this order included) over the book's equity;
- ORDERS_PER_DAY: the members' orders today, this one included.

Orders that only reduce their account's position pass the loss, drawdown, leverage and gross
limits (closing risk is never denied for risk already lost). A member whose state is unknown,
or whose currency has no rate into the book's, fails the book closed with a reason of its own.
The verdict is a pure function of its inputs: the same book, figures and order give the same
breaches in the same order, whatever the order of the members or of the limits.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum

from domain.errors import DomainError

ZERO = Decimal(0)


class InvalidBookLimit(DomainError):
    code = "INVALID_BOOK_LIMIT"


class BookLimitKind(StrEnum):
    GROSS_EXPOSURE = "GROSS_EXPOSURE"
    NET_EXPOSURE = "NET_EXPOSURE"
    POSITION = "POSITION"
    DAILY_LOSS = "DAILY_LOSS"
    DRAWDOWN = "DRAWDOWN"
    LEVERAGE = "LEVERAGE"
    ORDERS_PER_DAY = "ORDERS_PER_DAY"


class BookReason(StrEnum):
    """Why a book denied an order: a limit's code, or a member it cannot see."""

    GROSS_EXPOSURE = "BOOK_GROSS_EXPOSURE"
    NET_EXPOSURE = "BOOK_NET_EXPOSURE"
    POSITION = "BOOK_POSITION"
    DAILY_LOSS = "BOOK_DAILY_LOSS"
    DRAWDOWN = "BOOK_DRAWDOWN"
    LEVERAGE = "BOOK_LEVERAGE"
    ORDERS_PER_DAY = "BOOK_ORDERS_PER_DAY"
    STATE_UNKNOWN = "BOOK_STATE_UNKNOWN"
    FX_UNKNOWN = "BOOK_FX_UNKNOWN"


_RANK = {kind: rank for rank, kind in enumerate(BookLimitKind)}


@dataclass(frozen=True, slots=True)
class BookLimit:
    """One limit: money in the book's currency (exposures, loss), a fraction (drawdown), a
    multiple (leverage), a quantity (position) or a count (orders per day)."""

    kind: BookLimitKind
    limit: Decimal
    instrument: str | None = None

    def __post_init__(self) -> None:
        if not self.limit.is_finite() or self.limit < ZERO:
            raise InvalidBookLimit(f"{self.kind}: the limit must be a number >= 0")
        if self.kind is BookLimitKind.DRAWDOWN and self.limit > 1:
            raise InvalidBookLimit("DRAWDOWN: a fraction of the peak, from 0 to 1")
        if self.instrument is not None and self.kind is not BookLimitKind.POSITION:
            raise InvalidBookLimit(f"{self.kind}: only POSITION limits name an instrument")

    @property
    def sort_key(self) -> tuple[int, str, Decimal]:
        return (_RANK[self.kind], self.instrument or "", self.limit)


@dataclass(frozen=True, slots=True)
class MemberFigures:
    """What one member account contributes, in its own currency: gross and signed net
    exposure (positions + open orders), equity now and at the start of the day, the signed
    quantity of each instrument it holds or has ordered (by canonical instrument), and its
    orders today."""

    account_id: str
    currency: str
    gross: Decimal
    net: Decimal
    equity: Decimal
    start_of_day_equity: Decimal
    holdings: Mapping[str, Decimal] = field(default_factory=dict)
    orders_today: int = 0


@dataclass(frozen=True, slots=True)
class BookOrder:
    """The order being decided: its account, canonical instrument, side, quantity and value
    (in its account's currency, priced as the account gate prices it)."""

    account_id: str
    instrument: str
    buy: bool
    quantity: Decimal
    value: Decimal


@dataclass(frozen=True, slots=True)
class BookBreach:
    reason: BookReason
    message: str


@dataclass(frozen=True, slots=True)
class BookFigures:
    """The book's aggregate in its currency, before the order."""

    gross: Decimal
    net: Decimal
    equity: Decimal
    start_of_day_equity: Decimal
    holdings: Mapping[str, Decimal]
    orders_today: int


def aggregate(
    members: Iterable[MemberFigures],
    rates: Mapping[str, Decimal],
    instrument: str,
    orders_today: int | None = None,
) -> BookFigures:
    """The members summed in the book's currency (`rates`: each member currency's value in
    it), with the holding of `instrument` only (the one an order is decided for), and
    `orders_today` when given (else the members' counts summed). The caller has checked that
    every member's rate is known."""
    gross = net = equity = start = held = ZERO
    orders = 0
    for member in sorted(members, key=lambda m: m.account_id):
        rate = rates[member.currency]
        gross += member.gross * rate
        net += member.net * rate
        equity += member.equity * rate
        start += member.start_of_day_equity * rate
        orders += member.orders_today
        held += member.holdings.get(instrument, ZERO)
    if orders_today is not None:
        orders = orders_today
    return BookFigures(gross, net, equity, start, {instrument: held}, orders)


def judge(
    limits: Iterable[BookLimit],
    members: Mapping[str, MemberFigures | None],
    rates: Mapping[str, Decimal],
    order: BookOrder,
    peak_equity: Decimal,
    orders_today: int | None = None,
) -> tuple[BookBreach, ...]:
    """The breaches of the book's limits by `order` (empty: it passes). `members` maps every
    member account to its figures, None where its state is unknown; `peak_equity` is the
    book's highest equity so far (the drawdown's reference); `orders_today`, when given, is
    the book's count of orders today (else the members' counts are summed)."""
    known = [f for f in members.values() if f is not None]
    if len(known) != len(members):
        unknown = sorted(a for a, figures in members.items() if figures is None)
        return (BookBreach(BookReason.STATE_UNKNOWN, f"state unknown: {', '.join(unknown)}"),)
    if any(m.currency not in rates for m in known):
        no_rate = sorted({m.currency for m in known if m.currency not in rates})
        return (
            BookBreach(
                BookReason.FX_UNKNOWN, f"no rate into the book's currency: {', '.join(no_rate)}"
            ),
        )
    own = members.get(order.account_id)
    if own is None:  # every member is known by now: the order's account is not one
        return (BookBreach(BookReason.STATE_UNKNOWN, f"{order.account_id} is not a member"),)
    book = aggregate(known, rates, order.instrument, orders_today)
    case = _Case(book, order, order.value * rates[own.currency], own, max(peak_equity, book.equity))
    breaches = [
        breach
        for limit in sorted(limits, key=lambda x: x.sort_key)
        if (breach := _CHECKS[limit.kind](limit, case)) is not None
    ]
    return tuple(breaches)


@dataclass(frozen=True, slots=True)
class _Case:
    book: BookFigures
    order: BookOrder
    value: Decimal  # in the book's currency
    member: MemberFigures
    peak: Decimal

    @property
    def signed_quantity(self) -> Decimal:
        return self.order.quantity if self.order.buy else -self.order.quantity

    @property
    def reduces_own(self) -> bool:
        """Whether the order only reduces its own account's position in the instrument."""
        held = self.member.holdings.get(self.order.instrument, ZERO)
        if self.order.buy:
            return held < 0 and self.order.quantity <= -held
        return held > 0 and self.order.quantity <= held


def _gross(limit: BookLimit, case: _Case) -> BookBreach | None:
    if case.reduces_own:
        return None
    after = case.book.gross + case.value
    if after <= limit.limit:
        return None
    return BookBreach(
        BookReason.GROSS_EXPOSURE,
        f"the book's gross exposure would reach {after:.2f}, above {limit.limit:.2f}",
    )


def _net(limit: BookLimit, case: _Case) -> BookBreach | None:
    before = case.book.net
    after = before + case.value if case.order.buy else before - case.value
    if abs(after) <= limit.limit or abs(after) <= abs(before):
        return None
    return BookBreach(
        BookReason.NET_EXPOSURE,
        f"the book's net exposure would reach {after:.2f}, beyond {limit.limit:.2f}",
    )


def _position(limit: BookLimit, case: _Case) -> BookBreach | None:
    instrument = case.order.instrument
    if limit.instrument is not None and limit.instrument != instrument:
        return None
    before = case.book.holdings.get(instrument, ZERO)
    after = before + case.signed_quantity
    if abs(after) <= limit.limit or abs(after) <= abs(before):
        return None
    return BookBreach(
        BookReason.POSITION,
        f"the book would hold {after} {instrument} across its accounts, beyond {limit.limit}",
    )


def _daily_loss(limit: BookLimit, case: _Case) -> BookBreach | None:
    loss = case.book.start_of_day_equity - case.book.equity
    if case.reduces_own or loss < limit.limit:
        return None
    return BookBreach(
        BookReason.DAILY_LOSS,
        f"the book lost {loss:.2f} today, at or past its limit of {limit.limit:.2f}",
    )


def _drawdown(limit: BookLimit, case: _Case) -> BookBreach | None:
    if case.reduces_own or case.peak <= 0:
        return None
    drawdown = (case.peak - case.book.equity) / case.peak
    if drawdown < limit.limit:
        return None
    return BookBreach(
        BookReason.DRAWDOWN,
        f"the book is {drawdown:.2%} below its peak equity, at or past {limit.limit:.2%}",
    )


def _leverage(limit: BookLimit, case: _Case) -> BookBreach | None:
    if case.reduces_own:
        return None
    gross = case.book.gross + case.value
    if case.book.equity <= 0:
        return BookBreach(BookReason.LEVERAGE, "the book's equity is not positive")
    leverage = gross / case.book.equity
    if leverage <= limit.limit:
        return None
    return BookBreach(
        BookReason.LEVERAGE,
        f"the book's leverage would reach {leverage:.2f}x, above {limit.limit}x",
    )


def _orders_per_day(limit: BookLimit, case: _Case) -> BookBreach | None:
    if case.book.orders_today + 1 <= limit.limit:
        return None
    return BookBreach(
        BookReason.ORDERS_PER_DAY,
        f"the book's accounts sent {case.book.orders_today} orders today; "
        f"its limit is {limit.limit}",
    )


_CHECKS = {
    BookLimitKind.GROSS_EXPOSURE: _gross,
    BookLimitKind.NET_EXPOSURE: _net,
    BookLimitKind.POSITION: _position,
    BookLimitKind.DAILY_LOSS: _daily_loss,
    BookLimitKind.DRAWDOWN: _drawdown,
    BookLimitKind.LEVERAGE: _leverage,
    BookLimitKind.ORDERS_PER_DAY: _orders_per_day,
}
