"""The compiled screen: which policies get one, what it returns, and when the exact path decides."""

from __future__ import annotations

from decimal import Decimal

import pytest

from domain.risk.controls.base import Case, Control
from domain.risk.controls.flow import OrderRateThrottle
from domain.risk.controls.guards import SelfMatch
from domain.risk.controls.limits import MaxOrderQuantity, NetExposure
from domain.risk.flow import OrderFlow
from domain.risk.gate import Policy
from domain.risk.reasons import Outcome, ReasonCode
from domain.risk.rules import RuleType
from domain.risk.screen import ScreenSourceError, compile_screen
from domain.risk.view import AccountRiskView
from domain.trading.orders import Order, Side
from tests.kit.gate import (
    ACCOUNT_ID,
    BUY,
    NOW_TS,
    SELL,
    USER,
    D,
    account,
    decide,
    marks,
    order,
    policy,
    resting,
    rule,
    view,
)

EVERY_KIND = [
    rule(RuleType.MAX_ORDER_QUANTITY, {"max_quantity": 1_000}, rule_id="r-01"),
    rule(RuleType.MAX_ORDER_NOTIONAL, {"max_notional": 100_000}, rule_id="r-02"),
    rule(RuleType.PRICE_COLLAR, {"max_pct": "0.05", "max_ticks": 500}, rule_id="r-03"),
    rule(RuleType.MAX_POSITION_SIZE, {"max_pct_equity": "0.5"}, rule_id="r-04"),
    rule(RuleType.GROSS_EXPOSURE, {"max_gross_pct": 2}, rule_id="r-05"),
    rule(RuleType.NET_EXPOSURE, {"max_net": 500_000, "max_net_pct": 1}, rule_id="r-06"),
    rule(RuleType.MAX_DAILY_LOSS, {"max_loss_pct": "0.1"}, rule_id="r-07"),
    rule(RuleType.MAX_DRAWDOWN, {"max_drawdown": "0.2"}, rule_id="r-08"),
    rule(RuleType.MAX_LEVERAGE, {"max_leverage": 2}, rule_id="r-09"),
    rule(RuleType.SECTOR_CONCENTRATION, {"max_pct": "0.5"}, rule_id="r-10"),
    rule(RuleType.ORDER_RATE, {"per_second": 5, "per_minute": 100}, rule_id="r-11"),
    rule(RuleType.DUPLICATE_ORDER, {"window_seconds": 5}, rule_id="r-12"),
    rule(RuleType.RESTRICTED_SYMBOLS, {"symbols": ["GME"]}, rule_id="r-13"),
    rule(RuleType.TRADING_HOURS, {}, rule_id="r-14"),
    rule(RuleType.BUYING_POWER, {}, rule_id="r-15"),
    rule(RuleType.SELF_MATCH, {}, rule_id="r-16"),
    rule(RuleType.MAX_OPEN_ORDERS, {"max_open": 10}, rule_id="r-17"),
]


class Unscreened(Control):
    """A control with a breach() but no pass source, as a plug-in control would be."""

    __slots__ = ()
    code = ReasonCode.MAX_ORDER_QUANTITY
    quantity_based = True

    def breach(
        self,
        order: Order,
        quantity: Decimal,
        unit: Decimal,
        value: Decimal,
        reduces: bool,
        view: AccountRiskView,
    ) -> Decimal | None:
        return None if quantity <= 10 else D(10)


class AssignsValue(MaxOrderQuantity):
    """A pass condition that would change `value` for every control after it."""

    __slots__ = ()

    def passes(self, case: Case) -> bool:
        value = case.value * 0
        return value <= self.max_quantity


class PassesEarly(MaxOrderQuantity):
    """A pass condition that returns True before its end: the screen cannot inline it."""

    __slots__ = ()

    def passes(self, case: Case) -> bool:
        if case.reduces:
            return True
        return case.quantity <= self.max_quantity


def test_every_built_in_control_compiles_into_the_screen() -> None:
    # Arrange
    gate = policy(*EVERY_KIND, with_defaults=True)

    # Act
    source = gate.screen_source(USER)

    # Assert: one block per control, built-ins included.
    for control in gate.controls_for(USER):
        assert f"# {control.name}\n" in source
    assert len(gate.controls_for(USER)) == 19


def test_an_order_that_passes_everything_gets_the_constant_pass_verdicts() -> None:
    # Arrange: the same policy twice, one for each path.
    rules = (*EVERY_KIND,)
    screened, exact = policy(*rules), policy(*rules)
    buy, risk_view = order("AAPL", BUY, 10, limit=100), view(account(), flow=OrderFlow())

    # Act: the first order of a day takes the exact path (it caches the day's session).
    cold = screened.evaluate(buy, risk_view)
    first, second = screened.evaluate(buy, risk_view), screened.evaluate(buy, risk_view)
    reference = exact.evaluate(buy, risk_view, exact=True)

    # Assert: the same decision; the screened ones reuse the policy's pass tuple.
    assert cold == first == reference
    assert first.approved and all(v.outcome is Outcome.PASS for v in first.verdicts)
    assert first.verdicts is second.verdicts
    assert cold.verdicts is not first.verdicts


def test_a_control_without_a_pass_source_keeps_the_policy_on_the_exact_path() -> None:
    # Arrange
    gate = Policy(ACCOUNT_ID, [Unscreened(rule_id="r-x")])

    # Act
    passed = gate.evaluate(order("AAPL", BUY, 10), view(account()))
    denied = gate.evaluate(order("AAPL", BUY, 11), view(account()))

    # Assert
    assert gate.screen_source(USER) == ""
    assert passed.approved and passed.quantity == D(10)
    assert denied.approved is False
    assert denied.reasons == (ReasonCode.MAX_ORDER_QUANTITY,)


def test_policies_of_the_same_shape_keep_their_own_limits() -> None:
    # Arrange: one compiled source, two sets of bound limits.
    small = policy(rule(RuleType.MAX_ORDER_QUANTITY, {"max_quantity": 5}))
    large = policy(rule(RuleType.MAX_ORDER_QUANTITY, {"max_quantity": 50}))
    buy = order("AAPL", BUY, 10)

    # Act
    decisions = small.evaluate(buy, view(account())), large.evaluate(buy, view(account()))

    # Assert
    assert small.screen_source(USER) == large.screen_source(USER)
    assert [d.approved for d in decisions] == [False, True]


def test_a_pass_condition_that_assigns_an_argument_is_refused() -> None:
    # Act / Assert
    with pytest.raises(ScreenSourceError, match="'value'"):
        compile_screen((AssignsValue(D(1)),))


def test_a_pass_condition_that_passes_before_its_end_is_refused() -> None:
    # Act / Assert
    with pytest.raises(ScreenSourceError, match="PassesEarly"):
        compile_screen((PassesEarly(D(1)),))


def test_a_limit_left_unset_is_folded_out_of_the_screen() -> None:
    # Arrange: a position limit in quantity only, on every symbol.
    gate = policy(rule(RuleType.MAX_POSITION_SIZE, {"max_quantity": 100}))

    # Act
    source = gate.screen_source(USER)

    # Assert: no test of the notional, equity or symbol limits is left to run (what is None
    # there is only whether the side has open orders).
    block = source.split("# MaxPosition")[1]
    assert block.count("is None") == block.count("opened is None") == 2
    assert "size <= k" in block
    assert "size * unit" not in block
    assert "symbol in k" not in block


def test_fields_read_into_locals_of_their_names_leave_the_screen() -> None:
    # Arrange: SelfMatch.passes() starts with `order, view, symbol = case.order, ...`.
    gate = Policy(ACCOUNT_ID, [SelfMatch()])

    # Act
    body = gate.screen_source(USER).split("# SelfMatch\n")[1]

    # Assert: the screen reads its own arguments, and never assigns them.
    assert "view = " not in body and "symbol = " not in body
    assert "view.own_market_sells" in body


def test_an_error_inside_the_screen_is_decided_by_the_exact_path() -> None:
    # Arrange: a NaN mark on a held position makes equity NaN; comparing it raises.
    limit = rule(RuleType.MAX_DAILY_LOSS, {"max_loss": 1_000}, rule_id="r-loss")
    risk_view = view(account(100_000, ("MSFT", 10)), marks(MSFT="NaN"))

    # Act
    decision = decide(order("AAPL", BUY, 1), risk_view, limit)

    # Assert
    assert decision.approved is False
    assert decision.reasons == (ReasonCode.RISK_CHECK_ERROR,)
    assert decision == policy(limit).evaluate(order("AAPL", BUY, 1), risk_view, exact=True)


@pytest.mark.parametrize(
    ("side", "resting_side", "price", "crosses"),
    [
        pytest.param(BUY, SELL, 100, True, id="buy-at-own-ask"),
        pytest.param(BUY, SELL, "99.99", False, id="buy-below-own-ask"),
        pytest.param(SELL, BUY, 100, True, id="sell-at-own-bid"),
        pytest.param(SELL, BUY, "100.01", False, id="sell-above-own-bid"),
    ],
)
def test_self_match_at_the_own_price_screens_as_it_breaches(
    side: Side, resting_side: Side, price: str | int, crosses: bool
) -> None:
    # Arrange: a resting order of the other side at 100.
    book = [resting("AAPL", resting_side, 5, limit=100)]
    risk_view = view(account(100_000, open_orders=book))
    new = order("AAPL", side, 1, limit=price)
    gate = Policy(ACCOUNT_ID, [SelfMatch()])

    # Act
    decision = gate.evaluate(new, risk_view)

    # Assert
    assert decision.approved is not crosses
    assert decision == gate.evaluate(new, risk_view, exact=True)


def test_net_exposure_that_flips_sign_at_the_same_size_passes_on_both_paths() -> None:
    # Arrange: net +1,000 (10 AAPL at 100); selling 20 makes it -1,000: no larger, so it passes.
    risk_view = view(account(100_000, ("AAPL", 10)))
    sell = order("AAPL", SELL, 20)
    gate = Policy(ACCOUNT_ID, [NetExposure(absolute=D(500))])

    # Act
    decision = gate.evaluate(sell, risk_view)

    # Assert
    assert decision.approved is True
    assert decision == gate.evaluate(sell, risk_view, exact=True)


@pytest.mark.parametrize(("per_second", "per_minute"), [(0, None), (None, 0), (1, None)], ids=str)
def test_a_rate_limit_of_zero_denies_even_with_nothing_sent(
    per_second: int | None, per_minute: int | None
) -> None:
    # Arrange: a throttle built directly (rules refuse a zero limit); an empty flow.
    gate = Policy(ACCOUNT_ID, [OrderRateThrottle(per_second, per_minute)])
    buy = order("AAPL", BUY, 1)

    # Act
    decision = gate.evaluate(buy, view(account()))

    # Assert
    assert decision.approved is (per_second == 1)
    assert decision == gate.evaluate(buy, view(account()), exact=True)


def test_rate_exceeded_counts_as_count_since_does() -> None:
    # Arrange: three orders 59.5 s, 30 s and 0.5 s ago.
    flow = OrderFlow()
    for n, age in enumerate((59.5, 30.0, 0.5)):
        flow.record(order("MSFT", BUY, 1, order_id=f"s{n}"), NOW_TS - age)

    # Act / Assert
    assert flow.rate_exceeded("account", NOW_TS, 1, None) is True
    assert flow.rate_exceeded("account", NOW_TS, 2, None) is False
    assert flow.rate_exceeded("account", NOW_TS, None, 3) is True
    assert flow.rate_exceeded("account", NOW_TS, 2, 4) is False
    assert flow.rate_exceeded("user:nobody", NOW_TS, 1, 1) is False


def test_has_recent_follows_what_the_flow_remembers() -> None:
    # Arrange
    flow = OrderFlow(horizon=60.0)
    empty = flow.has_recent

    # Act: one order, then another 61 s later that prunes the first.
    flow.record(order("MSFT", BUY, 1, order_id="s1"), NOW_TS)
    after_one = flow.has_recent
    flow.record(order("MSFT", BUY, 2, order_id="s2"), NOW_TS + 61)

    # Assert
    assert (empty, after_one, flow.has_recent) == (False, True, True)
    assert flow.last_seen(OrderFlow.signature(order("MSFT", BUY, 1), D(1))) is None
