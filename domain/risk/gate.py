"""The pre-trade gate: a compiled per-account policy that decides one order at a time."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import NamedTuple

from domain.calendars.clock import TradingCalendar
from domain.numbers import ONE, ZERO
from domain.risk.controls.base import Case, Control
from domain.risk.controls.guards import ReduceOnlyFlag, TradingStateControl
from domain.risk.pricing import unit_price
from domain.risk.reasons import Action, Outcome, ReasonCode, RuleScope
from domain.risk.rules import RiskRule, compile_rule, default_controls
from domain.risk.screen import Evaluate, compile_screen
from domain.risk.verdicts import Decision, Verdict
from domain.risk.view import AccountRiskView
from domain.trading.instruments import Instrument
from domain.trading.orders import Order, Origin, OriginKind, Side

# Enum members bound once: a class attribute lookup costs ~100 ns on the hot path.
_ACTION_HOLD = Action.HOLD
_ACTION_REDUCE = Action.REDUCE
_ACTION_WARN = Action.WARN
_DENY = Outcome.DENY
_HOLD = Outcome.HOLD
_ORIGIN_AGENT = OriginKind.AGENT
_ORIGIN_STRATEGY = OriginKind.STRATEGY
_REDUCE = Outcome.REDUCE
_WARN = Outcome.WARN
_PASS = Outcome.PASS
# Rounds of cuts before the REDUCE controls are taken as unsettled (each round cuts at least one
# lot; limits that do not move with the order's size settle in two).
_MAX_ROUNDS = 32


_GUARD = "ReferenceData"
_ZERO_PRICE = Decimal(0)
_SHORT = ReasonCode.SHORT_NOT_ALLOWED
_BUY = Side.BUY
_SELL = Side.SELL
_new = tuple.__new__
_COVERING = frozenset({RuleScope.GLOBAL, RuleScope.ACCOUNT})


class _Plan(NamedTuple):
    """The controls that run for one origin, their pass verdicts, the decision on an order from
    it (their compiled screen bound to the gate, or the general path alone) and its source."""

    controls: tuple[Control, ...]
    passes: tuple[Verdict, ...]
    evaluate: Evaluate
    source: str


class Policy:
    """The active controls of one account, compiled from its rules.

    Built-in controls (trading state, reduce-only flag) always run first. Controls
    scoped to a strategy or agent run only for orders from it; the tuple for each
    origin is computed once and cached, with the screen compiled from it.

    `evaluate(order, view, *, exact=False, waive_holds=False)` decides `order` against `view`.
    Pure: nothing is changed but control caches. Every control runs and leaves a verdict. An
    exception inside a control denies with RISK_CHECK_ERROR (fail closed). When the compiled
    screen (domain/risk/screen.py) says every control passes, the decision is the plan's
    constant pass verdicts; otherwise (a refusal, a breach, an error, a custom control) the
    general path refuses the order or the exact path decides it. `exact=True` skips the screen:
    the reference the screen must agree with. `waive_holds`: a person approved the held order;
    HOLD verdicts are reported but do not hold it, and the REDUCE controls' cut applies. It is
    the screen itself when no rule is scoped to an origin (one call per decision).
    """

    __slots__ = (
        "_all",
        "_by_origin",
        "_scoped",
        "_screened",
        "_state",
        "account_id",
        "controls",
        "evaluate",
        "fingerprint",
    )

    evaluate: Evaluate

    def __init__(
        self,
        account_id: str,
        controls: Iterable[Control],
        fingerprint: str = "",
        *,
        screened: bool = True,
    ) -> None:
        self.account_id = account_id
        self._screened = screened
        self._state = TradingStateControl(scope=RuleScope.GLOBAL)
        builtins: list[Control] = [self._state, ReduceOnlyFlag(scope=RuleScope.GLOBAL)]
        self.controls: tuple[Control, ...] = (*builtins, *_ordered(controls))
        self.fingerprint = fingerprint
        self._by_origin: dict[Origin, _Plan] = {}
        self._scoped = any(c.scope in (RuleScope.STRATEGY, RuleScope.AGENT) for c in self.controls)
        self._all = None if self._scoped else self._plan(self.controls)
        self.evaluate = self._by_plan if self._all is None else self._all.evaluate

    def controls_for(self, origin: Origin) -> tuple[Control, ...]:
        return self._plan_for(origin).controls

    def screen_source(self, origin: Origin) -> str:
        """The generated source of the screen for `origin`'s orders ("" when there is none)."""
        return self._plan_for(origin).source

    def _plan_for(self, origin: Origin) -> _Plan:
        if self._all is not None:
            return self._all  # no origin-scoped rule: every order gets every control
        plan = self._by_origin.get(origin)
        if plan is None:
            plan = self._plan(tuple(c for c in self.controls if _applies(c, origin)))
            self._by_origin[origin] = plan
        return plan

    def _plan(self, controls: tuple[Control, ...]) -> _Plan:
        passes = tuple(c.pass_verdict for c in controls)

        def general(order: Order, view: AccountRiskView, waive_holds: bool) -> Decision:
            return self._general(controls, order, view, waive_holds)

        compiled = compile_screen(controls) if self._screened else None
        if compiled is None:

            def unscreened(
                order: Order,
                view: AccountRiskView,
                *,
                exact: bool = False,
                waive_holds: bool = False,
            ) -> Decision:
                return general(order, view, waive_holds)

            return _Plan(controls, passes, unscreened, "")
        screen, source = compiled
        return _Plan(controls, passes, screen(general, passes), source)

    def _by_plan(
        self,
        order: Order,
        view: AccountRiskView,
        *,
        exact: bool = False,
        waive_holds: bool = False,
    ) -> Decision:
        """`evaluate` with origin-scoped rules: the plan of the order's origin decides."""
        plan = self._plan_for(order.origin)
        return plan.evaluate(order, view, exact=exact, waive_holds=waive_holds)

    def _general(
        self,
        controls: tuple[Control, ...],
        order: Order,
        view: AccountRiskView,
        waive_holds: bool,
    ) -> Decision:
        """The decision without the screen: the reference data's and the short sale's refusals,
        then the exact path over `controls`."""
        requested = order.quantity
        symbol = order.symbol
        instrument = view.instruments.get(symbol)
        mark = view.marks.get(symbol)
        if (
            instrument is None
            or not instrument.active
            or not view.account_open
            or mark is None
            or not (mark.is_finite() and mark > _ZERO_PRICE)
        ):
            return _refused(view, instrument, symbol, requested, self._state_denial(order, view))
        unit = unit_price(order, mark) * instrument.multiplier  # the most it can fill at
        side = order.side
        reduces = view.reduces(symbol, side, requested)
        cash_only = view.cash_only
        if cash_only or not instrument.marginable:
            view.initial_rates[symbol] = ONE  # no margin credit: pays 100% of its value
        if side is _SELL and not reduces and (cash_only or not instrument.shortable):
            why = "a cash account may not sell short" if cash_only else f"{symbol} is not shortable"
            verdict = Verdict(_SHORT, _DENY, _GUARD, None, f"SHORT_NOT_ALLOWED: {why}")
            return Decision(False, requested, requested, (verdict,))
        value = requested * unit
        buy = side is _BUY
        case = _new(
            Case, (order, requested, unit, value, reduces, view, symbol, buy, mark, instrument)
        )
        return self._decide(case, controls, waive_holds=waive_holds)

    def _decide(
        self, case: Case, controls: tuple[Control, ...], *, waive_holds: bool = False
    ) -> Decision:
        """The exact path, the same whatever the order the rules were written in.

        1. Every control judges the order as requested.
        2. The REDUCE controls cut it: each round takes the smallest quantity any breached
           REDUCE control allows (in whole lots) and asks them all again, until none is breached.
        3. The other controls judge the order at that final size (HOLD ones at the requested
           size: a held order keeps its requested quantity). BLOCK wins over HOLD, HOLD over
           WARN and REDUCE. `waive_holds`: a person approved it; the reductions apply.
        A control's passes() answers at the cost of one call; check() decides when it does not.
        """
        requested = case.quantity
        verdicts = [self._judge(control, case) for control in controls]
        reducers = [i for i, control in enumerate(controls) if _reduces(control)]
        quantity = requested
        current = {i: verdicts[i] for i in reducers}  # each REDUCE control at `quantity`
        for _ in range(_MAX_ROUNDS):
            cuts = [v.allowed_quantity for v in current.values() if v.outcome is _REDUCE]
            if not cuts or any(v.outcome is _DENY for v in current.values()):
                break
            smaller = min(cut for cut in cuts if cut is not None)
            if smaller >= quantity:  # breached, yet no whole lot less fits: it denies
                for i, v in current.items():
                    if v.outcome is _REDUCE:
                        verdicts[i] = v._replace(outcome=_DENY)
                break
            quantity = smaller
            cut = _resized(case, quantity)
            for i in reducers:
                current[i] = judged = self._judge(controls[i], cut)
                if judged.outcome is not _PASS:
                    verdicts[i] = judged  # a cut it asked for stays reported once it fits
        else:
            for i, v in current.items():  # fail closed: the cuts did not settle
                if v.outcome is not _PASS:
                    verdicts[i] = v._replace(outcome=_DENY)
        if quantity != requested:
            cut = _resized(case, quantity)
            for i, control in enumerate(controls):
                if control.action is not _ACTION_HOLD and not _reduces(control):
                    verdicts[i] = self._judge(control, cut)
        approved = all(v.outcome is not _DENY for v in verdicts)
        held = approved and not waive_holds and any(v.outcome is _HOLD for v in verdicts)
        final = quantity if approved and not held else requested
        return _new(Decision, (approved, requested, final, tuple(verdicts)))

    def _judge(self, control: Control, case: Case) -> Verdict:
        """One control's verdict on the order of `case` (RISK_CHECK_ERROR when it raises)."""
        try:
            if control.passes(case):
                return control.pass_verdict
            fits = control.check(case)
            if fits is None:
                return control.pass_verdict
            order, quantity, unit, _, _, view, _, _, _, instrument = case
            return self._verdict(control, order, quantity, unit, fits, instrument.lot_size, view)
        except Exception as exc:
            return Verdict(
                ReasonCode.RISK_CHECK_ERROR,
                _DENY,
                control.name,
                control.rule_id,
                f"{control.name} failed: {type(exc).__name__}: {exc}",
            )

    def _state_denial(self, order: Order, view: AccountRiskView) -> Verdict | None:
        """The trading state's denial of an order the reference data refuses, if it denies.

        A halt is the reason an operator and an agent must see first: a kill switch pulled
        on an account is never hidden behind a missing quote or an unknown symbol.
        """
        control = self._state
        requested = order.quantity
        try:
            reduces = view.reduces(order.symbol, order.side, requested)
            if control.breach(order, requested, ZERO, ZERO, reduces, view) is None:
                return None
            code, message = control.reason(view), control.explain(order, requested, ZERO, view)
        except Exception:  # the reference data's refusal still denies: fail closed
            return None
        return Verdict(code, _DENY, control.name, control.rule_id, message)

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
        # What would have fitted, in whole lots: an order of it is one the gate can accept.
        room = _round_down(fits, lot_size)
        if action is _ACTION_WARN:
            return Verdict(code, _WARN, control.name, control.rule_id, message, room)
        if action is _ACTION_HOLD:
            return Verdict(code, _HOLD, control.name, control.rule_id, message, room)
        if action is _ACTION_REDUCE and control.quantity_based:
            allowed = min(room, _round_down(quantity, lot_size))
            if allowed > ZERO:
                return Verdict(
                    code,
                    _REDUCE,
                    control.name,
                    control.rule_id,
                    f"{message}; reduced to {allowed}",
                    allowed,
                )
        return Verdict(code, _DENY, control.name, control.rule_id, message, room)


def compile_policy(
    account_id: str,
    owner_id: str,
    rules: Iterable[RiskRule],
    *,
    with_defaults: bool = True,
    calendar: TradingCalendar | None = None,
    screened: bool = True,
) -> Policy:
    """Compile the active rules that apply to an account into its policy.

    A rule that does not compile raises InvalidRule: rules are validated when
    they are saved, so this only happens for corrupt data, and the caller then
    denies every order of the account (fail closed). `calendar`: the venues' sessions the
    trading-hours control honours (docs/calendars.md). `screened=False`: no compiled screen,
    every order takes the exact path (for a policy asked a few times, where compiling the
    screen costs more than it saves).
    """
    applicable = sorted(
        (r for r in rules if r.is_active and r.applies_to_account(account_id, owner_id)),
        key=_canonical,
    )
    controls = [compile_rule(rule, calendar) for rule in applicable]
    if with_defaults:
        # Only a rule that covers every order (global or account scope) replaces a default.
        covering = {r.rule_type for r in applicable if r.scope in _COVERING}
        controls.extend(default_controls(covering))
    fingerprint = ",".join(
        f"{r.id}:{r.rule_type.value}:{sorted(r.params.items())}" for r in applicable
    )
    return Policy(account_id, controls, fingerprint, screened=screened)


def _refused(
    view: AccountRiskView,
    instrument: Instrument | None,
    symbol: str,
    requested: Decimal,
    state: Verdict | None = None,
) -> Decision:
    """The reference-data guard denies: closed account, unknown or inactive instrument, no mark;
    after the trading state's denial (`state`) when it denies too."""
    if not view.account_open:
        code, message = ReasonCode.ACCOUNT_CLOSED, f"account {view.account_id} is not open"
    elif instrument is None:
        code, message = ReasonCode.UNKNOWN_INSTRUMENT, symbol
    elif not instrument.active:
        code, message = ReasonCode.INSTRUMENT_INACTIVE, f"{symbol} is not active"
    else:
        code, message = ReasonCode.NO_REFERENCE_PRICE, symbol
    verdict = Verdict(code, _DENY, _GUARD, None, f"{code.value}: {message}")
    verdicts = (verdict,) if state is None else (state, verdict)
    return Decision(False, requested, requested, verdicts)


def _applies(control: Control, origin: Origin) -> bool:
    if control.scope is RuleScope.STRATEGY:
        return origin.kind is _ORIGIN_STRATEGY and origin.id == control.scope_id
    if control.scope is RuleScope.AGENT:
        return origin.kind is _ORIGIN_AGENT and origin.id == control.scope_id
    return True


def _canonical(rule: RiskRule) -> tuple[str, ...]:
    """Rules in an order of what they say, not of when they were written (their ids come
    last, for rules that say the same): verdicts are listed the same way whatever the order."""
    return (
        rule.rule_type.value,
        rule.scope.value,
        rule.scope_id or "",
        rule.action.value,
        repr(sorted(rule.params.items())),
        rule.id,
    )


def _reduces(control: Control) -> bool:
    return control.action is _ACTION_REDUCE and control.quantity_based


def _resized(case: Case, quantity: Decimal) -> Case:
    """The case of the same order cut to `quantity`."""
    order, _, unit, _, _, view, symbol, _, _, _ = case
    reduces = view.reduces(symbol, order.side, quantity)
    return case._replace(quantity=quantity, value=quantity * unit, reduces=reduces)


def _ordered(controls: Iterable[Control]) -> list[Control]:
    """Cheap yes/no guards first, size controls last: the order the verdicts are listed in.
    The decision does not depend on it (`Policy._decide`)."""
    return sorted(controls, key=lambda c: c.quantity_based)


def _round_down(quantity: Decimal, lot: Decimal) -> Decimal:
    if quantity <= ZERO:
        return ZERO
    return (quantity // lot) * lot
