"""Property: the compiled screen decides exactly as the exact, per-control path does.

Each control is checked on its own (another control failing the screen would
hide a wrong pass condition), and whole policies are checked as well.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from domain.risk.controls.base import Control
from domain.risk.controls.guards import ReduceOnlyFlag, TradingStateControl
from domain.risk.gate import Policy, compile_policy
from domain.risk.rules import RiskRule, RuleType, compile_rule
from domain.risk.screen import compile_screen
from tests.kit.gate import ACCOUNT_ID, BUY, OWNER_ID
from tests.unit.risk.gate.screen_cases import RULE_TYPES, World, cases, value_of


def _same(first: object, second: object) -> None:
    assert repr(first) == repr(second)  # values, reason codes, messages and Decimal exponents


BUILT_IN: dict[str, Callable[[], Control]] = {
    "TradingStateControl": TradingStateControl,
    "ReduceOnlyFlag": ReduceOnlyFlag,
}


@pytest.mark.parametrize("kind", [*RULE_TYPES, *BUILT_IN])
@settings(max_examples=40, deadline=None)
@given(data=st.data())
def test_each_control_screens_exactly_as_its_breach_decides(
    kind: RuleType | str, data: st.DataObject
) -> None:
    # Arrange: one control, so that no other control can hide a wrong pass condition.
    if isinstance(kind, RuleType):
        w, [only] = data.draw(cases(st.just(1), st.just(kind)))
        control = compile_rule(only)
    else:
        w, _ = data.draw(cases(st.just(0), st.sampled_from(RULE_TYPES)))
        control = BUILT_IN[kind]()
    unit, value = value_of(w)
    o, v = w.order, w.view
    reduces = v.reduces(o.symbol, o.side, o.quantity)
    [screen, _] = compile_screen((control,)) or (None, None)
    assert screen is not None

    # Act: breach() first (it refreshes the trading-hours session the screen reads).
    try:
        fits = control.breach(o, o.quantity, unit, value, reduces, v) is None
    except Exception:
        fits = False
    args = (o, o.quantity, unit, value, reduces, v, o.symbol, o.side is BUY)
    try:
        passed = screen(*args, v.marks[o.symbol], v.instruments[o.symbol])
    except Exception:
        passed = False

    # Assert
    assert passed == fits


@settings(max_examples=200, deadline=None)
@given(case=cases(st.integers(0, 8), st.sampled_from(RULE_TYPES)), with_defaults=st.booleans())
def test_a_policy_decides_the_same_with_and_without_its_screen(
    case: tuple[World, list[RiskRule]], with_defaults: bool
) -> None:
    # Arrange: two compilations, so neither path warms the other's caches.
    w, rules = case
    screened = compile_policy(ACCOUNT_ID, OWNER_ID, rules, with_defaults=with_defaults)
    exact = compile_policy(ACCOUNT_ID, OWNER_ID, rules, with_defaults=with_defaults)

    # Act: twice on the screened policy: cold, then with its session caches warm.
    first = screened.evaluate(w.order, w.view)
    again = screened.evaluate(w.order, w.view)
    reference = exact.evaluate(w.order, w.view, exact=True)

    # Assert
    _same(first, reference)
    _same(again, reference)


@settings(max_examples=100, deadline=None)
@given(case=cases(st.just(1), st.sampled_from(RULE_TYPES)))
def test_a_single_control_policy_decides_the_same_with_and_without_its_screen(
    case: tuple[World, list[RiskRule]],
) -> None:
    # Arrange
    w, [only] = case
    screened, exact = (Policy(ACCOUNT_ID, [compile_rule(only)]) for _ in range(2))

    # Act
    decisions = [screened.evaluate(w.order, w.view) for _ in range(2)]
    reference = exact.evaluate(w.order, w.view, exact=True)

    # Assert
    for decision in decisions:
        _same(decision, reference)
