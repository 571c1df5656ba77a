"""Property: the compiled screen decides exactly as the exact, per-control path does.

Each control is checked on its own (another control failing the screen would
hide a wrong pass condition), and whole policies are checked as well.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from domain.risk.controls.base import Control
from domain.risk.controls.guards import ReduceOnlyFlag, TradingStateControl
from domain.risk.gate import Policy, compile_policy
from domain.risk.rules import RiskRule, RuleType, compile_rule
from domain.risk.screen import compile_screen
from domain.risk.verdicts import Decision
from domain.risk.view import AccountRiskView
from domain.trading.orders import Order
from tests.kit.gate import ACCOUNT_ID, OWNER_ID, D
from tests.unit.risk.gate.screen_cases import RULE_TYPES, World, cases, value_of


def _same(first: object, second: object) -> None:
    assert repr(first) == repr(second)  # values, reason codes, messages and Decimal exponents


# What the screen's stand-in for the gate's general path answers: the screen did not pass it.
_GENERAL = Decision(False, D(0), D(0), ())


def _to_general(order: Order, view: AccountRiskView, waive_holds: bool) -> Decision:
    return _GENERAL


def _refused(decision: Decision) -> bool:
    """The reference data (or the short-sale guard) refused the order before any control ran."""
    return any(v.control == "ReferenceData" for v in decision.verdicts)


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
    evaluate = screen(_to_general, ())
    # The gate's general path refuses it (a short sale it may not make), whatever the control.
    refused = _refused(Policy(ACCOUNT_ID, [], screened=False).evaluate(o, v))

    # Act: breach() first (it refreshes the trading-hours session the screen reads).
    try:
        fits = control.breach(o, o.quantity, unit, value, reduces, v) is None
    except Exception:
        fits = False
    passed = evaluate(o, v) is not _GENERAL

    # Assert
    assert passed == (fits and not refused)


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


# How the reference data or the account can make the gate refuse an order before its controls,
# or change what they read: each drawn on its own, the world otherwise as it is.
MARKS = st.sampled_from(["as is", "as is", "as is", "missing", "0", "-1", "NaN", "Infinity"])
USUALLY = st.sampled_from([True, True, True, False])


@settings(max_examples=200, deadline=None)
@given(
    case=cases(st.integers(0, 6), st.sampled_from(RULE_TYPES)),
    mark=MARKS,
    with_defaults=st.booleans(),
    flags=st.fixed_dictionaries(
        {
            "known": USUALLY,
            "active": USUALLY,
            "marginable": USUALLY,
            "shortable": USUALLY,
            "open": USUALLY,
            "cash_only": st.booleans(),
        }
    ),
)
def test_the_screen_prepares_an_order_as_the_general_path_does(
    case: tuple[World, list[RiskRule]], mark: str, with_defaults: bool, flags: dict[str, bool]
) -> None:
    # Arrange: the world's view with its instrument, mark and account changed as drawn (most
    # often not at all), and two compilations of the policy.
    w, rules = case
    symbol = w.order.symbol
    universe, marks = dict(w.view.instruments), dict(w.view.marks)
    if not flags["known"]:
        universe.pop(symbol, None)
    elif symbol in universe:
        universe[symbol] = replace(
            universe[symbol],
            active=flags["active"],
            marginable=flags["marginable"],
            shortable=flags["shortable"],
        )
    if mark == "missing":
        marks.pop(symbol, None)
    elif mark != "as is":
        marks[symbol] = D(mark)
    v = replace(
        w.view,
        instruments=universe,
        marks=marks,
        initial_rates=dict(w.view.initial_rates),
        account_open=flags["open"],
        cash_only=flags["cash_only"],
    )
    # Each path on a view of its own: what a decision writes into the view (a cash account's
    # or an unmarginable symbol's 100 % initial rate, which the risk book reads after it) is
    # compared as well, not left by one path for the other to read.
    on_screen = replace(v, initial_rates=dict(v.initial_rates))
    on_exact = replace(v, initial_rates=dict(v.initial_rates))
    screened = compile_policy(ACCOUNT_ID, OWNER_ID, rules, with_defaults=with_defaults)
    exact = compile_policy(ACCOUNT_ID, OWNER_ID, rules, with_defaults=with_defaults)

    # Act: twice on the screened policy (cold, then with its session caches warm).
    first = screened.evaluate(w.order, on_screen)
    again = screened.evaluate(w.order, on_screen)
    reference = exact.evaluate(w.order, on_exact, exact=True)

    # Assert
    _same(first, reference)
    _same(again, reference)
    assert on_screen.initial_rates == on_exact.initial_rates
