"""Day trades: opening and closing the same security on the same trading day.

Each symbol's fills are replayed in time order from the position it had before the first of
them. On every trading day the quantity held overnight is closed first; a fill that then closes
quantity opened the same day makes its order a day trade (one per closing order, however many
fills it took; a fill that flips the position closes what was open, then opens the rest). The
start position of a symbol is its position now less every fill replayed, so positions set
without fills (a broker sync) count as held overnight.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from domain.numbers import ZERO


@dataclass(frozen=True, slots=True)
class Execution:
    """One fill as the count reads it: its trading day, the order it fills, its signed quantity
    and what one unit is worth (price × the instrument's multiplier)."""

    day: date
    symbol: str
    order_id: str
    signed_quantity: Decimal
    unit_value: Decimal


@dataclass(frozen=True, slots=True)
class DayTrade:
    """An order that closed, on `day`, a position in `symbol` opened that day."""

    day: date
    symbol: str
    order_id: str


@dataclass(slots=True)
class SymbolDay:
    """A symbol on one trading day: the part of its position held since before the day and the
    part opened that day, both signed in the position's direction."""

    held: Decimal = ZERO
    opened: Decimal = ZERO

    @property
    def position(self) -> Decimal:
        return self.held + self.opened

    def roll(self) -> None:
        """A new day: what was opened is now held overnight."""
        self.held += self.opened
        self.opened = ZERO

    def apply(self, signed_quantity: Decimal) -> tuple[Decimal, Decimal]:
        """Book a fill: (quantity it closed of what was opened today, quantity it opened)."""
        position = self.position
        if position == ZERO or (position > ZERO) == (signed_quantity > ZERO):
            self.opened += signed_quantity
            return ZERO, abs(signed_quantity)
        size = abs(signed_quantity)
        from_held = min(size, abs(self.held))
        self.held -= from_held if self.held > ZERO else -from_held
        size -= from_held
        from_opened = min(size, abs(self.opened))
        self.opened -= from_opened if self.opened > ZERO else -from_opened
        size -= from_opened
        if size:
            self.opened = size if signed_quantity > ZERO else -size
        return from_opened, size

    def closes_opened(self, signed_quantity: Decimal, ahead: Decimal = ZERO) -> bool:
        """Whether an order of `signed_quantity` would close quantity opened today, once `ahead`
        (the same side's working orders before it) has closed what it can, held part first."""
        position = self.position
        if position == ZERO or (position > ZERO) == (signed_quantity > ZERO):
            return False
        held, opened = abs(self.held), abs(self.opened)
        opened_left = opened - max(ZERO, ahead - held)
        held_left = max(ZERO, held - ahead)
        return opened_left > ZERO and abs(signed_quantity) > held_left


@dataclass(frozen=True, slots=True)
class DayTradeTally:
    """The day trades of an account's fills, and where `today` stands per symbol: what each
    symbol held at today's start, what is held overnight and opened today, and the value of
    what today's fills opened."""

    today: date
    day_trades: frozenset[DayTrade]
    symbols: Mapping[str, SymbolDay]
    start_of_today: Mapping[str, Decimal]
    opened_today_value: Decimal

    def count(self, days: Collection[date]) -> int:
        """Day trades made on any of `days`."""
        return sum(1 for trade in self.day_trades if trade.day in days)

    def today_of(self, symbol: str, position_now: Decimal) -> SymbolDay:
        """`symbol` today: a symbol without fills today is all held overnight."""
        found = self.symbols.get(symbol)
        return found if found is not None else SymbolDay(held=position_now)

    def held_at_start(self, positions_now: Mapping[str, Decimal]) -> dict[str, Decimal]:
        """Every position as it stood when today began."""
        held = dict(positions_now)
        held.update(self.start_of_today)
        return {symbol: qty for symbol, qty in held.items() if qty}


@dataclass(slots=True)
class _Replay:
    today: date
    states: dict[str, SymbolDay] = field(default_factory=dict)
    days: dict[str, date] = field(default_factory=dict)
    start_of_today: dict[str, Decimal] = field(default_factory=dict)
    trades: set[DayTrade] = field(default_factory=set)
    opened_today_value: Decimal = ZERO

    def book(self, execution: Execution) -> None:
        symbol = execution.symbol
        state = self.states[symbol]
        if self.days.get(symbol) != execution.day:
            state.roll()
            self.days[symbol] = execution.day
            if execution.day == self.today:
                self.start_of_today[symbol] = state.position
        closed, opened = state.apply(execution.signed_quantity)
        if closed:
            self.trades.add(DayTrade(execution.day, symbol, execution.order_id))
        if execution.day == self.today:
            self.opened_today_value += opened * execution.unit_value


def tally(
    executions: Iterable[Execution], positions_now: Mapping[str, Decimal], today: date
) -> DayTradeTally:
    """The day trades of `executions` (in time order, none after `today`) of an account whose
    positions are `positions_now` after them all."""
    replayed = list(executions)
    starts: dict[str, Decimal] = {}
    for execution in replayed:
        symbol = execution.symbol
        starts[symbol] = starts.get(symbol, positions_now.get(symbol, ZERO))
        starts[symbol] -= execution.signed_quantity
    replay = _Replay(today, {symbol: SymbolDay(held=qty) for symbol, qty in starts.items()})
    for execution in replayed:
        replay.book(execution)
    for symbol, state in replay.states.items():
        if replay.days.get(symbol) != today:
            state.roll()
    return DayTradeTally(
        today,
        frozenset(replay.trades),
        replay.states,
        replay.start_of_today,
        replay.opened_today_value,
    )


def working_day_trades(
    tallied: DayTradeTally,
    positions_now: Mapping[str, Decimal],
    working: Iterable[tuple[str, Decimal]],
) -> tuple[int, dict[str, Decimal]]:
    """Of the working orders (symbol, signed remaining quantity, oldest first), how many would
    be day trades when they fill, and the closing quantity they put ahead of a new order in
    each symbol."""
    count = 0
    ahead: dict[str, Decimal] = {}
    for symbol, signed in working:
        day = tallied.today_of(symbol, positions_now.get(symbol, ZERO))
        position = day.position
        if position == ZERO or (position > ZERO) == (signed > ZERO):
            continue
        before = ahead.get(symbol, ZERO)
        if day.closes_opened(signed, before):
            count += 1
        ahead[symbol] = before + abs(signed)
    return count, ahead
