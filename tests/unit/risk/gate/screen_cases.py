"""Hypothesis strategies for the screen properties: worlds and rules on or near each limit.

Scenarios use small numbers so that orders land on, just inside and just outside
every limit: each rule's parameter is drawn around what the order would use, and a
limit relative to equity is met by setting the account's cash.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from functools import cached_property
from typing import Any
from zoneinfo import ZoneInfo

from hypothesis import strategies as st

from domain.killswitch.state import TradingState
from domain.risk.flow import OrderFlow
from domain.risk.pricing import unit_price
from domain.risk.reasons import Action, RuleScope
from domain.risk.rules import RiskRule, RuleType
from domain.risk.view import AccountRiskView
from domain.trading.accounts import Account
from domain.trading.instruments import Instrument
from domain.trading.orders import Order
from tests.kit.gate import (
    BUY,
    SELL,
    USER,
    D,
    account,
    agent,
    instrument,
    instruments,
    order,
    resting,
    rule,
    strategy,
    view,
)

SYMBOLS = ("AAPL", "MSFT", "XOM")
ORIGINS = (USER, USER, agent("a1"), strategy("s1"))
MONDAY = datetime(2024, 7, 8, tzinfo=UTC)
SIZE_TYPES = (
    RuleType.MAX_ORDER_QUANTITY,
    RuleType.MAX_ORDER_NOTIONAL,
    RuleType.MAX_POSITION_SIZE,
    RuleType.GROSS_EXPOSURE,
    RuleType.NET_EXPOSURE,
    RuleType.MAX_LEVERAGE,
    RuleType.SECTOR_CONCENTRATION,
    RuleType.BUYING_POWER,
)

PRICES = st.integers(10, 200).map(lambda tenths: D(tenths) / 10)
SIDES = st.sampled_from([BUY, SELL])
TICKS = st.integers(-12, 12)  # a price this many 0.5 steps from the mark
SHIFTS = (0, 0, 0, -1, 1)  # steps from a limit: on it most often, else just inside or outside
NEW_YORK = ZoneInfo("America/New_York")
# Fractions in (0, 1] whose quotients terminate, so a limit can be met exactly.
NICE = st.sampled_from([D(n) / 40 for n in (1, 2, 4, 5, 8, 10, 16, 20, 25, 32, 40)])


@dataclass(frozen=True)
class World:
    """One account snapshot and the order to decide, with what built the snapshot."""

    acct: Account
    prices: dict[str, Decimal]
    universe: dict[str, Instrument]
    state: TradingState | None
    now: datetime
    flow: OrderFlow
    order: Order
    ages: tuple[float, ...]  # seconds since the order's own signature was recorded

    @cached_property
    def view(self) -> AccountRiskView:
        return view(
            self.acct,
            self.prices,
            universe=self.universe,
            state=self.state,
            now=self.now,
            flow=self.flow,
        )

    def with_cash(self, cash: Decimal) -> World:
        return replace(self, acct=replace(self.acct, cash=cash))

    def with_resting(self, placed: Order) -> World:
        open_orders = {**self.acct.open_orders, placed.id: placed}
        return replace(self, acct=replace(self.acct, open_orders=open_orders))

    def with_limit(self, price: Decimal) -> World:
        return replace(self, order=replace(self.order, limit_price=price))


def _priced(draw: st.DrawFn, mark: Decimal) -> tuple[Decimal | None, Decimal | None]:
    kind = draw(st.sampled_from(["market", "limit", "limit", "stop", "stop_limit"]))

    def near() -> Decimal:
        return max(D("0.5"), mark + D(draw(TICKS)) / 2)

    limit = near() if kind in ("limit", "stop_limit") else None
    stop = near() if kind in ("stop", "stop_limit") else None
    return limit, stop


@st.composite
def worlds(draw: st.DrawFn) -> World:
    prices = {s: draw(PRICES) for s in SYMBOLS}
    open_orders = []
    for n in range(draw(st.integers(0, 3))):
        symbol = draw(st.sampled_from(SYMBOLS))
        limit, stop = _priced(draw, prices[symbol])
        side, quantity = draw(SIDES), draw(st.integers(1, 5))
        open_orders.append(
            resting(symbol, side, quantity, limit=limit, stop=stop, order_id=f"o{n}")
        )
    acct = account(
        draw(st.integers(-200, 3_000)),
        *((s, draw(st.integers(-10, 10))) for s in SYMBOLS),
        open_orders=open_orders,
        start_of_day=draw(st.integers(0, 4_000)),
        peak=draw(st.integers(0, 4_000)),
    )
    symbol = draw(st.sampled_from([*SYMBOLS, *(o.symbol for o in open_orders)]))
    side, quantity = draw(SIDES), draw(st.integers(1, 12))
    held = acct.position_quantity(symbol)
    if held and draw(st.booleans()):  # an order that may only shrink the position
        side, quantity = (SELL if held > 0 else BUY), draw(st.integers(1, int(abs(held))))
    limit, stop = _priced(draw, prices[symbol])
    new = order(
        symbol,
        side,
        quantity,
        limit=limit,
        stop=stop,
        origin=draw(st.sampled_from(ORIGINS)),
        reduce_only=draw(st.booleans()),
    )
    now = MONDAY + timedelta(minutes=15 * draw(st.integers(0, 7 * 96)))
    flow, ages = OrderFlow(), []
    for n, offset in enumerate(sorted(draw(st.lists(st.integers(-140, 0), max_size=4)))):
        again = draw(st.booleans())
        sent = new if again else order(symbol, BUY, 1, origin=USER, order_id=f"s{n}")
        flow.record(sent, now.timestamp() + offset / 2)
        ages += [-offset / 2] if again else []
    universe = instruments(
        instrument("AAPL", lot=draw(st.sampled_from([1, 1, 5]))),
        instrument("MSFT", mult=draw(st.sampled_from([1, 1, 10]))),
    )
    state = draw(st.sampled_from([TradingState.ACTIVE] * 3 + [*TradingState, None]))
    return World(acct, prices, universe, state, now, flow, new, tuple(ages))


def _around(draw: st.DrawFn, used: Decimal, step: Decimal) -> Decimal:
    """A positive limit at, just below or just above `used`, or somewhere else."""
    shift = draw(st.sampled_from([*SHIFTS, 2, -3, 10]))
    return max(step, used + shift * step)


def _hhmm(minute: int) -> str:
    return f"{minute // 60:02d}:{minute % 60:02d}"


def value_of(w: World) -> tuple[Decimal, Decimal]:
    """The order's unit (price × multiplier) and value, priced as the gate prices it."""
    o, mark = w.order, w.view.marks[w.order.symbol]
    unit = unit_price(o, mark) * w.view.instruments[o.symbol].multiplier
    return unit, o.quantity * unit


def _tuned(draw: st.DrawFn, w: World, equity: Decimal) -> World:
    """Usually the same world with cash set so that its equity is `equity` (or a cent off)."""
    if not draw(st.integers(0, 3)):
        return w
    cent = D(draw(st.sampled_from(SHIFTS))) / 100
    return w.with_cash(w.acct.cash + equity + cent - w.view.equity)


def params_for(draw: st.DrawFn, rule_type: RuleType, w: World) -> tuple[dict[str, Any], World]:
    """Parameters for a rule of `rule_type` on or near what the order would use.

    A limit relative to equity is met by setting the account's cash instead, with a
    fraction whose quotients terminate, so that the boundary is hit exactly.
    """
    v, o = w.view, w.order
    unit, value = value_of(w)
    pct = draw(NICE)
    t = RuleType
    if rule_type is t.MAX_ORDER_QUANTITY:
        return {"max_quantity": _around(draw, o.quantity, D(1))}, w
    if rule_type is t.MAX_ORDER_NOTIONAL:
        return {"max_notional": _around(draw, value, D("0.5"))}, w
    if rule_type is t.PRICE_COLLAR:
        mark = v.marks[o.symbol]
        gap = abs((o.limit_price or o.stop_price or mark) - mark)
        if draw(st.booleans()):
            return {"max_ticks": int(_around(draw, gap / D("0.01"), D(1)))}, w
        if o.limit_price is not None and draw(st.booleans()):  # the limit on the band's edge
            edge = mark + mark * pct * (1 if o.limit_price >= mark else -1)
            w = w.with_limit(max(D("0.01"), edge + D(draw(st.sampled_from(SHIFTS))) / 100))
        return {"max_pct": pct}, w
    if rule_type is t.MAX_POSITION_SIZE:
        held = v.positions.get(o.symbol, D(0))
        size = held + o.quantity if o.side is BUY else o.quantity - held
        params: dict[str, Any] = {}
        for key in draw(st.sets(st.sampled_from(["q", "n", "p"]), min_size=1)):
            if key == "q":
                params["max_quantity"] = _around(draw, size, D(1))
            elif key == "n":
                params["max_notional"] = _around(draw, size * unit, D(1))
            else:
                params["max_pct_equity"] = pct
                w = _tuned(draw, w, size * unit / pct)
        if draw(st.booleans()):
            params["symbols"] = draw(st.sets(st.sampled_from(SYMBOLS), min_size=1))
        return params, w
    if rule_type in (t.GROSS_EXPOSURE, t.NET_EXPOSURE):
        prefix = "max_gross" if rule_type is t.GROSS_EXPOSURE else "max_net"
        net = v.total_net + value if o.side is BUY else v.total_net - value
        used = v.total_gross + value if prefix == "max_gross" else abs(net)
        if draw(st.booleans()):
            return {prefix: _around(draw, used, D(1))}, w
        return {f"{prefix}_pct": pct}, _tuned(draw, w, used / pct)
    if rule_type is t.MAX_DAILY_LOSS:
        if draw(st.booleans()):
            return {"max_loss": _around(draw, v.day_loss, D(1))}, w
        sod = v.start_of_day_equity
        return {"max_loss_pct": pct}, _tuned(draw, w, sod - pct * sod)
    if rule_type is t.MAX_DRAWDOWN:
        return {"max_drawdown": pct}, _tuned(draw, w, v.peak_equity - pct * v.peak_equity)
    if rule_type is t.MAX_LEVERAGE:
        leverage = pct * draw(st.sampled_from([1, 2, 4, 8]))
        equity = (v.total_gross + value) / leverage if draw(st.integers(0, 4)) else D(0)
        return {"max_leverage": leverage}, _tuned(draw, w, equity)
    if rule_type is t.SECTOR_CONCENTRATION:
        used = v.sector_exposure.get(v.instruments[o.symbol].sector, D(0)) + value
        return {"max_pct": pct}, _tuned(draw, w, used / pct)
    if rule_type is t.ORDER_RATE:
        key = "account" if draw(st.booleans()) else f"{o.origin.kind.value}:{o.origin.id}"
        counts = (w.flow.count_since(key, w.now.timestamp() - s) for s in (1.0, 60.0))
        per_second, per_minute = (int(_around(draw, D(c), D(1))) for c in counts)
        keys = draw(st.sets(st.sampled_from(["per_second", "per_minute"]), min_size=1))
        return {k: per_second if k == "per_second" else per_minute for k in keys}, w
    if rule_type is t.DUPLICATE_ORDER:
        if not w.ages:
            return {"window_seconds": draw(st.integers(1, 60))}, w
        age = D(str(draw(st.sampled_from(w.ages))))
        return {"window_seconds": min(D(60), _around(draw, age, D("0.5")))}, w
    if rule_type is t.RESTRICTED_SYMBOLS:
        chosen = draw(st.sets(st.sampled_from(SYMBOLS), min_size=1))
        return {"symbols": sorted(chosen), "allow_reducing": draw(st.booleans())}, w
    if rule_type is t.TRADING_HOURS:
        local = w.now.astimezone(NEW_YORK)  # the session opens or closes at about this minute
        minute = local.hour * 60 + local.minute + 15 * draw(st.sampled_from(SHIFTS))
        minute = min(max(minute, 1), 23 * 60 + 58)
        if draw(st.booleans()):
            start, end = minute, draw(st.integers(minute + 1, 23 * 60 + 59))
        else:
            start, end = draw(st.integers(0, minute - 1)), minute
        days = draw(st.sets(st.integers(0, 6)))
        if draw(st.booleans()):
            days.add(local.weekday())  # often trading today
        return {"start": _hhmm(start), "end": _hhmm(end), "days": sorted(days or {0})}, w
    if rule_type is t.MAX_OPEN_ORDERS:
        return {"max_open": int(_around(draw, D(v.open_order_count), D(1)))}, w
    if rule_type is t.SELF_MATCH and o.limit_price is not None and draw(st.booleans()):
        # a resting order of the other side at (or a step off) the order's limit
        price = max(D("0.5"), o.limit_price + D(draw(st.sampled_from([0, -1, 1]))) / 2)
        other = SELL if o.side is BUY else BUY
        w = w.with_resting(resting(o.symbol, other, 1, limit=price, order_id="crossed"))
    return {}, w  # BUYING_POWER, SELF_MATCH


RULE_TYPES = [t for t in RuleType if t is not RuleType.POSITION_LIMIT]  # an alias


def _at_buying_power(draw: st.DrawFn, w: World) -> World:
    """The same world with cash set so the order's margin is at (or a step off) what is left."""
    v = w.view
    _, value = value_of(w)
    needed = value * v.initial_rate(w.order.symbol) + D(draw(st.sampled_from(SHIFTS))) / 2
    return w.with_cash(w.acct.cash + needed - v.available_margin)


@st.composite
def cases(
    draw: st.DrawFn, count: st.SearchStrategy[int], types: st.SearchStrategy[RuleType]
) -> tuple[World, list[RiskRule]]:
    w = draw(worlds())
    rules = []
    for n in range(draw(count)):
        rule_type = draw(types)
        if rule_type is RuleType.BUYING_POWER and draw(st.booleans()):
            w = _at_buying_power(draw, w)
        scope = draw(st.sampled_from([RuleScope.ACCOUNT] * 3 + [RuleScope.AGENT]))
        actions = [Action.BLOCK, Action.WARN] + ([Action.REDUCE] if rule_type in SIZE_TYPES else [])
        params, w = params_for(draw, rule_type, w)
        rules.append(
            rule(
                rule_type,
                params,
                action=draw(st.sampled_from(actions)),
                scope=scope,
                agent_id="a1" if scope is RuleScope.AGENT else None,
                rule_id=f"r-{n:02d}",
            )
        )
    return w, rules
