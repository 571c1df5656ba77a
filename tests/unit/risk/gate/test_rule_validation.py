"""Rule validation: every rule type compiles, bad params raise InvalidRule."""

from __future__ import annotations

import time
from typing import Any

import pytest

from domain.errors import InvalidRule
from domain.risk.reasons import Action, RuleScope
from domain.risk.rules import RiskRule, RuleType, compile_rule
from tests.kit.gate import (
    OWNER_ID,
    policy,
    rule,
)

T = RuleType

VALID: list[tuple[RuleType, dict[str, Any], str]] = [
    (T.MAX_ORDER_QUANTITY, {"max_quantity": 100}, "MaxOrderQuantity"),
    (T.MAX_ORDER_NOTIONAL, {"max_notional": "1e6"}, "MaxOrderNotional"),
    (T.PRICE_COLLAR, {"max_pct": "0.05"}, "PriceCollar"),
    (T.MAX_POSITION_SIZE, {"max_quantity": 10, "symbols": ["AAPL"]}, "MaxPosition"),
    (T.POSITION_LIMIT, {"max_pct_equity": 1}, "MaxPosition"),
    (T.GROSS_EXPOSURE, {"max_gross_pct": 2}, "GrossExposure"),
    (T.NET_EXPOSURE, {"max_net": 5}, "NetExposure"),
    (T.MAX_DAILY_LOSS, {"max_loss": 5, "max_loss_pct": "0.1"}, "MaxDailyLoss"),
    (T.MAX_DRAWDOWN, {"max_drawdown": "0.2"}, "MaxDrawdown"),
    (T.MAX_LEVERAGE, {"max_leverage": 4}, "MaxLeverage"),
    (T.SECTOR_CONCENTRATION, {}, "SectorConcentration"),
    (T.ORDER_RATE, {"per_second": 5, "per_minute": 100}, "OrderRateThrottle"),
    (T.DUPLICATE_ORDER, {"window_seconds": 2}, "DuplicateOrder"),
    (T.RESTRICTED_SYMBOLS, {"symbols": ["GME"], "allow_reducing": True}, "RestrictedSymbols"),
    (T.TRADING_HOURS, {"tz": "Asia/Tokyo", "start": "09:00", "end": "15:00"}, "TradingHours"),
    (T.TRADING_HOURS, {"calendar": False}, "TradingHours"),
    (T.BUYING_POWER, {}, "BuyingPower"),
    (T.SELF_MATCH, {}, "SelfMatch"),
    (T.MAX_OPEN_ORDERS, {"max_open": 50}, "MaxOpenOrders"),
]


def test_every_rule_type_has_a_valid_example() -> None:
    # Assert: the table below covers the whole RuleType vocabulary.
    assert {rule_type for rule_type, _, _ in VALID} == set(RuleType)


@pytest.mark.parametrize(("rule_type", "params", "control"), VALID, ids=[v[0] for v in VALID])
def test_valid_rule_compiles_to_its_control(
    rule_type: RuleType, params: dict[str, Any], control: str
) -> None:
    # Act
    compiled = compile_rule(rule(rule_type, params, action=Action.WARN, rule_id="r-9"))

    # Assert
    assert (compiled.name, compiled.action, compiled.rule_id) == (control, Action.WARN, "r-9")


@pytest.mark.parametrize(
    ("rule_type", "params", "message"),
    [
        # unknown params
        (T.MAX_ORDER_QUANTITY, {"max_quantity": 1, "max_qty": 2}, "unknown params ['max_qty']"),
        (T.SELF_MATCH, {"strict": True}, "unknown params ['strict']"),
        # missing required params
        (T.MAX_ORDER_QUANTITY, {}, "MAX_ORDER_QUANTITY.max_quantity: is required"),
        (T.MAX_ORDER_NOTIONAL, {}, "max_notional: is required"),
        (T.MAX_DRAWDOWN, {}, "max_drawdown: is required"),
        (T.MAX_LEVERAGE, {}, "max_leverage: is required"),
        (T.RESTRICTED_SYMBOLS, {}, "symbols: is required"),
        (T.MAX_OPEN_ORDERS, {}, "max_open: is required"),
        (T.MAX_POSITION_SIZE, {}, "give at least one limit"),
        (T.GROSS_EXPOSURE, {}, "give at least one limit"),
        (T.NET_EXPOSURE, {}, "give at least one limit"),
        (T.MAX_DAILY_LOSS, {}, "give at least one limit"),
        (T.PRICE_COLLAR, {}, "give at least one limit"),
        (T.ORDER_RATE, {}, "give at least one limit"),
        # negative, zero or not numbers
        # (the boundary's strict parser: domain/numbers.py, one message per kind of fault)
        (T.MAX_ORDER_QUANTITY, {"max_quantity": -1}, "must be greater than 0"),
        (T.MAX_ORDER_NOTIONAL, {"max_notional": 0}, "must be greater than 0"),
        (T.MAX_DAILY_LOSS, {"max_loss": "-5"}, "must be greater than 0"),
        (T.GROSS_EXPOSURE, {"max_gross": -1}, "must be greater than 0"),
        (T.DUPLICATE_ORDER, {"window_seconds": -1}, "must be greater than 0"),
        (T.MAX_LEVERAGE, {"max_leverage": "Infinity"}, "must be a plain decimal number"),
        (T.MAX_LEVERAGE, {"max_leverage": "NaN"}, "must be a plain decimal number"),
        (T.MAX_ORDER_QUANTITY, {"max_quantity": "ten"}, "must be a plain decimal number"),
        (T.MAX_ORDER_QUANTITY, {"max_quantity": "1_0"}, "must be a plain decimal number"),
        (T.MAX_ORDER_QUANTITY, {"max_quantity": " 10"}, "must be a plain decimal number"),
        (T.MAX_ORDER_QUANTITY, {"max_quantity": "١٢٣"}, "must be a plain decimal number"),
        (T.MAX_ORDER_QUANTITY, {"max_quantity": True}, "must be a number, not a boolean"),
        (T.MAX_ORDER_QUANTITY, {"max_quantity": [1]}, "must be a number written as a string"),
        # bounded before any conversion: a huge exponent is refused, never expanded
        (T.MAX_OPEN_ORDERS, {"max_open": "1e100000000"}, "must be between 1e-40 and 1e41"),
        (T.MAX_OPEN_ORDERS, {"max_open": 10**400}, "must be between 1e-40 and 1e41"),
        (T.MAX_OPEN_ORDERS, {"max_open": "1e6"}, "must be at most 100000"),
        (T.ORDER_RATE, {"per_second": 10_001}, "must be at most 10000"),
        (T.ORDER_RATE, {"per_minute": "600001"}, "must be at most 600000"),
        (T.PRICE_COLLAR, {"max_ticks": "1000001"}, "must be at most 1000000"),
        (T.DUPLICATE_ORDER, {"window_seconds": "60.5"}, "must be at most 60"),
        (T.MAX_LEVERAGE, {"max_leverage": "1001"}, "must be at most 1000"),
        (T.MAX_ORDER_QUANTITY, {"max_quantity": "1e-20"}, "at most 10 decimal places"),
        # fractions above 100%
        (T.MAX_POSITION_SIZE, {"max_pct_equity": "1.5"}, "must be at most 1"),
        (T.MAX_DRAWDOWN, {"max_drawdown": 2}, "must be at most 1"),
        (T.MAX_DAILY_LOSS, {"max_loss_pct": "1.01"}, "must be at most 1"),
        (T.PRICE_COLLAR, {"max_pct": "1.5"}, "must be at most 1"),
        (T.SECTOR_CONCENTRATION, {"max_pct": 2}, "must be at most 1"),
        # whole numbers
        (T.ORDER_RATE, {"per_second": "1.5"}, "must be a whole number"),
        (T.MAX_OPEN_ORDERS, {"max_open": "2.5"}, "must be a whole number"),
        (T.PRICE_COLLAR, {"max_ticks": "0.5"}, "must be a whole number"),
        # symbol lists and flags
        (T.RESTRICTED_SYMBOLS, {"symbols": "GME"}, "must be a list of symbols"),
        (T.RESTRICTED_SYMBOLS, {"symbols": []}, "at least one non-empty symbol"),
        (T.RESTRICTED_SYMBOLS, {"symbols": ["GME", " "]}, "at least one non-empty symbol"),
        (T.RESTRICTED_SYMBOLS, {"symbols": ["GME"], "allow_reducing": "yes"}, "true or false"),
        # trading hours
        (T.TRADING_HOURS, {"tz": "Mars/Olympus_Mons"}, "unknown time zone"),
        (T.TRADING_HOURS, {"tz": "../etc/passwd"}, "unknown time zone"),
        (T.TRADING_HOURS, {"start": "9am"}, "must be HH:MM"),
        (T.TRADING_HOURS, {"start": "16:00", "end": "09:30"}, "start must be before end"),
        (T.TRADING_HOURS, {"start": "10:00", "end": "10:00"}, "start must be before end"),
        (T.TRADING_HOURS, {"days": [0, 7]}, "weekdays 0 (Monday) to 6"),
        (T.TRADING_HOURS, {"days": "weekdays"}, "weekdays 0 (Monday) to 6"),
        (T.TRADING_HOURS, {"calendar": "yes"}, "must be true or false"),
    ],
)
def test_invalid_params_raise_invalid_rule(
    rule_type: RuleType, params: dict[str, Any], message: str
) -> None:
    # Arrange
    bad = rule(rule_type, params)

    # Act / Assert
    with pytest.raises(InvalidRule) as caught:
        compile_rule(bad)
    assert message in str(caught.value)
    assert caught.value.code == "INVALID_RULE"


NOT_QUANTITY_BASED = [
    (T.PRICE_COLLAR, {"max_pct": "0.05"}),
    (T.MAX_DAILY_LOSS, {"max_loss": 5}),
    (T.MAX_DRAWDOWN, {"max_drawdown": "0.2"}),
    (T.ORDER_RATE, {"per_second": 5}),
    (T.DUPLICATE_ORDER, {}),
    (T.RESTRICTED_SYMBOLS, {"symbols": ["GME"]}),
    (T.TRADING_HOURS, {}),
    (T.SELF_MATCH, {}),
    (T.MAX_OPEN_ORDERS, {"max_open": 5}),
]


@pytest.mark.parametrize(
    ("rule_type", "params"), NOT_QUANTITY_BASED, ids=[t for t, _ in NOT_QUANTITY_BASED]
)
def test_reduce_on_a_rule_that_is_not_about_size_is_invalid(
    rule_type: RuleType, params: dict[str, Any]
) -> None:
    # Act / Assert
    with pytest.raises(InvalidRule, match="cannot REDUCE an order"):
        compile_rule(rule(rule_type, params, action=Action.REDUCE))


@pytest.mark.parametrize(
    ("rule_type", "params"),
    [
        (T.MAX_ORDER_QUANTITY, {"max_quantity": 1}),
        (T.MAX_ORDER_NOTIONAL, {"max_notional": 1}),
        (T.MAX_POSITION_SIZE, {"max_quantity": 1}),
        (T.GROSS_EXPOSURE, {"max_gross": 1}),
        (T.NET_EXPOSURE, {"max_net": 1}),
        (T.MAX_LEVERAGE, {"max_leverage": 1}),
        (T.SECTOR_CONCENTRATION, {}),
        (T.BUYING_POWER, {}),
    ],
)
def test_reduce_on_a_size_rule_is_valid(rule_type: RuleType, params: dict[str, Any]) -> None:
    # Act
    compiled = compile_rule(rule(rule_type, params, action=Action.REDUCE))

    # Assert
    assert compiled.action is Action.REDUCE
    assert compiled.quantity_based is True


@pytest.mark.parametrize(
    ("scope", "message"),
    [
        (RuleScope.STRATEGY, "a strategy-scoped rule needs strategy_id"),
        (RuleScope.AGENT, "an agent-scoped rule needs agent_id"),
    ],
)
def test_scoped_rule_without_its_id_is_invalid(scope: RuleScope, message: str) -> None:
    # Act / Assert
    with pytest.raises(InvalidRule, match=message):
        RiskRule("r-1", OWNER_ID, T.MAX_ORDER_QUANTITY, {"max_quantity": 1}, scope=scope)


def test_compile_policy_raises_on_a_corrupt_rule() -> None:
    # Act / Assert: the caller must then deny every order of the account.
    with pytest.raises(InvalidRule):
        policy(rule(T.MAX_ORDER_QUANTITY, {"max_quantity": -1}))


def test_an_invalid_param_names_its_field_and_is_refused_before_any_conversion() -> None:
    # Arrange: int() of this once stalled the event loop for tens of seconds
    bad = rule(T.MAX_OPEN_ORDERS, {"max_open": "1e100000000"})
    started = time.perf_counter()

    # Act
    with pytest.raises(InvalidRule) as caught:
        compile_rule(bad)

    # Assert
    assert time.perf_counter() - started < 0.5
    assert caught.value.field == "params.max_open"


@pytest.mark.parametrize(
    ("rule_type", "params"),
    [
        (T.MAX_OPEN_ORDERS, {"max_open": 100_000}),
        (T.ORDER_RATE, {"per_second": "1e4", "per_minute": 600_000}),
        (T.DUPLICATE_ORDER, {"window_seconds": 60}),
        (T.MAX_LEVERAGE, {"max_leverage": 2.5}),
        (T.MAX_POSITION_SIZE, {"max_pct_equity": "1"}),
    ],
)
def test_params_at_their_bounds_compile(rule_type: RuleType, params: dict[str, Any]) -> None:
    # Act / Assert
    compile_rule(rule(rule_type, params))
