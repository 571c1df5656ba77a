"""A metered broker: each call timed, failures counted by code, the adapter's extras kept."""

from __future__ import annotations

import asyncio
from decimal import Decimal

import pytest

from adapters.brokers.paper import PaperBroker, PaperBrokerConfig
from adapters.memory.clock import FakeClock, SequentialIds
from adapters.memory.marketdata import InMemoryMarketData
from adapters.metrics.broker import MeteredBroker, metered
from domain.killswitch.switch import KillSwitchEvent
from domain.risk.verdicts import Decision
from domain.trading.orders import Side
from ports.trading.broker import BrokerError, BrokerErrorCode, BrokerPort, DeadlineBroker
from tests.kit.paper import limit_order


class RecordingMeter:
    """A Meter that keeps what it was told."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, str, str | None]] = []

    def gate_decision(self, decision: Decision, seconds: float) -> None:
        return None

    def kill_switch(self, event: KillSwitchEvent) -> None:
        return None

    def broker_call(self, adapter: str, operation: str, seconds: float, error: str | None) -> None:
        assert seconds >= 0
        self.calls.append((adapter, operation, error))


class SlowBroker:
    """Answers open_orders only after a long wait (a caller's deadline cancels it)."""

    name = "slow"

    async def open_orders(self, account_id: str) -> list[object]:
        await asyncio.sleep(10)
        return []


@pytest.fixture
def paper() -> PaperBroker:
    clock = FakeClock()
    broker = PaperBroker(InMemoryMarketData(clock), clock, SequentialIds(), PaperBrokerConfig())
    broker.seed_account("acc-1", Decimal("100000"))
    return broker


async def test_calls_are_timed_and_a_broker_error_counted_by_its_code(paper: PaperBroker) -> None:
    # Arrange
    meter = RecordingMeter()
    broker = metered({"paper": paper}, meter)["paper"]
    paper.fail_next(1, BrokerErrorCode.RATE_LIMITED, ["cancel_all"])

    # Act
    await broker.submit(limit_order(Side.BUY, "10", "99"))
    with pytest.raises(BrokerError):
        await broker.cancel_all("acc-1")
    still_open = await broker.open_orders("acc-1")

    # Assert
    assert len(still_open) == 1
    assert meter.calls == [
        ("paper", "submit", None),
        ("paper", "cancel_all", "BROKER_RATE_LIMITED"),
        ("paper", "open_orders", None),
    ]


async def test_a_call_cut_off_by_a_deadline_counts_as_cancelled() -> None:
    # Arrange
    meter = RecordingMeter()
    broker = MeteredBroker(SlowBroker(), meter, "slow")  # type: ignore[arg-type]

    # Act
    with pytest.raises(TimeoutError):
        await asyncio.wait_for(broker.open_orders("acc-1"), 0.01)

    # Assert
    assert meter.calls == [("slow", "open_orders", "CANCELLED")]


async def test_the_adapters_extras_pass_through_and_a_deadline_broker_stays_one(
    paper: PaperBroker,
) -> None:
    # Arrange
    meter = RecordingMeter()

    # Act
    broker: BrokerPort = metered({"paper": paper}, meter)["paper"]

    # Assert
    assert broker.name == paper.name
    assert broker.seed_account == paper.seed_account  # type: ignore[attr-defined]
    assert isinstance(broker, DeadlineBroker) is isinstance(paper, DeadlineBroker)


class BoundedBroker(SlowBroker):
    """A DeadlineBroker whose bounded copy is itself."""

    name = "bounded"

    def within(self, deadline: float) -> BrokerPort:
        return self  # type: ignore[return-value]


def test_a_deadline_brokers_bounded_copy_is_metered_too() -> None:
    # Arrange
    broker = metered({"alpaca": BoundedBroker()}, RecordingMeter())["alpaca"]  # type: ignore[dict-item]

    # Act
    assert isinstance(broker, DeadlineBroker)
    bounded = broker.within(1.0)

    # Assert
    assert isinstance(bounded, MeteredBroker)
