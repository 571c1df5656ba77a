"""Risk rules as data, and their compilation into controls."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import time
from decimal import Decimal
from enum import StrEnum
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from domain.calendars.clock import TradingCalendar
from domain.errors import InvalidRule
from domain.numbers import (
    FRACTION,
    MONEY,
    MULTIPLE,
    OPEN_ORDERS,
    PER_MINUTE,
    PER_SECOND,
    QUANTITY,
    SECONDS,
    TICKS,
    InvalidNumber,
    NumberSpec,
)
from domain.risk.controls.base import Control
from domain.risk.controls.flow import DuplicateOrder, OrderRateThrottle
from domain.risk.controls.guards import (
    MaxDailyLoss,
    MaxDrawdown,
    MaxOpenOrders,
    PriceCollar,
    RestrictedSymbols,
    SelfMatch,
)
from domain.risk.controls.hours import TradingHours
from domain.risk.controls.limits import (
    BuyingPower,
    GrossExposure,
    MaxLeverage,
    MaxOrderNotional,
    MaxOrderQuantity,
    MaxPosition,
    NetExposure,
    SectorConcentration,
)
from domain.risk.reasons import Action, RuleScope

# OrderFlow remembers 60 s: no window may be longer (the SECONDS spec's maximum).
FLOW_HORIZON = SECONDS.maximum


class RuleType(StrEnum):
    """What a rule limits. The first five are the platform's seed types."""

    MAX_POSITION_SIZE = "MAX_POSITION_SIZE"
    MAX_DAILY_LOSS = "MAX_DAILY_LOSS"
    MAX_DRAWDOWN = "MAX_DRAWDOWN"
    POSITION_LIMIT = "POSITION_LIMIT"
    MAX_LEVERAGE = "MAX_LEVERAGE"
    MAX_ORDER_QUANTITY = "MAX_ORDER_QUANTITY"
    MAX_ORDER_NOTIONAL = "MAX_ORDER_NOTIONAL"
    PRICE_COLLAR = "PRICE_COLLAR"
    GROSS_EXPOSURE = "GROSS_EXPOSURE"
    NET_EXPOSURE = "NET_EXPOSURE"
    SECTOR_CONCENTRATION = "SECTOR_CONCENTRATION"
    ORDER_RATE = "ORDER_RATE"
    DUPLICATE_ORDER = "DUPLICATE_ORDER"
    RESTRICTED_SYMBOLS = "RESTRICTED_SYMBOLS"
    TRADING_HOURS = "TRADING_HOURS"
    BUYING_POWER = "BUYING_POWER"
    SELF_MATCH = "SELF_MATCH"
    MAX_OPEN_ORDERS = "MAX_OPEN_ORDERS"


@dataclass(frozen=True, slots=True)
class RiskRule:
    """A configurable limit owned by a user.

    Scope: GLOBAL rules apply to every account; ACCOUNT rules to `account_id`, or to
    every account of the owner when it is None; STRATEGY and AGENT rules to orders
    from that strategy or agent (within `account_id` when set, else the owner's).
    `params` use fractions for percentages (0.25 = 25%).
    """

    id: str
    owner_id: str
    rule_type: RuleType
    params: Mapping[str, Any] = field(default_factory=dict)
    scope: RuleScope = RuleScope.ACCOUNT
    action: Action = Action.BLOCK
    is_active: bool = True
    strategy_id: str | None = None
    agent_id: str | None = None
    account_id: str | None = None
    name: str = ""

    def __post_init__(self) -> None:
        if self.scope is RuleScope.STRATEGY and not self.strategy_id:
            raise InvalidRule("a strategy-scoped rule needs strategy_id")
        if self.scope is RuleScope.AGENT and not self.agent_id:
            raise InvalidRule("an agent-scoped rule needs agent_id")

    @property
    def scope_id(self) -> str | None:
        if self.scope is RuleScope.STRATEGY:
            return self.strategy_id
        if self.scope is RuleScope.AGENT:
            return self.agent_id
        return self.account_id

    def applies_to_account(self, account_id: str, owner_id: str) -> bool:
        if self.scope is RuleScope.GLOBAL:
            return True
        if self.account_id is not None:
            return self.account_id == account_id
        return self.owner_id == owner_id


# -- parameter parsing -------------------------------------------------------------


class _Params:
    """Typed access to a rule's JSON params, raising InvalidRule with the field name.

    `calendar` is the market's clock a control that reads venue sessions is given.
    """

    def __init__(
        self,
        rule_type: RuleType,
        params: Mapping[str, Any],
        calendar: TradingCalendar | None = None,
    ) -> None:
        self.rule_type = rule_type
        self.params = params
        self.calendar = calendar
        self.used: set[str] = set()

    def _fail(self, key: str, why: str) -> InvalidRule:
        return InvalidRule(f"{self.rule_type.value}.{key}: {why}", field=f"params.{key}")

    def _raw(self, key: str, required: bool) -> Any:
        """The param as given, now counted as used; None when absent (refused if `required`)."""
        self.used.add(key)
        raw = self.params.get(key)
        if raw is None and required:
            raise self._fail(key, "is required")
        return raw

    def decimal(self, key: str, spec: NumberSpec, *, required: bool = False) -> Decimal | None:
        """The param through the boundary's strict parser and `spec` (bounded before use)."""
        raw = self._raw(key, required)
        if raw is None:
            return None
        try:
            return spec.parse(raw, key)
        except InvalidNumber as exc:
            raise self._fail(key, exc.reason) from None

    def integer(self, key: str, spec: NumberSpec, *, required: bool = False) -> int | None:
        """An integer spec's param; int() only after the spec bounded it."""
        value = self.decimal(key, spec, required=required)
        return None if value is None else int(value)

    def symbols(self, key: str, *, required: bool = False) -> frozenset[str] | None:
        raw = self._raw(key, required)
        if raw is None:
            return None
        if isinstance(raw, str) or not isinstance(raw, Iterable):
            raise self._fail(key, "must be a list of symbols")
        values = frozenset(str(s).strip().upper() for s in raw)
        if not values or "" in values:
            raise self._fail(key, "must list at least one non-empty symbol")
        return values

    def clock_time(self, key: str, default: str) -> time:
        self.used.add(key)
        raw = self.params.get(key, default)
        try:
            return time.fromisoformat(str(raw))
        except ValueError:
            raise self._fail(key, f"must be HH:MM, got {raw!r}") from None

    def flag(self, key: str, default: bool = False) -> bool:
        self.used.add(key)
        raw = self.params.get(key, default)
        if not isinstance(raw, bool):
            raise self._fail(key, "must be true or false")
        return raw

    def any_of(self, *values: object) -> None:
        if all(v is None for v in values):
            raise InvalidRule(f"{self.rule_type.value}: give at least one limit")

    def finish(self) -> None:
        unknown = set(self.params) - self.used
        if unknown:
            raise InvalidRule(f"{self.rule_type.value}: unknown params {sorted(unknown)}")


def _position(p: _Params, kw: dict[str, Any]) -> Control:
    limits = (
        p.decimal("max_quantity", QUANTITY),
        p.decimal("max_notional", MONEY),
        p.decimal("max_pct_equity", FRACTION),
    )
    p.any_of(*limits)
    return MaxPosition(*limits, symbols=p.symbols("symbols"), **kw)


# A TRADING_HOURS rule that names one of these narrows the venue's sessions to its window.
WINDOW_PARAMS = frozenset({"start", "end", "tz", "days"})


def _hours(p: _Params, kw: dict[str, Any]) -> Control:
    """The venue's calendar (unless `calendar` is false), narrowed by a window when one is given;
    without a calendar, the window alone (by default 09:30-16:00 America/New_York, Mon-Fri)."""
    use_calendar = p.flag("calendar", True)
    start, end = p.clock_time("start", "09:30"), p.clock_time("end", "16:00")
    if start >= end:
        raise InvalidRule("TRADING_HOURS: start must be before end")
    p.used.update({"tz", "days"})
    tz = str(p.params.get("tz", "America/New_York"))
    try:
        ZoneInfo(tz)
    except (ZoneInfoNotFoundError, ValueError):
        raise InvalidRule(f"TRADING_HOURS.tz: unknown time zone {tz!r}") from None
    raw_days = p.params.get("days", [0, 1, 2, 3, 4])
    if not isinstance(raw_days, list) or not all(
        isinstance(d, int) and 0 <= d <= 6 for d in raw_days
    ):
        raise InvalidRule("TRADING_HOURS.days: a list of weekdays 0 (Monday) to 6")
    calendar = p.calendar if use_calendar else None
    window = not WINDOW_PARAMS.isdisjoint(p.params)
    return TradingHours(start, end, tz, frozenset(raw_days), calendar=calendar, window=window, **kw)


def _rate(p: _Params, kw: dict[str, Any]) -> Control:
    per_second, per_minute = (
        p.integer("per_second", PER_SECOND),
        p.integer("per_minute", PER_MINUTE),
    )
    p.any_of(per_second, per_minute)
    return OrderRateThrottle(per_second, per_minute, **kw)


def _collar(p: _Params, kw: dict[str, Any]) -> Control:
    max_pct, max_ticks = p.decimal("max_pct", FRACTION), p.integer("max_ticks", TICKS)
    p.any_of(max_pct, max_ticks)
    return PriceCollar(max_pct, max_ticks, **kw)


def _pair(
    cls: Callable[..., Control], abs_key: str, pct_key: str, pct_spec: NumberSpec
) -> Callable[[_Params, dict[str, Any]], Control]:
    def build(p: _Params, kw: dict[str, Any]) -> Control:
        absolute, pct = p.decimal(abs_key, MONEY), p.decimal(pct_key, pct_spec)
        p.any_of(absolute, pct)
        return cls(absolute, pct, **kw)

    return build


def _dec(p: _Params, key: str, spec: NumberSpec) -> Decimal:
    value = p.decimal(key, spec, required=True)
    assert value is not None
    return value


_BUILDERS: dict[RuleType, Callable[[_Params, dict[str, Any]], Control]] = {
    RuleType.MAX_ORDER_QUANTITY: lambda p, kw: MaxOrderQuantity(
        _dec(p, "max_quantity", QUANTITY), **kw
    ),
    RuleType.MAX_ORDER_NOTIONAL: lambda p, kw: MaxOrderNotional(
        _dec(p, "max_notional", MONEY), **kw
    ),
    RuleType.PRICE_COLLAR: _collar,
    RuleType.MAX_POSITION_SIZE: _position,
    RuleType.POSITION_LIMIT: _position,
    RuleType.GROSS_EXPOSURE: _pair(GrossExposure, "max_gross", "max_gross_pct", MULTIPLE),
    RuleType.NET_EXPOSURE: _pair(NetExposure, "max_net", "max_net_pct", MULTIPLE),
    RuleType.MAX_DAILY_LOSS: _pair(MaxDailyLoss, "max_loss", "max_loss_pct", FRACTION),
    RuleType.MAX_DRAWDOWN: lambda p, kw: MaxDrawdown(_dec(p, "max_drawdown", FRACTION), **kw),
    RuleType.MAX_LEVERAGE: lambda p, kw: MaxLeverage(_dec(p, "max_leverage", MULTIPLE), **kw),
    RuleType.SECTOR_CONCENTRATION: lambda p, kw: SectorConcentration(
        p.decimal("max_pct", FRACTION) or Decimal("0.25"), **kw
    ),
    RuleType.ORDER_RATE: _rate,
    RuleType.DUPLICATE_ORDER: lambda p, kw: DuplicateOrder(
        float(p.decimal("window_seconds", SECONDS) or 5), **kw
    ),
    RuleType.RESTRICTED_SYMBOLS: lambda p, kw: RestrictedSymbols(
        p.symbols("symbols", required=True) or frozenset(), p.flag("allow_reducing"), **kw
    ),
    RuleType.TRADING_HOURS: _hours,
    RuleType.BUYING_POWER: lambda p, kw: BuyingPower(**kw),
    RuleType.SELF_MATCH: lambda p, kw: SelfMatch(**kw),
    RuleType.MAX_OPEN_ORDERS: lambda p, kw: MaxOpenOrders(
        p.integer("max_open", OPEN_ORDERS, required=True) or 0, **kw
    ),
}


def compile_rule(rule: RiskRule, calendar: TradingCalendar | None = None) -> Control:
    """Turn one rule into its control; raises InvalidRule for bad params or action.

    `calendar` is the market's clock (venues' sessions) the trading-hours control reads;
    without one it knows only the rule's weekdays and times.
    """
    params = _Params(rule.rule_type, rule.params, calendar)
    kw: dict[str, Any] = {
        "action": rule.action,
        "scope": rule.scope,
        "scope_id": rule.scope_id,
        "rule_id": rule.id,
    }
    control = _BUILDERS[rule.rule_type](params, kw)
    params.finish()
    if rule.action is Action.REDUCE and not type(control).quantity_based:
        raise InvalidRule(f"{rule.rule_type.value} cannot REDUCE an order; use BLOCK, WARN or HOLD")
    return control


DEFAULT_RULE_TYPES = (RuleType.BUYING_POWER, RuleType.SELF_MATCH, RuleType.SECTOR_CONCENTRATION)


def default_controls(present: set[RuleType]) -> list[Control]:
    """Controls every account gets unless a rule of that type is configured."""
    controls: list[Control] = []
    for rule_type in DEFAULT_RULE_TYPES:
        if rule_type not in present:
            control = _BUILDERS[rule_type](_Params(rule_type, {}), {"scope": RuleScope.GLOBAL})
            controls.append(control)
    return controls
