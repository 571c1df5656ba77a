"""Which edits of a risk rule loosen it: a higher maximum, a dropped one, deactivation, a weaker
action, a rule that no longer applies where it did; tightening is not a loosening."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest

from domain.risk.loosening import loosening
from domain.risk.reasons import Action, RuleScope
from domain.risk.rules import RiskRule, RuleType


def rule(rule_type: RuleType, params: dict[str, Any], **fields: Any) -> RiskRule:
    return RiskRule("rule-1", "alice", rule_type, params, account_id="acc-1", **fields)


NOTIONAL = rule(RuleType.MAX_ORDER_NOTIONAL, {"max_notional": "250000"})


def test_a_higher_maximum_is_looser_and_names_both_values() -> None:
    after = replace(NOTIONAL, params={"max_notional": "500000"})
    assert loosening(NOTIONAL, after) == ("max_notional 250000 -> 500000",)


@pytest.mark.parametrize(
    ("rule_type", "before", "after"),
    [
        (RuleType.MAX_ORDER_NOTIONAL, {"max_notional": "250000"}, {"max_notional": "1000"}),
        (RuleType.ORDER_RATE, {"per_second": 20}, {"per_second": 20, "per_minute": 100}),
        (RuleType.MAX_OPEN_ORDERS, {"max_open": 200}, {"max_open": 199}),
        (RuleType.MAX_DAILY_LOSS, {"max_loss_pct": "0.1"}, {"max_loss_pct": "0.05"}),
        (RuleType.DUPLICATE_ORDER, {"window_seconds": 5}, {"window_seconds": 10}),
        (RuleType.RESTRICTED_SYMBOLS, {"symbols": ["GME"]}, {"symbols": ["GME", "AMC"]}),
    ],
)
def test_tightening_or_adding_a_limit_is_not_a_loosening(
    rule_type: RuleType, before: dict[str, Any], after: dict[str, Any]
) -> None:
    assert loosening(rule(rule_type, before), rule(rule_type, after)) == ()


@pytest.mark.parametrize(
    ("rule_type", "before", "after", "named"),
    [
        (RuleType.ORDER_RATE, {"per_second": 20}, {"per_second": 50}, "per_second 20 -> 50"),
        (
            RuleType.ORDER_RATE,
            {"per_second": 20, "per_minute": 100},
            {"per_second": 20},
            "per_minute 100 -> none",
        ),
        (RuleType.MAX_OPEN_ORDERS, {"max_open": 200}, {"max_open": 500}, "max_open 200 -> 500"),
        (
            RuleType.MAX_DAILY_LOSS,
            {"max_loss": "1000"},
            {"max_loss": "1000.5"},
            "max_loss 1000 -> 1000.5",
        ),
        (RuleType.SECTOR_CONCENTRATION, {}, {"max_pct": "0.5"}, "max_pct none -> 0.5"),
        (
            RuleType.DUPLICATE_ORDER,
            {"window_seconds": 5},
            {"window_seconds": 1},
            "window_seconds 5 -> 1",
        ),
        (
            RuleType.RESTRICTED_SYMBOLS,
            {"symbols": ["GME", "AMC"]},
            {"symbols": ["GME"]},
            "symbols no longer restricted: AMC",
        ),
    ],
)
def test_a_limit_raised_or_dropped_is_looser(
    rule_type: RuleType, before: dict[str, Any], after: dict[str, Any], named: str
) -> None:
    assert loosening(rule(rule_type, before), rule(rule_type, after)) == (named,)


def test_deactivating_is_looser() -> None:
    assert loosening(NOTIONAL, replace(NOTIONAL, is_active=False)) == ("deactivated",)


@pytest.mark.parametrize(
    ("before", "after", "looser"),
    [
        (Action.BLOCK, Action.WARN, True),
        (Action.BLOCK, Action.HOLD, True),
        (Action.BLOCK, Action.REDUCE, True),
        (Action.HOLD, Action.REDUCE, True),
        (Action.WARN, Action.BLOCK, False),
        (Action.HOLD, Action.BLOCK, False),
    ],
)
def test_a_weaker_action_is_looser(before: Action, after: Action, looser: bool) -> None:
    found = loosening(replace(NOTIONAL, action=before), replace(NOTIONAL, action=after))
    assert bool(found) is looser


def test_a_rule_moved_to_another_account_or_type_is_looser() -> None:
    moved = loosening(NOTIONAL, replace(NOTIONAL, account_id="acc-2"))
    retyped = loosening(NOTIONAL, rule(RuleType.MAX_ORDER_QUANTITY, {"max_quantity": "10"}))
    assert moved == ("applies to account acc-1 -> account acc-2",)
    assert retyped == ("rule_type MAX_ORDER_NOTIONAL -> MAX_ORDER_QUANTITY",)


def test_a_rule_widened_to_every_account_is_not_looser() -> None:
    owner_wide = replace(NOTIONAL, account_id=None)
    global_ = replace(NOTIONAL, scope=RuleScope.GLOBAL, account_id=None)
    assert loosening(NOTIONAL, owner_wide) == ()
    assert loosening(NOTIONAL, global_) == ()
    assert loosening(owner_wide, NOTIONAL) == ("applies to the accounts of alice -> account acc-1",)


def test_an_inactive_rule_limited_nothing_so_no_edit_loosens_it() -> None:
    inactive = replace(NOTIONAL, is_active=False)
    assert loosening(inactive, replace(inactive, params={"max_notional": "9e9"})) == ()


def test_a_change_that_cannot_be_ordered_counts_as_looser() -> None:
    before = rule(RuleType.TRADING_HOURS, {"start": "09:30", "end": "16:00"})
    after = rule(RuleType.TRADING_HOURS, {"start": "09:30", "end": "15:00"})
    assert len(loosening(before, after)) == 1
    assert loosening(before, before) == ()
