"""Margin use cases: status at market marks, deleverage plans, impact, and the margin watch."""

from __future__ import annotations

from decimal import Decimal

import pytest

from bootstrap.embedded import Embedded
from domain.errors import NotFound
from domain.killswitch.state import Scope, TradingState
from domain.killswitch.switch import TriggerType
from domain.margin import MarginCallDetected, MarginInputError
from domain.trading.instruments import Instrument
from domain.trading.orders import Side
from ports.core.events import Severity
from tests.kit.watches import (
    ACCOUNT,
    OWNER,
    STRANGER,
    hold,
    margin,
    margin_watch,
    resume,
    state_of,
)

D = Decimal
SCOPE = Scope.account(ACCOUNT)


async def long_and_short(e: Embedded) -> None:
    """Cash 100,000 − 10,000 + 5,000 = 95,000; long 100 AAPL at 100; short 20 MSFT at 250."""
    await hold(e, ACCOUNT, "AAPL", D(100), D(100))
    await hold(e, ACCOUNT, "MSFT", D(-20), D(250))


async def leveraged(e: Embedded) -> None:
    """Cash 100,000 − 106,000 = −6,000 (borrowed) and long 100 AAPL: equity 4,000 at 100."""
    await hold(e, ACCOUNT, "AAPL", D(100), D(100))
    async with e.uow() as uow:
        account = await uow.accounts.get(ACCOUNT)
        assert account is not None
        account.cash = D(-6000)
        await uow.commit()


async def test_status_values_the_account_at_market_marks(e: Embedded) -> None:
    # Arrange
    await long_and_short(e)
    e.market.set_price("AAPL", "110")

    # Act
    status = await margin(e).status(OWNER, ACCOUNT)

    # Assert
    # equity = 95,000 + 100 × 110 − 20 × 250 = 101,000; gross = 11,000 + 5,000 = 16,000
    assert (status.equity, status.gross_exposure) == (D(101_000), D(16_000))
    # initial = 50% × 16,000; maintenance = 25% × 11,000 (long) + 30% × 5,000 (short)
    assert status.initial_requirement == D(8000)
    assert status.maintenance_requirement == D(4250)
    # excess = 101,000 − 4,250; buffer = 96,750 / 101,000; buying power = (101,000 − 8,000) / 0.5
    assert status.excess_liquidity == D(96_750)
    assert status.margin_buffer == D(96_750) / D(101_000)
    assert status.buying_power == D(186_000)
    assert not status.margin_call
    aapl = status.position("AAPL")
    assert aapl is not None and aapl.maintenance_requirement == D("2750.00")


async def test_status_of_another_owners_account_is_not_found(e: Embedded) -> None:
    # Act / Assert
    with pytest.raises(NotFound):
        await margin(e).status(STRANGER, ACCOUNT)


async def test_status_fails_closed_without_a_mark(e: Embedded) -> None:
    # Arrange
    await long_and_short(e)
    e.market.remove("MSFT")

    # Act / Assert
    with pytest.raises(MarginInputError):
        await margin(e).status(OWNER, ACCOUNT)


async def test_deleverage_plan_sells_just_enough_to_restore_the_buffer(e: Embedded) -> None:
    # Arrange: at 75, equity = −6,000 + 7,500 = 1,500 < maintenance 25% × 7,500 = 1,875
    await leveraged(e)
    e.market.set_price("AAPL", "75")

    # Act
    plan = await margin(e).deleverage_plan(OWNER, ACCOUNT, D("0.2"))

    # Assert
    # allowed maintenance = (1 − 0.2) × 1,500 = 1,200, so release 675 = 36 × 75 × 0.25
    (step,) = plan.steps
    assert (step.symbol, step.side, step.quantity) == ("AAPL", Side.SELL, D(36))
    assert plan.maintenance_after == D(1200)
    assert plan.buffer_after == D("0.2")  # (1,500 − 1,200) / 1,500
    assert plan.reaches_target


async def test_impact_of_an_order_at_the_mark(e: Embedded) -> None:
    # Arrange
    await long_and_short(e)

    # Act
    impact = await margin(e).impact(OWNER, ACCOUNT, "aapl", Side.BUY, D(10))

    # Assert: 10 more AAPL at the 100 mark add 50% × 1,000 initial and 25% × 1,000 maintenance
    assert impact.price == D(100)
    assert impact.initial_change == D(500)
    assert impact.maintenance_after == D(2500 + 250 + 1500)
    assert impact.equity_after == impact.equity_before == D(100_000)
    assert not impact.causes_margin_call


async def test_impact_of_an_unpriced_symbol_needs_a_price(e: Embedded) -> None:
    # Arrange
    async with e.uow() as uow:
        await uow.instruments.add(Instrument("NEWCO"))
        await uow.commit()

    # Act / Assert
    with pytest.raises(MarginInputError):
        await margin(e).impact(OWNER, ACCOUNT, "NEWCO", Side.BUY, D(1))
    priced = await margin(e).impact(OWNER, ACCOUNT, "NEWCO", Side.BUY, D(1), D(40))
    assert priced.initial_change == D(20)  # 1 × 40 × 50%


async def test_a_margin_call_halts_the_account_and_tells_the_owner(e: Embedded) -> None:
    # Arrange: at 80, equity −6,000 + 8,000 = 2,000 meets maintenance 2,000 exactly: no call
    await leveraged(e)
    e.market.set_price("AAPL", "80")
    quiet = await margin_watch(e).check()
    e.market.set_price("AAPL", "75")

    # Act
    report = await margin_watch(e).check()

    # Assert: equity 1,500 against maintenance 1,875, a deficit of 375
    assert quiet.calls == ()
    (action,) = report.calls
    assert action.call == MarginCallDetected(ACCOUNT, D(1500), D("1875.00"), D("375.00"))
    assert action.kill_switch.trigger_type is TriggerType.MARGIN_CALL
    assert action.kill_switch.scope == SCOPE
    assert await state_of(e, SCOPE) is TradingState.HALTED
    assert e.bus.of_type(MarginCallDetected) == [action.call]
    (told,) = [n for n in e.notifier.sent if n.event_type == "margin.call"]
    assert told.recipient == OWNER.id
    assert told.subject == f"Margin call on account {ACCOUNT}: trading halted"
    assert told.severity is Severity.CRITICAL
    (entry, *_) = [x for x in await e.audit.entries(SCOPE.key) if x.action == "margin.call"]
    assert entry.details["deficit"] == "375.00"


async def test_a_margin_call_pulls_the_switch_once(e: Embedded) -> None:
    # Arrange
    await leveraged(e)
    e.market.set_price("AAPL", "75")
    await margin_watch(e).check()

    # Act
    again = await margin_watch(e).check()

    # Assert
    assert again.calls == ()
    assert again.already_halted == (ACCOUNT,)
    assert len(await e.killswitch.events(SCOPE)) == 1
    assert len([n for n in e.notifier.sent if n.recipient == OWNER.id]) == 1


async def test_resumed_to_reduce_only_the_owner_can_deleverage_without_a_new_halt(
    e: Embedded,
) -> None:
    # Arrange
    await leveraged(e)
    e.market.set_price("AAPL", "75")
    await margin_watch(e).check()
    await resume(e, SCOPE, TradingState.REDUCING)

    # Act
    report = await margin_watch(e).check()

    # Assert
    assert report.calls == ()
    assert await state_of(e, SCOPE) is TradingState.REDUCING


async def test_resumed_to_active_while_still_in_a_call_halts_again(e: Embedded) -> None:
    # Arrange
    await leveraged(e)
    e.market.set_price("AAPL", "75")
    await margin_watch(e).check()
    await resume(e, SCOPE)

    # Act
    report = await margin_watch(e).check()

    # Assert
    assert len(report.calls) == 1
    assert await state_of(e, SCOPE) is TradingState.HALTED
    assert len(await e.killswitch.events(SCOPE)) == 2


async def test_an_account_without_marks_is_reported_not_halted(e: Embedded) -> None:
    # Arrange
    await leveraged(e)
    e.market.remove("AAPL")

    # Act
    report = await margin_watch(e).check()

    # Assert
    assert report.calls == ()
    assert report.unvalued == {ACCOUNT: "no mark for AAPL"}
    assert await state_of(e, SCOPE) is TradingState.ACTIVE


def margin_warnings(e: Embedded) -> list[str]:
    return [n.subject for n in e.notifier.sent if n.event_type == "margin.warning"]


async def test_an_account_near_a_call_is_warned_once_until_it_recovers(e: Embedded) -> None:
    # Arrange: at 85 equity 2,500 vs maintenance 2,125 (buffer 15 %: quiet); at 82 equity
    # 2,200 vs 2,050 (buffer 6.8 %, under the 10 % line); at 90 back to 25 %.
    await leveraged(e)
    e.market.set_price("AAPL", "85")
    await margin_watch(e).check()
    quiet = margin_warnings(e)

    # Act
    e.market.set_price("AAPL", "82")
    first = await margin_watch(e).check()
    await margin_watch(e).check()
    once = margin_warnings(e)
    e.market.set_price("AAPL", "90")
    await margin_watch(e).check()
    e.market.set_price("AAPL", "82")
    await margin_watch(e).check()

    # Assert
    assert quiet == []
    assert first.calls == ()  # a warning, not a halt
    assert await state_of(e, SCOPE) is TradingState.ACTIVE
    assert once == [f"Margin warning on account {ACCOUNT}: 6.8% above maintenance"]
    assert len(margin_warnings(e)) == 2  # warned again on the second approach
    (warning, *_) = [n for n in e.notifier.sent if n.event_type == "margin.warning"]
    assert (warning.recipient, warning.severity) == (OWNER.id, Severity.WARNING)
