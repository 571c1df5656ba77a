"""KillSwitchService against failing, lying and flaky brokers: bounded, retried, honest."""

from __future__ import annotations

from decimal import Decimal

import pytest

from adapters.brokers.paper import PaperBroker
from adapters.memory.clock import FakeClock, SequentialIds
from adapters.memory.marketdata import InMemoryMarketData
from bootstrap.embedded import Embedded, build_embedded
from domain.killswitch.state import Scope
from domain.killswitch.switch import BrokerOutcome
from ports.core.events import Severity
from ports.trading.broker import BrokerErrorCode
from tests.kit.desk import (
    ACCOUNT,
    BUY,
    CASH,
    OFFICER,
    STRANGER,
    fake_clock,
    halt,
    limit,
    seed,
    set_passcodes,
)

D = Decimal
SCOPE = Scope.account(ACCOUNT)
DEADLINE = 1.5  # KillSwitchConfig default, seconds
UNAVAILABLE = BrokerErrorCode.UNAVAILABLE.value
# Backoff 0.05 doubling: sleeps 0.05 + 0.1 + 0.2 + 0.4 = 0.75 s over 5 attempts; a sixth
# would start at 0.75 + 0.8 = 1.55 s, past the 1.5 s deadline.
FULL_ATTEMPTS = 5
FULL_BACKOFF = 0.75


@pytest.fixture
async def two_brokers() -> tuple[Embedded, PaperBroker]:
    """The paper broker plus "other", holding STRANGER's account "acc-o"; a risk officer."""
    other_clock = FakeClock()
    other = PaperBroker(InMemoryMarketData(other_clock), other_clock, SequentialIds())
    e = await seed(build_embedded(brokers={"other": other}))
    await e.open_account("acc-o", STRANGER.id, CASH, broker="other")
    other.seed_account("acc-o", CASH)
    await set_passcodes(e, OFFICER)
    await e.orders.submit(limit(BUY, 10, "95"))
    return e, other


async def test_a_broker_failing_every_call_is_reported_unconfirmed_within_the_deadline(
    two_brokers: tuple[Embedded, PaperBroker],
) -> None:
    # Arrange
    e, other = two_brokers
    other.fail_next(1000)
    started = fake_clock(e).monotonic()

    # Act
    record = await e.killswitch.activate(halt(Scope.global_(), principal=OFFICER))

    # Assert
    assert not record.broker_confirmed
    assert record.unconfirmed_brokers == ("other",)
    failing, paper = record.brokers  # sorted by broker name
    assert paper == BrokerOutcome("paper", (ACCOUNT, "acc-2"), 1, 1, 0, True, 1)
    assert failing == BrokerOutcome(
        broker="other",
        accounts=("acc-o",),
        cancel_requested=0,
        cancel_acknowledged=0,
        remaining_open=0,
        confirmed=False,
        attempts=FULL_ATTEMPTS,
        errors=(UNAVAILABLE,),
    )
    elapsed = fake_clock(e).monotonic() - started
    assert elapsed == pytest.approx(FULL_BACKOFF)
    assert elapsed <= DEADLINE
    assert record.elapsed_ms == pytest.approx(FULL_BACKOFF * 1000)
    assert await e.broker.open_orders(ACCOUNT) == []


async def test_an_unconfirmed_activation_is_audited_and_notified_as_critical(
    two_brokers: tuple[Embedded, PaperBroker],
) -> None:
    # Arrange
    e, other = two_brokers
    other.fail_next(1000)

    # Act
    await e.killswitch.activate(halt(Scope.global_(), principal=OFFICER))

    # Assert
    [entry] = await e.audit.entries(target="global:*")
    assert entry.outcome == "unconfirmed"
    assert entry.details["unconfirmed_brokers"] == ["other"]
    [note] = e.notifier.sent
    assert note.severity is Severity.CRITICAL
    assert "NOT confirmed by other" in note.body


async def test_cancels_acknowledged_but_kept_are_retried_and_never_confirmed(
    ks: Embedded,
) -> None:
    # Arrange
    ks.broker.ack_but_keep(ACCOUNT)
    started = fake_clock(ks).monotonic()

    # Act
    record = await ks.killswitch.activate(halt(SCOPE))

    # Assert
    assert not record.broker_confirmed
    [outcome] = record.brokers
    assert outcome.confirmed is False
    assert outcome.remaining_open == 2
    assert outcome.attempts == FULL_ATTEMPTS
    assert outcome.cancel_requested == 2 * FULL_ATTEMPTS  # both orders re-cancelled each time
    assert fake_clock(ks).monotonic() - started == pytest.approx(FULL_BACKOFF)
    assert len(await ks.broker.open_orders(ACCOUNT)) == 2


async def test_orders_cancelled_counts_orders_not_acknowledgements(ks: Embedded) -> None:
    # Arrange: the first cancel_all is acknowledged but kept, the retry really cancels
    ks.broker.ack_but_keep(ACCOUNT, n=1)

    # Act
    record = await ks.killswitch.activate(halt(SCOPE))

    # Assert: two orders were open, two were cancelled
    assert record.broker_confirmed
    assert record.brokers[0].attempts == 2
    assert record.orders_cancelled == 2


async def test_a_transient_cancel_failure_is_retried_and_confirmed(ks: Embedded) -> None:
    # Arrange
    ks.broker.fail_next(1, methods={"cancel_all"})
    started = fake_clock(ks).monotonic()

    # Act
    record = await ks.killswitch.activate(halt(SCOPE))

    # Assert: one backoff of 0.05 s between the two attempts
    assert record.broker_confirmed
    [outcome] = record.brokers
    assert outcome.attempts == 2
    assert outcome.errors == (UNAVAILABLE,)
    assert outcome.remaining_open == 0
    assert record.orders_cancelled == 2
    assert fake_clock(ks).monotonic() - started == pytest.approx(0.05)
    assert record.elapsed_ms == pytest.approx(50.0)
    assert await ks.broker.open_orders(ACCOUNT) == []
