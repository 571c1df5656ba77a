"""The halt latch: a kill switch binds this process's broker sends at once, from any thread."""

from __future__ import annotations

import asyncio
import threading
import time
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest

from application.safety.killswitch import ActivateKillSwitch, ResumeTrading
from application.trading.halts import HaltLatch, SendRefused
from application.trading.order_booking import OrderDispatch
from bootstrap.embedded import Embedded
from domain.killswitch.state import Scope, TradingState
from domain.killswitch.switch import ActivationLocked, WrongPasscode
from domain.trading.orders import Order, OrderRejected, OrderStatus, Origin, OriginKind, Side
from ports.trading.broker import BrokerErrorCode
from tests.kit.desk import (
    ACCOUNT,
    AGENT_ID,
    BUY,
    OTHER_ACCOUNT,
    OWNER,
    PASSCODE,
    WRONG,
    halt,
    limit,
    market,
    set_passcodes,
)

T0 = datetime(2026, 11, 22, 12, 0, tzinfo=UTC)


def order(account_id: str = ACCOUNT, origin: Origin | None = None) -> Order:
    return Order(
        id="o-1",
        client_order_id="c-1",
        account_id=account_id,
        symbol="AAPL",
        side=Side.BUY,
        quantity=Decimal(1),
        origin=origin or Origin(OriginKind.USER, OWNER.id),
    )


@pytest.mark.parametrize(
    ("scope", "blocked"),
    [
        (Scope.global_(), True),
        (Scope.account(ACCOUNT), True),
        (Scope.account(OTHER_ACCOUNT), False),
        (Scope.agent(AGENT_ID), True),
        (Scope.agent("another-agent"), False),
    ],
)
def test_a_halted_scope_refuses_the_sends_that_fall_in_it(scope: Scope, blocked: bool) -> None:
    # Arrange
    latch = HaltLatch()
    agent_order = order(origin=Origin(OriginKind.AGENT, AGENT_ID))
    latch.halt(scope.key, T0)

    # Act / Assert
    if blocked:
        with pytest.raises(SendRefused), latch.sending(agent_order):
            pass
        assert latch.blocks(agent_order) == scope.key
    else:
        with latch.sending(agent_order):
            assert latch.in_flight(ACCOUNT) == 1
        assert latch.blocks(agent_order) is None
    assert latch.in_flight(ACCOUNT) == 0


def test_release_and_a_later_resume_in_the_store_open_the_latch_again() -> None:
    # Arrange
    latch = HaltLatch()
    key = Scope.account(ACCOUNT).key
    latch.halt(key, T0)

    # Act: the store's own older state, and its halt, leave the latch as it is
    latch.observe(key, TradingState.ACTIVE, T0 - timedelta(seconds=1))
    latch.observe(key, TradingState.HALTED, T0 + timedelta(seconds=1))
    still = latch.halted_keys()
    latch.observe(key, TradingState.REDUCING, T0 + timedelta(seconds=2))  # resumed elsewhere
    after_resume = latch.halted_keys()
    latch.halt(key, T0)
    latch.release(key)

    # Assert
    assert still == {key}
    assert after_resume == frozenset()
    assert latch.halted_keys() == frozenset()


async def test_drained_waits_for_the_sends_in_flight_and_gives_up_at_its_bound() -> None:
    # Arrange
    latch = HaltLatch()
    entered, leave = threading.Event(), threading.Event()

    def send_in_another_thread() -> None:
        with latch.sending(order()):
            entered.set()
            leave.wait(5)

    worker = threading.Thread(target=send_in_another_thread)
    worker.start()
    entered.wait(5)

    # Act
    timed_out = await latch.drained(ACCOUNT, 0.05)
    asyncio.get_running_loop().call_later(0.05, leave.set)
    drained = await latch.drained(ACCOUNT, 5.0)
    worker.join(5)

    # Assert
    assert timed_out is False
    assert drained is True


def test_no_send_starts_after_a_halt_even_from_many_threads() -> None:
    # Arrange: threads keep sending while another thread halts the account
    latch = HaltLatch()
    sends = 0
    stop = threading.Event()

    def sender() -> None:
        nonlocal sends
        while not stop.is_set():
            try:
                with latch.sending(order()):
                    sends += 1
            except SendRefused:
                time.sleep(0.0005)

    threads = [threading.Thread(target=sender) for _ in range(4)]
    for t in threads:
        t.start()
    time.sleep(0.02)

    # Act: halt, let the sends already admitted finish, then watch for new ones
    latch.halt(Scope.account(ACCOUNT).key, T0)
    while latch.in_flight(ACCOUNT):
        time.sleep(0.0005)
    sends_at_halt = sends
    time.sleep(0.05)
    stop.set()
    for t in threads:
        t.join(5)

    # Assert
    assert sends_at_halt > 0
    assert sends == sends_at_halt
    assert latch.in_flight(ACCOUNT) == 0


class HaltBeforeSend(OrderDispatch):
    """The kill switch fires between the gate's approval and the broker call."""

    async def send(self, account_id, approved):  # type: ignore[no-untyped-def]
        self.latch.halt(Scope.account(account_id).key, T0)
        return await super().send(account_id, approved)


async def test_an_order_approved_before_a_halt_is_not_sent_after_it(e: Embedded) -> None:
    # Arrange
    e.orders.dispatch.__class__ = HaltBeforeSend

    # Act
    result = await e.orders.submit(limit(BUY, 10, "95"))

    # Assert
    assert result.order.status is OrderStatus.REJECTED
    assert e.bus.of_type(OrderRejected) == [
        OrderRejected(result.order.id, ACCOUNT, BrokerErrorCode.HALTED.value)
    ]
    assert await e.broker.open_orders(ACCOUNT) == []


async def test_the_gate_denies_a_latched_scope_before_the_store_says_halted(
    e: Embedded,
) -> None:
    # Arrange
    e.orders.latch.halt(Scope.account(ACCOUNT).key, T0)

    # Act
    result = await e.orders.submit(market(BUY, 1))

    # Assert
    assert result.order.status is OrderStatus.DENIED
    assert "TRADING_HALTED" in result.order.deny_reasons


async def test_resuming_releases_the_latch(e: Embedded) -> None:
    # Arrange
    await set_passcodes(e, OWNER)
    await e.killswitch.activate(halt(Scope.account(ACCOUNT)))
    assert e.orders.latch.halted_keys() == {Scope.account(ACCOUNT).key}
    e.killswitch.config = replace(e.killswitch.config, four_eyes=False)

    # Act
    await e.killswitch.resume(ResumeTrading(OWNER, PASSCODE, Scope.account(ACCOUNT)))
    result = await e.orders.submit(market(BUY, 1))

    # Assert
    assert e.orders.latch.halted_keys() == frozenset()
    assert result.order.status is OrderStatus.FILLED


async def test_the_deadline_counts_from_the_requests_arrival(e: Embedded) -> None:
    # Arrange: the request arrived 0.4 s before the kill switch's code ran
    await set_passcodes(e, OWNER)
    arrived = e.clock.monotonic() - 0.4
    command = replace(halt(Scope.account(ACCOUNT)), received_at=arrived)

    # Act
    record = await e.killswitch.activate(command)

    # Assert
    assert record.elapsed_ms == pytest.approx(400)  # the fake clock did not move after


class SlowHasher:
    """Argon2's cost, as a sleep; records the threads it ran on."""

    def __init__(self, inner: object) -> None:
        self.inner = inner
        self.threads: list[int] = []

    def hash(self, secret: str) -> str:
        return self.inner.hash(secret)  # type: ignore[attr-defined,no-any-return]

    def verify(self, hashed: str, secret: str) -> bool:
        self.threads.append(threading.get_ident())
        time.sleep(0.05)
        return self.inner.verify(hashed, secret)  # type: ignore[attr-defined,no-any-return]


async def test_passcodes_are_checked_off_the_event_loop(e: Embedded) -> None:
    # Arrange
    await set_passcodes(e, OWNER)
    hasher = SlowHasher(e.hasher)
    e.killswitch.passcodes.hasher = hasher  # type: ignore[assignment]
    loop_thread = threading.get_ident()
    ticks = 0

    async def ticker() -> None:
        nonlocal ticks
        while True:
            ticks += 1
            await asyncio.sleep(0.005)

    # Act: the loop keeps turning while the hash is checked
    beat = asyncio.create_task(ticker())
    await e.killswitch.activate(halt(Scope.account(ACCOUNT)))
    beat.cancel()

    # Assert
    assert hasher.threads and loop_thread not in hasher.threads
    assert ticks >= 5


async def test_concurrent_wrong_guesses_cannot_slip_under_the_lockout(e: Embedded) -> None:
    # Arrange: ten wrong guesses at once, each hash check taking 50 ms
    await set_passcodes(e, OWNER)
    hasher = SlowHasher(e.hasher)
    e.killswitch.passcodes.hasher = hasher  # type: ignore[assignment]
    guess = ActivateKillSwitch(OWNER, WRONG, Scope.account(ACCOUNT))

    # Act
    outcomes = await asyncio.gather(
        *(e.killswitch.activate(guess) for _ in range(10)), return_exceptions=True
    )

    # Assert: at most max_failures hash checks ran; the rest were locked out unchecked
    wrong = [o for o in outcomes if isinstance(o, WrongPasscode)]
    locked = [o for o in outcomes if isinstance(o, ActivationLocked)]
    assert len(wrong) + len(locked) == 10
    assert len(hasher.threads) == len(wrong) <= e.killswitch.config.max_failures
    assert locked
