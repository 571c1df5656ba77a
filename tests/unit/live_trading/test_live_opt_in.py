"""The opt-in's use cases and the gate's check over in-memory adapters: who may do what, the
limits checked at each step, every step audited; the order path's reads kept few."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest

from adapters.memory.clock import SequentialIds
from application.live_trading.limits import DefaultLimits
from domain.errors import Forbidden, NotFound
from domain.live_trading.opt_in import (
    AcknowledgementMismatch,
    LiveAlreadyEnabled,
    LiveApprovalPending,
    LiveLimitsMissing,
    LiveLimitsRequired,
    LiveNotOptedIn,
    LiveOptInNotPending,
    LiveOptInNotRequired,
    LiveStatus,
    SecondApproverRequired,
)
from domain.principals import Principal, Role
from domain.risk.reasons import ReasonCode
from domain.trading.account_profile import AccountClosed, AccountStatus
from domain.trading.accounts import Account
from tests.unit.live_trading.world import ALICE, BOB, LIVE, PAPER, RITA, phrase, world


async def test_a_live_accounts_orders_are_denied_until_its_owner_opts_in() -> None:
    # Arrange
    w = await world()
    before = await w.judged(LIVE)

    # Act
    await w.acknowledged()
    after = await w.judged(LIVE)

    # Assert
    assert [v.code for v in before] == [ReasonCode.LIVE_NOT_ENABLED]
    assert "POST /api/v1/accounts/acc-live/live-opt-in" in before[0].message
    assert after == ()


async def test_the_order_path_reads_a_connection_once_and_the_opt_in_at_each_live_order() -> None:
    # Arrange
    w = await world()
    await w.acknowledged()
    w.connections.reads = w.opt_ins.reads = 0

    # Act
    for _ in range(5):
        assert await w.judged(LIVE) == ()
        assert await w.judged(PAPER) == ()

    # Assert: a paper account reads nothing; the live one its connection once, its opt-in
    # at each order (a withdrawal elsewhere binds the next one)
    assert (w.connections.reads, w.opt_ins.reads) == (1, 5)


async def test_a_withdrawn_opt_in_denies_the_next_order_and_is_audited() -> None:
    # Arrange: enabled, and an order of the account passed
    w = await world()
    await w.acknowledged()
    assert await w.judged(LIVE) == ()

    # Act
    state = await w.service.withdraw(ALICE, LIVE)
    after = await w.judged(LIVE)

    # Assert
    assert state.status is LiveStatus.PENDING_ACKNOWLEDGEMENT and state.opt_in is None
    assert [v.code for v in after] == [ReasonCode.LIVE_NOT_ENABLED]
    entries = await w.audit.entries("account:acc-live")
    assert ("live.withdraw", "withdrawn") in [(e.action, e.outcome) for e in entries]


async def test_a_risk_officer_may_withdraw_anothers_opt_in_and_the_owner_opts_in_again() -> None:
    # Arrange
    w = await world()
    await w.acknowledged()

    # Act
    await w.service.withdraw(RITA, LIVE)
    await w.acknowledged()

    # Assert
    assert await w.judged(LIVE) == ()


async def test_a_withdrawal_of_another_owners_account_or_of_nothing_is_refused() -> None:
    # Arrange
    w = await world()

    # Act / Assert: nothing opted in yet
    with pytest.raises(LiveNotOptedIn):
        await w.service.withdraw(ALICE, LIVE)
    await w.acknowledged()
    with pytest.raises(NotFound):
        await w.service.withdraw(BOB, LIVE)
    with pytest.raises(Forbidden):
        await w.service.withdraw(Principal("bot", Role.AGENT), LIVE)
    with pytest.raises(Forbidden):
        await w.service.withdraw(Principal("vera", Role.VIEWER), LIVE)

    # Assert: still enabled, and the refusal of nothing was audited
    assert await w.judged(LIVE) == ()
    entries = await w.audit.entries("account:acc-live")
    assert ("live.withdraw", "LIVE_NOT_OPTED_IN") in [(e.action, e.outcome) for e in entries]


async def test_an_opt_in_enabled_elsewhere_binds_the_next_order() -> None:
    # Arrange: this process denied the account before
    w = await world()
    assert await w.judged(LIVE) != ()

    # Act: another process's service wrote the opt-in to the shared store
    await w.acknowledged()

    # Assert
    assert await w.judged(LIVE) == ()


async def test_the_acknowledgement_is_audited_and_shown_with_who_and_when() -> None:
    # Arrange
    w = await world()

    # Act
    await w.acknowledged()
    state = await w.service.show(ALICE, LIVE)
    entries = await w.audit.entries("account:acc-live")

    # Assert
    assert state.status is LiveStatus.ENABLED
    assert state.opt_in is not None
    assert (state.opt_in.acknowledged_by, state.opt_in.acknowledged_at) == ("alice", w.clock.now())
    assert [(e.action, e.outcome) for e in entries] == [("live.opt_in", "enabled")]


async def test_a_refused_acknowledgement_is_audited_and_nothing_is_stored() -> None:
    # Arrange
    w = await world()

    # Act
    with pytest.raises(AcknowledgementMismatch):
        await w.service.acknowledge(ALICE, LIVE, "go")
    entries = await w.audit.entries("account:acc-live")

    # Assert
    assert [(e.action, e.outcome) for e in entries] == [
        ("live.opt_in", "LIVE_ACKNOWLEDGEMENT_MISMATCH")
    ]
    assert await w.opt_ins.get(LIVE) is None


async def test_an_opt_in_needs_every_required_limit() -> None:
    # Arrange: the account's rate limit deleted
    w = await world()
    rate = (await w.rule_ids())["ORDER_RATE"]
    async with w.uow() as uow:
        await uow.risk_rules.remove(rate)
        await uow.commit()

    # Act
    with pytest.raises(LiveLimitsMissing) as refused:
        await w.acknowledged()

    # Assert
    assert refused.value.missing == ("ORDER_RATE",)
    assert "ORDER_RATE" in refused.value.message


@pytest.mark.parametrize(
    ("who", "error"),
    [
        (Principal("bot", Role.AGENT), Forbidden),
        (Principal("vera", Role.VIEWER), Forbidden),
        (BOB, NotFound),
        (RITA, NotFound),  # the owner's acknowledgement alone: a supervisor's is not it
    ],
)
async def test_only_the_owner_acknowledges(who: Principal, error: type[Exception]) -> None:
    w = await world()
    with pytest.raises(error):
        await w.acknowledged(who)


async def test_an_agent_may_not_even_read_the_state() -> None:
    w = await world()
    with pytest.raises(Forbidden):
        await w.service.show(Principal("bot", Role.AGENT), LIVE)


async def test_a_paper_account_needs_no_opt_in() -> None:
    # Arrange
    w = await world()

    # Act
    state = await w.service.show(ALICE, PAPER)

    # Assert
    assert state.status is LiveStatus.NOT_REQUIRED
    with pytest.raises(LiveOptInNotRequired):
        await w.service.acknowledge(ALICE, PAPER, phrase(PAPER))
    with pytest.raises(LiveOptInNotRequired):
        await w.service.approve(RITA, PAPER)


async def test_a_closed_account_is_not_opted_in() -> None:
    # Arrange
    w = await world()
    async with w.uow() as uow:
        account = await uow.accounts.get(LIVE)
        assert account is not None
        account.status = AccountStatus.CLOSED
        await uow.commit()

    # Act / Assert
    with pytest.raises(AccountClosed):
        await w.acknowledged()


async def test_an_enabled_opt_in_is_not_acknowledged_again() -> None:
    w = await world()
    await w.acknowledged()
    with pytest.raises(LiveAlreadyEnabled):
        await w.acknowledged()


async def test_with_a_second_approver_a_risk_officer_enables_it_not_the_owner() -> None:
    # Arrange
    w = await world(second_approver=True)
    await w.acknowledged()
    pending = await w.judged(LIVE)

    # Act
    with pytest.raises(SecondApproverRequired):
        await w.service.approve(ALICE, LIVE)
    with pytest.raises(LiveApprovalPending):
        await w.acknowledged()
    state = await w.service.approve(RITA, LIVE)

    # Assert
    assert "second person's approval" in pending[0].message
    assert state.status is LiveStatus.ENABLED
    assert state.opt_in is not None and state.opt_in.approved_by == "rita"
    assert await w.judged(LIVE) == ()
    entries = await w.audit.entries("account:acc-live")
    assert [(e.action, e.outcome) for e in reversed(entries)] == [
        ("live.opt_in", "pending_approval"),
        ("live.approve", "LIVE_SECOND_APPROVER_REQUIRED"),
        ("live.approve", "enabled"),
    ]


async def test_an_owner_who_is_an_admin_still_needs_another_approver() -> None:
    # Arrange
    w = await world(second_approver=True)
    admin_owner = Principal("alice", Role.ADMIN)
    await w.acknowledged(admin_owner)

    # Act / Assert
    with pytest.raises(SecondApproverRequired):
        await w.service.approve(admin_owner, LIVE)


@pytest.mark.parametrize(
    ("who", "error"),
    [
        (Principal("bot", Role.AGENT), Forbidden),
        (Principal("vera", Role.VIEWER), Forbidden),
        (BOB, NotFound),
        (Principal("sys", Role.SYSTEM), Forbidden),
    ],
)
async def test_only_a_risk_officer_or_an_admin_approves(
    who: Principal, error: type[Exception]
) -> None:
    w = await world(second_approver=True)
    await w.acknowledged()
    with pytest.raises(error):
        await w.service.approve(who, LIVE)


async def test_an_approval_checks_the_limits_again() -> None:
    # Arrange: a limit deleted while the opt-in waited
    w = await world(second_approver=True)
    await w.acknowledged()
    async with w.uow() as uow:
        await uow.risk_rules.remove((await w.rule_ids())["MAX_DAILY_LOSS"])
        await uow.commit()

    # Act / Assert
    with pytest.raises(LiveLimitsMissing):
        await w.service.approve(RITA, LIVE)
    assert await w.judged(LIVE) != ()


async def test_nothing_to_approve_before_the_owner_acknowledged() -> None:
    w = await world(second_approver=True)
    with pytest.raises(LiveOptInNotPending):
        await w.service.approve(RITA, LIVE)


async def test_the_list_is_everyones_for_a_risk_officer_and_ones_own_otherwise() -> None:
    # Arrange
    w = await world(second_approver=True)
    await w.acknowledged()

    # Act
    officer = await w.service.listed(RITA, LiveStatus.PENDING_APPROVAL)
    stranger = await w.service.listed(BOB)
    enabled = await w.service.listed(RITA, LiveStatus.ENABLED)

    # Assert
    assert [o.account_id for o in officer] == [LIVE]
    assert stranger == []
    assert enabled == []


async def test_the_guard_keeps_a_required_limit_on_a_live_enabled_account() -> None:
    # Arrange
    w = await world()
    await w.acknowledged()
    async with w.uow() as uow:
        rules = {r.id: r for r in await uow.risk_rules.list()}
    open_orders = rules[(await w.rule_ids())["MAX_OPEN_ORDERS"]]
    paper_rule = rules[(await w.rule_ids(PAPER))["MAX_OPEN_ORDERS"]]

    # Act / Assert: deleting or deactivating it is refused, tightening it is not
    async with w.uow() as uow:
        with pytest.raises(LiveLimitsRequired):
            await w.guard.check(uow, ALICE, open_orders, None)
        with pytest.raises(LiveLimitsRequired):
            await w.guard.check(uow, ALICE, open_orders, replace(open_orders, is_active=False))
        await w.guard.check(uow, ALICE, open_orders, replace(open_orders, params={"max_open": 5}))
        await w.guard.check(uow, ALICE, paper_rule, None)  # the paper account is not live
    refused = await w.audit.entries(open_orders.id)
    assert [(e.action, e.outcome) for e in refused] == [
        ("live.limits_required", "LIVE_LIMITS_REQUIRED")
    ] * 2


async def test_the_guard_lets_a_limit_go_when_another_rule_sets_it() -> None:
    # Arrange
    w = await world()
    await w.acknowledged()
    async with w.uow() as uow:
        rules = {r.id: r for r in await uow.risk_rules.list()}
        rate = rules[(await w.rule_ids())["ORDER_RATE"]]
        await uow.risk_rules.add(replace(rate, id="rule-owner-wide", account_id=None))
        await uow.commit()

    # Act / Assert
    async with w.uow() as uow:
        await w.guard.check(uow, ALICE, rate, None)


async def test_the_guard_ignores_an_opt_in_still_waiting_for_its_approval() -> None:
    # Arrange
    w = await world(second_approver=True)
    await w.acknowledged()
    async with w.uow() as uow:
        rules = {r.id: r for r in await uow.risk_rules.list()}
    loss = rules[(await w.rule_ids())["MAX_DAILY_LOSS"]]

    # Act / Assert: the approval checks the limits again
    async with w.uow() as uow:
        await w.guard.check(uow, ALICE, loss, None)


async def test_the_defaults_turned_off_add_no_rule() -> None:
    # Arrange
    w = await world()
    off = DefaultLimits(SequentialIds(), None)

    # Act
    async with w.uow() as uow:
        details = await off.opened(uow, Account("acc-new", "alice", Decimal(0)))
        await uow.commit()

    # Assert
    assert details == {}
    assert await w.rule_ids("acc-new") == {}
