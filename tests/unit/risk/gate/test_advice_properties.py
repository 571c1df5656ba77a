"""The quantity Bulwark advises is one the gate accepts.

The pre-trade analysis' headroom (`POST /risk/analyze`, and the MCP tools' `most_that_fits` built
on it) tells an agent the largest quantity a size limit still admits. Over every order type and
side, shares, option contracts and fractions of a coin: that quantity is a whole number of lots
the order's terms accept, the gate approves the same order at that quantity, and one lot more is
denied. So the advice values the order exactly as the gate does (domain/risk/pricing.py): advice
priced at the reference price while the gate prices a buy stop-limit at its limit would send the
agent back with a quantity the gate denies again.
"""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from domain.margin import MarginSchedule
from domain.risk.analysis import trade_facts
from domain.risk.reasons import ReasonCode
from domain.risk.rules import RuleType
from domain.trading.orders import Order, OrderType
from domain.trading.terms import check_order_terms
from tests.kit.gate import BUY, SELL, D, account, instrument, instruments, order, policy, rule, view

CAP = D(10_000)
MAX_NOTIONAL = rule(RuleType.MAX_ORDER_NOTIONAL, {"max_notional": str(CAP)})
# (symbol, multiplier, lot size): a share, an option contract on 100 shares, a coin in 0.0001s.
KINDS = [
    ("AAPL", D(1), D(1)),
    ("AAPL 261218C00200000", D(100), D(1)),
    ("BTC/USD", D(1), D("0.0001")),
]
PRICES = st.decimals(min_value="0.01", max_value="500", places=2)


@st.composite
def orders(draw: st.DrawFn) -> tuple[Order, Decimal, Decimal, Decimal]:
    """An order of any type and side on one of KINDS, its mark, multiplier and lot size."""
    symbol, multiplier, lot = draw(st.sampled_from(KINDS))
    order_type = draw(st.sampled_from(list(OrderType)))
    limit = draw(PRICES) if order_type in (OrderType.LIMIT, OrderType.STOP_LIMIT) else None
    stop = draw(PRICES) if order_type in (OrderType.STOP, OrderType.STOP_LIMIT) else None
    lots = draw(st.integers(min_value=1, max_value=2_000_000))
    made = order(symbol, draw(st.sampled_from([BUY, SELL])), lots * lot, limit=limit, stop=stop)
    return made, draw(PRICES), multiplier, lot


def of_quantity(o: Order, quantity: Decimal) -> Order:
    """The same order for `quantity`."""
    return order(o.symbol, o.side, quantity, limit=o.limit_price, stop=o.stop_price)


@settings(max_examples=150)
@given(case=orders())
def test_the_advised_quantity_is_accepted_and_one_lot_more_is_denied(
    case: tuple[Order, Decimal, Decimal, Decimal],
) -> None:
    # Arrange: a cash-rich account and the notional cap, on one of KINDS at `mark`
    o, mark, multiplier, lot = case
    symbol = o.symbol
    listed = instrument(symbol, lot=lot, mult=multiplier, tick="0.01")
    acct = account(cash=10**12)
    risk_view = view(acct, {symbol: mark}, universe=instruments(listed))
    gate = policy(MAX_NOTIONAL)

    # Act
    facts = trade_facts(o, acct, risk_view, gate, MarginSchedule())
    [room] = [h for h in facts.headroom if h.code is ReasonCode.MAX_ORDER_NOTIONAL]
    advised = room.capacity

    # Assert: whole lots the gate approves; one lot more it denies
    if advised > 0:
        check_order_terms(of_quantity(o, advised), listed, mark)  # raises when not whole lots
        assert gate.evaluate(of_quantity(o, advised), risk_view).approved, advised
    more = gate.evaluate(of_quantity(o, advised + lot), risk_view)
    assert (more.approved, more.reasons) == (False, (ReasonCode.MAX_ORDER_NOTIONAL,)), advised
