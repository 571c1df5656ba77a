"""Property: the gate never approves an order that breaches an active limit.

Accounts, rules and orders are generated as plain integers; every limit is
recomputed here with plain arithmetic on those integers, independently of the
risk view, and compared with the gate's decision.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from domain.risk.reasons import Action
from domain.risk.rules import RiskRule, RuleType
from domain.trading.orders import Order, Side
from tests.unit.risk_gate.builders import (
    BUY,
    SELL,
    D,
    account,
    decide,
    instrument,
    instruments,
    marks,
    order,
    resting,
    rule,
    view,
)

SYMBOLS = ("AAPL", "XOM")


@dataclass(frozen=True)
class Resting:
    symbol: str
    side: Side
    quantity: int
    limit: int | None


@dataclass(frozen=True)
class Scenario:
    """Raw numbers of one account and one order on AAPL."""

    cash: int
    marks: dict[str, int]
    positions: dict[str, int]
    resting: tuple[Resting, ...]
    lot: int
    side: Side
    quantity: int
    limit: int | None


@dataclass(frozen=True)
class Limits:
    """Active limits (None: no rule) and each rule's action."""

    max_quantity: int | None
    max_notional: int | None
    max_position: int | None
    max_gross: int | None
    max_leverage: Decimal | None
    actions: tuple[Action, ...]


@st.composite
def scenarios(draw: st.DrawFn) -> Scenario:
    prices = {s: draw(st.integers(1, 200)) for s in SYMBOLS}
    positions = {s: draw(st.integers(-1_000, 1_000)) for s in SYMBOLS}
    resting_orders = tuple(
        Resting(
            draw(st.sampled_from(SYMBOLS)),
            draw(st.sampled_from([BUY, SELL])),
            draw(st.integers(1, 500)),
            draw(st.none() | st.integers(1, 600)),
        )
        for _ in range(draw(st.integers(0, 3)))
    )
    lot = draw(st.sampled_from([1, 5, 10, 100]))
    side = draw(st.sampled_from([BUY, SELL]))
    mark = prices["AAPL"]
    # A buy limit may sit anywhere near the mark; a sell limit at or above it (a sell
    # limit below the mark is under-valued by the gate: see test_decision.py).
    low = max(1, mark // 2) if side is BUY else mark
    limit = draw(st.none() | st.integers(low, 2 * mark))
    return Scenario(
        cash=draw(st.integers(-100_000, 500_000)),
        marks=prices,
        positions=positions,
        resting=resting_orders,
        lot=lot,
        side=side,
        quantity=lot * draw(st.integers(1, 50)),
        limit=limit,
    )


def limit_sets(actions: st.SearchStrategy[Action]) -> st.SearchStrategy[Limits]:
    return st.builds(
        Limits,
        max_quantity=st.none() | st.integers(1, 3_000),
        max_notional=st.none() | st.integers(1, 500_000),
        max_position=st.none() | st.integers(1, 3_000),
        max_gross=st.none() | st.integers(1, 2_000_000),
        max_leverage=st.none() | st.integers(1, 40).map(lambda tenths: D(tenths) / 10),
        actions=st.tuples(*(actions for _ in range(5))),
    )


def rules_of(limits: Limits) -> list[RiskRule]:
    params = [
        (RuleType.MAX_ORDER_QUANTITY, "max_quantity", limits.max_quantity),
        (RuleType.MAX_ORDER_NOTIONAL, "max_notional", limits.max_notional),
        (RuleType.MAX_POSITION_SIZE, "max_quantity", limits.max_position),
        (RuleType.GROSS_EXPOSURE, "max_gross", limits.max_gross),
        (RuleType.MAX_LEVERAGE, "max_leverage", limits.max_leverage),
    ]
    return [
        rule(rule_type, {key: value}, action=action, rule_id=f"r-{n}")
        for n, ((rule_type, key, value), action) in enumerate(
            zip(params, limits.actions, strict=True)
        )
        if value is not None
    ]


def gate_decision(s: Scenario, limits: Limits) -> tuple[bool, Decimal]:
    open_orders = [
        resting(r.symbol, r.side, r.quantity, limit=r.limit, order_id=f"open-{n}")
        for n, r in enumerate(s.resting)
    ]
    acct = account(s.cash, *s.positions.items(), open_orders=open_orders)
    universe = instruments(instrument("AAPL", lot=s.lot))
    risk_view = view(acct, marks(**s.marks), universe=universe)
    new_order: Order = order("AAPL", s.side, s.quantity, limit=s.limit)
    decision = decide(new_order, risk_view, *rules_of(limits))
    return decision.approved, decision.quantity


# -- the limits, recomputed by hand --------------------------------------------------


def open_quantity(s: Scenario, side: Side) -> int:
    return sum(r.quantity for r in s.resting if r.symbol == "AAPL" and r.side is side)


def reduces(s: Scenario, quantity: Decimal) -> bool:
    position = s.positions["AAPL"]
    if s.side is SELL:
        return position > 0 and quantity + open_quantity(s, SELL) <= position
    return position < 0 and quantity + open_quantity(s, BUY) <= -position


def breaches(s: Scenario, limits: Limits, quantity: Decimal) -> list[str]:
    """The limits that `quantity` of the scenario's order would breach."""
    price = s.limit if s.limit is not None else s.marks["AAPL"]
    value = quantity * price
    equity = s.cash + sum(s.positions[x] * s.marks[x] for x in SYMBOLS)
    gross = sum(abs(s.positions[x]) * s.marks[x] for x in SYMBOLS)
    gross += sum(
        r.quantity * (r.limit if r.limit is not None else s.marks[r.symbol]) for r in s.resting
    )
    if s.side is BUY:
        resulting = s.positions["AAPL"] + open_quantity(s, BUY) + quantity
    else:
        resulting = s.positions["AAPL"] - open_quantity(s, SELL) - quantity
    exempt = reduces(s, quantity)
    found = []
    if limits.max_quantity is not None and quantity > limits.max_quantity:
        found.append("quantity")
    if limits.max_notional is not None and value > limits.max_notional:
        found.append("notional")
    if limits.max_position is not None and not exempt and abs(resulting) > limits.max_position:
        found.append("position")
    if limits.max_gross is not None and not exempt and gross + value > limits.max_gross:
        found.append("gross")
    if (
        limits.max_leverage is not None
        and not exempt
        and (equity <= 0 or gross + value > limits.max_leverage * equity)
    ):
        found.append("leverage")
    return found


@settings(max_examples=200, deadline=None)
@given(s=scenarios(), limits=limit_sets(st.just(Action.BLOCK)))
def test_block_limits_approve_exactly_the_orders_that_fit(s: Scenario, limits: Limits) -> None:
    # Act
    approved, quantity = gate_decision(s, limits)

    # Assert: approved ⇔ no limit is breached, and an approved order is never resized.
    requested = D(s.quantity)
    assert approved == (not breaches(s, limits, requested))
    assert quantity == requested


@settings(max_examples=200, deadline=None)
@given(
    s=scenarios(),
    limits=limit_sets(st.sampled_from([Action.BLOCK, Action.REDUCE, Action.REDUCE, Action.REDUCE])),
)
def test_reduced_quantity_is_whole_lots_that_fit_every_limit(s: Scenario, limits: Limits) -> None:
    # Act
    approved, quantity = gate_decision(s, limits)

    # Assert
    requested = D(s.quantity)
    if not approved:
        assert quantity == requested
        return
    assert D(0) < quantity <= requested
    assert quantity % s.lot == 0
    assert breaches(s, limits, quantity) == []
    position = s.positions["AAPL"]
    could_reduce = (position > 0 and s.side is SELL) or (position < 0 and s.side is BUY)
    if quantity < requested and not could_reduce:
        # As large as possible: one more lot breaches a limit. (Skipped for orders that
        # may reduce a position; see the xfail on stale `reduces` in test_decision.py.)
        assert breaches(s, limits, quantity + s.lot) != []
