"""Whether an edit of a risk rule loosens it: lets through an order the rule stopped before.

A rule is looser after an edit when it is deactivated, its action weakens (BLOCK is the
strongest; HOLD and REDUCE let some orders through, each in its own way; WARN lets every order
through), a maximum rises or is dropped (a larger notional, loss, rate, open orders, ...), a
minimum falls (the duplicate window), a restricted symbol is removed, or the rule no longer
applies where it did (another type, another account, a narrower scope). A change that cannot
be ordered (a trading-hours window) counts as looser: the audit errs on the side of saying so.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from domain.numbers import InvalidNumber, parse_decimal
from domain.risk.reasons import Action, RuleScope
from domain.risk.rules import RiskRule, RuleType

_STRENGTH = {Action.BLOCK: 3, Action.HOLD: 2, Action.REDUCE: 2, Action.WARN: 1}
_POSITION = ("max_quantity", "max_notional", "max_pct_equity")
# Params whose larger value lets more through.
MAXIMA: Mapping[RuleType, tuple[str, ...]] = {
    RuleType.MAX_ORDER_QUANTITY: ("max_quantity",),
    RuleType.MAX_ORDER_NOTIONAL: ("max_notional",),
    RuleType.PRICE_COLLAR: ("max_pct", "max_ticks"),
    RuleType.MAX_POSITION_SIZE: _POSITION,
    RuleType.POSITION_LIMIT: _POSITION,
    RuleType.GROSS_EXPOSURE: ("max_gross", "max_gross_pct"),
    RuleType.NET_EXPOSURE: ("max_net", "max_net_pct"),
    RuleType.MAX_DAILY_LOSS: ("max_loss", "max_loss_pct"),
    RuleType.MAX_DRAWDOWN: ("max_drawdown",),
    RuleType.MAX_LEVERAGE: ("max_leverage",),
    RuleType.SECTOR_CONCENTRATION: ("max_pct",),
    RuleType.ORDER_RATE: ("per_second", "per_minute"),
    RuleType.MAX_OPEN_ORDERS: ("max_open",),
}
# Params whose smaller value lets more through.
MINIMA: Mapping[RuleType, tuple[str, ...]] = {RuleType.DUPLICATE_ORDER: ("window_seconds",)}
# What a missing param means (the control's own default), where it has one.
_IMPLIED: Mapping[tuple[RuleType, str], Decimal] = {
    (RuleType.SECTOR_CONCENTRATION, "max_pct"): Decimal("0.25"),
    (RuleType.DUPLICATE_ORDER, "window_seconds"): Decimal(5),
}
_NO_PARAMS = (RuleType.BUYING_POWER, RuleType.SELF_MATCH)


def loosening(before: RiskRule, after: RiskRule) -> tuple[str, ...]:
    """How `after` lets through more than `before` did, one phrase each; empty: it does not."""
    if not before.is_active:  # it limited nothing: no edit can loosen it
        return ()
    looser: list[str] = []
    if not after.is_active:
        looser.append("deactivated")
    if _weaker(before.action, after.action):
        looser.append(f"action {before.action.value} -> {after.action.value}")
    if after.rule_type is not before.rule_type:
        looser.append(f"rule_type {before.rule_type.value} -> {after.rule_type.value}")
        return tuple(looser)
    if not _covers(after, before):
        looser.append(f"applies to {_target(before)} -> {_target(after)}")
    looser += _params(before.rule_type, before.params, after.params)
    return tuple(looser)


def _weaker(before: Action, after: Action) -> bool:
    if after is before:
        return False
    return _STRENGTH[after] <= _STRENGTH[before]


def _covers(after: RiskRule, before: RiskRule) -> bool:
    """Whether `after` applies to every order `before` applied to."""
    if after.scope is RuleScope.GLOBAL:
        return True
    if before.scope is RuleScope.GLOBAL or after.owner_id != before.owner_id:
        return False
    if after.account_id is not None and after.account_id != before.account_id:
        return False  # another account, or one account of the owner's where it was all of them
    if after.scope is RuleScope.ACCOUNT:
        return True
    return after.scope is before.scope and after.scope_id == before.scope_id


def _target(rule: RiskRule) -> str:
    if rule.scope is RuleScope.GLOBAL:
        return "every account"
    where = f"account {rule.account_id}" if rule.account_id else f"the accounts of {rule.owner_id}"
    if rule.scope is RuleScope.ACCOUNT:
        return where
    return f"{rule.scope.value} {rule.scope_id} in {where}"


def _params(rule_type: RuleType, before: Mapping[str, Any], after: Mapping[str, Any]) -> list[str]:
    if rule_type in _NO_PARAMS:
        return []
    if rule_type is RuleType.RESTRICTED_SYMBOLS:
        return _restricted(before, after)
    maxima, minima = MAXIMA.get(rule_type), MINIMA.get(rule_type)
    if maxima is None and minima is None:  # not ordered (trading hours): any change is looser
        return [] if dict(before) == dict(after) else [f"params {dict(before)} -> {dict(after)}"]
    looser = []
    for key in maxima or ():
        was, now = _number(rule_type, key, before), _number(rule_type, key, after)
        if was is not None and (now is None or now > was):
            looser.append(f"{key} {_shown(before.get(key))} -> {_shown(after.get(key))}")
    for key in minima or ():
        was, now = _number(rule_type, key, before), _number(rule_type, key, after)
        if was is not None and (now is None or now < was):
            looser.append(f"{key} {_shown(before.get(key))} -> {_shown(after.get(key))}")
    return looser


def _restricted(before: Mapping[str, Any], after: Mapping[str, Any]) -> list[str]:
    looser = []
    removed = _symbols(before) - _symbols(after)
    if removed:
        looser.append(f"symbols no longer restricted: {', '.join(sorted(removed))}")
    if not before.get("allow_reducing") and after.get("allow_reducing"):
        looser.append("allow_reducing false -> true")
    return looser


def _symbols(params: Mapping[str, Any]) -> frozenset[str]:
    raw = params.get("symbols")
    if isinstance(raw, str) or not isinstance(raw, list | tuple | set | frozenset):
        return frozenset()
    return frozenset(str(s).strip().upper() for s in raw)


def _number(rule_type: RuleType, key: str, params: Mapping[str, Any]) -> Decimal | None:
    raw = params.get(key)
    if raw is None:
        return _IMPLIED.get((rule_type, key))
    try:
        return parse_decimal(raw, key)
    except InvalidNumber:
        return None


def _shown(raw: object) -> str:
    return "none" if raw is None else str(raw)
