"""The limits live trading requires (only rules over every order of the account count) and the
default limits of a new account."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from itertools import count
from typing import Any

from domain.live_trading.limits import (
    REQUIRED_LIMITS,
    LimitDefaults,
    default_rules,
    missing_limits,
)
from domain.risk.reasons import Action, RuleScope
from domain.risk.rules import RiskRule, RuleType, compile_rule

DEFAULTS = LimitDefaults(Decimal(250_000), Decimal("0.1"), 20, 200)


def ids() -> Callable[[], str]:
    numbers = count(1)
    return lambda: f"rule-{next(numbers)}"


def every_required(account_id: str | None = "acc-1", **fields: Any) -> list[RiskRule]:
    params: dict[RuleType, dict[str, Any]] = {
        RuleType.MAX_ORDER_NOTIONAL: {"max_notional": "1000"},
        RuleType.MAX_DAILY_LOSS: {"max_loss": "100"},
        RuleType.ORDER_RATE: {"per_second": 5},
        RuleType.MAX_OPEN_ORDERS: {"max_open": 10},
    }
    return [
        RiskRule(f"r-{t.value}", "alice", t, params[t], account_id=account_id, **fields)
        for t in REQUIRED_LIMITS
    ]


def test_the_default_rules_set_every_required_limit_and_compile() -> None:
    # Act
    rules = default_rules("acc-1", "alice", DEFAULTS, ids())

    # Assert
    assert missing_limits(rules, "acc-1", "alice") == ()
    assert [r.id for r in rules] == ["rule-1", "rule-2", "rule-3", "rule-4"]
    for rule in rules:
        compile_rule(rule)
        assert (rule.owner_id, rule.account_id, rule.action) == ("alice", "acc-1", Action.BLOCK)
    assert {r.rule_type: dict(r.params) for r in rules} == {
        RuleType.MAX_ORDER_NOTIONAL: {"max_notional": "250000"},
        RuleType.MAX_DAILY_LOSS: {"max_loss_pct": "0.1"},
        RuleType.ORDER_RATE: {"per_second": 20},
        RuleType.MAX_OPEN_ORDERS: {"max_open": 200},
    }


def test_an_account_without_rules_lacks_every_required_limit() -> None:
    assert missing_limits([], "acc-1", "alice") == REQUIRED_LIMITS


def test_rules_of_the_owners_every_account_and_global_rules_count() -> None:
    # Arrange
    owner_wide = every_required(account_id=None)[:2]
    global_ = [
        RiskRule(r.id, "rita", r.rule_type, r.params, scope=RuleScope.GLOBAL)
        for r in every_required()[2:]
    ]

    # Act / Assert
    assert missing_limits([*owner_wide, *global_], "acc-1", "alice") == ()
    assert missing_limits(owner_wide, "acc-9", "bob") == REQUIRED_LIMITS


def test_inactive_warning_other_accounts_and_strategy_rules_do_not_count() -> None:
    # Arrange
    rules = [
        *every_required(is_active=False),
        *every_required(action=Action.WARN),
        *every_required(account_id="acc-2"),
        *every_required(scope=RuleScope.STRATEGY, strategy_id="momentum"),
    ]

    # Act / Assert
    assert missing_limits(rules, "acc-1", "alice") == REQUIRED_LIMITS
