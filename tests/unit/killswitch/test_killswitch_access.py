"""Kill-switch access: passcodes, lockout, four-eyes resume, scope authorization, REDUCING."""

from __future__ import annotations

from datetime import timedelta

import pytest

from application.safety.killswitch import KillSwitchConfig
from bootstrap.embedded import Embedded, build_embedded
from domain.errors import Forbidden, NotFound
from domain.killswitch.state import Scope, TradingState
from domain.killswitch.switch import ActivationLocked, FourEyesRequired, TriggerType, WrongPasscode
from domain.principals import Principal
from domain.trading.orders import OrderStatus
from tests.kit.desk import (
    ACCOUNT,
    BUY,
    OFFICER,
    OTHER_ACCOUNT,
    OWNER,
    PASSCODE,
    SECOND_OFFICER,
    SELL,
    STRANGER,
    WRONG,
    fake_clock,
    halt,
    market,
    resume,
    seed,
    set_passcodes,
)

SCOPE = Scope.account(ACCOUNT)
MAX_FAILURES = 5  # KillSwitchConfig default


@pytest.fixture
async def ks(e: Embedded) -> Embedded:
    """OWNER, STRANGER and both risk officers have PASSCODE."""
    await set_passcodes(e, OWNER, STRANGER, OFFICER, SECOND_OFFICER)
    return e


async def state_of(e: Embedded, scope: Scope) -> TradingState | None:
    states = {s.scope: s.state for s in await e.killswitch.status()}
    return states.get(scope)


async def fail_passcode(e: Embedded, principal: Principal, times: int) -> None:
    for _ in range(times):
        with pytest.raises(WrongPasscode):
            await e.killswitch.activate(halt(SCOPE, principal=principal, passcode=WRONG))


# -- passcodes and lockout -------------------------------------------------------------


async def test_a_wrong_passcode_is_refused_audited_and_halts_nothing(ks: Embedded) -> None:
    # Act / Assert
    with pytest.raises(WrongPasscode):
        await ks.killswitch.activate(halt(SCOPE, passcode=WRONG))
    assert await state_of(ks, SCOPE) is None
    assert await ks.killswitch.events() == []
    [refusal] = await ks.audit.entries(target=OWNER.id, limit=1)
    assert (refusal.actor, refusal.action, refusal.outcome) == (
        OWNER.id,
        "kill_switch.activate",
        "refused: wrong passcode",
    )
    assert WRONG not in repr(await ks.audit.entries())


async def test_a_principal_without_a_passcode_cannot_activate(e: Embedded) -> None:
    # Act / Assert
    with pytest.raises(WrongPasscode):
        await e.killswitch.activate(halt(SCOPE))


async def test_a_passcode_shorter_than_six_characters_is_refused(e: Embedded) -> None:
    # Act / Assert
    with pytest.raises(WrongPasscode):
        await e.killswitch.set_passcode(OWNER, "12345")
    assert e.store.passcodes == {}


async def test_five_wrong_passcodes_lock_a_trader_out_even_with_the_right_one(
    ks: Embedded,
) -> None:
    # Arrange
    await fail_passcode(ks, OWNER, MAX_FAILURES)

    # Act / Assert
    with pytest.raises(ActivationLocked):
        await ks.killswitch.activate(halt(SCOPE))
    assert await state_of(ks, SCOPE) is None
    [refusal] = await ks.audit.entries(target=OWNER.id, limit=1)
    assert refusal.outcome == "refused: locked out"


async def test_four_wrong_passcodes_do_not_lock_and_a_success_resets_the_count(
    ks: Embedded,
) -> None:
    # Arrange
    await fail_passcode(ks, OWNER, MAX_FAILURES - 1)
    await ks.killswitch.activate(halt(SCOPE))

    # Act: four more failures after the reset still leave the trader under the limit
    await fail_passcode(ks, OWNER, MAX_FAILURES - 1)
    record = await ks.killswitch.activate(halt(SCOPE))

    # Assert
    assert record.broker_confirmed


async def test_a_risk_officer_is_never_locked_out(ks: Embedded) -> None:
    # Arrange
    await fail_passcode(ks, OFFICER, MAX_FAILURES + 3)

    # Act
    record = await ks.killswitch.activate(halt(SCOPE, principal=OFFICER))

    # Assert
    assert record.user_id == OFFICER.id
    assert await state_of(ks, SCOPE) is TradingState.HALTED


async def test_the_lockout_lifts_fifteen_minutes_after_the_failures(ks: Embedded) -> None:
    # Arrange
    await fail_passcode(ks, OWNER, MAX_FAILURES)
    fake_clock(ks).advance(timedelta(minutes=14, seconds=59))
    with pytest.raises(ActivationLocked):
        await ks.killswitch.activate(halt(SCOPE))

    # Act
    fake_clock(ks).advance(timedelta(seconds=1))
    record = await ks.killswitch.activate(halt(SCOPE))

    # Assert
    assert record.broker_confirmed
    assert await state_of(ks, SCOPE) is TradingState.HALTED


# -- authorization ---------------------------------------------------------------------


async def test_a_trader_cannot_halt_everything(ks: Embedded) -> None:
    # Act / Assert
    with pytest.raises(Forbidden):
        await ks.killswitch.activate(halt(Scope.global_()))
    assert await ks.killswitch.status() == []


async def test_a_trader_cannot_halt_another_owners_account(ks: Embedded) -> None:
    # Act / Assert
    with pytest.raises(NotFound):
        await ks.killswitch.activate(halt(Scope.account(OTHER_ACCOUNT)))
    assert await ks.killswitch.status() == []


async def test_a_trader_cannot_halt_an_unknown_agent(ks: Embedded) -> None:
    # Act / Assert
    with pytest.raises(NotFound):
        await ks.killswitch.activate(halt(Scope.agent("agent-unknown")))


async def test_a_risk_officer_may_halt_everything(ks: Embedded) -> None:
    # Act
    record = await ks.killswitch.activate(halt(Scope.global_(), principal=OFFICER))

    # Assert
    assert record.broker_confirmed
    assert await state_of(ks, Scope.global_()) is TradingState.HALTED
    denied = await ks.orders.submit(market(BUY, 1, principal=STRANGER, account_id=OTHER_ACCOUNT))
    assert denied.order.deny_reasons == ("TRADING_HALTED",)


# -- four-eyes resume ------------------------------------------------------------------


@pytest.fixture
async def halted(ks: Embedded) -> Embedded:
    await ks.killswitch.trigger(SCOPE, TriggerType.DAILY_LOSS, "day loss over 2%")
    return ks


async def test_resume_without_an_approver_needs_four_eyes(halted: Embedded) -> None:
    # Act / Assert
    with pytest.raises(FourEyesRequired):
        await halted.killswitch.resume(resume(SCOPE, approver=None, approver_passcode=None))
    assert await state_of(halted, SCOPE) is TradingState.HALTED
    [refusal] = await halted.audit.entries(target=SCOPE.key, limit=1)
    assert refusal.outcome == "refused: four-eyes approval missing"


async def test_a_risk_officer_cannot_approve_their_own_resume(halted: Embedded) -> None:
    # Act / Assert
    with pytest.raises(FourEyesRequired):
        await halted.killswitch.resume(resume(SCOPE, principal=OFFICER, approver=OFFICER))
    assert await state_of(halted, SCOPE) is TradingState.HALTED


async def test_an_approver_who_is_not_a_risk_officer_is_refused(halted: Embedded) -> None:
    # Act / Assert
    with pytest.raises(FourEyesRequired):
        await halted.killswitch.resume(resume(SCOPE, approver=STRANGER))
    assert await state_of(halted, SCOPE) is TradingState.HALTED
    [refusal] = await halted.audit.entries(target=SCOPE.key, limit=1)
    assert refusal.outcome == "refused: approver is not a different risk officer"


async def test_an_approver_with_a_wrong_passcode_is_refused(halted: Embedded) -> None:
    # Act / Assert
    with pytest.raises(WrongPasscode):
        await halted.killswitch.resume(resume(SCOPE, approver_passcode=WRONG))
    assert await state_of(halted, SCOPE) is TradingState.HALTED
    [refusal] = await halted.audit.entries(target=OFFICER.id, limit=1)
    assert (refusal.action, refusal.outcome) == ("kill_switch.approve", "refused: wrong passcode")


async def test_a_valid_risk_officer_approval_resumes_trading_and_is_audited(
    halted: Embedded,
) -> None:
    # Act
    state = await halted.killswitch.resume(resume(SCOPE))

    # Assert
    assert state.state is TradingState.ACTIVE
    assert await state_of(halted, SCOPE) is TradingState.ACTIVE
    [entry] = await halted.audit.entries(target=SCOPE.key, limit=1)
    assert (entry.actor, entry.action, entry.outcome) == (OWNER.id, "kill_switch.resume", "ok")
    assert entry.details == {"approver": OFFICER.id, "to": "active"}
    after = await halted.orders.submit(market(BUY, 1))
    assert after.order.status is OrderStatus.FILLED


async def test_a_second_risk_officer_may_approve_a_risk_officers_resume(halted: Embedded) -> None:
    # Act
    state = await halted.killswitch.resume(
        resume(SCOPE, principal=OFFICER, approver=SECOND_OFFICER)
    )

    # Assert
    assert state.state is TradingState.ACTIVE


async def test_without_four_eyes_the_passcode_alone_resumes() -> None:
    # Arrange
    e = await seed(build_embedded(killswitch_config=KillSwitchConfig(four_eyes=False)))
    await set_passcodes(e, OWNER)
    await e.killswitch.activate(halt(SCOPE))

    # Act
    state = await e.killswitch.resume(resume(SCOPE, approver=None, approver_passcode=None))

    # Assert
    assert state.state is TradingState.ACTIVE
    [entry] = await e.audit.entries(target=SCOPE.key, limit=1)
    assert entry.details == {"approver": None, "to": "active"}


async def test_resume_of_another_owners_account_is_not_found(halted: Embedded) -> None:
    # Act / Assert
    with pytest.raises(NotFound):
        await halted.killswitch.resume(resume(SCOPE, principal=STRANGER))
    assert await state_of(halted, SCOPE) is TradingState.HALTED


# -- REDUCING --------------------------------------------------------------------------


async def test_reducing_lets_an_order_that_shrinks_a_position_pass_and_denies_adding(
    ks: Embedded,
) -> None:
    # Arrange: hold 10, then move the account to reduce-only
    await ks.orders.submit(market(BUY, 10))
    await ks.killswitch.resume(resume(SCOPE, to_state=TradingState.REDUCING))

    # Act
    adding = await ks.orders.submit(market(BUY, 5))
    reducing = await ks.orders.submit(market(SELL, 5))
    flipping = await ks.orders.submit(market(SELL, 6))  # 5 held; selling 6 would go short

    # Assert
    assert await state_of(ks, SCOPE) is TradingState.REDUCING
    assert adding.order.deny_reasons == ("TRADING_REDUCE_ONLY",)
    assert reducing.order.status is OrderStatus.FILLED
    assert flipping.order.deny_reasons == ("TRADING_REDUCE_ONLY",)


async def test_the_system_resumes_without_a_four_eyes_approver(ks: Embedded) -> None:
    # Arrange
    system = Principal.system()
    await ks.killswitch.set_passcode(system, PASSCODE)
    await ks.killswitch.trigger(SCOPE, TriggerType.MARGIN_CALL, "margin call")

    # Act
    state = await ks.killswitch.resume(resume(SCOPE, principal=system, approver=None))

    # Assert
    assert state.state is TradingState.ACTIVE
