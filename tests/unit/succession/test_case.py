"""The succession case timeline: reminders, grace, trigger, check-ins and execution."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from domain.errors import IllegalTransition
from domain.succession import (
    ExecutionReport,
    InvalidSuccessionPolicy,
    InvalidSuccessionTime,
    StepKind,
    SuccessionCanceledByOwner,
    SuccessionCase,
    SuccessionCheckedIn,
    SuccessionEnrolled,
    SuccessionExecuted,
    SuccessionGraceStarted,
    SuccessionPolicy,
    SuccessionPolicyUpdated,
    SuccessionReminderDue,
    SuccessionStatus,
    SuccessionTriggered,
    SuccessionUnderWay,
)

OWNER = "owner-1"
US = timedelta(microseconds=1)
# Enrolled 2026-01-01 12:00 UTC with the defaults (30 days, 7 days grace, reminders 7/3/1 days):
ENROLLED = datetime(2026, 1, 1, 12, 0, tzinfo=UTC)
DEADLINE = datetime(2026, 1, 31, 12, 0, tzinfo=UTC)  # 01-01 + 30 days
REMIND_7D = datetime(2026, 1, 24, 12, 0, tzinfo=UTC)  # deadline - 7 days
REMIND_3D = datetime(2026, 1, 28, 12, 0, tzinfo=UTC)  # deadline - 3 days
REMIND_1D = datetime(2026, 1, 30, 12, 0, tzinfo=UTC)  # deadline - 1 day
TRIGGER = datetime(2026, 2, 7, 12, 0, tzinfo=UTC)  # deadline + 7 days


@pytest.fixture
def case() -> SuccessionCase:
    return SuccessionCase.enroll(SuccessionPolicy(OWNER), ENROLLED)


def in_grace(case: SuccessionCase) -> SuccessionCase:
    case.evaluate(DEADLINE)
    return case


def triggered(case: SuccessionCase) -> SuccessionCase:
    case.evaluate(DEADLINE)
    case.evaluate(TRIGGER)
    return case


def test_enrolling_counts_as_the_first_check_in(case: SuccessionCase) -> None:
    # Arrange / Act: done by the fixture.

    # Assert
    assert case.status is SuccessionStatus.ACTIVE
    assert case.deadline == DEADLINE
    assert case.trigger_at == TRIGGER
    assert case.events == [SuccessionEnrolled(OWNER, ENROLLED, DEADLINE, True)]


def test_nothing_is_due_before_the_first_reminder(case: SuccessionCase) -> None:
    # Arrange / Act
    emitted = case.evaluate(REMIND_7D - US)

    # Assert
    assert emitted == []


def test_each_reminder_fires_exactly_at_its_time_and_only_once(case: SuccessionCase) -> None:
    # Arrange
    timeline = [
        REMIND_7D - US,
        REMIND_7D,
        REMIND_7D + timedelta(hours=1),
        REMIND_3D - US,
        REMIND_3D,
        REMIND_3D + timedelta(days=1),
        REMIND_1D,
        REMIND_1D + timedelta(hours=23),
    ]

    # Act
    emitted = [event for now in timeline for event in case.evaluate(now)]

    # Assert
    assert emitted == [
        SuccessionReminderDue(OWNER, REMIND_7D, timedelta(days=7), DEADLINE),
        SuccessionReminderDue(OWNER, REMIND_3D, timedelta(days=3), DEADLINE),
        SuccessionReminderDue(OWNER, REMIND_1D, timedelta(days=1), DEADLINE),
    ]
    assert case.status is SuccessionStatus.ACTIVE


def test_reminder_remaining_is_measured_from_the_evaluation(case: SuccessionCase) -> None:
    # Arrange
    late = REMIND_7D + timedelta(hours=5)

    # Act
    emitted = case.evaluate(late)

    # Assert: 7 days - 5 hours = 6 days 19 hours left
    assert emitted == [
        SuccessionReminderDue(OWNER, REMIND_7D, timedelta(days=6, hours=19), DEADLINE)
    ]


def test_missed_reminders_collapse_into_the_most_urgent(case: SuccessionCase) -> None:
    # Arrange: no evaluation ran between enrolment and two days before the deadline.
    now = DEADLINE - timedelta(days=2)

    # Act
    first = case.evaluate(now)
    again = case.evaluate(now + timedelta(hours=1))

    # Assert: the 7-day and 3-day reminders are both due; only the 3-day one goes out.
    assert first == [SuccessionReminderDue(OWNER, REMIND_3D, timedelta(days=2), DEADLINE)]
    assert again == []
    assert case.reminders_sent == frozenset({timedelta(days=7), timedelta(days=3)})


def test_grace_starts_at_the_deadline_not_before(case: SuccessionCase) -> None:
    # Arrange
    case.evaluate(REMIND_1D)

    # Act
    before = case.evaluate(DEADLINE - US)
    at_deadline = case.evaluate(DEADLINE)

    # Assert
    assert before == []
    assert at_deadline == [SuccessionGraceStarted(OWNER, DEADLINE, DEADLINE, TRIGGER)]
    assert case.status is SuccessionStatus.GRACE
    assert case.grace_started_at == DEADLINE


def test_trigger_at_deadline_plus_grace_and_not_one_microsecond_before(
    case: SuccessionCase,
) -> None:
    # Arrange
    in_grace(case)

    # Act
    before = case.evaluate(TRIGGER - US)
    at_trigger = case.evaluate(TRIGGER)

    # Assert
    assert before == []
    assert at_trigger == [SuccessionTriggered(OWNER, TRIGGER, DEADLINE, False)]
    assert case.status is SuccessionStatus.TRIGGERED
    assert case.triggered_at == TRIGGER


def test_full_timeline_emits_each_event_once_in_order(case: SuccessionCase) -> None:
    # Arrange: an evaluator that wakes every 12 hours from enrolment to well past the trigger.
    ticks = [ENROLLED + timedelta(hours=12 * n) for n in range(2 * 50)]

    # Act
    for now in ticks:
        case.evaluate(now)

    # Assert
    assert [type(e) for e in case.events] == [
        SuccessionEnrolled,
        SuccessionReminderDue,
        SuccessionReminderDue,
        SuccessionReminderDue,
        SuccessionGraceStarted,
        SuccessionTriggered,
    ]
    assert case.events[-1] == SuccessionTriggered(OWNER, TRIGGER, DEADLINE, False)


def test_second_trigger_emits_nothing(case: SuccessionCase) -> None:
    # Arrange
    triggered(case)
    recorded = len(case.events)

    # Act
    emitted = case.evaluate(TRIGGER + timedelta(days=365))

    # Assert
    assert emitted == []
    assert len(case.events) == recorded
    assert case.status is SuccessionStatus.TRIGGERED
    assert case.triggered_at == TRIGGER
    assert case.next_due_at() is None


def test_owner_check_in_during_grace_cancels_the_trigger(case: SuccessionCase) -> None:
    # Arrange
    in_grace(case)
    back = DEADLINE + timedelta(days=2)

    # Act
    emitted = case.check_in(back)

    # Assert: new deadline 2026-02-02 12:00 + 30 days = 2026-03-04 12:00
    new_deadline = datetime(2026, 3, 4, 12, 0, tzinfo=UTC)
    assert emitted == [
        SuccessionCheckedIn(OWNER, back, new_deadline),
        SuccessionCanceledByOwner(OWNER, back, new_deadline),
    ]
    assert case.status is SuccessionStatus.ACTIVE
    assert case.grace_started_at is None
    assert case.evaluate(TRIGGER) == []


def test_check_in_starts_a_new_cycle_with_fresh_reminders(case: SuccessionCase) -> None:
    # Arrange: the 7-day reminder of the first cycle went out.
    case.evaluate(REMIND_7D)
    checked_in = REMIND_7D + timedelta(hours=1)  # 2026-01-24 13:00

    # Act
    case.check_in(checked_in)
    old_reminder_time = case.evaluate(REMIND_3D)
    # New deadline 2026-01-24 13:00 + 30 days = 2026-02-23 13:00; its 7-day reminder 02-16 13:00.
    new_reminder = case.evaluate(datetime(2026, 2, 16, 13, 0, tzinfo=UTC))

    # Assert
    new_deadline = datetime(2026, 2, 23, 13, 0, tzinfo=UTC)
    assert case.deadline == new_deadline
    assert case.cycle == 1
    assert old_reminder_time == []
    assert new_reminder == [
        SuccessionReminderDue(
            OWNER, datetime(2026, 2, 16, 13, 0, tzinfo=UTC), timedelta(days=7), new_deadline
        )
    ]


def test_stale_or_duplicate_check_in_changes_nothing(case: SuccessionCase) -> None:
    # Arrange
    case.check_in(ENROLLED + timedelta(days=10))
    recorded = list(case.events)

    # Act
    duplicate = case.check_in(ENROLLED + timedelta(days=10))
    stale = case.check_in(ENROLLED + timedelta(days=5))

    # Assert: 2026-01-11 12:00 + 30 days = 2026-02-10 12:00
    assert duplicate == []
    assert stale == []
    assert case.events == recorded
    assert case.deadline == datetime(2026, 2, 10, 12, 0, tzinfo=UTC)


def test_check_in_after_trigger_raises(case: SuccessionCase) -> None:
    # Arrange
    triggered(case)

    # Act / Assert
    with pytest.raises(SuccessionUnderWay) as raised:
        case.check_in(TRIGGER + timedelta(minutes=1))
    assert raised.value.code == "SUCCESSION_UNDER_WAY"
    assert case.status is SuccessionStatus.TRIGGERED


def test_policy_change_after_trigger_raises(case: SuccessionCase) -> None:
    # Arrange
    triggered(case)

    # Act / Assert
    with pytest.raises(SuccessionUnderWay):
        case.update_policy(SuccessionPolicy(OWNER, enabled=False), TRIGGER)


def test_disabled_policy_never_reminds_or_triggers() -> None:
    # Arrange
    case = SuccessionCase.enroll(SuccessionPolicy(OWNER, enabled=False), ENROLLED)
    ticks = [ENROLLED + timedelta(days=n) for n in range(400)]

    # Act
    emitted = [event for now in ticks for event in case.evaluate(now)]

    # Assert
    assert emitted == []
    assert case.status is SuccessionStatus.ACTIVE
    assert case.next_due_at() is None


def test_disabling_during_grace_calls_the_trigger_off(case: SuccessionCase) -> None:
    # Arrange
    in_grace(case)
    at = DEADLINE + timedelta(days=1)

    # Act
    emitted = case.update_policy(SuccessionPolicy(OWNER, enabled=False), at)

    # Assert: 2026-02-01 12:00 + 30 days = 2026-03-03 12:00
    new_deadline = datetime(2026, 3, 3, 12, 0, tzinfo=UTC)
    assert emitted == [
        SuccessionPolicyUpdated(OWNER, at, new_deadline, False),
        SuccessionCanceledByOwner(OWNER, at, new_deadline),
    ]
    assert case.evaluate(TRIGGER + timedelta(days=365)) == []


def test_late_evaluation_still_gives_the_full_grace_period(case: SuccessionCase) -> None:
    # Arrange: the evaluator was down from enrolment until 3 days after the would-be trigger.
    woke = TRIGGER + timedelta(days=3)  # 2026-02-10 12:00

    # Act
    first = case.evaluate(woke)
    still_waiting = case.evaluate(woke + timedelta(days=7) - US)
    fired = case.evaluate(woke + timedelta(days=7))

    # Assert: grace runs 7 days from the notice: 2026-02-17 12:00
    notice_end = datetime(2026, 2, 17, 12, 0, tzinfo=UTC)
    assert first == [SuccessionGraceStarted(OWNER, DEADLINE, woke, notice_end)]
    assert still_waiting == []
    assert fired == [SuccessionTriggered(OWNER, notice_end, DEADLINE, False)]


def test_trigger_carries_the_liquidation_choice() -> None:
    # Arrange
    case = SuccessionCase.enroll(SuccessionPolicy(OWNER, liquidate=True), ENROLLED)

    # Act
    triggered(case)

    # Assert
    assert case.events[-1] == SuccessionTriggered(OWNER, TRIGGER, DEADLINE, True)


def test_next_due_at_follows_the_timeline(case: SuccessionCase) -> None:
    # Arrange / Act / Assert
    assert case.next_due_at() == REMIND_7D
    case.evaluate(REMIND_7D)
    assert case.next_due_at() == REMIND_3D
    case.evaluate(REMIND_1D)
    assert case.next_due_at() == DEADLINE
    case.evaluate(DEADLINE)
    assert case.next_due_at() == TRIGGER


def test_mark_executed_moves_triggered_to_executed(case: SuccessionCase) -> None:
    # Arrange
    triggered(case)
    done = TRIGGER + timedelta(hours=1)
    report = ExecutionReport(
        done, (StepKind.HALT_ACCOUNTS, StepKind.CANCEL_ORDERS), "halted and canceled"
    )

    # Act
    emitted = case.mark_executed(report)

    # Assert
    assert emitted == [
        SuccessionExecuted(OWNER, done, ("halt_accounts", "cancel_orders"), "halted and canceled")
    ]
    assert case.status is SuccessionStatus.EXECUTED
    assert case.execution == report
    assert case.evaluate(done) == []
    with pytest.raises(SuccessionUnderWay):
        case.check_in(done)


@pytest.mark.parametrize("steps_to_grace", [False, True])
def test_mark_executed_before_trigger_is_illegal(
    case: SuccessionCase, steps_to_grace: bool
) -> None:
    # Arrange
    if steps_to_grace:
        in_grace(case)
    report = ExecutionReport(TRIGGER, (), "too early")

    # Act / Assert
    with pytest.raises(IllegalTransition):
        case.mark_executed(report)


def test_mark_executed_twice_is_illegal(case: SuccessionCase) -> None:
    # Arrange
    triggered(case)
    case.mark_executed(ExecutionReport(TRIGGER, (), "done"))

    # Act / Assert
    with pytest.raises(IllegalTransition):
        case.mark_executed(ExecutionReport(TRIGGER, (), "again"))


def test_naive_datetimes_are_rejected(case: SuccessionCase) -> None:
    # Arrange
    naive = datetime(2026, 1, 2, 12, 0)

    # Act / Assert
    with pytest.raises(InvalidSuccessionTime) as raised:
        case.check_in(naive)
    assert raised.value.code == "INVALID_SUCCESSION_TIME"
    with pytest.raises(InvalidSuccessionTime):
        case.evaluate(naive)
    with pytest.raises(InvalidSuccessionTime):
        SuccessionCase.enroll(SuccessionPolicy(OWNER), naive)


def test_other_time_zones_compare_by_instant(case: SuccessionCase) -> None:
    # Arrange: 2026-01-31 07:00 at UTC-5 is the deadline instant, 12:00 UTC.
    new_york_winter = timezone(timedelta(hours=-5))

    # Act
    emitted = case.evaluate(datetime(2026, 1, 31, 7, 0, tzinfo=new_york_winter))

    # Assert
    assert [type(e) for e in emitted] == [SuccessionGraceStarted]
    assert case.trigger_at == TRIGGER


def test_policy_of_another_owner_is_rejected(case: SuccessionCase) -> None:
    # Arrange / Act / Assert
    with pytest.raises(InvalidSuccessionPolicy, match="cannot govern"):
        case.update_policy(SuccessionPolicy("someone-else"), ENROLLED + US)


def test_events_are_keyed_by_owner(case: SuccessionCase) -> None:
    # Arrange / Act
    (event,) = case.evaluate(REMIND_7D)

    # Assert
    assert event.aggregate_id == OWNER
    assert event.name == "SuccessionReminderDue"
