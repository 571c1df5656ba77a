"""The kill switch against the Alpaca adapter on a server that rate-limits or hangs.

Built as tests/unit/killswitch/test_killswitch_brokers.py builds it (build_embedded),
but on the system clock, since the Alpaca adapter talks to a real local HTTP server.
"""

from __future__ import annotations

import time
from collections.abc import AsyncIterator
from decimal import Decimal

import pytest

from adapters.brokers.alpaca import AlpacaBroker
from bootstrap.embedded import Embedded, build_embedded
from domain.killswitch.state import Scope
from domain.killswitch.switch import TriggerType
from ports.trading.broker import BrokerErrorCode
from tests.alpaca_server import AlpacaServer
from tests.integration.trading.brokers.conftest import alpaca_broker
from tests.integration.trading.brokers.contract import ACCOUNT
from tests.kit.alpaca_fake import FakeAlpacaTrading, seed_alpaca

D = Decimal
SCOPE = Scope.account(ACCOUNT)
DEADLINE = 1.5  # KillSwitchConfig default, seconds
SLACK = 0.35  # the bounded post-halt sync plus scheduling on a shared machine
RATE_LIMITED = BrokerErrorCode.RATE_LIMITED.value


@pytest.fixture
async def alpaca(server: AlpacaServer) -> AsyncIterator[AlpacaBroker]:
    broker = alpaca_broker(server, stream=False)
    yield broker
    await broker.aclose()


@pytest.fixture
async def e(alpaca: AlpacaBroker, venue: FakeAlpacaTrading) -> Embedded:
    """ACCOUNT lives at Alpaca and has two resting buy limits there (sent through Bulwark)."""
    embedded = build_embedded(fake_clock=False, brokers={"alpaca": alpaca})
    await seed_alpaca(embedded, venue)
    return embedded


async def test_a_short_retry_after_is_waited_out_and_confirmed_inside_the_deadline(
    e: Embedded, server: AlpacaServer, venue: FakeAlpacaTrading
) -> None:
    # Arrange
    server.rate_limit(times=1, retry_after=0.2, method="DELETE", path="/v2/orders")
    started = time.monotonic()

    # Act
    record = await e.killswitch.trigger(SCOPE, TriggerType.MANUAL, "test")

    # Assert
    elapsed = time.monotonic() - started
    assert record.broker_confirmed
    assert venue.open_count() == 0
    assert record.orders_cancelled == 2
    [outcome] = record.brokers
    assert (outcome.broker, outcome.attempts, outcome.errors) == ("alpaca", 1, ())
    assert len(server.requests_to("DELETE", "/v2/orders")) == 2  # refused once, then served
    assert 0.2 <= record.elapsed_ms / 1e3 < DEADLINE
    assert elapsed < DEADLINE + SLACK


async def test_a_server_that_keeps_refusing_is_reported_rate_limited_within_the_deadline(
    e: Embedded, server: AlpacaServer, venue: FakeAlpacaTrading
) -> None:
    # Arrange: every call is refused for 3 s, longer than the whole deadline
    server.rate_limit(times=10_000, retry_after=3)
    started = time.monotonic()

    # Act
    record = await e.killswitch.trigger(SCOPE, TriggerType.MANUAL, "test")

    # Assert: no blind 3 s waits; each refusal is seen at once and retried by the switch
    elapsed = time.monotonic() - started
    assert not record.broker_confirmed
    assert record.unconfirmed_brokers == ("alpaca",)
    [outcome] = record.brokers
    assert outcome.errors == (RATE_LIMITED,)
    assert outcome.attempts >= 3
    assert elapsed < DEADLINE + SLACK
    assert venue.open_count() == 2


async def test_a_hanging_server_is_reported_unconfirmed_within_the_deadline(
    e: Embedded, server: AlpacaServer
) -> None:
    # Arrange
    server.slow(10.0, times=10_000)
    started = time.monotonic()

    # Act
    record = await e.killswitch.trigger(SCOPE, TriggerType.MANUAL, "test")

    # Assert
    elapsed = time.monotonic() - started
    assert not record.broker_confirmed
    [outcome] = record.brokers
    assert set(outcome.errors) <= {BrokerErrorCode.TIMEOUT.value, "DEADLINE_EXCEEDED"}
    assert outcome.errors
    assert elapsed < DEADLINE + SLACK
