"""The limits live trading requires, and the default limits every new account gets.

An account may trade live only while active BLOCK rules that apply to all of its orders (global
or account-scoped: a strategy's or an agent's rule binds only some orders) limit each of: the
order's notional, the day's loss, the order rate and the open orders.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal

from domain.risk.reasons import Action, RuleScope
from domain.risk.rules import RiskRule, RuleType

REQUIRED_LIMITS: tuple[RuleType, ...] = (
    RuleType.MAX_ORDER_NOTIONAL,
    RuleType.MAX_DAILY_LOSS,
    RuleType.ORDER_RATE,
    RuleType.MAX_OPEN_ORDERS,
)
_EVERY_ORDER = (RuleScope.GLOBAL, RuleScope.ACCOUNT)


def binds_every_order(rule: RiskRule, account_id: str, owner_id: str) -> bool:
    """Whether `rule` is an active BLOCK rule over every order of the account."""
    return (
        rule.is_active
        and rule.action is Action.BLOCK
        and rule.scope in _EVERY_ORDER
        and rule.applies_to_account(account_id, owner_id)
    )


def missing_limits(
    rules: Iterable[RiskRule], account_id: str, owner_id: str
) -> tuple[RuleType, ...]:
    """The required limits no rule of `rules` sets for the account, in REQUIRED_LIMITS' order."""
    present = {r.rule_type for r in rules if binds_every_order(r, account_id, owner_id)}
    return tuple(t for t in REQUIRED_LIMITS if t not in present)


def named(types: Iterable[RuleType]) -> str:
    return ", ".join(t.value for t in types)


@dataclass(frozen=True, slots=True)
class LimitDefaults:
    """The default limits' values: the largest order's notional (in the account's currency),
    the day's loss as a fraction of the day's starting equity, orders per second and open
    orders."""

    max_order_notional: Decimal
    max_daily_loss_pct: Decimal
    orders_per_second: int
    max_open_orders: int


def default_rules(
    account_id: str, owner_id: str, defaults: LimitDefaults, new_id: Callable[[], str]
) -> tuple[RiskRule, ...]:
    """One account-scoped BLOCK rule of each required kind, owned by the account's owner (who
    may tighten, loosen or delete them as any rule of theirs)."""

    def rule(rule_type: RuleType, name: str, params: dict[str, object]) -> RiskRule:
        return RiskRule(
            id=new_id(),
            owner_id=owner_id,
            rule_type=rule_type,
            params=params,
            account_id=account_id,
            name=name,
        )

    return (
        rule(
            RuleType.MAX_ORDER_NOTIONAL,
            "default: largest order",
            {"max_notional": str(defaults.max_order_notional)},
        ),
        rule(
            RuleType.MAX_DAILY_LOSS,
            "default: day's loss",
            {"max_loss_pct": str(defaults.max_daily_loss_pct)},
        ),
        rule(
            RuleType.ORDER_RATE, "default: order rate", {"per_second": defaults.orders_per_second}
        ),
        rule(
            RuleType.MAX_OPEN_ORDERS, "default: open orders", {"max_open": defaults.max_open_orders}
        ),
    )
