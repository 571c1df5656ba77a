"""Flow controls: order-rate throttle and duplicate detection, over an OrderFlow."""

from __future__ import annotations

import pytest

from domain.errors import InvalidRule
from domain.risk.flow import OrderFlow
from domain.risk.reasons import Action, ReasonCode, RuleScope
from domain.risk.rules import RuleType, compile_rule
from domain.trading.orders import Order, Origin
from tests.kit.gate import (
    BUY,
    NOW_TS,
    SELL,
    USER,
    D,
    account,
    agent,
    controls,
    decide,
    order,
    rule,
    strategy,
    view,
)

RATE = RuleType.ORDER_RATE
DUPLICATE = RuleType.DUPLICATE_ORDER


def flow_of(*sent: tuple[float, Order]) -> OrderFlow:
    """An OrderFlow holding `sent` (seconds relative to NOW, order), oldest first."""
    flow = OrderFlow()
    for offset, sent_order in sent:
        flow.record(sent_order, NOW_TS + offset)
    return flow


def sent_by(origin: Origin, n: int = 1) -> Order:
    return order("MSFT", BUY, 1, origin=origin, order_id=f"sent-{n}")


# -- OrderRateThrottle --------------------------------------------------------------


@pytest.mark.parametrize(
    ("offsets", "approved"),
    [
        pytest.param((-0.5, -0.2), False, id="two-in-last-second"),
        pytest.param((-1.5, -0.5), True, id="one-in-last-second"),
        # the window is [now − 1 s, now]: an order exactly 1 s ago still counts
        pytest.param((-1.0, -0.5), False, id="boundary-counts"),
    ],
)
def test_order_rate_per_second(offsets: tuple[float, float], approved: bool) -> None:
    # Arrange
    throttle = rule(RATE, {"per_second": 2})
    flow = flow_of(*((offset, sent_by(USER, n)) for n, offset in enumerate(offsets)))

    # Act
    decision = decide(order("AAPL", BUY, 1), view(account(), flow=flow), throttle)

    # Assert
    assert decision.approved is approved
    assert decision.reasons == (() if approved else (ReasonCode.ORDER_RATE,))


@pytest.mark.parametrize(
    ("offsets", "approved"),
    [
        pytest.param((-59.0, -30.0, -10.0), False, id="three-in-last-minute"),
        pytest.param((-61.0, -30.0, -10.0), True, id="oldest-outside-minute"),
    ],
)
def test_order_rate_per_minute(offsets: tuple[float, ...], approved: bool) -> None:
    # Arrange
    throttle = rule(RATE, {"per_minute": 3})
    flow = flow_of(*((offset, sent_by(USER, n)) for n, offset in enumerate(offsets)))

    # Act
    decision = decide(order("AAPL", BUY, 1), view(account(), flow=flow), throttle)

    # Assert
    assert decision.approved is approved


def test_order_rate_account_rule_counts_every_origin() -> None:
    # Arrange: one order from an agent, one from a strategy, both within the second.
    throttle = rule(RATE, {"per_second": 2})
    flow = flow_of((-0.5, sent_by(agent("a1"), 1)), (-0.2, sent_by(strategy("s1"), 2)))

    # Act
    decision = decide(order("AAPL", BUY, 1, origin=USER), view(account(), flow=flow), throttle)

    # Assert
    assert decision.reasons == (ReasonCode.ORDER_RATE,)


def test_order_rate_agent_rule_counts_only_that_agent() -> None:
    # Arrange: two orders from agent a2 in the last second; a1 sent none.
    throttle = rule(RATE, {"per_second": 2}, scope=RuleScope.AGENT, agent_id="a1")
    flow = flow_of((-0.5, sent_by(agent("a2"), 1)), (-0.2, sent_by(agent("a2"), 2)))

    # Act
    decision = decide(
        order("AAPL", BUY, 1, origin=agent("a1")), view(account(), flow=flow), throttle
    )

    # Assert
    assert decision.approved is True
    assert "OrderRateThrottle" in controls(decision)


def test_order_rate_agent_rule_blocks_that_agent_at_its_limit() -> None:
    # Arrange: two orders from a1 in the last second.
    throttle = rule(RATE, {"per_second": 2}, scope=RuleScope.AGENT, agent_id="a1")
    flow = flow_of((-0.5, sent_by(agent("a1"), 1)), (-0.2, sent_by(agent("a1"), 2)))

    # Act
    decision = decide(
        order("AAPL", BUY, 1, origin=agent("a1")), view(account(), flow=flow), throttle
    )

    # Assert
    assert decision.reasons == (ReasonCode.ORDER_RATE,)


def test_order_rate_agent_rule_does_not_apply_to_other_origins() -> None:
    # Arrange: a1 is at its limit, but the order comes from the user.
    throttle = rule(RATE, {"per_second": 2}, scope=RuleScope.AGENT, agent_id="a1")
    flow = flow_of((-0.5, sent_by(agent("a1"), 1)), (-0.2, sent_by(agent("a1"), 2)))

    # Act
    decision = decide(order("AAPL", BUY, 1, origin=USER), view(account(), flow=flow), throttle)

    # Assert
    assert decision.approved is True
    assert "OrderRateThrottle" not in controls(decision)


def test_order_rate_warn_approves_with_the_warning() -> None:
    # Arrange
    throttle = rule(RATE, {"per_second": 1}, action=Action.WARN)
    flow = flow_of((-0.5, sent_by(USER)))

    # Act
    decision = decide(order("AAPL", BUY, 1), view(account(), flow=flow), throttle)

    # Assert
    assert (decision.approved, decision.quantity) == (True, D(1))
    assert decision.warnings == (ReasonCode.ORDER_RATE,)


# -- DuplicateOrder -----------------------------------------------------------------


def twin() -> Order:
    return order("AAPL", BUY, 10, limit=100, order_id="twin")


@pytest.mark.parametrize(
    ("offset", "approved"),
    [
        pytest.param(-3.0, False, id="within-5s"),
        pytest.param(-5.0, False, id="exactly-5s"),  # now − seen = 5, not > 5
        pytest.param(-6.0, True, id="outside-5s"),
    ],
)
def test_duplicate_order_default_window_is_5_seconds(offset: float, approved: bool) -> None:
    # Arrange
    duplicate = rule(DUPLICATE, {})
    flow = flow_of((offset, twin()))

    # Act
    decision = decide(order("AAPL", BUY, 10, limit=100), view(account(), flow=flow), duplicate)

    # Assert
    assert decision.approved is approved
    assert decision.reasons == (() if approved else (ReasonCode.DUPLICATE_ORDER,))


def test_duplicate_order_custom_window() -> None:
    # Arrange: 6 s ago is inside a 10 s window.
    duplicate = rule(DUPLICATE, {"window_seconds": 10})
    flow = flow_of((-6.0, twin()))

    # Act
    decision = decide(order("AAPL", BUY, 10, limit=100), view(account(), flow=flow), duplicate)

    # Assert
    assert decision.reasons == (ReasonCode.DUPLICATE_ORDER,)


@pytest.mark.parametrize(
    "candidate",
    [
        pytest.param(order("AAPL", BUY, 11, limit=100), id="other-quantity"),
        pytest.param(order("AAPL", SELL, 10, limit=100), id="other-side"),
        pytest.param(order("AAPL", BUY, 10, limit="100.01"), id="other-price"),
        pytest.param(order("MSFT", BUY, 10, limit=100), id="other-symbol"),
        pytest.param(order("AAPL", BUY, 10), id="market-vs-limit"),
    ],
)
def test_duplicate_order_needs_the_same_side_symbol_quantity_and_price(candidate: Order) -> None:
    # Arrange
    duplicate = rule(DUPLICATE, {})
    flow = flow_of((-1.0, twin()))

    # Act
    decision = decide(candidate, view(account(100_000, ("AAPL", 50)), flow=flow), duplicate)

    # Assert
    assert decision.approved is True


def test_duplicate_order_with_an_empty_flow_passes() -> None:
    # Arrange
    duplicate = rule(DUPLICATE, {})

    # Act
    decision = decide(twin(), view(account()), duplicate)

    # Assert
    assert decision.approved is True


def test_duplicate_order_warn_approves_with_the_warning() -> None:
    # Arrange
    duplicate = rule(DUPLICATE, {}, action=Action.WARN)
    flow = flow_of((-1.0, twin()))

    # Act
    decision = decide(order("AAPL", BUY, 10, limit=100), view(account(), flow=flow), duplicate)

    # Assert
    assert decision.approved is True
    assert decision.warnings == (ReasonCode.DUPLICATE_ORDER,)


def test_duplicate_window_cannot_outlive_the_flow_horizon() -> None:
    # The flow remembers 60 s, so a longer window would silently shrink: refused instead.
    with pytest.raises(InvalidRule, match="window_seconds"):
        compile_rule(rule(DUPLICATE, {"window_seconds": 300}))


def test_duplicate_window_at_the_horizon_still_sees_the_twin() -> None:
    # Arrange: the twin went out 59 s ago; another order 1 s ago pruned anything before −61 s.
    duplicate = rule(DUPLICATE, {"window_seconds": 60})
    flow = flow_of((-59.0, twin()), (-1.0, order("MSFT", SELL, 1, order_id="other")))

    # Act
    decision = decide(order("AAPL", BUY, 10, limit=100), view(account(), flow=flow), duplicate)

    # Assert: 59 s ≤ 60 s, so this is a duplicate.
    assert decision.reasons == (ReasonCode.DUPLICATE_ORDER,)
