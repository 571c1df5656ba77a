"""An account's risk aggregates, kept current by the changes that move them.

`build_risk_view` (domain/risk/view.py) walks every position and open order: O(positions +
open orders) per decision, 85-140 us for an account of 50 positions and 20 open orders.
A `RiskBook` keeps the same aggregates split into one part per symbol. A change touches
one symbol (an approved order, a fill, a cancel, a new mark), and only that symbol's part
is recomputed, from scratch, then swapped into the totals (total - old part + new part).
A view then costs O(changed symbols), not O(account).

What moves a part, and how the book learns of it:
- positions and open orders: the account's change log (`Account.touch`, called by
  `track_order`, `release_order` and `apply_fill`); a book further behind than the log
  remembers recomputes every part;
- marks: the caller names the symbols whose reference price changed (`mark_changed`) or,
  when it cannot tell, all of them (`marks_changed_all`), then hands the new marks to
  `refresh`. A symbol whose mark alone moved, held without open orders (most of a book),
  is revalued in place: its value, notional and margin at the new mark, nothing else read.
Cash, start-of-day and peak equity are read from the account when a view is taken.

The parts mirror `build_risk_view` term by term (same Decimal operations on the same
values), and totals are sums of parts; Decimal addition is exact while a sum fits the
context's 28 digits, so the incremental view equals a rebuilt one (tests/unit/risk prove
it with Hypothesis over random sequences of orders, fills, cancels and marks).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from domain.killswitch.state import TradingState
from domain.numbers import ONE, ZERO
from domain.risk.flow import OrderFlow
from domain.risk.pricing import unit_price
from domain.risk.view import UNCLASSIFIED, AccountRiskView, initial_rate_for
from domain.trading.account_profile import AccountStatus, TradingType
from domain.trading.accounts import Account, MissingMark
from domain.trading.instruments import Instrument
from domain.trading.orders import Order, OrderType, Side

_BUY = Side.BUY
_LIMIT = OrderType.LIMIT
_MARKET = OrderType.MARKET
_OPEN = AccountStatus.OPEN
_CASH = TradingType.CASH


@dataclass(slots=True)
class _Part:
    """One symbol's share of the totals, computed at one mark."""

    value: Decimal = ZERO  # signed position value
    notional: Decimal = ZERO  # |position value|
    requirement: Decimal = ZERO  # initial margin of the position and the open orders
    sector: str = UNCLASSIFIED
    sector_notional: Decimal = ZERO  # position notional + open orders' notional
    open_gross: Decimal = ZERO
    open_net: Decimal = ZERO
    open_count: int = 0


_EMPTY = _Part()


class RiskBook:
    """The aggregates of one account (see the module docstring); one reader at a time."""

    __slots__ = (
        "_all_pending",
        "_gross",
        "_initial_rate",
        "_moved",
        "_net",
        "_open_count",
        "_open_gross",
        "_open_net",
        "_orders",
        "_parts",
        "_pending",
        "_remark",
        "_requirement",
        "_sector_members",
        "_seen",
        "_value",
        "_view",
        "account",
        "best_own_ask",
        "best_own_bid",
        "initial_rates",
        "instruments",
        "marks",
        "open_buy_qty",
        "open_sell_qty",
        "own_market_buys",
        "own_market_sells",
        "positions",
        "sector_exposure",
    )

    def __init__(
        self,
        account: Account,
        instruments: Mapping[str, Instrument],
        initial_rate: Callable[[Instrument], Decimal] | None = None,
    ) -> None:
        self.account = account
        self.instruments = instruments
        self._initial_rate = initial_rate
        self._seen = account.change_count
        self.marks: dict[str, Decimal] = {}
        self._parts: dict[str, _Part] = {}
        self._orders: dict[str, dict[str, Order]] = {}  # open orders by symbol, then id
        self._pending: set[str] = set()
        self._remark: set[str] = set()  # pending for a moved mark alone (no account change)
        self._moved: set[str] = set()  # marks moved since the last pending(): taken there
        self._all_pending = True  # nothing computed yet
        self._value = self._gross = self._net = ZERO
        self._open_gross = self._open_net = self._requirement = ZERO
        self._open_count = 0
        self.positions: dict[str, Decimal] = {}
        self.open_buy_qty: dict[str, Decimal] = {}
        self.open_sell_qty: dict[str, Decimal] = {}
        self.sector_exposure: dict[str, Decimal] = {}
        self._sector_members: dict[str, int] = {}
        self.best_own_bid: dict[str, Decimal] = {}
        self.best_own_ask: dict[str, Decimal] = {}
        self.own_market_buys: set[str] = set()
        self.own_market_sells: set[str] = set()
        self.initial_rates: dict[str, Decimal] = {}
        self._view: AccountRiskView | None = None

    # -- what changed ------------------------------------------------------------
    def mark_changed(self, symbol: str) -> None:
        """`symbol`'s reference price moved: its part (if any) and its mark need a refresh."""
        if symbol in self.marks or symbol in self._parts:
            self._moved.add(symbol)

    def marks_changed_all(self) -> None:
        """Every mark may have moved (or vanished): refresh every part and mark."""
        self._all_pending = True

    def symbols(self) -> set[str]:
        """Symbols with a part: a nonzero position or an open order with quantity left."""
        return set(self._parts)

    def pending(self, extra_symbol: str | None = None) -> list[str]:
        """The symbols whose marks `refresh` needs now, `extra_symbol` included when unknown.

        Marks that move after this call (while the caller fetches) wait for the next one.
        """
        self._follow_account()
        if self._moved:
            self._remark |= self._moved - self._pending
            self._pending |= self._moved
            self._moved.clear()
        elif not self._pending and not self._all_pending:
            if extra_symbol is None or extra_symbol in self.marks:
                return []
            return [extra_symbol]
        if self._all_pending:
            wanted = self._current_symbols()
            wanted.update(self.marks)
        else:
            wanted = set(self._pending)
        if extra_symbol is not None and extra_symbol not in self.marks:
            wanted.add(extra_symbol)
        return sorted(wanted)

    def refresh(self, marks: Mapping[str, Decimal], extra_symbol: str | None = None) -> None:
        """Take `marks` (fetched for `pending()`), recompute the stale parts.

        Raises MissingMark naming held symbols that have no mark, and KeyError for an open
        order's symbol without one (the same failures `build_risk_view` has); the symbols
        stay pending, so the next refresh tries again.
        """
        self._follow_account()
        own = self.marks
        if extra_symbol is not None and extra_symbol not in own:
            mark = marks.get(extra_symbol)
            if mark is not None:
                own[extra_symbol] = mark
        if self._all_pending:
            self._orders = {}
            for order in self.account.open_orders.values():
                self._orders.setdefault(order.symbol, {})[order.id] = order
            symbols = self._current_symbols()
            symbols.update(self._parts)
            stale_marks: set[str] = symbols | set(own)
        else:
            symbols = stale_marks = self._pending
        positions = self.account.positions
        missing: list[str] = []
        for symbol in stale_marks:
            mark = marks.get(symbol)
            if mark is not None:
                own[symbol] = mark
                continue
            own.pop(symbol, None)
            position = positions.get(symbol)
            if symbol in symbols and position is not None and position.quantity:
                missing.append(symbol)
        if missing:
            raise MissingMark(str(sorted(missing)))
        remark = self._remark if not self._all_pending else ()
        for symbol in symbols:
            if symbol in remark:
                self._revalue(symbol)
            else:
                self._recompute(symbol)  # KeyError for an open order without a mark
        self._pending.clear()
        self._remark.clear()
        self._all_pending = False

    # -- the view ----------------------------------------------------------------
    def view(
        self,
        *,
        now: datetime,
        trading_state: TradingState | None,
        flow: OrderFlow | None = None,
    ) -> AccountRiskView:
        """The snapshot the gate reads; `refresh` must have taken every pending change.

        One view object per book, updated in place, sharing this book's dicts: it is read
        by one decision before the book changes again (the caller holds the account's lock).
        """
        self._follow_account()
        if self._all_pending or self._pending:
            raise RuntimeError("refresh the book before taking a view")
        account = self.account
        view = self._view
        if view is None:
            view = self._view = AccountRiskView(
                account_id=account.id,
                now=now,
                now_ts=0.0,
                trading_state=trading_state,
                equity=ZERO,
                start_of_day_equity=ZERO,
                peak_equity=ZERO,
                instruments=self.instruments,
                marks=self.marks,
                positions=self.positions,
                open_buy_qty=self.open_buy_qty,
                open_sell_qty=self.open_sell_qty,
                sector_exposure=self.sector_exposure,
                best_own_bid=self.best_own_bid,
                best_own_ask=self.best_own_ask,
                own_market_buys=self.own_market_buys,
                own_market_sells=self.own_market_sells,
                initial_rates=self.initial_rates,
            )
        equity = account.cash + self._value
        requirement = self._requirement
        start = account.start_of_day_equity
        peak = account.peak_equity
        view.now = now
        view.now_ts = now.timestamp()
        view.trading_state = trading_state
        view.equity = equity
        view.start_of_day_equity = start
        view.peak_equity = peak
        view.gross_exposure = self._gross
        view.net_exposure = self._net
        view.open_gross = self._open_gross
        view.open_net = self._open_net
        view.open_order_count = self._open_count
        view.initial_requirement = requirement
        view.total_gross = self._gross + self._open_gross
        view.total_net = self._net + self._open_net
        view.day_loss = start - equity
        view.drawdown_amount = peak - equity
        view.available_margin = equity - requirement
        view.flow = flow if flow is not None else OrderFlow()
        view.account_open = account.status is _OPEN
        view.cash_only = account.trading_type is _CASH
        return view

    # -- internals -----------------------------------------------------------------
    def _follow_account(self) -> None:
        """Take the account's changes since the last look into the pending set."""
        account = self.account
        behind = account.change_count - self._seen
        if not behind:
            return
        self._seen = account.change_count
        log = account.recent_changes
        if behind > len(log) or self._all_pending:
            self._all_pending = True
            return
        pending = self._pending
        remark = self._remark
        open_orders = account.open_orders
        for i in range(behind, 0, -1):
            change = log[-i]
            if isinstance(change, str):
                pending.add(change)
                remark.discard(change)
                continue
            symbol = change.symbol
            pending.add(symbol)
            remark.discard(symbol)
            held = self._orders.get(symbol)
            if open_orders.get(change.id) is change:
                if held is None:
                    held = self._orders[symbol] = {}
                held[change.id] = change
            elif held is not None:
                held.pop(change.id, None)

    def _current_symbols(self) -> set[str]:
        account = self.account
        symbols = {s for s, p in account.positions.items() if p.quantity}
        symbols.update(o.symbol for o in account.open_orders.values())
        return symbols

    def _recompute(self, symbol: str) -> None:
        old = self._parts.get(symbol, _EMPTY)
        new = self._part(symbol)
        self._value += new.value - old.value
        self._gross += new.notional - old.notional
        self._net += new.value - old.value
        self._open_gross += new.open_gross - old.open_gross
        self._open_net += new.open_net - old.open_net
        self._requirement += new.requirement - old.requirement
        self._open_count += new.open_count - old.open_count
        keep = bool(new.sector_notional or new.open_count or new.notional)
        if keep and old is not _EMPTY and old.sector == new.sector:
            self.sector_exposure[new.sector] += new.sector_notional - old.sector_notional
            self._parts[symbol] = new
            return
        if old is not _EMPTY:
            self._leave_sector(old)
        if keep:
            self._parts[symbol] = new
            self._join_sector(new)
        else:
            self._parts.pop(symbol, None)

    def _revalue(self, symbol: str) -> None:
        """Only `symbol`'s mark moved: a position without open orders is revalued in place,
        term by term as `_part` values it; anything else is recomputed."""
        old = self._parts.get(symbol)
        position = self.account.positions.get(symbol)
        rate = self.initial_rates.get(symbol)
        if (
            old is None
            or old.open_count
            or self._orders.get(symbol)
            or rate is None
            or position is None
            or not position.quantity
        ):
            self._recompute(symbol)
            return
        value = position.quantity * self.marks[symbol] * position.multiplier
        notional = abs(value)
        if not notional:
            self._recompute(symbol)  # the part leaves the book: the full path handles it
            return
        requirement = notional * rate
        self._value += value - old.value
        self._gross += notional - old.notional
        self._net += value - old.value
        self._requirement += requirement - old.requirement
        self.sector_exposure[old.sector] += notional - old.sector_notional
        self._parts[symbol] = _Part(value, notional, requirement, old.sector, notional)

    def _join_sector(self, part: _Part) -> None:
        sectors = self.sector_exposure
        sectors[part.sector] = sectors.get(part.sector, ZERO) + part.sector_notional
        self._sector_members[part.sector] = self._sector_members.get(part.sector, 0) + 1

    def _leave_sector(self, part: _Part) -> None:
        members = self._sector_members[part.sector] - 1
        if members:
            self._sector_members[part.sector] = members
            self.sector_exposure[part.sector] -= part.sector_notional
        else:
            del self._sector_members[part.sector]
            del self.sector_exposure[part.sector]

    def _part(self, symbol: str) -> _Part:
        """`symbol`'s share, term by term as build_risk_view computes it."""
        instrument = self.instruments.get(symbol)
        rate = self.initial_rates.get(symbol)
        if rate is None:
            rate = initial_rate_for(
                instrument, self._initial_rate, self.initial_rates, symbol, self.account.cash_only
            )
        sector = instrument.sector if instrument is not None else UNCLASSIFIED
        position = self.account.positions.get(symbol)
        qty = position.quantity if position is not None else ZERO
        if qty:
            assert position is not None
            value = qty * self.marks[symbol] * position.multiplier
            notional = abs(value)
            requirement = notional * rate
            self.positions[symbol] = qty
        else:
            value = notional = requirement = ZERO
            if symbol in self.positions:
                del self.positions[symbol]
        held = self._orders.get(symbol)
        if not held:
            self._no_orders(symbol)
            return _Part(value, notional, requirement, sector, notional)
        open_gross = open_net = buy_qty = sell_qty = ZERO
        count = 0
        best_bid: Decimal | None = None
        best_ask: Decimal | None = None
        market_buy = market_sell = False
        multiplier = instrument.multiplier if instrument is not None else ONE
        mark = self.marks.get(symbol)
        for order in held.values():
            remaining = order.remaining_quantity
            if remaining <= ZERO:
                continue
            if mark is None:
                raise KeyError(symbol)  # as build_risk_view: an open order needs a mark
            order_type = order.order_type
            # the most it can fill at (domain/risk/pricing.py)
            order_notional = remaining * unit_price(order, mark) * multiplier
            open_gross += order_notional
            count += 1
            requirement += order_notional * rate
            limit = order.limit_price if order_type is _LIMIT else None
            if order.side is _BUY:
                open_net += order_notional
                buy_qty += remaining
                market_buy = market_buy or order_type is _MARKET
                if limit is not None and (best_bid is None or limit > best_bid):
                    best_bid = limit
            else:
                open_net -= order_notional
                sell_qty += remaining
                market_sell = market_sell or order_type is _MARKET
                if limit is not None and (best_ask is None or limit < best_ask):
                    best_ask = limit
        _put(self.open_buy_qty, symbol, buy_qty or None)
        _put(self.open_sell_qty, symbol, sell_qty or None)
        _put(self.best_own_bid, symbol, best_bid)
        _put(self.best_own_ask, symbol, best_ask)
        _flag(self.own_market_buys, symbol, market_buy)
        _flag(self.own_market_sells, symbol, market_sell)
        return _Part(
            value, notional, requirement, sector, notional + open_gross, open_gross, open_net, count
        )

    def _no_orders(self, symbol: str) -> None:
        for table in (self.open_buy_qty, self.open_sell_qty, self.best_own_bid, self.best_own_ask):
            if symbol in table:
                del table[symbol]
        self.own_market_buys.discard(symbol)
        self.own_market_sells.discard(symbol)


def _put(target: dict[str, Decimal], symbol: str, value: Decimal | None) -> None:
    if value is None:
        target.pop(symbol, None)
    else:
        target[symbol] = value


def _flag(target: set[str], symbol: str, on: bool) -> None:
    if on:
        target.add(symbol)
    else:
        target.discard(symbol)
