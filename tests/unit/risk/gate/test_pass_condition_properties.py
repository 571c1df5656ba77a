"""Property: the pass conditions written for speed say what the limits say.

Some pass conditions are written to cost fewer Decimal operations on the gate's pass path
than the limit as stated: the price collar multiplies the mark by 1 -/+ max_pct instead of
adding and subtracting a band, the gross exposure and leverage caps add the order to what is
held instead of subtracting what is held from the cap (so the screen computes that sum once
for both), the net cap compares with -cap and cap instead of taking an absolute value, the
position limit skips adding a zero for a side with no open order, the throttle answers from
the size of the key's window before counting it, and the trading hours read one span where
the day and the window overlap. Each is checked here against the limit written plainly, on
worlds whose numbers sit on, just inside and just outside every limit (screen_cases.py).
Both the screen and the exact path run these pass conditions, so the screen's own property
(test_screen_properties.py) cannot tell a wrong rewrite from a right one: this one can.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from domain.numbers import ZERO
from domain.risk.controls.base import Case, Control
from domain.risk.controls.flow import OrderRateThrottle
from domain.risk.controls.guards import PriceCollar
from domain.risk.controls.hours import TradingHours
from domain.risk.controls.limits import GrossExposure, MaxLeverage, MaxPosition, NetExposure
from domain.risk.rules import RiskRule, RuleType, compile_rule
from tests.kit.gate import BUY
from tests.unit.risk.gate.screen_cases import World, cases, value_of


def _case(w: World) -> Case:
    """The order of `w` as the gate prepares it for its controls."""
    o, v = w.order, w.view
    unit, value = value_of(w)
    reduces = v.reduces(o.symbol, o.side, o.quantity)
    fields = (o, o.quantity, unit, value, reduces, v, o.symbol, o.side is BUY)
    return Case(*fields, v.marks[o.symbol], v.instruments[o.symbol])


def _collar(c: PriceCollar, case: Case) -> bool:
    order, mark = case.order, case.mark
    band = c._band(order, case.view)
    low, high = mark - band, mark + band
    prices = (p for p in (order.limit_price, order.stop_price) if p is not None)
    return all(low <= price <= high for price in prices)


def _gross(c: GrossExposure, case: Case) -> bool:
    return case.reduces or case.value <= c.cap(case.view) - case.view.total_gross


def _leverage(c: MaxLeverage, case: Case) -> bool:
    view = case.view
    if case.reduces:
        return True
    return view.equity > ZERO and case.value <= c.max_leverage * view.equity - view.total_gross


def _net(c: NetExposure, case: Case) -> bool:
    net = case.view.total_net
    after = net + case.value if case.buy else net - case.value
    return abs(after) <= c.cap(case.view) or abs(after) <= abs(net)


def _position(c: MaxPosition, case: Case) -> bool:
    view, symbol, quantity = case.view, case.symbol, case.quantity
    if case.reduces or (c.symbols is not None and symbol not in c.symbols):
        return True
    position = view.positions.get(symbol, ZERO)
    if case.buy:
        size = position + view.open_buy_qty.get(symbol, ZERO) + quantity
    else:
        size = quantity + view.open_sell_qty.get(symbol, ZERO) - position
    limits: list[tuple[Decimal, Decimal | None]] = [
        (size, c.max_quantity),
        (size * case.unit, c.max_notional),
        (size * case.unit, None if c.max_pct_equity is None else c.max_pct_equity * view.equity),
    ]
    return all(limit is None or used <= limit for used, limit in limits)


def _rate(c: OrderRateThrottle, case: Case) -> bool:
    key = c._key(case.order)
    flow, now = case.view.flow, case.view.now_ts
    return not flow.rate_exceeded(key, now, c.per_second, c.per_minute)


def _hours(c: TradingHours, case: Case) -> bool:
    c.check(case)  # the exact path: it caches the day (and the venue's span) the pass reads
    ts = case.view.now_ts
    if c.calendar is not None:
        span = c._open_spans.get(case.symbol)
        if span is None or not span[0] <= ts < span[1]:
            return False
    if not c.window:
        return True
    return c._day_start <= ts < c._valid_until and c._open_ts <= ts < c._close_ts


PLAINLY: dict[RuleType, Callable[[Control, Case], bool]] = {
    RuleType.PRICE_COLLAR: _collar,  # type: ignore[dict-item]
    RuleType.GROSS_EXPOSURE: _gross,  # type: ignore[dict-item]
    RuleType.MAX_LEVERAGE: _leverage,  # type: ignore[dict-item]
    RuleType.NET_EXPOSURE: _net,  # type: ignore[dict-item]
    RuleType.MAX_POSITION_SIZE: _position,  # type: ignore[dict-item]
    RuleType.ORDER_RATE: _rate,  # type: ignore[dict-item]
    RuleType.TRADING_HOURS: _hours,  # type: ignore[dict-item]
}


@pytest.mark.parametrize("kind", list(PLAINLY))
@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_a_pass_condition_written_for_speed_says_what_its_limit_says(
    kind: RuleType, data: st.DataObject
) -> None:
    # Arrange: one rule of the kind, on or near what the order uses.
    w, [only] = data.draw(cases(st.just(1), st.just(kind)))
    rule: RiskRule = only
    control = compile_rule(rule)
    case = _case(w)
    expected = PLAINLY[kind](control, case)

    # Act
    passed = control.passes(case)

    # Assert
    assert passed == expected
