"""The strategy processor on in-memory adapters: signals become gated STRATEGY orders."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from types import SimpleNamespace

import pytest

from application.safety.killswitch import ActivateKillSwitch
from application.strategies.strategy_processor import StrategyProcessor
from application.trading.order_commands import OrderResult, SubmitOrder
from domain.killswitch.state import Scope
from domain.market_data.bars import Bar, Timeframe
from domain.market_data.signals import SignalEmitted
from domain.risk.reasons import Action as RiskAction
from domain.risk.rules import RiskRule, RuleType
from domain.strategies.decide import Action, ExitReason
from domain.strategies.definition import StrategyMode
from domain.trading.orders import OriginKind, Side
from ports.strategies.strategies import Verdict
from tests.unit.strategies.world import (
    LIVE_ACCOUNT,
    OWNER,
    PAPER,
    PASSCODE,
    T0,
    D,
    World,
    build_world,
    signal,
)


@pytest.fixture
async def w() -> World:
    return await build_world()


def bar(start_minutes: int, o: str, h: str, low: str, c: str) -> Bar:
    return Bar(
        "AAPL",
        Timeframe.M5,
        T0 + timedelta(minutes=start_minutes),
        D(o),
        D(h),
        D(low),
        D(c),
        Decimal(1000),
    )


async def test_a_signal_becomes_a_gated_strategy_order(w: World) -> None:
    # Arrange
    strategy = await w.create(StrategyMode.PAPER)

    # Act
    decisions = await w.processor.on_signal(signal())

    # Assert: 5,000 notional at 100 -> 50 shares, sent with the strategy as origin
    assert [(d.action, d.verdict) for d in decisions] == [(Action.ENTER, Verdict.APPROVED)]
    orders = await w.strategy_orders()
    assert len(orders) == 1
    order = orders[0]
    assert order.origin.id == strategy.id and order.origin.kind is OriginKind.STRATEGY
    assert (order.side, order.quantity, order.reduce_only) == (Side.BUY, D(50), False)
    assert decisions[0].order_id == order.id
    logged = await w.decisions.page(strategy.id)
    assert logged[0].sizing is not None and logged[0].sizing.equity == D(100_000)
    assert logged[0].sizing.method == "fixed_notional"
    held = await w.holdings.get(strategy.id, PAPER, "AAPL")
    assert held is not None and held.holding.stop == D("95.00")


async def test_shadow_mode_records_the_decision_and_sends_nothing(w: World) -> None:
    # Arrange
    strategy = await w.create(StrategyMode.SHADOW)

    # Act
    decisions = await w.processor.on_signal(signal())

    # Assert
    assert [(d.action, d.verdict) for d in decisions] == [(Action.ENTER, Verdict.SHADOW)]
    assert await w.strategy_orders() == []
    assert [d.verdict for d in await w.decisions.page(strategy.id)] == [Verdict.SHADOW]


async def test_a_held_order_records_a_held_decision_and_no_holding(w: World) -> None:
    # Arrange: the owner holds any order of theirs above 1 of notional for a person
    strategy = await w.create(StrategyMode.PAPER)
    async with w.e.uow() as u:
        await u.risk_rules.add(
            RiskRule(
                "hold-1", OWNER.id, RuleType.MAX_ORDER_NOTIONAL, {"max_notional": 1},
                action=RiskAction.HOLD,
            )
        )  # fmt: skip
        await u.commit()
    w.e.policies.invalidate()

    # Act
    decisions = await w.processor.on_signal(signal())

    # Assert
    assert [(d.action, d.verdict) for d in decisions] == [(Action.ENTER, Verdict.HELD)]
    assert decisions[0].verdict_reasons == ("MAX_ORDER_NOTIONAL",)
    assert [o.status.value for o in await w.strategy_orders()] == ["held"]
    assert await w.e.broker.open_orders(PAPER) == []
    assert await w.holdings.get(strategy.id, PAPER, "AAPL") is None


async def test_a_halted_accounts_strategy_records_denied_decisions_and_sends_no_order(
    w: World,
) -> None:
    # Arrange: the owner pulls the kill switch on the paper account
    strategy = await w.create(StrategyMode.PAPER)
    await w.e.killswitch.set_passcode(OWNER, PASSCODE)
    await w.e.killswitch.activate(ActivateKillSwitch(OWNER, PASSCODE, Scope.account(PAPER)))

    # Act
    decisions = await w.processor.on_signal(signal())

    # Assert: decided, denied by the gate, nothing reached the broker, no holding
    assert [(d.action, d.verdict) for d in decisions] == [(Action.ENTER, Verdict.DENIED)]
    assert any("HALT" in r.upper() or "KILL" in r.upper() for r in decisions[0].verdict_reasons)
    orders = await w.strategy_orders()
    assert [o.status.value for o in orders] == ["denied"]
    assert await w.e.broker.open_orders(PAPER) == []
    assert await w.e.broker.positions(PAPER) == []
    assert await w.holdings.get(strategy.id, PAPER, "AAPL") is None
    assert (await w.decisions.page(strategy.id))[0].verdict is Verdict.DENIED


async def test_a_replayed_signal_id_decides_once(w: World) -> None:
    # Arrange
    strategy = await w.create(StrategyMode.PAPER)
    await w.processor.on_signal(signal("sig-7"))

    # Act: the same signal again (the bus and Kafka, or a replayed record)
    again = await w.processor.on_signal(signal("sig-7"))

    # Assert
    assert again == []
    assert len(await w.strategy_orders()) == 1
    assert len(await w.decisions.page(strategy.id)) == 1


async def test_paper_mode_skips_a_non_paper_account_with_the_reason(w: World) -> None:
    # Arrange
    strategy = await w.create(StrategyMode.PAPER, account_ids=(PAPER, LIVE_ACCOUNT))

    # Act
    decisions = await w.processor.on_signal(signal())

    # Assert
    by_account = {d.account_id: d for d in decisions}
    assert by_account[PAPER].verdict is Verdict.APPROVED
    skipped = by_account[LIVE_ACCOUNT]
    assert skipped.verdict is Verdict.SKIPPED
    assert "paper mode trades only paper-broker accounts" in skipped.reason
    assert [o.account_id for o in await w.strategy_orders()] == [PAPER]
    assert strategy.id == skipped.strategy_id


async def test_a_stop_loss_bar_sends_a_gated_reduce_only_exit(w: World) -> None:
    # Arrange: entered 50 at 100 (stop 95); the market falls to 94
    strategy = await w.create(StrategyMode.PAPER)
    await w.processor.on_signal(signal())
    w.e.market.set_price("AAPL", D(94))

    # Act: a bar after the entry bar trades through the stop
    decisions = await w.processor.on_bar(bar(5, "96", "97", "93", "94"))

    # Assert
    assert [(d.action, d.exit_reason, d.verdict) for d in decisions] == [
        (Action.EXIT, ExitReason.STOP_LOSS, Verdict.APPROVED)
    ]
    exit_order = next(o for o in await w.strategy_orders() if o.side is Side.SELL)
    assert (exit_order.quantity, exit_order.reduce_only) == (D(50), True)
    assert await w.holdings.get(strategy.id, PAPER, "AAPL") is None


async def test_a_bar_inside_the_brackets_counts_a_bar_and_sends_nothing(w: World) -> None:
    # Arrange
    strategy = await w.create(StrategyMode.PAPER)
    await w.processor.on_signal(signal())

    # Act: the same bar twice (two checks of one closed bar count it once)
    first = await w.processor.on_bar(bar(5, "100", "101", "99", "100"))
    second = await w.processor.on_bar(bar(5, "100", "101", "99", "100"))

    # Assert
    assert first == second == []
    held = await w.holdings.get(strategy.id, PAPER, "AAPL")
    assert held is not None and held.holding.bars_held == 1
    assert len(await w.strategy_orders()) == 1


async def test_an_opposite_signal_exits_reduce_only(w: World) -> None:
    # Arrange
    await w.create(StrategyMode.PAPER)
    await w.processor.on_signal(signal("sig-1", 0.8))

    # Act
    decisions = await w.processor.on_signal(signal("sig-2", -0.9))

    # Assert
    assert [(d.action, d.verdict) for d in decisions] == [(Action.EXIT, Verdict.APPROVED)]
    sells = [o for o in await w.strategy_orders() if o.side is Side.SELL]
    assert [(o.quantity, o.reduce_only) for o in sells] == [(D(50), True)]


async def test_an_off_strategy_decides_nothing(w: World) -> None:
    # Arrange
    strategy = await w.create(StrategyMode.OFF)

    # Act
    decisions = await w.processor.on_signal(signal())

    # Assert
    assert decisions == []
    assert await w.decisions.page(strategy.id) == []


async def test_a_failing_account_does_not_stop_the_others(w: World) -> None:
    # Arrange: two paper accounts; submitting for the first one blows up
    await w.e.open_account("acc-paper-2", OWNER.id, D(100_000))
    strategy = await w.create(StrategyMode.PAPER, account_ids=(PAPER, "acc-paper-2"))
    real = w.e.orders

    class Flaky:
        async def submit(self, cmd: SubmitOrder) -> OrderResult:
            if cmd.account_id == PAPER:
                raise ConnectionError("store went away")
            return await real.submit(cmd)

    processor = StrategyProcessor(
        w.e.uow, w.strategies, w.decisions, w.holdings, Flaky(), w.e.market, w.e.clock, w.e.ids
    )

    # Act
    decisions = await processor.on_signal(signal())

    # Assert: the second account traded; the first one's decision is kept as failed
    assert [(d.account_id, d.verdict) for d in decisions] == [("acc-paper-2", Verdict.APPROVED)]
    logged = {d.account_id: d for d in await w.decisions.page(strategy.id)}
    assert logged[PAPER].verdict is Verdict.FAILED
    assert "ConnectionError" in logged[PAPER].verdict_reasons[0]
    assert processor.last_error is not None


async def test_a_signal_event_is_priced_at_its_bars_close(w: World) -> None:
    # Arrange
    await w.create(StrategyMode.SHADOW)
    event = SignalEmitted(
        signal_id="sig-e",
        symbol="AAPL",
        timeframe="5m",
        pattern="volatility_breakout",
        score=0.9,
        direction="bullish",
        at=T0,
        created_at=T0,
        details={"close": 125.0, "atr": 2.0},
    )

    # Act
    decisions = await w.processor.on_event(event)

    # Assert: 5,000 at 125 -> 40 shares
    assert [(d.price, d.quantity) for d in decisions] == [(D("125.0"), D(40))]


async def test_a_denied_exit_keeps_the_holding_while_the_position_is_held(w: World) -> None:
    # Arrange: entered, then the account is halted
    strategy = await w.create(StrategyMode.PAPER)
    await w.processor.on_signal(signal())
    await w.e.killswitch.set_passcode(OWNER, PASSCODE)
    await w.e.killswitch.activate(ActivateKillSwitch(OWNER, PASSCODE, Scope.account(PAPER)))

    # Act: the stop is hit while halted
    decisions = await w.processor.on_bar(bar(5, "96", "97", "93", "94"))

    # Assert: denied, the holding kept (counted) for the next bar
    assert [d.verdict for d in decisions] == [Verdict.DENIED]
    held = await w.holdings.get(strategy.id, PAPER, "AAPL")
    assert held is not None and held.holding.bars_held == 1


async def test_a_position_closed_elsewhere_drops_the_holding_after_a_denied_exit(
    w: World,
) -> None:
    # Arrange: a shadow-free holding the account does not have (never filled)
    strategy = await w.create(StrategyMode.PAPER)
    await w.processor.on_signal(signal())
    w.e.store.accounts[PAPER].positions.clear()
    await w.e.killswitch.set_passcode(OWNER, PASSCODE)
    await w.e.killswitch.activate(ActivateKillSwitch(OWNER, PASSCODE, Scope.account(PAPER)))

    # Act
    decisions = await w.processor.on_bar(bar(5, "96", "97", "93", "94"))

    # Assert
    assert [d.verdict for d in decisions] == [Verdict.DENIED]
    assert await w.holdings.get(strategy.id, PAPER, "AAPL") is None


async def test_a_deactivated_owners_strategy_skips_and_sends_nothing(w: World) -> None:
    # Arrange: the owner's user record says inactive (a stand-in: only `active` is read)
    strategy = await w.create(StrategyMode.PAPER)
    w.e.store.users[OWNER.id] = SimpleNamespace(id=OWNER.id, active=False)  # type: ignore[assignment]

    # Act
    decisions = await w.processor.on_signal(signal())

    # Assert
    assert [(d.verdict, d.reason) for d in decisions] == [
        (Verdict.SKIPPED, "the owner is deactivated")
    ]
    assert await w.strategy_orders() == []
    assert strategy.id == decisions[0].strategy_id
