"""Crashes on the in-memory store, in process: the order path dies at each point of a burst.

A SIGKILLed in-memory process loses its store, so the crash is modelled in process: the
rehearsal's hook raises `Crashed` (a BaseException, which no handler of the order path
catches) out of the point it guards, the services are thrown away, and fresh services are
built over the same store, market and paper broker (bootstrap/embedded.py, `restart_of`).
The paper broker outlives the crash here, so an order it accepted must be adopted.
"""

from __future__ import annotations

from datetime import timedelta
from typing import NoReturn

import pytest

from adapters.brokers.paper.drill import FaultSwitch, FaultyBroker
from adapters.memory.clock import FakeClock
from application.safety.killswitch import KillSwitchConfig
from application.trading.in_doubt_watch import InDoubtWatch
from application.trading.orders import OrderResult, SubmitOrder
from bootstrap.crash_rehearsal import CrashPlan, CrashPoint
from bootstrap.embedded import Embedded, build_embedded
from domain.killswitch.drill import BrokerFaults
from domain.killswitch.state import Scope
from domain.trading.orders import OrderStatus
from tests.integration.chaos.invariants import (
    Books,
    assert_recovered,
    assert_verdict_is_truth,
    read_books,
)
from tests.kit.desk import ACCOUNT, BUY, OWNER, halt, limit, market, seed

BURST = 16
CHUNK = 4  # commands decided together, as the batcher groups them
# The time the point is reached when the process dies: in the second batch. Before the
# store, at that batch's first order: the in-memory store hands out its live aggregates, so a
# crash further into a decisions transaction would leave that transaction's changes to the
# account in place, which no real crash leaves (the in-memory store dies with its process).
DIE_AT = {CrashPoint.BEFORE_STORE: 5, CrashPoint.BEFORE_SEND: 6, CrashPoint.AFTER_SEND: 6}
PAST_GRACE = timedelta(seconds=6)
KEYS = [f"chaos-{i:02d}" for i in range(BURST)]
SCOPE = Scope.account(ACCOUNT)
QUICK = KillSwitchConfig(deadline=0.4, first_retry=0.02)


class Crashed(BaseException):
    """The process died here (a BaseException: nothing on the order path catches it)."""


def die() -> NoReturn:
    raise Crashed


def order(i: int, account_id: str = ACCOUNT) -> SubmitOrder:
    """Even: a market buy (filled at once); odd: a buy limit resting below the market."""
    key = KEYS[i]
    if i % 2 == 0:
        return market(BUY, 1, account_id=account_id, client_order_id=key, idempotency_key=key)
    return limit(BUY, 1, "90", account_id=account_id, client_order_id=key, idempotency_key=key)


async def burst(e: Embedded, account_id: str = ACCOUNT) -> dict[str, str]:
    """The burst in batches until the crash; the acknowledged orders by client order id."""
    acknowledged: dict[str, str] = {}
    for start in range(0, BURST, CHUNK):
        batch = [order(i, account_id) for i in range(start, start + CHUNK)]
        try:
            results = await e.orders.submit_many(batch)
        except Crashed:
            return acknowledged
        for result in results:
            assert isinstance(result, OrderResult), result
            acknowledged[result.order.client_order_id] = result.order.id
    raise AssertionError("the rehearsal never crashed")


async def crashed_then_restarted(
    point: CrashPoint, **restart: object
) -> tuple[Embedded, Books, dict[str, str]]:
    """A burst that dies at `point`; then fresh services, past the grace, over what is left."""
    first = await seed(build_embedded(crash=CrashPlan(point, DIE_AT[point], die)))
    await first.killswitch.set_passcode(OWNER, "correct-horse")
    before = await read_books(first.uow, ACCOUNT)
    acknowledged = await burst(first)
    assert len(acknowledged) == CHUNK
    again = build_embedded(restart_of=first, killswitch_config=QUICK, **restart)  # type: ignore[arg-type]
    assert isinstance(again.clock, FakeClock)
    again.clock.advance(PAST_GRACE)
    return again, before, acknowledged


async def watch(e: Embedded) -> None:
    """The in-doubt watch a starting process runs."""
    await InDoubtWatch(e.uow, e.orders, e.clock, e.notifier, e.orders.in_doubt.grace).resolve_all()


async def statuses(e: Embedded, account_id: str = ACCOUNT) -> dict[str, OrderStatus]:
    books = await read_books(e.uow, account_id)
    return {o.client_order_id: o.status for o in books.orders}


# What each point leaves of the second batch (orders 4 to 7) once the watch has run.
LEFT = {
    CrashPoint.BEFORE_STORE: {},  # nothing of that batch was stored
    CrashPoint.BEFORE_SEND: {  # the 5th order reached the broker (and filled), the rest never
        KEYS[4]: OrderStatus.FILLED,
        KEYS[5]: OrderStatus.NEVER_SENT,
        KEYS[6]: OrderStatus.NEVER_SENT,
        KEYS[7]: OrderStatus.NEVER_SENT,
    },
    CrashPoint.AFTER_SEND: {  # the 5th and 6th were accepted (adopted), the rest never sent
        KEYS[4]: OrderStatus.FILLED,
        KEYS[5]: OrderStatus.ACCEPTED,
        KEYS[6]: OrderStatus.NEVER_SENT,
        KEYS[7]: OrderStatus.NEVER_SENT,
    },
}


@pytest.mark.parametrize("point", list(CrashPoint))
async def test_a_burst_killed_at_each_point_recovers_with_nothing_lost_doubled_or_in_doubt(
    point: CrashPoint,
) -> None:
    # Arrange: the burst died at `point` on its 6th passage
    e, before, acknowledged = await crashed_then_restarted(point)

    # Act: the watch of a starting process, then the client retries every order it sent
    await watch(e)
    left = await statuses(e)
    retried = await e.orders.submit_many([order(i) for i in range(BURST)])
    record = await e.killswitch.activate(halt(SCOPE, passcode="correct-horse"))

    # Assert
    assert {k: left[k] for k in KEYS[4:8] if k in left} == LEFT[point]
    assert all(isinstance(r, OrderResult) for r in retried), retried
    books = await read_books(e.uow, ACCOUNT)
    assert_recovered(books, keys=KEYS, acknowledged=acknowledged, before=before)
    at_broker = {p.symbol: p.quantity for p in await e.broker.positions(ACCOUNT)}
    assert books.holdings() == {s: q for s, q in at_broker.items() if q != 0}
    assert_verdict_is_truth(record.broker_confirmed, len(await e.broker.open_orders(ACCOUNT)))
    assert record.broker_confirmed is True


FAULTS = ["none", "keep_on_cancel", "delay_acks=50", "drop_acks", "reject_sends", "disconnect"]


@pytest.mark.parametrize("faults", FAULTS)
async def test_the_kill_switch_after_a_crash_restart_tells_the_truth_of_a_lying_broker(
    faults: str,
) -> None:
    # Arrange: orders accepted by the broker but never booked, and a broker that misbehaves
    switch = FaultSwitch()
    e, _, _ = await crashed_then_restarted(
        CrashPoint.AFTER_SEND,
        route_paper=lambda paper, clock: FaultyBroker(paper, switch, clock),
    )
    switch.set(BrokerFaults.parse(faults))

    # Act: the kill switch resolves the orders in doubt itself, then halts
    record = await e.killswitch.activate(halt(SCOPE, passcode="correct-horse"))
    switch.set(BrokerFaults.parse("none"))
    still_open = len(await e.broker.open_orders(ACCOUNT))

    # Assert
    assert_verdict_is_truth(record.broker_confirmed, still_open)
    if faults in ("keep_on_cancel", "disconnect"):
        assert still_open > 0
    if faults == "disconnect":  # it could not look them up: named, never counted as closed
        assert record.unconfirmed_orders != ()
    else:
        assert record.unconfirmed_orders == ()
