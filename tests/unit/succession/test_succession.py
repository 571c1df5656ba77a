"""Succession: the owner's check-ins, reminders, grace, and the execution of the plan."""

from __future__ import annotations

from datetime import datetime, timedelta
from decimal import Decimal

import pytest

from application.safety.succession import SetBeneficiaries, SetSuccessionPolicy, SuccessionScheduler
from bootstrap.embedded import Embedded
from domain.errors import Forbidden, NotFound
from domain.killswitch.state import Scope, TradingState
from domain.killswitch.switch import TriggerType
from domain.succession import (
    Allocation,
    Beneficiary,
    EstateTaxSchedule,
    InvalidBeneficiaryAllocation,
    SuccessionCanceledByOwner,
    SuccessionPolicy,
    SuccessionStatus,
    SuccessionUnderWay,
)
from domain.trading.orders import Side
from ports.trading.broker import BrokerPosition
from tests.kit.watches import (
    ACCOUNT,
    AGENT,
    OWNER,
    fake_clock,
    hold,
    place_limit,
    scheduler,
    state_of,
    succession,
)

D = Decimal
T0 = datetime.fromisoformat("2026-01-05T14:30:00+00:00")  # the FakeClock's start
DAY = timedelta(days=1)
SECOND_ACCOUNT = "acc-3"
HEIRS = (
    Beneficiary("alice", "Alice", D(60), "alice@example.org"),
    Beneficiary("bob", "Bob", D(40), "bob@example.org"),
)
TAX = EstateTaxSchedule(exemption=D(100_000))  # 40% above 100,000


async def enrolled(e: Embedded, *, liquidate: bool = True) -> None:
    """OWNER: ACCOUNT with 100,000 cash and a resting MSFT bid; SECOND_ACCOUNT with 40,000
    cash, 100 AAPL bought at 100 and a resting AAPL offer; the default policy from T0."""
    await e.open_account(SECOND_ACCOUNT, OWNER.id, D(50_000))
    await hold(e, SECOND_ACCOUNT, "AAPL", D(100), D(100))
    bid = await place_limit(e, Side.BUY, "10", "240", symbol="MSFT")
    offer = await place_limit(e, Side.SELL, "10", "130", account_id=SECOND_ACCOUNT)
    assert bid.order.is_open and offer.order.is_open
    service = succession(e)
    await service.set_policy(
        SetSuccessionPolicy(OWNER, SuccessionPolicy(OWNER.id, liquidate=liquidate))
    )
    await service.set_beneficiaries(SetBeneficiaries(OWNER, HEIRS))


async def run_at(e: Embedded, runner: SuccessionScheduler, offset: timedelta) -> list[str]:
    """Run the scheduler at T0 + offset; the subjects of what the owner was told."""
    before = len(e.notifier.sent)
    fake_clock(e).set(T0 + offset)
    await runner.run()
    return [n.subject for n in e.notifier.sent[before:] if n.recipient == OWNER.id]


async def test_full_timeline_reminds_warns_then_halts_liquidates_and_allocates(
    e: Embedded,
) -> None:
    # Arrange: deadline T0 + 30 d; reminders 7, 3 and 1 day before; grace 7 days
    await enrolled(e, liquidate=True)
    runner = scheduler(e, TAX)
    told = {
        "22d23h": await run_at(e, runner, 22 * DAY + timedelta(hours=23)),
        "23d": await run_at(e, runner, 23 * DAY),
        "26d": await run_at(e, runner, 26 * DAY),
        "27d": await run_at(e, runner, 27 * DAY),
        "29d": await run_at(e, runner, 29 * DAY),
        "30d": await run_at(e, runner, 30 * DAY),
        "36d23h": await run_at(e, runner, 36 * DAY + timedelta(hours=23)),
    }
    first_reminder = next(n for n in e.notifier.sent if n.recipient == OWNER.id)
    e.market.set_price("AAPL", "120")

    # Act
    told["37d"] = await run_at(e, runner, 37 * DAY)

    # Assert: the owner was told at the right moments
    remind, grace = "Please check in", "Missed check-in: succession grace period started"
    assert told == {
        "22d23h": [],
        "23d": [remind],
        "26d": [],
        "27d": [remind],
        "29d": [remind],
        "30d": [grace],
        "36d23h": [],
        "37d": ["Succession executed"],
    }
    assert first_reminder.body == (
        "Check in before 2026-02-04 14:30 UTC to keep your succession plan dormant (7d 0h left)."
    )
    # Both accounts halted by the succession trigger; nothing open, nothing held at the broker
    for account_id in (ACCOUNT, SECOND_ACCOUNT):
        scope = Scope.account(account_id)
        assert await state_of(e, scope) is TradingState.HALTED
        (record,) = await e.killswitch.events(scope)
        assert (record.trigger_type, record.flatten) == (TriggerType.SUCCESSION, True)
        assert await e.broker.open_orders(account_id) == []
        assert await e.broker.positions(account_id) == []
    # Estate: 100,000 + (40,000 + 100 × 120) = 152,000; tax 40% × 52,000 = 20,800
    view = await succession(e).status(OWNER)
    assert view.status is SuccessionStatus.EXECUTED
    assert view.summary == (
        "succession of u-1: 2 accounts halted, estate 152000.00, estimated tax 20800.00, "
        "131200.00 allocated to 2 beneficiaries"
    )
    # Net 131,200 split 60 / 40
    amounts = [n.body for n in e.notifier.sent if n.recipient.endswith("@example.org")]
    assert amounts == [
        "Alice, you are a beneficiary of u-1: 78720.00 (60% of the net estate of 131200.00, "
        "after an estimated estate tax of 20800.00).",
        "Bob, you are a beneficiary of u-1: 52480.00 (40% of the net estate of 131200.00, "
        "after an estimated estate tax of 20800.00).",
    ]
    # Every step audited with its description, in order
    trail = [
        (x.action, x.details.get("description"))
        for x in reversed(await e.audit.entries("succession:u-1"))
        if x.actor == "system"
    ]
    assert trail == [
        ("succession.halt_accounts", "Halt trading on accounts acc-1, acc-3"),
        ("succession.cancel_orders", "Cancel all open orders on accounts acc-1, acc-3"),
        ("succession.liquidate", "Liquidate all positions on accounts acc-1, acc-3 into cash"),
        (
            "succession.estimate_estate_tax",
            "Reserve estimated estate tax of 20800.00 on a gross estate of 152000.00 "
            "(exemption 100000, taxable 52000.00); 131200.00 goes to heirs",
        ),
        (
            "succession.allocate",
            "Allocate 131200.00 to beneficiaries (in cash): alice: 78720.00, bob: 52480.00",
        ),
        ("succession.execute", None),
    ]


async def test_the_allocations_sum_to_the_estate_net_of_tax(e: Embedded) -> None:
    # Arrange
    await enrolled(e, liquidate=True)
    runner = scheduler(e, TAX)
    await run_at(e, runner, 30 * DAY)
    e.market.set_price("AAPL", "120")

    # Act
    fake_clock(e).set(T0 + 37 * DAY)
    (execution,) = (await runner.run()).executed

    # Assert
    assert execution.plan is not None
    assert execution.estate_value == D(152_000)
    assert execution.plan.tax_estimate.tax == D(20_800)
    assert execution.plan.allocations == (
        Allocation("alice", D("78720.00")),
        Allocation("bob", D("52480.00")),
    )
    assert sum(a.amount for a in execution.plan.allocations) == D(152_000) - D(20_800)


async def test_a_second_run_after_execution_does_nothing_more(e: Embedded) -> None:
    # Arrange
    await enrolled(e)
    runner = scheduler(e, TAX)
    await run_at(e, runner, 30 * DAY)
    await run_at(e, runner, 37 * DAY)
    sent, audited = len(e.notifier.sent), len(await e.audit.entries(limit=10_000))
    published = len(e.bus.published)

    # Act
    fake_clock(e).set(T0 + 38 * DAY)
    again = await runner.run()

    # Assert
    assert (again.executed, again.reminded, again.grace_started) == ((), (), ())
    assert len(e.notifier.sent) == sent
    assert len(await e.audit.entries(limit=10_000)) == audited
    assert len(e.bus.published) == published
    assert len(await e.killswitch.events()) == 2
    with pytest.raises(SuccessionUnderWay):
        await succession(e).check_in(OWNER)


async def test_without_liquidation_positions_stay_and_are_valued_at_marks(e: Embedded) -> None:
    # Arrange
    await enrolled(e, liquidate=False)
    runner = scheduler(e)  # US federal 2026: 15,000,000 exempt, so no tax here
    await run_at(e, runner, 30 * DAY)
    e.market.set_price("AAPL", "120")

    # Act
    fake_clock(e).set(T0 + 37 * DAY)
    (execution,) = (await runner.run()).executed

    # Assert: estate 100,000 + 40,000 + 100 × 120 = 152,000, split 60 / 40, in kind
    assert execution.plan is not None
    assert execution.plan.tax_estimate.tax == D(0)
    assert execution.plan.allocations == (
        Allocation("alice", D("91200.00")),
        Allocation("bob", D("60800.00")),
    )
    assert "liquidate" not in [k.value for k in execution.report.completed_steps]
    assert await e.broker.positions(SECOND_ACCOUNT) == [
        BrokerPosition(SECOND_ACCOUNT, "AAPL", D(100), D(100))
    ]
    assert await e.broker.open_orders(SECOND_ACCOUNT) == []


async def test_checking_in_during_grace_calls_the_succession_off(e: Embedded) -> None:
    # Arrange
    await enrolled(e)
    runner = scheduler(e, TAX)
    await run_at(e, runner, 30 * DAY)
    fake_clock(e).set(T0 + 31 * DAY)

    # Act
    view = await succession(e).check_in(OWNER)
    late = await run_at(e, runner, 37 * DAY)

    # Assert: a new cycle from the check-in; nothing halted at the old trigger time
    assert view.status is SuccessionStatus.ACTIVE
    assert view.deadline == T0 + 61 * DAY
    assert view.next_reminder_at == T0 + 54 * DAY
    (canceled,) = e.bus.of_type(SuccessionCanceledByOwner)
    assert isinstance(canceled, SuccessionCanceledByOwner)
    assert canceled.canceled_at == T0 + 31 * DAY
    assert late == []
    assert await state_of(e, Scope.account(ACCOUNT)) is TradingState.ACTIVE
    assert await e.killswitch.events() == []


async def test_status_tells_the_deadline_trigger_time_and_next_reminder(e: Embedded) -> None:
    # Arrange
    await enrolled(e)
    runner = scheduler(e)

    # Act
    fresh = await succession(e).status(OWNER)
    await run_at(e, runner, 23 * DAY)
    reminded = await succession(e).status(OWNER)

    # Assert
    assert (fresh.deadline, fresh.trigger_at) == (T0 + 30 * DAY, T0 + 37 * DAY)
    assert fresh.next_reminder_at == T0 + 23 * DAY
    assert reminded.next_reminder_at == T0 + 27 * DAY


async def test_an_unconfirmed_liquidation_is_retried_on_the_next_run(e: Embedded) -> None:
    # Arrange: no AAPL quote when the succession triggers, so the position cannot close
    await enrolled(e, liquidate=True)
    runner = scheduler(e, TAX)
    await run_at(e, runner, 30 * DAY)
    e.market.remove("AAPL")
    fake_clock(e).set(T0 + 37 * DAY)
    first = await runner.run()
    e.market.set_price("AAPL", "120")

    # Act
    fake_clock(e).set(T0 + 37 * DAY + timedelta(minutes=1))
    second = await runner.run()

    # Assert
    assert first.executed == ()
    assert first.incomplete == {OWNER.id: f"positions still open: {SECOND_ACCOUNT}:AAPL"}
    (execution,) = second.executed
    assert execution.estate_value == D(152_000)
    assert await e.broker.positions(SECOND_ACCOUNT) == []


async def test_without_beneficiaries_the_accounts_are_secured_and_nothing_allocated(
    e: Embedded,
) -> None:
    # Arrange
    await succession(e).set_policy(SetSuccessionPolicy(OWNER, SuccessionPolicy(OWNER.id)))
    runner = scheduler(e)
    await run_at(e, runner, 30 * DAY)

    # Act
    fake_clock(e).set(T0 + 37 * DAY)
    (execution,) = (await runner.run()).executed

    # Assert
    assert execution.plan is None
    assert [k.value for k in execution.report.completed_steps] == [
        "halt_accounts",
        "cancel_orders",
    ]
    assert "no beneficiaries on file" in execution.report.summary
    assert await state_of(e, Scope.account(ACCOUNT)) is TradingState.HALTED


async def test_beneficiaries_not_summing_to_100_are_rejected(e: Embedded) -> None:
    # Arrange
    service = succession(e)
    short = (
        Beneficiary("alice", "Alice", D(60), "alice@example.org"),
        Beneficiary("bob", "Bob", D("39.99"), "bob@example.org"),
    )

    # Act / Assert
    with pytest.raises(InvalidBeneficiaryAllocation):
        await service.set_beneficiaries(SetBeneficiaries(OWNER, short))
    assert await service.beneficiaries(OWNER) == []
    assert await service.set_beneficiaries(SetBeneficiaries(OWNER, HEIRS)) == list(HEIRS)
    assert await service.beneficiaries(OWNER) == list(HEIRS)


async def test_only_the_owner_in_person_acts_on_a_succession(e: Embedded) -> None:
    # Arrange
    service = succession(e)

    # Act / Assert
    with pytest.raises(NotFound):
        await service.status(OWNER)
    with pytest.raises(NotFound):
        await service.check_in(OWNER)
    with pytest.raises(Forbidden):
        await service.set_policy(SetSuccessionPolicy(OWNER, SuccessionPolicy("someone-else")))
    await service.set_policy(SetSuccessionPolicy(OWNER, SuccessionPolicy(OWNER.id)))
    with pytest.raises(Forbidden):
        await service.check_in(AGENT)
