"""Fail-closed pricing: the gate never judges an order at less than it may cost.

Over every order type (market, limit, stop, stop-limit), side and size, options with their
multiplier, crypto in fractions of a coin and crypto contracts of a fraction of a coin: the price
the gate values one unit at (`unit_price`) is never below the highest price the order can fill
at, and never zero; an order a notional cap (block or reduce) or an exposure cap approves costs at
most the cap at that price, at the quantity approved; and an order without a positive reference
price is denied NO_REFERENCE_PRICE. Orders are sized in quantity only (the API has no
notional-sized orders).

The bypass classes known from other agents' order guards, each closed here by a property and a
named case (domain/risk/pricing.py):
1. a market order valued at a zero notional (no price on the order), skipping every notional cap;
2. a buy limit valued at the quote instead of its limit price, letting an order past a cap
   twofold when the limit is twice the quote;
3. an option's multiplier forgotten, valuing a contract on 100 shares as one share;
4. a missing reference price taken as zero instead of denying the order.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from domain.risk.pricing import unit_price
from domain.risk.reasons import Action, ReasonCode
from domain.risk.rules import RiskRule, RuleType
from domain.risk.view import AccountRiskView
from domain.trading.orders import Order, OrderType, Side
from tests.kit.gate import BUY, SELL, D, account, decide, instrument, instruments, order, rule, view

CAP = D(10_000)
MAX_NOTIONAL = rule(RuleType.MAX_ORDER_NOTIONAL, {"max_notional": str(CAP)})
# Caps on what an order is worth: each approves an order only within CAP (an account holding
# nothing has no gross exposure yet); the REDUCE one cuts the order to fit.
CAPS = {
    "notional, block": MAX_NOTIONAL,
    "notional, reduce": rule(
        RuleType.MAX_ORDER_NOTIONAL, {"max_notional": str(CAP)}, action=Action.REDUCE
    ),
    "gross exposure": rule(RuleType.GROSS_EXPOSURE, {"max_gross": str(CAP)}),
}
# (symbol, multiplier, lot size): a share, an option contract on 100 shares, a coin in 0.0001s,
# a crypto contract of 0.001 coin.
KINDS = [
    ("AAPL", D(1), D(1)),
    ("AAPL 261218C00200000", D(100), D(1)),
    ("BTC/USD", D(1), D("0.0001")),
    ("BTC-PERP", D("0.001"), D(1)),
]
PRICES = st.decimals(min_value="0.01", max_value="500", places=2)


def highest_fill(o: Order, mark: Decimal) -> Decimal:
    """The most one unit of `o` can fill at while the market stands at `mark`. A limit caps a
    buy. A buy stop fills at the market once the market reaches it: at its stop at the earliest.
    A sell's stop only says when it turns into a market or limit order, which then sells at the
    market or at its limit if that is higher (never above both)."""
    if o.order_type is OrderType.MARKET:
        return mark
    if o.side is Side.BUY:
        if o.order_type in (OrderType.LIMIT, OrderType.STOP_LIMIT):
            assert o.limit_price is not None
            return o.limit_price
        assert o.stop_price is not None
        return max(mark, o.stop_price)
    if o.order_type in (OrderType.LIMIT, OrderType.STOP_LIMIT):
        assert o.limit_price is not None
        return max(mark, o.limit_price)
    return mark


def priced(
    symbol: str, multiplier: Decimal, lot: Decimal, prices: dict[str, Decimal]
) -> AccountRiskView:
    """A cash-rich account's view with `symbol` listed at `multiplier` and `lot`, at `prices`."""
    universe = instruments(instrument(symbol, lot=lot, mult=multiplier, tick="0.01"))
    return view(account(cash=10**12), prices, universe=universe)


@st.composite
def orders(draw: st.DrawFn) -> tuple[Order, Decimal, Decimal, Decimal]:
    """An order of any type and side on one of KINDS, the mark, the multiplier and the lot."""
    symbol, multiplier, lot = draw(st.sampled_from(KINDS))
    order_type = draw(st.sampled_from(list(OrderType)))
    limit = draw(PRICES) if order_type in (OrderType.LIMIT, OrderType.STOP_LIMIT) else None
    stop = draw(PRICES) if order_type in (OrderType.STOP, OrderType.STOP_LIMIT) else None
    lots = draw(st.integers(min_value=1, max_value=2_000_000))
    side = draw(st.sampled_from([BUY, SELL]))
    made = order(symbol, side, lots * lot, limit=limit, stop=stop)
    return made, draw(PRICES), multiplier, lot


@settings(max_examples=400, deadline=None)
@given(case=orders())
def test_an_approved_order_costs_at_most_the_cap_at_the_highest_price_it_can_fill_at(
    case: tuple[Order, Decimal, Decimal, Decimal],
) -> None:
    # Arrange: a cash-rich account long enough that no sell is a short, and the cap
    o, mark, multiplier, lot = case
    risk_view = priced(o.symbol, multiplier, lot, {o.symbol: mark})

    # Act
    decision = decide(o, risk_view, MAX_NOTIONAL)

    # Assert
    worst = o.quantity * multiplier * highest_fill(o, mark)
    assert decision.approved is (worst <= CAP), (worst, decision.reasons)


@settings(max_examples=200, deadline=None)
@given(case=orders(), mark=st.sampled_from([None, D(0), D(-1), D("NaN")]))
def test_an_order_without_a_positive_reference_price_is_never_approved(
    case: tuple[Order, Decimal, Decimal, Decimal], mark: Decimal | None
) -> None:
    # Arrange: the instrument without a mark, or with one that prices nothing
    o, _, multiplier, lot = case
    risk_view = priced(o.symbol, multiplier, lot, {} if mark is None else {o.symbol: mark})

    # Act
    decision = decide(o, risk_view, MAX_NOTIONAL)

    # Assert
    assert decision.approved is False
    assert decision.reasons == (ReasonCode.NO_REFERENCE_PRICE,)


@settings(max_examples=200)
@given(case=orders())
def test_a_unit_is_never_valued_below_the_highest_price_it_can_fill_at_nor_at_zero(
    case: tuple[Order, Decimal, Decimal, Decimal],
) -> None:
    # Arrange
    o, mark, _, _ = case

    # Act
    unit = unit_price(o, mark)

    # Assert
    assert unit >= highest_fill(o, mark) > 0


@settings(max_examples=150)
@given(case=orders(), cap=st.sampled_from(sorted(CAPS)))
def test_no_cap_approves_a_quantity_that_costs_more_than_the_cap_at_its_highest_fill(
    case: tuple[Order, Decimal, Decimal, Decimal], cap: str
) -> None:
    # Arrange
    o, mark, multiplier, lot = case
    limit: RiskRule = CAPS[cap]
    risk_view = priced(o.symbol, multiplier, lot, {o.symbol: mark})

    # Act
    decision = decide(o, risk_view, limit)

    # Assert: at the quantity approved (a cut one too), whole lots within the cap
    if decision.approved:
        assert decision.quantity * multiplier * highest_fill(o, mark) <= CAP
        assert decision.quantity % lot == 0 and decision.quantity > 0


@pytest.mark.parametrize(
    ("bypass", "side", "limit", "stop"),
    [
        # A market order has no price of its own: valued at the reference price, never zero.
        ("market buy", BUY, None, None),
        ("market sell", SELL, None, None),
        # A marketable buy limit valued at the quote (100) rather than its limit (200).
        ("buy limit at twice the quote", BUY, "200", None),
        # A buy stop below the market triggers at once and buys at the market.
        ("buy stop far below the market", BUY, None, "0.01"),
        # A sell stop-limit whose limit is far below the market fills near the market.
        ("sell stop-limit with a token limit", SELL, "0.01", "150"),
        # A sell limit below the market fills near the market.
        ("sell limit far below the market", SELL, "0.01", None),
    ],
)
def test_the_known_pricing_bypasses_are_denied(
    bypass: str, side: Side, limit: str | None, stop: str | None
) -> None:
    # Arrange: AAPL at 100; 150 shares cost 15,000 at the market, past the 10,000 cap
    o = order("AAPL", side, 150, limit=limit, stop=stop)

    # Act
    decision = decide(o, view(account(cash=10**12)), MAX_NOTIONAL)

    # Assert
    assert decision.approved is False, bypass
    assert decision.reasons == (ReasonCode.MAX_ORDER_NOTIONAL,), bypass


def test_an_option_is_valued_with_its_multiplier() -> None:
    # Arrange: one contract on 100 shares at 150 a share is 15,000, past the cap
    symbol = "AAPL 261218C00200000"
    risk_view = priced(symbol, D(100), D(1), {symbol: D(150)})

    # Act
    decision = decide(order(symbol, BUY, 1), risk_view, MAX_NOTIONAL)

    # Assert
    assert decision.reasons == (ReasonCode.MAX_ORDER_NOTIONAL,)
