"""Loss-limit triggers: a day loss or drawdown past its rule halts the account, once."""

from __future__ import annotations

from decimal import Decimal

from bootstrap.embedded import Embedded
from domain.killswitch.state import Scope, TradingState
from domain.killswitch.switch import TriggerType
from domain.risk.reasons import Action
from domain.risk.rules import RuleType
from domain.trading.orders import Side
from tests.kit.watches import (
    ACCOUNT,
    OTHER_ACCOUNT,
    OWNER,
    STRANGER,
    add_rule,
    hold,
    loss_watch,
    place_limit,
    state_of,
)

D = Decimal
SCOPE = Scope.account(ACCOUNT)


async def half_in_aapl(e: Embedded, account_id: str = ACCOUNT) -> None:
    """500 AAPL bought at 100: cash 50,000, equity 100,000 = start of day = peak."""
    await hold(e, account_id, "AAPL", D(500), D(100))


async def test_a_day_loss_short_of_the_limit_does_nothing(e: Embedded) -> None:
    # Arrange: at 96.50 the day's loss is 500 × 3.50 = 1,750 < 2,000
    await half_in_aapl(e)
    await add_rule(e, RuleType.MAX_DAILY_LOSS, {"max_loss": "2000"})
    e.market.set_price("AAPL", "96.50")

    # Act
    report = await loss_watch(e).check()

    # Assert
    assert report.breaches == ()
    assert await state_of(e, SCOPE) is TradingState.ACTIVE


async def test_a_day_loss_reaching_the_limit_halts_the_account_and_cancels_its_orders(
    e: Embedded,
) -> None:
    # Arrange: at 96 the day's loss is 500 × 4 = 2,000, the limit
    await half_in_aapl(e)
    await add_rule(e, RuleType.MAX_DAILY_LOSS, {"max_loss": "2000"})
    resting = await place_limit(e, Side.BUY, "10", "240", symbol="MSFT")
    assert resting.order.is_open
    e.market.set_price("AAPL", "96")

    # Act
    report = await loss_watch(e).check()

    # Assert
    (breach,) = report.breaches
    assert (breach.trigger, breach.rule_id) == (TriggerType.DAILY_LOSS, "rule-1")
    assert (breach.measured, breach.limit) == (D(2000), D(2000))
    assert breach.kill_switch is not None
    assert breach.kill_switch.trigger_type is TriggerType.DAILY_LOSS
    assert breach.kill_switch.orders_cancelled == 1
    assert await state_of(e, SCOPE) is TradingState.HALTED
    assert await e.broker.open_orders(ACCOUNT) == []
    (told,) = [n for n in e.notifier.sent if n.recipient == OWNER.id]
    assert told.body.startswith("day's loss 2,000.00 reached the limit of 2,000.00")


async def test_the_percent_limit_counts_when_it_is_the_stricter(e: Embedded) -> None:
    # Arrange: 1.5% of 100,000 = 1,500 < 2,000; at 97 the loss is 500 × 3 = 1,500
    await half_in_aapl(e)
    await add_rule(e, RuleType.MAX_DAILY_LOSS, {"max_loss": "2000", "max_loss_pct": "0.015"})
    e.market.set_price("AAPL", "97")

    # Act
    report = await loss_watch(e).check()

    # Assert
    (breach,) = report.breaches
    assert (breach.measured, breach.limit) == (D(1500), D(1500))


async def test_a_breach_halts_once(e: Embedded) -> None:
    # Arrange
    await half_in_aapl(e)
    await add_rule(e, RuleType.MAX_DAILY_LOSS, {"max_loss": "2000"})
    e.market.set_price("AAPL", "96")
    await loss_watch(e).check()
    e.market.set_price("AAPL", "90")

    # Act
    again = await loss_watch(e).check()

    # Assert
    assert again.breaches == ()
    assert again.already_halted == (ACCOUNT,)
    assert len(await e.killswitch.events(SCOPE)) == 1


async def test_drawdown_is_measured_from_the_peak_the_watch_observed(e: Embedded) -> None:
    # Arrange: at 110 equity = 50,000 + 55,000 = 105,000, a new peak
    await half_in_aapl(e)
    await add_rule(e, RuleType.MAX_DRAWDOWN, {"max_drawdown": "0.10"})
    e.market.set_price("AAPL", "110")
    at_peak = await loss_watch(e).check()
    # at 89.20 equity = 94,600: (105,000 − 94,600) / 105,000 ≈ 9.9% < 10%
    e.market.set_price("AAPL", "89.20")
    near = await loss_watch(e).check()
    e.market.set_price("AAPL", "89")

    # Act: equity = 94,500, (105,000 − 94,500) / 105,000 = 10% exactly
    report = await loss_watch(e).check()

    # Assert
    assert at_peak.breaches == near.breaches == ()
    (breach,) = report.breaches
    assert breach.trigger is TriggerType.DRAWDOWN
    assert (breach.measured, breach.limit) == (D("0.1"), D("0.10"))
    assert await state_of(e, SCOPE) is TradingState.HALTED
    async with e.uow() as uow:
        account = await uow.accounts.get(ACCOUNT)
    assert account is not None and account.peak_equity == D(105_000)


async def test_warn_rules_and_other_owners_rules_do_not_halt(e: Embedded) -> None:
    # Arrange: OWNER's rule only warns; STRANGER's blocks but covers only STRANGER's accounts
    await half_in_aapl(e)
    await add_rule(e, RuleType.MAX_DAILY_LOSS, {"max_loss": "100"}, action=Action.WARN)
    await add_rule(e, RuleType.MAX_DAILY_LOSS, {"max_loss": "100"}, rule_id="r-2", owner=STRANGER)
    e.market.set_price("AAPL", "90")

    # Act
    report = await loss_watch(e).check()

    # Assert
    assert report.breaches == ()
    assert await state_of(e, SCOPE) is TradingState.ACTIVE
    assert await state_of(e, Scope.account(OTHER_ACCOUNT)) is TradingState.ACTIVE


async def test_an_account_without_a_mark_is_left_unvalued(e: Embedded) -> None:
    # Arrange
    await half_in_aapl(e)
    await add_rule(e, RuleType.MAX_DAILY_LOSS, {"max_loss": "1"})
    e.market.remove("AAPL")

    # Act
    report = await loss_watch(e).check()

    # Assert
    assert (report.breaches, report.unvalued) == ((), (ACCOUNT,))
    assert await state_of(e, SCOPE) is TradingState.ACTIVE
