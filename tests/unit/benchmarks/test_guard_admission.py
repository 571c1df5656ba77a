"""The performance guard's admission checks: the bound held in simulated overloads (and a
looser estimate caught), and the admission's own cost as one of the guard's subjects."""

from __future__ import annotations

import pytest

from application.core.admission import OrderAdmission
from benchmarks.guard import Subject, admission_subjects
from benchmarks.guard_admission import SCENARIOS, STEP_ORDERS, bound_check


def test_the_admission_holds_its_bound_in_every_simulated_overload() -> None:
    # Act
    check = bound_check()

    # Assert
    assert check.held, check.line
    assert check.line.startswith(f"admission bound: held in {len(SCENARIOS)} simulated")


def test_an_estimate_that_lets_orders_queue_past_the_bound_fails_the_check(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Arrange: the work ahead taken for half of what it is
    def half(self: OrderAdmission, waited: float = 0.0) -> float:
        return waited + max(0.0, self.in_flight * self.cost / 2 - self.own)

    monkeypatch.setattr(OrderAdmission, "expected_wait", half)

    # Act
    check = bound_check()

    # Assert
    assert not check.held
    assert check.line.startswith("admission bound: MISSED in ")
    assert "an admitted order waited" in check.line


async def test_the_admission_is_a_subject_of_the_guard_counting_orders() -> None:
    # Arrange
    [subject] = admission_subjects()

    # Act
    done = await subject.step()

    # Assert
    assert isinstance(subject, Subject)
    assert (subject.name, subject.unit, done) == ("order admission", "orders", STEP_ORDERS)
