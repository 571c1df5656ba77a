"""An account's day trades, read from its fills in the store and kept between orders.

The fills of the window (the five business days before today and today) are replayed
(domain/account_rules/day_trades.py) once, then kept for the account: the count before today
for the rest of the day (those days are over), today's part for as long as the account the
gate holds (application/trading/risk_books.py) shows no position changed since. A fill changes
a position and names its symbol in the account's change log; a copy read again (another
process changed it, or a second passed) is another object: either reads the fills again. An
order decided or cancelled changes no position, so an account trading without fills, or one
the rules never ask about, never pays for the read.

Only securities count: equities and options (FINRA's rule is about securities in a margin
account); a fill of a symbol without reference data counts as a security (fail closed).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from application.account_rules.business_days import BusinessDays
from domain.account_rules.day_trades import DayTradeTally, Execution, tally
from domain.account_rules.pattern_day_trader import WINDOW_DAYS
from domain.risk.view import AccountRiskView
from domain.trading.accounts import Account
from domain.trading.fills import Fill
from domain.trading.instruments import AssetClass, Instrument
from ports.core.unit_of_work import UnitOfWork

SECURITIES = frozenset({AssetClass.EQUITY, AssetClass.OPTION})
# Stands for a symbol without reference data: a security of multiplier 1.
ONE_UNIT = Instrument("_")


@dataclass(slots=True)
class _Kept:
    account: Account
    change_count: int
    today: date
    tallied: DayTradeTally
    before_today: int


@dataclass(eq=False)
class DayTradeHistory:
    """Day trades per account (see the module); at most `capacity` accounts kept."""

    days: BusinessDays
    capacity: int = 10_000
    _kept: dict[str, _Kept] = field(default_factory=dict, init=False)

    def window(self, today: date) -> tuple[date, ...]:
        """The five business days the rule counts over, today included when a session."""
        return self.days.last(today, WINDOW_DAYS)

    async def before_today(self, uow: UnitOfWork, account: Account, view: AccountRiskView) -> int:
        """Day trades in the five business days before today: read once a day per account."""
        today = self.days.day_of(view.now)
        kept = self._kept.get(account.id)
        if kept is not None and kept.today == today:
            return kept.before_today
        return (await self._read(uow, account, view, today)).before_today

    async def today(
        self, uow: UnitOfWork, account: Account, view: AccountRiskView
    ) -> DayTradeTally:
        """The account's tally as of its last fill."""
        today = self.days.day_of(view.now)
        kept = self._kept.get(account.id)
        if (
            kept is not None
            and kept.today == today
            and kept.account is account
            and _no_position_changed(account, kept.change_count)
        ):
            kept.change_count = account.change_count
            return kept.tallied
        return (await self._read(uow, account, view, today)).tallied

    async def _read(
        self, uow: UnitOfWork, account: Account, view: AccountRiskView, today: date
    ) -> _Kept:
        before = self.days.before(today, WINDOW_DAYS)
        first = min((*before, *self.window(today), today))
        instruments = dict(view.instruments)
        executions: list[Execution] = []
        for fill in await uow.fills.list(account.id):
            day = self.days.day_of(fill.at)
            if first <= day <= today:
                instrument = await _instrument(uow, instruments, fill)
                if instrument is not None:
                    executions.append(_execution(fill, day, instrument))
        positions = {s: p.quantity for s, p in account.positions.items() if p.quantity}
        tallied = tally(executions, positions, today)
        kept = _Kept(account, account.change_count, today, tallied, tallied.count(set(before)))
        self._keep(account.id, kept)
        return kept

    def _keep(self, account_id: str, kept: _Kept) -> None:
        self._kept.pop(account_id, None)
        while len(self._kept) >= self.capacity:
            self._kept.pop(next(iter(self._kept)))
        self._kept[account_id] = kept


def _no_position_changed(account: Account, seen: int) -> bool:
    """Whether the account's change log shows only order changes since `seen`."""
    behind = account.change_count - seen
    if behind == 0:
        return True
    changes = account.recent_changes
    if behind < 0 or behind > len(changes):
        return False
    return not any(isinstance(change, str) for change in list(changes)[-behind:])


async def _instrument(
    uow: UnitOfWork, instruments: dict[str, Instrument], fill: Fill
) -> Instrument | None:
    """The fill's instrument when it is a security (one of unknown class counts as one)."""
    symbol = fill.symbol
    instrument = instruments.get(symbol)
    if instrument is None:
        instrument = await uow.instruments.get(symbol) or ONE_UNIT
        instruments[symbol] = instrument
    if instrument is not ONE_UNIT and instrument.asset_class not in SECURITIES:
        return None
    return instrument


def _execution(fill: Fill, day: date, instrument: Instrument) -> Execution:
    return Execution(
        day, fill.symbol, fill.order_id, fill.signed_quantity, fill.price * instrument.multiplier
    )
