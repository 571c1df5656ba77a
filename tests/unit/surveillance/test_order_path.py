"""The order path's own events through surveillance: an agent that spoofs is paused by the kill
switch's agent scope, audited, notified, and resumed only by four eyes."""

from __future__ import annotations

from decimal import Decimal

from application.trading.orders import SubmitOrder
from bootstrap.embedded import Embedded
from domain.killswitch.state import Scope, TradingState
from domain.surveillance.cases import AlertAction
from domain.surveillance.detections import AbusePattern, AlertSeverity
from domain.trading.orders import OrderAccepted, OrderCanceled, OrderStatus, Side
from tests.kit.desk import (
    ACCOUNT,
    AGENT,
    AGENT_ORIGIN,
    OFFICER,
    OWNER,
    SYMBOL,
    add_agent,
    fake_clock,
    limit,
    market,
    resume,
    set_passcodes,
)
from tests.unit.surveillance.conftest import Watched

BUY, SELL = Side.BUY, Side.SELL


async def history(e: Embedded, orders: int = 24) -> None:
    """The owner's small resting bids, placed and cancelled a tenth of a second apart."""
    for _ in range(orders):
        placed = (await e.orders.submit(limit(BUY, 10, "95"))).order
        fake_clock(e).advance(0.1)
        await e.orders.cancel(OWNER, placed.id)
        fake_clock(e).advance(0.1)


def by_agent(command: SubmitOrder) -> SubmitOrder:
    return SubmitOrder(AGENT, command.account_id, command.symbol, command.side,
                       command.quantity, AGENT_ORIGIN, order_type=command.order_type,
                       limit_price=command.limit_price)  # fmt: skip


SECOND = "acc-3"  # the owner's second account (the gate refuses a self-match in one account)


async def agent_on_two_accounts(e: Embedded) -> None:
    await e.open_account(SECOND, OWNER.id, Decimal(1_000_000))
    await add_agent(e, ACCOUNT, SECOND)


async def agent_spoofs(w: Watched) -> None:
    """The agent bids 200 at the touch in one account, sells 5 at the bid in the other, then
    cancels the bid."""
    e = w.e
    big = (await e.orders.submit(by_agent(limit(BUY, 200, "99.90")))).order
    assert big.status is OrderStatus.ACCEPTED
    fake_clock(e).advance(0.4)
    sold = await e.orders.submit(by_agent(market(SELL, 5, account_id=SECOND)))
    assert sold.order.status is OrderStatus.FILLED
    fake_clock(e).advance(0.6)
    await e.orders.cancel(AGENT, big.id)


async def test_the_events_carry_the_terms_owner_touch_and_time(watched: Watched) -> None:
    # Arrange
    e = watched.e
    await add_agent(e, ACCOUNT)

    # Act
    placed = (await e.orders.submit(by_agent(limit(BUY, 7, "95")))).order
    await e.orders.cancel(AGENT, placed.id)

    # Assert
    (accepted,) = e.bus.of_type(OrderAccepted)
    assert isinstance(accepted, OrderAccepted)
    assert (accepted.symbol, accepted.side, accepted.quantity, accepted.limit_price) == (
        SYMBOL, "buy", Decimal(7), Decimal(95)
    )  # fmt: skip
    assert (accepted.owner_id, accepted.origin_kind, accepted.origin_id) == (
        OWNER.id, "agent", AGENT.id
    )  # fmt: skip
    assert (accepted.bid, accepted.ask, accepted.at) == (Decimal("99.90"), Decimal("100.10"),
                                                         e.clock.now())  # fmt: skip
    (canceled,) = e.bus.of_type(OrderCanceled)
    assert isinstance(canceled, OrderCanceled) and canceled.requested


async def test_an_agent_that_spoofs_is_paused_audited_and_told_about(watched: Watched) -> None:
    # Arrange
    e = watched.e
    await agent_on_two_accounts(e)
    await history(e)

    # Act
    await agent_spoofs(watched)
    await watched.live.drain()

    # Assert: one HIGH spoofing alert, the agent halted (its orders now denied)
    (alert,) = list(watched.store.alerts.values())
    assert alert.detection.pattern is AbusePattern.SPOOFING
    assert alert.detection.severity is AlertSeverity.HIGH
    assert alert.detection.agents == (AGENT.id,) and alert.detection.owner_id == OWNER.id
    assert alert.action is AlertAction.PAUSED
    states = {s.scope.key: s.state for s in await e.killswitch.status()}
    assert states[Scope.agent(AGENT.id).key] is TradingState.HALTED
    denied = await e.orders.submit(by_agent(market(BUY, 1)))
    assert denied.order.deny_reasons == ("TRADING_HALTED",)
    audited = [(x.action, x.target, x.outcome) for x in await e.audit.entries()]
    assert ("surveillance.pause", f"agent:{AGENT.id}", "paused") in audited
    told = {(n.recipient, n.event_type) for n in e.notifier.sent}
    assert (OWNER.id, "surveillance.alert") in told


async def test_the_pause_is_undone_by_the_four_eyes_resume(watched: Watched) -> None:
    # Arrange
    e = watched.e
    await agent_on_two_accounts(e)
    await set_passcodes(e, OWNER, OFFICER)
    await history(e)
    await agent_spoofs(watched)
    await watched.live.drain()

    # Act
    await e.killswitch.resume(resume(Scope.agent(AGENT.id)))

    # Assert
    allowed = await e.orders.submit(by_agent(market(BUY, 1)))
    assert allowed.order.status is OrderStatus.FILLED


async def test_the_warn_policy_pauses_nobody(warned: Watched) -> None:
    # Arrange
    e = warned.e
    await agent_on_two_accounts(e)
    await history(e)

    # Act
    await agent_spoofs(warned)
    await warned.live.drain()

    # Assert
    (alert,) = list(warned.store.alerts.values())
    assert alert.action is AlertAction.WARNED
    assert all(s.state is TradingState.ACTIVE for s in await e.killswitch.status())
    audited = [(x.action, x.outcome) for x in await e.audit.entries()]
    assert ("surveillance.warn", "warned") in audited
