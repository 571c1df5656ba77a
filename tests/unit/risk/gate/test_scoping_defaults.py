"""Scoping of rules to accounts and origins, and the default controls."""

from __future__ import annotations

import pytest

from domain.risk.reasons import Action, Outcome, ReasonCode, RuleScope
from domain.risk.rules import RiskRule, RuleType
from domain.trading.orders import Origin
from tests.kit.gate import (
    ACCOUNT_ID,
    BUY,
    OWNER_ID,
    USER,
    account,
    agent,
    controls,
    decide,
    order,
    policy,
    rule,
    strategy,
    verdict,
    view,
)

T = RuleType

# -- scoping ------------------------------------------------------------------------


def small_orders_only(
    scope: RuleScope,
    *,
    strategy_id: str | None = None,
    agent_id: str | None = None,
    account_id: str | None = None,
) -> RiskRule:
    return rule(
        T.MAX_ORDER_QUANTITY,
        {"max_quantity": 10},
        scope=scope,
        strategy_id=strategy_id,
        agent_id=agent_id,
        account_id=account_id,
    )


ONLY_S1 = small_orders_only(RuleScope.STRATEGY, strategy_id="s1")
ONLY_A1 = small_orders_only(RuleScope.AGENT, agent_id="a1")


@pytest.mark.parametrize(
    ("limit", "origin", "applies"),
    [
        pytest.param(ONLY_S1, strategy("s1"), True, id="strategy-rule-that-strategy"),
        pytest.param(ONLY_S1, strategy("s2"), False, id="strategy-rule-other-strategy"),
        pytest.param(ONLY_S1, agent("s1"), False, id="strategy-rule-agent-with-the-same-id"),
        pytest.param(ONLY_S1, USER, False, id="strategy-rule-user"),
        pytest.param(ONLY_A1, agent("a1"), True, id="agent-rule-that-agent"),
        pytest.param(ONLY_A1, agent("a2"), False, id="agent-rule-other-agent"),
        pytest.param(ONLY_A1, strategy("a1"), False, id="agent-rule-strategy-with-the-same-id"),
        pytest.param(ONLY_A1, USER, False, id="agent-rule-user"),
    ],
)
def test_origin_scoped_rule_applies_only_to_its_strategy_or_agent(
    limit: RiskRule, origin: Origin, applies: bool
) -> None:
    # Act
    decision = decide(order("AAPL", BUY, 11, origin=origin), view(account()), limit)

    # Assert
    assert ("MaxOrderQuantity" in controls(decision)) is applies
    assert decision.approved is not applies


def test_account_and_global_rules_apply_to_every_origin() -> None:
    # Arrange
    account_rule = rule(T.MAX_ORDER_QUANTITY, {"max_quantity": 10}, rule_id="r-1")
    global_rule = rule(
        T.MAX_ORDER_NOTIONAL, {"max_notional": 500}, scope=RuleScope.GLOBAL, rule_id="r-2"
    )
    gate = policy(account_rule, global_rule)

    # Act: 11 × 100 = 1,100 breaches both.
    decisions = [
        gate.evaluate(order("AAPL", BUY, 11, origin=o), view(account()))
        for o in (USER, agent("a1"), strategy("s1"))
    ]

    # Assert
    for decision in decisions:
        assert decision.reasons == (ReasonCode.MAX_ORDER_NOTIONAL, ReasonCode.MAX_ORDER_QUANTITY)


def test_inactive_rule_is_ignored() -> None:
    # Arrange
    limit = rule(T.MAX_ORDER_QUANTITY, {"max_quantity": 10}, is_active=False)

    # Act
    decision = decide(order("AAPL", BUY, 11), view(account()), limit)

    # Assert
    assert decision.approved is True
    assert controls(decision) == ["TradingStateControl", "ReduceOnlyFlag"]


@pytest.mark.parametrize(
    ("owner_id", "account_id", "scope", "applies"),
    [
        pytest.param(OWNER_ID, ACCOUNT_ID, RuleScope.ACCOUNT, True, id="this-account"),
        pytest.param(OWNER_ID, "acc-2", RuleScope.ACCOUNT, False, id="another-account"),
        pytest.param(OWNER_ID, None, RuleScope.ACCOUNT, True, id="all-of-owner-s-accounts"),
        pytest.param("owner-2", None, RuleScope.ACCOUNT, False, id="another-owner"),
        pytest.param("owner-2", "acc-2", RuleScope.GLOBAL, True, id="global-from-anyone"),
    ],
)
def test_account_matching(
    owner_id: str, account_id: str | None, scope: RuleScope, applies: bool
) -> None:
    # Arrange
    limit = rule(
        T.MAX_ORDER_QUANTITY,
        {"max_quantity": 10},
        owner_id=owner_id,
        account_id=account_id,
        scope=scope,
    )

    # Act
    decision = decide(order("AAPL", BUY, 11), view(account()), limit)

    # Assert
    assert ("MaxOrderQuantity" in controls(decision)) is applies


def test_rules_of_an_agent_in_another_account_are_ignored() -> None:
    # Arrange
    limit = small_orders_only(RuleScope.AGENT, agent_id="a1", account_id="acc-2")

    # Act
    decision = decide(order("AAPL", BUY, 11, origin=agent("a1")), view(account()), limit)

    # Assert
    assert decision.approved is True


def test_controls_for_an_origin_are_cached() -> None:
    # Arrange
    gate = policy(small_orders_only(RuleScope.AGENT, agent_id="a1"))

    # Act
    first, second = gate.controls_for(agent("a1")), gate.controls_for(agent("a1"))

    # Assert
    assert first is second
    assert [c.name for c in first] == ["TradingStateControl", "ReduceOnlyFlag", "MaxOrderQuantity"]


# -- defaults -----------------------------------------------------------------------


def test_defaults_are_added_to_an_empty_policy() -> None:
    # Act
    gate = policy(with_defaults=True)

    # Assert: guards first, then size controls (stable order within each group).
    assert [c.name for c in gate.controls] == [
        "TradingStateControl",
        "ReduceOnlyFlag",
        "SelfMatch",
        "BuyingPower",
        "SectorConcentration",
    ]
    assert all(c.rule_id is None and c.action is Action.BLOCK for c in gate.controls)


def test_no_defaults_when_with_defaults_is_false() -> None:
    # Act
    gate = policy(with_defaults=False)

    # Assert
    assert [c.name for c in gate.controls] == ["TradingStateControl", "ReduceOnlyFlag"]


@pytest.mark.parametrize(
    ("rule_type", "control"),
    [
        (T.BUYING_POWER, "BuyingPower"),
        (T.SELF_MATCH, "SelfMatch"),
        (T.SECTOR_CONCENTRATION, "SectorConcentration"),
    ],
)
def test_a_configured_rule_replaces_its_default(rule_type: RuleType, control: str) -> None:
    # Act
    gate = policy(rule(rule_type, action=Action.WARN, rule_id="mine"), with_defaults=True)

    # Assert
    matching = [c for c in gate.controls if c.name == control]
    assert len(matching) == 1
    assert (matching[0].rule_id, matching[0].action) == ("mine", Action.WARN)
    assert len(gate.controls) == 5


def test_an_inactive_rule_does_not_replace_its_default() -> None:
    # Act
    gate = policy(rule(T.BUYING_POWER, action=Action.WARN, is_active=False), with_defaults=True)

    # Assert
    buying_power = [c for c in gate.controls if c.name == "BuyingPower"]
    assert len(buying_power) == 1
    assert (buying_power[0].rule_id, buying_power[0].action) == (None, Action.BLOCK)


def test_default_sector_concentration_denies_a_concentrated_order() -> None:
    # Arrange: equity 100,000; 251 AAPL × 100 = 25,100 > 25% = 25,000.
    gate = policy(with_defaults=True)

    # Act
    decision = gate.evaluate(order("AAPL", BUY, 251), view(account()))

    # Assert
    assert decision.reasons == (ReasonCode.SECTOR_CONCENTRATION,)
    assert verdict(decision, "BuyingPower").outcome is Outcome.PASS


def test_an_agent_scoped_rule_does_not_remove_the_default_for_other_origins() -> None:
    # Arrange: the agent's own buying-power rule is a WARN; the user's orders should
    # still get the default BLOCK. Cash −60,000 + 3,200 XOM @50 = equity 100,000;
    # requirement 160,000 × 0.5 = 80,000 → 20,000 available.
    agent_rule = rule(T.BUYING_POWER, action=Action.WARN, scope=RuleScope.AGENT, agent_id="a1")
    sector = rule(T.SECTOR_CONCENTRATION, {"max_pct": 1}, rule_id="r-2")
    gate = policy(agent_rule, sector, with_defaults=True)

    # Act: 500 × 100 = 50,000 × 0.5 = 25,000 > 20,000 (TECH 50,000 ≤ 100% of equity).
    decision = gate.evaluate(
        order("AAPL", BUY, 500, origin=USER), view(account(-60_000, ("XOM", 3_200)))
    )

    # Assert
    assert decision.reasons == (ReasonCode.INSUFFICIENT_BUYING_POWER,)
