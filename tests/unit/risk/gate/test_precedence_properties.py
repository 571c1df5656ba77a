"""The gate's verdict depends on the rules and the order only: never on the order the rules were
written in, their ids, or which controls ran first. BLOCK > HOLD > WARN and REDUCE.

The reference is computed from scratch, one rule at a time: each rule compiled alone judges the
order (HOLD rules at the requested size; BLOCK and WARN rules at the size the REDUCE rules
settle on, the smallest each round allows until none is breached). The gate, given the rules in
any order and under any ids, must agree with it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from domain.risk.gate import Policy, compile_policy
from domain.risk.reasons import Action, Outcome, RuleScope
from domain.risk.rules import RiskRule, RuleType
from domain.risk.verdicts import Decision, Verdict
from domain.risk.view import AccountRiskView
from domain.trading.orders import Order, Origin, Side
from tests.kit.gate import (
    ACCOUNT_ID,
    BUY,
    OWNER_ID,
    SELL,
    USER,
    D,
    account,
    agent,
    decide,
    marks,
    order,
    policy,
    rule,
    strategy,
    verdict,
    view,
)

NOTIONAL = RuleType.MAX_ORDER_NOTIONAL
QTY = RuleType.MAX_ORDER_QUANTITY

# Size controls (each may REDUCE) with the parameter that limits them, and a yes/no control.
_SIZED: dict[RuleType, str] = {
    RuleType.MAX_ORDER_QUANTITY: "max_quantity",
    RuleType.MAX_ORDER_NOTIONAL: "max_notional",
    RuleType.GROSS_EXPOSURE: "max_gross",
    RuleType.MAX_POSITION_SIZE: "max_quantity",
}
_ORIGINS = (USER, agent("a1"), agent("a2"), strategy("s1"), strategy("s2"))


# -- the defect, as a user met it --------------------------------------------------------------


def test_a_hold_and_a_reduce_give_the_same_verdict_in_either_order() -> None:
    # Arrange: an agent's HOLD above 1,000 notional and a REDUCE to 3 shares; 20 AAPL at 190.
    hold = {"max_notional": 1_000}
    cut = {"max_quantity": 3}
    scope = {"scope": RuleScope.AGENT, "agent_id": "a1"}
    written = [
        (
            rule(NOTIONAL, hold, action=Action.HOLD, rule_id=first, **scope),  # type: ignore[arg-type]
            rule(QTY, cut, action=Action.REDUCE, rule_id=second, **scope),  # type: ignore[arg-type]
        )
        for first, second in (("r-1", "r-2"), ("r-2", "r-1"))
    ]
    agents_order = order("AAPL", BUY, 20, origin=agent("a1"))
    risk_view = view(account(), _marks(190))

    # Act
    decisions = [decide(agents_order, risk_view, *rules) for rules in written]

    # Assert: held, at the 20 requested, whichever rule was written first.
    for decision in decisions:
        assert (decision.approved, decision.held, decision.quantity) == (True, True, D(20))
    assert _outcome(decisions[0]) == _outcome(decisions[1])


def test_an_approval_applies_the_reduction_the_hold_set_aside() -> None:
    # Arrange
    rules = (
        rule(NOTIONAL, {"max_notional": 1_000}, action=Action.HOLD, rule_id="r-1"),
        rule(QTY, {"max_quantity": 3}, action=Action.REDUCE, rule_id="r-2"),
    )

    # Act: a person approved it: the HOLD is waived.
    decision = policy(*rules).evaluate(
        order("AAPL", BUY, 20), view(account(), _marks(190)), waive_holds=True
    )

    # Assert
    assert (decision.approved, decision.quantity) == (True, D(3))
    assert verdict(decision, "MaxOrderQuantity").outcome is Outcome.REDUCE


def test_a_block_judges_the_order_the_reductions_left() -> None:
    # Arrange: cut to 3 (570 at 190), under a BLOCK of 1,000 notional, whichever comes first.
    for ids in (("r-1", "r-2"), ("r-2", "r-1")):
        rules = (
            rule(NOTIONAL, {"max_notional": 1_000}, rule_id=ids[0]),
            rule(QTY, {"max_quantity": 3}, action=Action.REDUCE, rule_id=ids[1]),
        )

        # Act
        decision = decide(order("AAPL", BUY, 20), view(account(), _marks(190)), *rules)

        # Assert
        assert (decision.approved, decision.held, decision.quantity) == (True, False, D(3))


# -- the property ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Drawn:
    rules: tuple[RiskRule, ...]
    order: Order
    view: AccountRiskView
    rewritten: tuple[RiskRule, ...]  # the same rules written in another order, under other ids


@st.composite
def _rule(draw: st.DrawFn) -> RiskRule:
    sized = draw(st.booleans())
    if sized:
        rule_type = draw(st.sampled_from(sorted(_SIZED, key=lambda t: t.value)))
        limit = draw(st.integers(1, 400)) * (100 if rule_type is not QTY else 1)
        if rule_type is RuleType.MAX_POSITION_SIZE:
            limit //= 100
        params: dict[str, object] = {_SIZED[rule_type]: max(limit, 1)}
        action = draw(st.sampled_from((Action.BLOCK, Action.HOLD, Action.WARN, Action.REDUCE)))
    else:
        rule_type = RuleType.RESTRICTED_SYMBOLS
        params = {"symbols": ["AAPL"], "allow_reducing": draw(st.booleans())}
        action = draw(st.sampled_from((Action.BLOCK, Action.HOLD, Action.WARN)))
    scope = draw(st.sampled_from(tuple(RuleScope)))
    return rule(
        rule_type,
        params,
        action=action,
        scope=scope,
        strategy_id=draw(st.sampled_from(("s1", "s2"))) if scope is RuleScope.STRATEGY else None,
        agent_id=draw(st.sampled_from(("a1", "a2"))) if scope is RuleScope.AGENT else None,
    )


@st.composite
def _drawn(draw: st.DrawFn) -> Drawn:
    rules = draw(st.lists(_rule(), min_size=1, max_size=6))
    named = tuple(replace(r, id=f"r-{i:02d}") for i, r in enumerate(rules))
    shuffled = draw(st.permutations(named))
    ids = draw(st.permutations([f"x-{i:02d}" for i in range(len(named))]))
    rewritten = tuple(replace(r, id=new) for r, new in zip(shuffled, ids, strict=True))
    side: Side = draw(st.sampled_from((BUY, SELL)))
    held = draw(st.integers(-300, 300))
    book = account(1_000_000, ("AAPL", held)) if held else account(1_000_000)
    new = order("AAPL", side, draw(st.integers(1, 400)), origin=draw(st.sampled_from(_ORIGINS)))
    return Drawn(named, new, view(book, _marks(draw(st.integers(50, 300)))), rewritten)


@settings(max_examples=250, deadline=None)
@given(_drawn())
def test_the_verdict_is_the_one_computed_rule_by_rule_whatever_the_writing_order(
    drawn: Drawn,
) -> None:
    # Arrange
    expected = _from_scratch(drawn.rules, drawn.order, drawn.view)

    # Act
    decision = policy(*drawn.rules).evaluate(drawn.order, drawn.view)
    other = policy(*drawn.rewritten)
    rewritten = other.evaluate(drawn.order, drawn.view)
    exact = other.evaluate(drawn.order, drawn.view, exact=True)

    # Assert
    assert _outcome(decision) == expected
    assert _outcome(rewritten) == expected
    assert _outcome(exact) == expected
    assert _verdicts(decision) == _verdicts(rewritten) == _verdicts(exact)


# -- the reference -----------------------------------------------------------------------------


Outcome_ = tuple[bool, bool, Decimal, frozenset[str], frozenset[str]]


def _from_scratch(rules: tuple[RiskRule, ...], new: Order, risk_view: AccountRiskView) -> Outcome_:
    """(approved, held, quantity, denial codes, hold codes), one rule at a time."""
    requested = new.quantity
    alone = _Alone()
    mine = [r for r in rules if _applies(r, new.origin)]
    reducers = [r for r in mine if r.action is Action.REDUCE]
    quantity, denied = requested, set()
    while True:
        judged = [(r, alone(r, new, risk_view, quantity)) for r in reducers]
        denied |= {v.code.value for _, v in judged if v.outcome is Outcome.DENY}
        cuts = [v.allowed_quantity for _, v in judged if v.outcome is Outcome.REDUCE]
        if denied or not cuts:
            break
        smaller = min(c for c in cuts if c is not None)
        if smaller >= quantity:
            denied |= {v.code.value for _, v in judged if v.outcome is Outcome.REDUCE}
            break
        quantity = smaller
    for r in mine:
        if r.action in (Action.BLOCK, Action.WARN):
            judged_alone = alone(r, new, risk_view, quantity)
            if judged_alone.outcome is Outcome.DENY:
                denied.add(judged_alone.code.value)
    holds = set()
    for r in mine:
        if r.action is Action.HOLD:
            judged_alone = alone(r, new, risk_view, requested)
            if judged_alone.outcome is Outcome.HOLD:
                holds.add(judged_alone.code.value)
            elif judged_alone.outcome is Outcome.DENY:
                denied.add(judged_alone.code.value)
    approved = not denied
    held = approved and bool(holds)
    final = quantity if approved and not held else requested
    return approved, held, final, frozenset(denied), frozenset(holds)


class _Alone:
    """The verdict of a rule compiled alone on an order at a quantity (each rule compiled once)."""

    def __init__(self) -> None:
        self._policies: dict[str, Policy] = {}

    def __call__(
        self, r: RiskRule, new: Order, risk_view: AccountRiskView, quantity: Decimal
    ) -> Verdict:
        compiled = self._policies.get(r.id)
        if compiled is None:
            compiled = self._policies[r.id] = compile_policy(
                ACCOUNT_ID, OWNER_ID, (r,), with_defaults=False, screened=False
            )
        decision = compiled.evaluate(replace(new, quantity=quantity), risk_view, exact=True)
        return next(v for v in decision.verdicts if v.rule_id == r.id)


def _applies(r: RiskRule, origin: Origin) -> bool:
    if r.scope is RuleScope.STRATEGY:
        return origin == strategy(r.strategy_id or "")
    if r.scope is RuleScope.AGENT:
        return origin == agent(r.agent_id or "")
    return True


def _outcome(decision: Decision) -> Outcome_:
    return (
        decision.approved,
        decision.held,
        decision.quantity,
        frozenset(code.value for code in decision.reasons),
        frozenset(code.value for code in decision.holds),
    )


def _verdicts(decision: Decision) -> list[tuple[object, ...]]:
    """The verdicts without the ids of the rules that gave them."""
    return [v._replace(rule_id=None) for v in decision.verdicts]


def _marks(aapl: int) -> dict[str, Decimal]:
    return marks(AAPL=aapl)
