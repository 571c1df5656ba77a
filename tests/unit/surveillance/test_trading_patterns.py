"""Wash trading, quote stuffing, momentum ignition and marking the close on hand-built flows."""

from __future__ import annotations

import pytest

from domain.surveillance.detections import AbusePattern
from tests.unit.surveillance.flows import BUY, CLOSE_S, SELL, Flow


def patterns(flow: Flow) -> list[AbusePattern]:
    return [d.pattern for d in flow.found()]


# -- wash trading ----------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("second_account", "second_agent"), [("a2", "bot1"), ("a1", "bot2")], ids=["accounts", "agents"]
)
def test_buys_and_sells_matching_across_accounts_or_agents_of_one_owner_are_wash_trades(
    second_account: str, second_agent: str
) -> None:
    # Arrange
    flow = Flow()

    # Act: twice, a buy in one and the same sell in the other a second later
    for t in (0.0, 40.0):
        flow.trade(t, BUY, 300, account="a1", agent="bot1")
        flow.trade(t + 1, SELL, 300, account=second_account, agent=second_agent)
    found = flow.found()

    # Assert
    assert [d.pattern for d in found] == [AbusePattern.WASH_TRADING]
    assert found[0].observed["pairs"] == 2
    assert len(found[0].fills) == 4


def test_one_account_and_agent_buying_and_selling_is_market_making_not_wash() -> None:
    # Arrange
    flow = Flow()

    # Act
    for t in (0.0, 40.0, 80.0):
        flow.trade(t, BUY, 300)
        flow.trade(t + 1, SELL, 300)

    # Assert
    assert patterns(flow) == []


def test_pairs_must_match_in_size_and_price() -> None:
    # Arrange
    sizes, prices = Flow(), Flow()

    # Act
    for t in (0.0, 40.0):
        sizes.trade(t, BUY, 300, account="a1")
        sizes.trade(t + 1, SELL, 100, account="a2")
        buy = prices.order(t, BUY, 300, None, account="a1")
        prices.fill(t, buy, BUY, 300, 100.0, account="a1")
        sell = prices.order(t + 1, SELL, 300, None, account="a2")
        prices.fill(t + 1, sell, SELL, 300, 101.0, account="a2")  # 100 bp apart

    # Assert
    assert patterns(sizes) == patterns(prices) == []


# -- quote stuffing --------------------------------------------------------------------------
def stuff(flow: Flow, messages: int, seconds: float) -> None:
    gap = seconds / messages
    for i in range(messages // 2):
        order = flow.order(i * 2 * gap, BUY, 10, 99.90)
        flow.cancel((i * 2 + 1) * gap, order)


def test_a_hundred_orders_and_cancels_in_a_second_without_trades_is_quote_stuffing() -> None:
    # Arrange
    flow = Flow()

    # Act
    stuff(flow, 100, 1.0)
    found = flow.found()

    # Assert
    assert [d.pattern for d in found] == [AbusePattern.QUOTE_STUFFING]
    assert found[0].observed["messages"] == 50 and found[0].observed["fills"] == 0
    assert found[0].agents == ("bot1",) and len(found[0].orders) == 10


def test_the_same_messages_over_ten_seconds_are_not() -> None:
    # Arrange
    flow = Flow()

    # Act
    stuff(flow, 100, 10.0)

    # Assert
    assert patterns(flow) == []


# -- momentum ignition ------------------------------------------------------------------------
def burst(flow: Flow, exit_after: float) -> None:
    """Four aggressive buys in 1.5 s lifting the price 40 bp, then sold back `exit_after` later."""
    for i in range(4):
        price = 100.0 + i * 0.1
        order = flow.order(i * 0.5, BUY, 200, None, bid=price - 0.01, ask=price)
        flow.fill(i * 0.5, order, BUY, 200, price + 0.1)
    for i in range(2):
        t = 1.5 + exit_after + i
        order = flow.order(t, SELL, 400, 100.4, bid=100.4, ask=100.41)
        flow.fill(t, order, SELL, 400, 100.4)


def test_an_aggressive_burst_sold_back_within_seconds_is_momentum_ignition() -> None:
    # Arrange
    flow = Flow()

    # Act
    burst(flow, exit_after=10.0)
    found = flow.found()

    # Assert
    assert [d.pattern for d in found] == [AbusePattern.MOMENTUM_IGNITION]
    observed = found[0].observed
    assert observed["burst_fills"] == 4 and observed["move_bps"] > 20
    assert observed["reversal_ratio"] >= 0.5


def test_a_momentum_trade_held_for_minutes_is_not() -> None:
    # Arrange
    flow = Flow()

    # Act
    burst(flow, exit_after=300.0)

    # Assert
    assert patterns(flow) == []


# -- marking the close -----------------------------------------------------------------------
def marking(flow: Flow, *, aggressive: bool, impact: float) -> None:
    """A small trade at noon, then five buys in the last five minutes lifting the price."""
    flow.trade(0.0, SELL, 50)
    for i in range(5):
        t = CLOSE_S - 300 + i * 50
        price = 100.0 + impact * i / 4
        if aggressive:
            order = flow.order(t, BUY, 200, None, bid=price - 0.01, ask=price)
        else:
            order = flow.order(t, BUY, 200, price - 0.01, bid=price - 0.01, ask=price)
        flow.fill(t, order, BUY, 200, price if aggressive else price - 0.01)


def test_aggressive_one_sided_buying_into_the_close_that_lifts_the_price_marks_it() -> None:
    # Arrange
    flow = Flow()

    # Act
    marking(flow, aggressive=True, impact=0.8)
    found = flow.found()

    # Assert
    assert [d.pattern for d in found] == [AbusePattern.MARKING_THE_CLOSE]
    assert found[0].observed["side"] == "buy" and found[0].observed["impact_bps"] >= 30


def test_passive_buying_or_buying_without_impact_does_not() -> None:
    # Arrange
    passive, flat = Flow(), Flow()

    # Act
    marking(passive, aggressive=False, impact=0.8)
    marking(flat, aggressive=True, impact=0.05)

    # Assert
    assert patterns(passive) == patterns(flat) == []
