"""Property: an applied deleverage plan reaches its target, with the fewest reductions."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from domain.margin import DeleveragePlan, MarginRates, MarginSchedule, assess_margin
from domain.margin import plan_deleverage as plan_for
from domain.trading.accounts import Account
from domain.trading.instruments import Instrument
from domain.trading.positions import Position
from tests.kit.margin import fill

D = Decimal
RATE_CHOICES = [
    MarginRates(),
    MarginRates(D("0.25"), D("0.2"), D("0.2")),
    MarginRates(D("1"), D("1"), D("1")),
    MarginRates(D("0.1"), D("0.05"), D("0.075")),
]


@dataclass(frozen=True)
class Book:
    account: Account
    instruments: dict[str, Instrument]
    marks: dict[str, Decimal]
    schedule: MarginSchedule


@st.composite
def books(draw: st.DrawFn) -> Book:
    count = draw(st.integers(1, 5))
    positions: dict[str, Position] = {}
    instruments: dict[str, Instrument] = {}
    marks: dict[str, Decimal] = {}
    overrides: dict[str, MarginRates] = {}
    # Reverse insertion order so the planner cannot lean on the dict's order.
    for symbol in reversed("ABCDE"[:count]):
        multiplier = D(draw(st.sampled_from([1, 10])))
        quantity = D(draw(st.integers(1, 400))) * draw(st.sampled_from([1, -1]))
        positions[symbol] = Position(symbol, quantity, D(1), multiplier=multiplier)
        lot = D(draw(st.sampled_from([1, 10, 100])))
        instruments[symbol] = Instrument(symbol, lot_size=lot, multiplier=multiplier)
        # A few round marks make equal requirements (ties) likely.
        cents = draw(st.one_of(st.sampled_from([1_000, 5_000]), st.integers(100, 50_000)))
        marks[symbol] = D(cents) / 100
        overrides[symbol] = draw(st.sampled_from(RATE_CHOICES))
    gross = sum((abs(p.quantity) * marks[s] * p.multiplier for s, p in positions.items()), D(0))
    value = sum((p.quantity * marks[s] * p.multiplier for s, p in positions.items()), D(0))
    # Equity from −10% to 150% of gross exposure: mostly healthy, some beyond saving.
    equity = gross * D(draw(st.integers(-10, 150))) / 100
    account = Account(id="acc-1", owner_id="owner-1", cash=equity - value, positions=positions)
    return Book(account, instruments, marks, MarginSchedule(by_symbol=overrides))


def apply(plan: DeleveragePlan, book: Book) -> None:
    for n, step in enumerate(plan.steps):
        book.account.apply_fill(fill(step.symbol, step.side, step.quantity, step.mark, n))


def fewest_reductions(book: Book, target: Decimal) -> int:
    status = assess_margin(book.account, book.instruments, book.marks, book.schedule)
    if status.equity <= 0:
        return len(status.positions)
    needed = status.maintenance_requirement - (1 - target) * status.equity
    released, count = D(0), 0
    for requirement in sorted((p.maintenance_requirement for p in status.positions), reverse=True):
        if released >= needed:
            break
        released += requirement
        count += 1
    return count


@settings(max_examples=200, deadline=None)
@given(book=books(), target=st.integers(0, 99).map(lambda pct: D(pct) / 100))
def test_applied_plan_reaches_target_with_fewest_reductions(book: Book, target: Decimal) -> None:
    # Arrange
    before = {s: p.quantity for s, p in book.account.positions.items()}
    equity_before = book.account.equity(book.marks)
    expected_steps = fewest_reductions(book, target)

    # Act
    plan = plan_for(book.account, book.instruments, book.marks, book.schedule, target)
    apply(plan, book)
    after = assess_margin(book.account, book.instruments, book.marks, book.schedule)

    # Assert: closing at the mark keeps equity and lowers maintenance as the plan says.
    assert after.equity == equity_before == plan.equity
    assert after.maintenance_requirement == plan.maintenance_after
    assert len(plan.steps) == expected_steps
    assert len({step.symbol for step in plan.steps}) == len(plan.steps)
    if plan.reaches_target:
        assert after.margin_buffer >= target
        assert after.margin_buffer == plan.buffer_after
    else:
        assert equity_before <= 0
        assert all(p.quantity == 0 for p in book.account.positions.values())
    for step in plan.steps:
        held, now = before[step.symbol], book.account.positions[step.symbol].quantity
        assert 0 < step.quantity <= abs(held)
        assert step.side.sign == (-1 if held > 0 else 1)
        assert abs(now) < abs(held)
        assert now == 0 or (now > 0) == (held > 0)
        lot = book.instruments[step.symbol].lot_size
        assert step.quantity == abs(held) or step.quantity % lot == 0
    for symbol, held in before.items():
        now = book.account.positions[symbol].quantity
        assert abs(now) <= abs(held)
