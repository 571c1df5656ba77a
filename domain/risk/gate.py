"""The pre-trade gate: a compiled per-account policy that decides one order at a time."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from domain.risk.controls.base import ZERO, Control
from domain.risk.controls.guards import ReduceOnlyFlag, TradingStateControl
from domain.risk.reasons import Action, Outcome, ReasonCode, RuleScope
from domain.risk.rules import RiskRule, compile_rule, default_controls
from domain.risk.verdicts import Decision, Verdict
from domain.risk.view import AccountRiskView
from domain.trading.orders import Order, OrderType, Origin, OriginKind, Side

# Enum members bound once: a class attribute lookup costs ~100 ns on the hot path.
_ACTION_REDUCE = Action.REDUCE
_ACTION_WARN = Action.WARN
_DENY = Outcome.DENY
_ORIGIN_AGENT = OriginKind.AGENT
_ORIGIN_STRATEGY = OriginKind.STRATEGY
_REDUCE = Outcome.REDUCE
_WARN = Outcome.WARN


_GUARD = "ReferenceData"
_ZERO_PRICE = Decimal(0)
_SELL = Side.SELL
_LIMIT = OrderType.LIMIT
_STOP = OrderType.STOP
_new = tuple.__new__
_COVERING = frozenset({RuleScope.GLOBAL, RuleScope.ACCOUNT})


class Policy:
    """The active controls of one account, compiled from its rules.

    Built-in controls (trading state, reduce-only flag) always run first. Controls
    scoped to a strategy or agent run only for orders from it; the tuple for each
    origin is computed once and cached.
    """

    __slots__ = ("_by_origin", "_scoped", "account_id", "controls", "fingerprint")

    def __init__(self, account_id: str, controls: Iterable[Control], fingerprint: str = "") -> None:
        self.account_id = account_id
        builtins: list[Control] = [
            TradingStateControl(scope=RuleScope.GLOBAL),
            ReduceOnlyFlag(scope=RuleScope.GLOBAL),
        ]
        self.controls: tuple[Control, ...] = (*builtins, *_ordered(controls))
        self.fingerprint = fingerprint
        self._by_origin: dict[Origin, tuple[Control, ...]] = {}
        self._scoped = any(c.scope in (RuleScope.STRATEGY, RuleScope.AGENT) for c in self.controls)

    def controls_for(self, origin: Origin) -> tuple[Control, ...]:
        if not self._scoped:
            return self.controls  # no origin-scoped rule: every order gets every control
        cached = self._by_origin.get(origin)
        if cached is None:
            cached = tuple(c for c in self.controls if _applies(c, origin))
            self._by_origin[origin] = cached
        return cached

    def evaluate(self, order: Order, view: AccountRiskView) -> Decision:
        """Decide `order` against `view`. Pure: nothing is changed but control caches.

        Every control runs and leaves a verdict. An exception inside a control
        denies with RISK_CHECK_ERROR (fail closed).
        """
        requested = order.quantity
        symbol = order.symbol
        instrument = view.instruments.get(symbol)
        mark = view.marks.get(symbol)
        if instrument is None or mark is None or not (mark.is_finite() and mark > _ZERO_PRICE):
            code = (
                ReasonCode.UNKNOWN_INSTRUMENT
                if instrument is None
                else (ReasonCode.NO_REFERENCE_PRICE)
            )
            verdict = Verdict(code, _DENY, _GUARD, None, f"{code.value}: {symbol}")
            return Decision(False, requested, requested, (verdict,))
        price = order.stop_price if order.order_type is _STOP else order.limit_price
        if price is None:
            price = mark
        if order.side is _SELL and order.order_type is _LIMIT and price < mark:
            price = mark  # a sell limit below the market fills near the mark: value it there
        unit = price * instrument.multiplier
        reduces = view.reduces(symbol, order.side, requested)
        value = requested * unit
        quantity = requested
        approved = True
        verdicts: list[Verdict] = []
        append = verdicts.append
        for control in self.controls_for(order.origin):
            try:
                fits = control.breach(order, quantity, unit, value, reduces, view)
                if fits is None:
                    append(control.pass_verdict)
                    continue
                verdict = self._verdict(
                    control, order, quantity, unit, fits, instrument.lot_size, view
                )
            except Exception as exc:
                verdict = Verdict(
                    ReasonCode.RISK_CHECK_ERROR,
                    _DENY,
                    control.name,
                    control.rule_id,
                    f"{control.name} failed: {type(exc).__name__}: {exc}",
                )
            append(verdict)
            if verdict.outcome is _DENY:
                approved = False
            elif verdict.outcome is _REDUCE and verdict.allowed_quantity is not None:
                quantity = verdict.allowed_quantity
                value = quantity * unit
                reduces = view.reduces(symbol, order.side, quantity)
        final = quantity if approved else requested
        # tuple.__new__ skips NamedTuple's Python-level __new__ (~0.4 us on the hot path)
        return _new(Decision, (approved, requested, final, tuple(verdicts)))

    @staticmethod
    def _verdict(
        control: Control,
        order: Order,
        quantity: Decimal,
        unit: Decimal,
        fits: Decimal,
        lot_size: Decimal,
        view: AccountRiskView,
    ) -> Verdict:
        code = control.reason(view)
        message = control.explain(order, quantity, unit, view)
        action = control.action
        if action is _ACTION_WARN:
            return Verdict(code, _WARN, control.name, control.rule_id, message, fits)
        if action is _ACTION_REDUCE and control.quantity_based:
            allowed = _round_down(min(fits, quantity), lot_size)
            if allowed > ZERO:
                return Verdict(
                    code,
                    _REDUCE,
                    control.name,
                    control.rule_id,
                    f"{message}; reduced to {allowed}",
                    allowed,
                )
        return Verdict(code, _DENY, control.name, control.rule_id, message, fits)


def compile_policy(
    account_id: str,
    owner_id: str,
    rules: Iterable[RiskRule],
    *,
    with_defaults: bool = True,
) -> Policy:
    """Compile the active rules that apply to an account into its policy.

    A rule that does not compile raises InvalidRule: rules are validated when
    they are saved, so this only happens for corrupt data, and the caller then
    denies every order of the account (fail closed).
    """
    applicable = sorted(
        (r for r in rules if r.is_active and r.applies_to_account(account_id, owner_id)),
        key=lambda r: r.id,
    )
    controls = [compile_rule(rule) for rule in applicable]
    if with_defaults:
        # Only a rule that covers every order (global or account scope) replaces a default.
        covering = {r.rule_type for r in applicable if r.scope in _COVERING}
        controls.extend(default_controls(covering))
    fingerprint = ",".join(
        f"{r.id}:{r.rule_type.value}:{sorted(r.params.items())}" for r in applicable
    )
    return Policy(account_id, controls, fingerprint)


def _applies(control: Control, origin: Origin) -> bool:
    if control.scope is RuleScope.STRATEGY:
        return origin.kind is _ORIGIN_STRATEGY and origin.id == control.scope_id
    if control.scope is RuleScope.AGENT:
        return origin.kind is _ORIGIN_AGENT and origin.id == control.scope_id
    return True


def _ordered(controls: Iterable[Control]) -> list[Control]:
    """Cheap yes/no guards first, size controls last (so a REDUCE sees the final size)."""
    return sorted(controls, key=lambda c: c.quantity_based)


def _round_down(quantity: Decimal, lot: Decimal) -> Decimal:
    if quantity <= ZERO:
        return ZERO
    return (quantity // lot) * lot
