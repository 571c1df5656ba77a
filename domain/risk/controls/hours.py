"""14. Trading hours: the venue's calendar (sessions, holidays, early closes), a rule's window."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from decimal import Decimal
from typing import Any, NamedTuple
from zoneinfo import ZoneInfo

from domain.calendars.clock import TradingCalendar
from domain.calendars.sessions import ALWAYS_OPEN, MarketStatus
from domain.numbers import ZERO
from domain.risk.controls.base import Case, Condition
from domain.risk.reasons import ReasonCode
from domain.risk.view import AccountRiskView
from domain.trading.orders import Order

WEEKDAYS = frozenset(range(5))
_OPEN = MarketStatus.OPEN

# The reason a denial by the venue's calendar gives, per status.
MARKET_REASONS = {
    MarketStatus.CLOSED: ReasonCode.MARKET_CLOSED,
    MarketStatus.HOLIDAY: ReasonCode.MARKET_HOLIDAY,
    MarketStatus.EARLY_CLOSE: ReasonCode.MARKET_EARLY_CLOSE,
}
_WHY = {
    MarketStatus.CLOSED: "is closed",
    MarketStatus.HOLIDAY: "is closed for a holiday",
    MarketStatus.EARLY_CLOSE: "closed early today",
}


class _Market(NamedTuple):
    """A symbol's venue status over [start, end), cached until the span ends."""

    start: float
    end: float
    status: MarketStatus
    venue: str | None


class TradingHours(Condition):
    """14. Orders only while the instrument's venue is in session, and inside the rule's window.

    With a calendar, the venue's sessions decide first (MARKET_CLOSED, MARKET_HOLIDAY,
    MARKET_EARLY_CLOSE); `window` adds the rule's [start, end) local time on `days`
    (0 = Monday), denied as OUTSIDE_TRADING_HOURS. Without a calendar only the window
    applies. Each symbol's status is cached with the span it holds for, so an order costs a
    dict get and two comparisons; the window is cached per local day.
    """

    __slots__ = (
        "_close_ts",
        "_day_start",
        "_denied",
        "_markets",
        "_open_spans",
        "_open_ts",
        "_open_window",
        "_valid_until",
        "calendar",
        "days",
        "end",
        "start",
        "tz",
        "window",
    )
    code = ReasonCode.OUTSIDE_TRADING_HOURS

    def __init__(
        self,
        start: time = time(9, 30),
        end: time = time(16, 0),
        tz: str = "America/New_York",
        days: frozenset[int] = WEEKDAYS,
        *,
        calendar: TradingCalendar | None = None,
        window: bool = True,
        **kw: Any,
    ) -> None:
        super().__init__(**kw)
        self.start, self.end, self.days = start, end, days
        self.tz = ZoneInfo(tz)
        self.calendar = calendar
        self.window = window or calendar is None
        self._valid_until = self._day_start = float("inf")
        self._open_ts = self._close_ts = 0.0
        # Where the cached day and its window overlap, [from, until), one tuple replaced whole:
        # what the compiled screen reads.
        self._open_window = (float("inf"), 0.0)
        self._markets: dict[str, _Market] = {}
        # The same spans, only those OPEN, as (start, end): what the compiled screen reads.
        self._open_spans: dict[str, tuple[float, float]] = {}
        # The venue status of the last breach (None: the window's): read by reason() and
        # explain(), which the gate calls right after breach() for the same order.
        self._denied: _Market | None = None

    def _session(self, now: datetime) -> None:
        """Cache today's window as UTC timestamps; recomputed once per local day."""
        local = now.astimezone(self.tz)
        day = local.date()
        midnight = datetime.combine(day + timedelta(days=1), time(0), self.tz)
        self._valid_until = midnight.astimezone(UTC).timestamp()
        if local.weekday() in self.days:
            self._open_ts = datetime.combine(day, self.start, self.tz).timestamp()
            self._close_ts = datetime.combine(day, self.end, self.tz).timestamp()
        else:
            self._open_ts = self._close_ts = 0.0
        self._day_start = datetime.combine(day, time(0), self.tz).timestamp()
        self._open_window = (
            max(self._day_start, self._open_ts),
            min(self._valid_until, self._close_ts),
        )

    def _market(self, symbol: str, view: AccountRiskView, ts: float) -> _Market:
        """The symbol's venue status at `ts` from the calendar, cached for its span."""
        assert self.calendar is not None
        venue = self.calendar.venue_for(view.instruments[symbol])
        span = ALWAYS_OPEN if venue is None else self.calendar.span(venue, ts)
        market = self._markets[symbol] = _Market(span.start, span.end, span.status, venue)
        if span.status is _OPEN:
            self._open_spans[symbol] = (span.start, span.end)
        else:
            self._open_spans.pop(symbol, None)
        return market

    def passes(self, case: Case) -> bool:
        """What the caches say: a status or window cached for another span fails, and then
        check() (the exact path) refreshes it."""
        ts = case.view.now_ts
        if self.calendar is not None:
            # Only OPEN spans are in this dict (the same object for the control's life).
            market = self._open_spans.get(case.symbol)
            if market is None or not market[0] <= ts < market[1]:
                return False
        if self.window:  # inside the cached day and its window: inside where they overlap
            start, end = self._open_window
            if not start <= ts < end:
                return False
        return True

    def check(self, case: Case) -> Decimal | None:
        view = case.view
        ts = view.now_ts
        self._denied = None
        if self.calendar is not None:
            market = self._markets.get(case.symbol)
            if market is None or not market.start <= ts < market.end:
                market = self._market(case.symbol, view, ts)
            if market.status is not _OPEN:
                self._denied = market
                return ZERO
        if self.window:
            if not (self._day_start <= ts < self._valid_until):
                self._session(view.now)
            if not self._open_ts <= ts < self._close_ts:
                return ZERO
        return None

    def reason(self, view: AccountRiskView) -> ReasonCode:
        denied = self._denied
        return self.code if denied is None else MARKET_REASONS[denied.status]

    def explain(self, order: Order, quantity: Decimal, unit: Decimal, view: AccountRiskView) -> str:
        denied = self._denied
        if denied is None or denied.venue is None or self.calendar is None:
            local = view.now.astimezone(self.tz)
            return f"{local:%a %H:%M} {self.tz.key} is outside {self.start:%H:%M}-{self.end:%H:%M}"
        zone = self.calendar.zone(denied.venue)
        local = view.now.astimezone(zone)
        when = f"{local:%a %Y-%m-%d %H:%M} {zone.key}"
        return f"{denied.venue} {_WHY[denied.status]}: {order.symbol} at {when}"
