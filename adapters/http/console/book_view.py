"""What a book's page shows: each member with its venue, each limit's use (used against the
limit, as a fraction for the meter), and the verdict of the book's kill switch venue by venue.

The page calls the same use cases as /api/v1/books; this module only shapes their answers
(BookStanding, BookHalt) for the templates. A venue is named as the console names it: a
connection by its label, kind and environment; the instance's own brokers (paper, ...) by
their name.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

from adapters.http.console.filters import money, quantity
from adapters.http.console.killswitch_view import Phase, phases
from application.books.killswitch import BookHalt, MemberHalt
from application.books.service import BookStanding, LimitUse
from application.trading.accounts import AccountView
from domain.books.limits import BookLimitKind, MemberFigures
from domain.killswitch.switch import BrokerOutcome, UnconfirmedOrder

# From this fraction of a limit on, its use shows as a warning.
WARN_AT = Decimal("0.8")
_MONEY = {BookLimitKind.GROSS_EXPOSURE, BookLimitKind.NET_EXPOSURE, BookLimitKind.DAILY_LOSS}


@dataclass(frozen=True, slots=True)
class MemberRow:
    """One member account: its name, the venue it trades at, and its figures (None: unknown,
    so the book denies every order)."""

    account_id: str
    name: str
    venue: str
    figures: MemberFigures | None


@dataclass(frozen=True, slots=True)
class LimitRow:
    """One limit against the book now: `used` and `limit` as the page writes them, and the
    used fraction of the limit (None where nothing is measured: a position of no instrument,
    or a limit of zero)."""

    kind: str
    instrument: str | None
    used: str
    limit: str
    fraction: Decimal | None

    @property
    def percent(self) -> str:
        return "—" if self.fraction is None else f"{money(self.fraction * 100, 1)} %"

    @property
    def tone(self) -> str:
        if self.fraction is None:
            return ""
        if self.fraction > 1:
            return "bad"
        return "warn" if self.fraction >= WARN_AT else "ok"

    @property
    def meter(self) -> str:
        """The meter's value: the fraction capped at 1 (the text says how far past)."""
        return "0" if self.fraction is None else str(min(self.fraction, Decimal(1)))


def members(
    standing: BookStanding, accounts: Mapping[str, AccountView], venues: Mapping[str, str]
) -> list[MemberRow]:
    """The book's members in its order; `accounts` by id, `venues` a route's name by id."""
    rows = []
    for account_id in standing.book.members:
        account = accounts.get(account_id)
        route = account.broker if account is not None else ""
        rows.append(
            MemberRow(
                account_id,
                (account.name if account is not None else "") or account_id,
                venues.get(route, route) or "unknown",
                standing.members.get(account_id),
            )
        )
    return rows


def limit_rows(standing: BookStanding) -> list[LimitRow]:
    """Each limit with its use now; the book's limits alone while a member is unknown."""
    uses = standing.limits or tuple(LimitUse(x, None) for x in standing.book.limits)
    return [_row(use, standing.book.currency) for use in uses]


def _row(use: LimitUse, currency: str) -> LimitRow:
    kind = use.limit.kind
    limit, used = use.limit.limit, use.used
    fraction = None if used is None or limit <= 0 else used / limit
    return LimitRow(
        kind.value,
        use.limit.instrument,
        "—" if used is None else _written(kind, used, currency),
        _written(kind, limit, currency),
        fraction,
    )


def _written(kind: BookLimitKind, value: Decimal, currency: str) -> str:
    if kind in _MONEY:
        return f"{money(value)} {currency}"
    if kind is BookLimitKind.DRAWDOWN:
        return f"{money(value * 100, 2)} %"
    if kind is BookLimitKind.LEVERAGE:
        return f"{money(value, 2)}×"
    return quantity(value)


_YES_NO = {None: "—", True: "yes", False: "NO"}


@dataclass(frozen=True, slots=True)
class VenueRow:
    """What one venue did: the member accounts it served (by name), its cancels (requested,
    acknowledged, then confirmed by its open-order list), with flatten whether it showed
    flat, and what it left."""

    broker: str
    venue: str
    accounts: tuple[str, ...]
    outcome: BrokerOutcome
    left: tuple[str, ...]

    @property
    def cancels(self) -> str:
        o = self.outcome
        return f"{o.cancel_acknowledged} of {o.cancel_requested} acknowledged"

    @property
    def flat(self) -> str:
        return _YES_NO[self.outcome.flat]


@dataclass(frozen=True, slots=True)
class MemberVerdict:
    """One member account: the venues it was cancelled at (by their console names), and its
    orders still in doubt."""

    account_id: str
    name: str
    halt: MemberHalt
    venues: tuple[str, ...]
    doubts: tuple[str, ...]

    @property
    def flat(self) -> str:
        return _YES_NO[self.halt.flat]


@dataclass(frozen=True, slots=True)
class BookVerdict:
    """The book's kill switch: its phases in ms since the command, each venue with what it
    confirmed and left, each member with its venues, and the venues (and members) that did
    not confirm by their console names."""

    halt: BookHalt
    phases: list[Phase]
    venues: list[VenueRow]
    members: list[MemberVerdict]
    unconfirmed: list[str]


def verdict(
    halt: BookHalt, accounts: Mapping[str, AccountView], venues: Mapping[str, str]
) -> BookVerdict:
    """`halt` shaped for the page; `accounts` by id, `venues` a route's name by id."""

    def named(account_id: str) -> str:
        account = accounts.get(account_id)
        return (account.name if account is not None else "") or account_id

    event = halt.event
    rows = [
        _venue(outcome, event.unconfirmed_orders, named, venues.get(outcome.broker))
        for outcome in event.brokers
    ]
    members = [
        MemberVerdict(
            m.account_id,
            named(m.account_id),
            m,
            tuple(venues.get(v.broker, v.broker) for v in m.venues),
            tuple(f"order {o.order_id}: {o.reason}" for o in m.in_doubt),
        )
        for m in halt.members
    ]
    unconfirmed = [venues.get(n, named(n)) for n in halt.unconfirmed]
    return BookVerdict(halt, phases(event), rows, members, unconfirmed)


def _venue(
    outcome: BrokerOutcome,
    doubts: Sequence[UnconfirmedOrder],
    named: Callable[[str], str],
    venue: str | None,
) -> VenueRow:
    left: list[str] = []
    if outcome.remaining_open:
        left.append(f"{outcome.remaining_open} order(s) still open")
    if outcome.closing_open:
        left.append(f"{outcome.closing_open} closing order(s) still working")
    for doubt in doubts:
        if doubt.broker == outcome.broker:
            left.append(
                f"{named(doubt.account_id)}: order {doubt.order_id} in doubt ({doubt.reason})"
            )
    for held in outcome.positions_remaining:
        account_id, _, symbol = held.partition(":")
        left.append(f"{named(account_id)} still holds {symbol}")
    left += list(outcome.errors)
    accounts = tuple(sorted(named(a) for a in outcome.accounts))
    return VenueRow(outcome.broker, venue or outcome.broker, accounts, outcome, tuple(left))
