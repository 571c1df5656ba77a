"""What the risk rules in force say of each rule-type control for one account.

The rules that apply are those the gate compiles into the account's policy
(`RiskRule.applies_to_account`, active ones only), so the inventory reads the same rules the
gate decides by. An agent-scoped rule counts only for an agent granted the account.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime
from decimal import Decimal
from typing import Any

from domain.compliance.controls import (
    BREACH_CODES,
    RULE_CONTROLS,
    ControlFinding,
    ControlKind,
    Coverage,
    Setting,
)
from domain.risk.reasons import Action, RuleScope
from domain.risk.rules import DEFAULT_RULE_TYPES, RiskRule, RuleType

# Actions that keep a breaching order from its venue (HOLD: until a person approves it).
BINDING = frozenset({Action.BLOCK, Action.REDUCE, Action.HOLD})
# Scopes whose rule covers every order of the account (and replaces a default of its type).
COVERING = frozenset({RuleScope.GLOBAL, RuleScope.ACCOUNT})


def param_text(value: Any) -> str:
    """A rule parameter as text: numbers as plain decimal strings (never exponents), lists
    joined by commas, booleans as true/false."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float | Decimal):
        number = Decimal(str(value))
        return format(number, "f") if number.is_finite() else str(value)
    if isinstance(value, list | tuple | set | frozenset):
        items = sorted(value) if isinstance(value, set | frozenset) else value
        return ",".join(param_text(item) for item in items)
    return str(value)


def rule_setting(rule: RiskRule) -> Setting:
    """The rule as a setting of its control: id, scope, action and parameters."""
    scope = rule.scope.value
    if rule.scope in (RuleScope.AGENT, RuleScope.STRATEGY):
        scope = f"{scope}:{rule.scope_id}"
    values = tuple((str(k), param_text(v)) for k, v in sorted(rule.params.items()))
    return Setting(f"rule:{rule.id}", scope, rule.action.value, values)


def applicable_rules(
    rules: Iterable[RiskRule], account_id: str, owner_id: str, agent_ids: frozenset[str]
) -> list[RiskRule]:
    """The active rules the gate applies to the account's orders (an agent's only when the
    agent is granted the account), in a stable order."""
    found = [
        r
        for r in rules
        if r.is_active
        and r.applies_to_account(account_id, owner_id)
        and (r.scope is not RuleScope.AGENT or r.agent_id in agent_ids)
    ]
    return sorted(found, key=lambda r: (r.rule_type.value, r.scope.value, r.id))


def last_breach(kind: ControlKind, breaches: Mapping[str, datetime]) -> datetime | None:
    """The latest denial carrying one of the control's reason codes (None: none read)."""
    times = [breaches[code] for code in BREACH_CODES.get(kind, ()) if code in breaches]
    return max(times, default=None)


def rule_findings(
    applicable: Iterable[RiskRule], breaches: Mapping[str, datetime]
) -> dict[ControlKind, ControlFinding]:
    """A finding for every rule type: FULL when a rule of account or global scope blocks,
    reduces or holds (or the type's default holds), PARTIAL when the rules bind only some
    orders or only warn, NONE without a rule."""
    by_type: dict[RuleType, list[RiskRule]] = {}
    for rule in applicable:
        by_type.setdefault(rule.rule_type, []).append(rule)
    return {
        kind: _finding(rule_type, kind, by_type.get(rule_type, []), breaches)
        for rule_type, kind in RULE_CONTROLS.items()
    }


def _finding(
    rule_type: RuleType, kind: ControlKind, rules: list[RiskRule], breaches: Mapping[str, datetime]
) -> ControlFinding:
    settings = tuple(rule_setting(r) for r in rules)
    covering = [r for r in rules if r.scope in COVERING]
    breach = last_breach(kind, breaches)
    if any(r.action in BINDING for r in covering):
        return ControlFinding(kind, Coverage.FULL, settings, last_breach=breach)
    if rule_type in DEFAULT_RULE_TYPES and not covering:
        default = Setting("default", "account", Action.BLOCK.value)
        note = "on by default (no rule of account or global scope replaces it)"
        return ControlFinding(kind, Coverage.FULL, (*settings, default), note, breach)
    if not rules:
        return ControlFinding(kind, Coverage.NONE, last_breach=breach)
    return ControlFinding(kind, Coverage.PARTIAL, settings, _partial_note(rules), breach)


def _partial_note(rules: list[RiskRule]) -> str:
    warns = sorted({r.id for r in rules if r.action not in BINDING})
    scoped = sorted({f"{r.scope.value} {r.scope_id}" for r in rules if r.action in BINDING})
    parts = []
    if warns:
        parts.append(f"only warns ({', '.join(warns)})")
    if scoped:
        parts.append(f"binds only the orders of {', '.join(scoped)}")
    return "; ".join(parts)
