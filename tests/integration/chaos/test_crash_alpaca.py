"""A crash after a send, over the wire: the Alpaca adapter against the tests' fake Alpaca venue,
which outlives the crash, so the restarted services must adopt what the venue holds and close
as never sent only what it does not (past Alpaca's acceptance window, on the fake clock).

The restart takes `RESTART` (the venue's clock and the new adapter's are moved on by it): a
new adapter asks the venue for fills from a moment 2 s before it started, so a restart quicker
than that is given the dead process's last fills again (the last test)."""

from __future__ import annotations

import random
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest

from adapters.alpaca.http import AlpacaCredentials, AlpacaHttp
from adapters.brokers.alpaca import AlpacaBroker, AlpacaBrokerConfig
from adapters.memory.clock import FakeClock, SystemClock
from bootstrap.crash_rehearsal import CrashPlan, CrashPoint
from bootstrap.embedded import Embedded, build_embedded
from domain.killswitch.state import Scope
from domain.trading.orders import OrderStatus
from ports.core.clock import Clock
from tests.alpaca_server import AlpacaServer
from tests.integration.chaos.invariants import (
    assert_recovered,
    assert_verdict_is_truth,
    read_books,
)
from tests.integration.chaos.test_crash_in_memory import (
    BURST,
    CHUNK,
    KEYS,
    burst,
    die,
    order,
    statuses,
    watch,
)
from tests.kit.alpaca_fake import KEY_ID, SECRET, FakeAlpacaTrading
from tests.kit.desk import OWNER, halt, seed

ACCOUNT = "acc-alpaca"
PAST_WINDOW = timedelta(seconds=31)  # Alpaca's acceptance window is 30 s
RESTART = timedelta(seconds=10)


@dataclass(slots=True)
class Venue(FakeAlpacaTrading):
    """The fake venue, its clock `ahead` of the system's (moved on by a restart)."""

    ahead: timedelta = timedelta(0)

    def _now(self) -> datetime:  # type: ignore[override]
        return datetime.now(UTC) + self.ahead


class Later(SystemClock):
    """The system clock `ahead` of itself (a process started that much later), ticking with
    the services' fake clock (the kill switch's deadlines are read on it)."""

    def __init__(self, ahead: timedelta, ticks: Clock) -> None:
        self.ahead = ahead
        self.ticks = ticks

    def now(self) -> datetime:
        return super().now() + self.ahead

    def monotonic(self) -> float:
        return self.ticks.monotonic()


@pytest.fixture
async def venue() -> AsyncIterator[tuple[Venue, AlpacaServer]]:
    trading = Venue()
    async with AlpacaServer() as server:
        trading.install(server)
        await trading.set_price("AAPL", Decimal(100))
        yield trading, server


def alpaca(server: AlpacaServer, clock: SystemClock) -> AlpacaBroker:
    """A fresh adapter, as a new process makes (REST fills, no stream)."""
    credentials = AlpacaCredentials(KEY_ID, SECRET)
    http = AlpacaHttp(
        server.url, credentials, provider_name="alpaca", clock=clock, rng=random.Random(3)
    )
    return AlpacaBroker(
        http,
        credentials,
        clock,
        stream_url=f"{server.ws_url}/stream",
        accounts=frozenset({ACCOUNT}),
        config=AlpacaBrokerConfig(stream=False),
    )


async def crash_and_recover(
    trading: Venue, server: AlpacaServer, restart: timedelta
) -> tuple[Embedded, dict[str, OrderStatus], dict[str, str], bool, int, dict[str, Decimal]]:
    """A burst dying after its 6th send (two orders at the venue, never booked); a restart
    `restart` later: the watch, the client's retries, the kill switch."""
    first_adapter = alpaca(server, SystemClock())
    first = await seed(
        build_embedded(
            brokers={"alpaca": first_adapter}, crash=CrashPlan(CrashPoint.AFTER_SEND, 6, die)
        )
    )
    await first.open_account(ACCOUNT, OWNER.id, Decimal(100_000), broker="alpaca")
    await first.killswitch.set_passcode(OWNER, "correct-horse")
    acknowledged = await burst(first, ACCOUNT)
    assert len(acknowledged) == CHUNK
    await first_adapter.aclose()
    trading.ahead = restart
    adapter = alpaca(server, Later(restart, first.clock))
    e = build_embedded(restart_of=first, brokers={"alpaca": adapter})
    assert isinstance(e.clock, FakeClock)
    e.clock.advance(PAST_WINDOW)
    try:
        await watch(e)
        left = await statuses(e, ACCOUNT)
        await e.orders.submit_many([order(i, ACCOUNT) for i in range(BURST)])
        record = await e.killswitch.activate(halt(Scope.account(ACCOUNT), passcode="correct-horse"))
        still_open = len(await adapter.open_orders(ACCOUNT))
        at_venue = {p.symbol: p.quantity for p in await adapter.positions(ACCOUNT)}
    finally:
        await adapter.aclose()
    return e, left, acknowledged, record.broker_confirmed, still_open, at_venue


async def test_orders_a_broker_accepted_before_the_crash_are_adopted_after_it(
    venue: tuple[Venue, AlpacaServer],
) -> None:
    # Arrange, Act: the crash, and a restart 10 s later
    e, left, acknowledged, confirmed, still_open, at_venue = await crash_and_recover(
        *venue, RESTART
    )

    # Assert
    assert {k: left[k] for k in KEYS[4:8]} == {
        KEYS[4]: OrderStatus.FILLED,  # adopted with its fill
        KEYS[5]: OrderStatus.ACCEPTED,  # adopted, resting at the venue
        KEYS[6]: OrderStatus.NEVER_SENT,
        KEYS[7]: OrderStatus.NEVER_SENT,
    }
    books = await read_books(e.uow, ACCOUNT)
    assert_recovered(books, keys=KEYS, acknowledged=acknowledged)
    assert books.holdings() == {s: q for s, q in at_venue.items() if q != 0}
    assert_verdict_is_truth(confirmed, still_open)
    assert confirmed is True, f"{still_open} orders still open at the venue"


async def test_a_restart_within_the_fills_overlap_books_each_fill_once(
    venue: tuple[Venue, AlpacaServer],
) -> None:
    # Arrange, Act: the crash, and a restart at once
    e, _, acknowledged, _, _, at_venue = await crash_and_recover(*venue, timedelta(0))

    # Assert
    books = await read_books(e.uow, ACCOUNT)
    assert books.holdings() == {s: q for s, q in at_venue.items() if q != 0}
    assert_recovered(books, keys=KEYS, acknowledged=acknowledged)
