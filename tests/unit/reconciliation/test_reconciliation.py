"""Reconciliation: the drift between a venue and Bulwark (worked examples), confirmed only
when seen twice, alerted once per drift, never a drift when the venue does not answer."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

from adapters.memory.audit import InMemoryAuditLog
from adapters.memory.bus import InMemoryNotifier
from adapters.memory.clock import FakeClock
from adapters.memory.connections import InMemoryConnectionStore
from adapters.memory.reconciliation import InMemoryReconciliationReports
from adapters.memory.store import InMemoryStore, unit_of_work_factory
from application.reconciliation.service import Reconciliation
from domain.connections.connection import VenueConnection
from domain.connections.kinds import VenueEnvironment, VenueKind
from domain.principals import Principal, Role
from domain.reconciliation.drift import OrderDrift, PositionDrift, compare
from domain.trading.accounts import Account
from domain.trading.orders import Order, OrderType, Origin, OriginKind, Side
from domain.trading.positions import Position
from ports.trading.broker import (
    BrokerError,
    BrokerErrorCode,
    BrokerOrder,
    BrokerOrderStatus,
    BrokerPosition,
)

D = Decimal
T0 = datetime(2026, 11, 28, 15, tzinfo=UTC)


def test_positions_and_orders_drift_where_the_sides_disagree() -> None:
    # Act
    drift = compare(
        {"AAPL": D(10), "MSFT": D(5)},
        {"AAPL": D(10), "MSFT": D(4), "XOM": D(-2)},
        {"c-1": "AAPL", "c-2": "MSFT"},
        {"c-1": "AAPL", "c-9": "TSLA"},
    )

    # Assert: AAPL and c-1 agree; a missing position is flat
    assert drift.positions == (
        PositionDrift("MSFT", D(5), D(4)),
        PositionDrift("XOM", D(0), D(-2)),
    )
    assert drift.orders == (
        OrderDrift("c-2", "MSFT", "bulwark"),
        OrderDrift("c-9", "TSLA", "venue"),
    )
    assert not drift.none
    assert compare({"A": D(1)}, {"A": D("1.0")}, {}, {}).none  # equal quantities, any scale


@dataclass
class Venue:
    """A venue's answers for one account; `down` raises as an outage does."""

    held: dict[str, Decimal] = field(default_factory=dict)
    working: dict[str, str] = field(default_factory=dict)
    down: bool = False

    def find(self, name: str) -> Any:
        return self

    async def positions(self, account_id: str) -> list[BrokerPosition]:
        if self.down:
            raise BrokerError(BrokerErrorCode.UNAVAILABLE, "503 from the venue")
        return [BrokerPosition(account_id, s, q, D(100)) for s, q in self.held.items()]

    async def open_orders(self, account_id: str) -> list[BrokerOrder]:
        return [
            BrokerOrder(f"b-{c}", c, account_id, s, Side.BUY, OrderType.LIMIT, D(1), D(0),
                        BrokerOrderStatus.ACCEPTED, D(1))
            for c, s in self.working.items()
        ]  # fmt: skip


class Switch:
    def __init__(self) -> None:
        self.halted: list[str] = []

    async def trigger(self, scope: Any, trigger: Any, reason: str, **_: Any) -> None:
        self.halted.append(scope.key)


async def world(
    *, halt: bool = False
) -> tuple[Reconciliation, Venue, InMemoryNotifier, Switch, Account]:
    store = InMemoryStore()
    account = Account("a-1", "owner", D(100_000), broker="vc-1")
    account.positions["AAPL"] = Position("AAPL", D(10), D(100))
    order = Order("o-1", "c-1", "a-1", "AAPL", Side.BUY, D(1), Origin(OriginKind.USER, "owner"),
                  OrderType.LIMIT, limit_price=D(1))  # fmt: skip
    order.mark_pending_submit()
    account.track_order(order)
    store.accounts[account.id] = account
    connections = InMemoryConnectionStore()
    await connections.add(
        VenueConnection("vc-1", "owner", "desk", VenueKind.parse("alpaca"),
                        VenueEnvironment.PAPER, T0, halt_on_drift=halt)
    )  # fmt: skip
    venue = Venue({"AAPL": D(10)}, {"c-1": "AAPL"})
    notifier, switch = InMemoryNotifier(), Switch()
    service = Reconciliation(
        connections, venue, unit_of_work_factory(store), lambda: switch,  # type: ignore[arg-type,return-value]
        notifier, InMemoryAuditLog(), FakeClock(T0), InMemoryReconciliationReports(),
    )  # fmt: skip
    return service, venue, notifier, switch, account


async def states(service: Reconciliation) -> list[str]:
    return [r.state for r in await service.store.of_connection("vc-1")]


async def test_a_drift_is_confirmed_on_its_second_sighting_and_alerted_once() -> None:
    # Arrange
    service, venue, notifier, switch, _ = await world()
    await service.run()
    first = await states(service)

    # Act: the venue fills c-1 behind Bulwark's back
    venue.working.clear()
    venue.held["AAPL"] = D(11)
    await service.run()
    once = await states(service)
    await service.run()
    twice = await states(service)
    await service.run()

    # Assert: alerted once (not on every check), nothing halted (not asked to)
    assert (first, once, twice) == (["in_sync"], ["suspected"], ["drift"])
    assert [n.event_type for n in notifier.sent] == ["reconciliation.drift"]
    assert "AAPL: Bulwark 10, venue 11" in notifier.sent[0].body
    assert switch.halted == []
    assert service.drifted() == 1


async def test_a_passing_difference_is_never_confirmed() -> None:
    # Arrange: an order in flight shows at Bulwark only, once
    service, venue, notifier, _, _ = await world()
    venue.working.clear()
    await service.run()

    # Act: by the next check the venue lists it
    venue.working["c-1"] = "AAPL"
    await service.run()

    # Assert
    assert await states(service) == ["in_sync"]
    assert notifier.sent == []


async def test_a_connection_asking_for_it_halts_the_account_on_a_confirmed_drift() -> None:
    # Arrange
    service, venue, _, switch, _ = await world(halt=True)
    venue.held["MSFT"] = D(3)

    # Act
    await service.run()
    await service.run()
    await service.run()

    # Assert: halted once
    assert switch.halted == ["account:a-1"]
    assert [r.halted for r in await service.store.of_connection("vc-1")] == [True]


async def test_a_venue_that_does_not_answer_is_unreachable_never_a_drift() -> None:
    # Arrange
    service, venue, notifier, _, _ = await world()
    venue.down = True

    # Act
    await service.run()
    await service.run()

    # Assert
    [report] = await service.store.of_connection("vc-1")
    assert (report.state, report.error) == ("unreachable", "503 from the venue")
    assert notifier.sent == []


async def test_the_job_runs_every_interval_not_every_second() -> None:
    # Arrange
    service, _, _, _, _ = await world()
    clock = service.clock
    assert isinstance(clock, FakeClock)

    # Act
    first = await service.check()
    clock.advance(timedelta(seconds=30).total_seconds())
    soon = await service.check()
    clock.advance(timedelta(seconds=31).total_seconds())
    later = await service.check()

    # Assert
    assert (first, soon, later) == (1, 0, 1)


async def test_another_process_shows_the_report_and_a_restart_does_not_alert_again() -> None:
    # Arrange: a drift confirmed and alerted by the process running the job
    service, venue, notifier, _, _ = await world()
    venue.working.clear()
    venue.held["AAPL"] = D(11)
    await service.run()
    await service.run()
    assert [n.event_type for n in notifier.sent] == ["reconciliation.drift"]
    restarted = replace_service(service)

    # Act: another process reads; the job's process restarts and runs again
    shown = await restarted.reports(Principal("owner", Role.OWNER), "vc-1")
    await restarted.run()

    # Assert: the same confirmed drift, and no second alert for it
    assert [(r.account_id, r.state) for r in shown] == [("a-1", "drift")]
    assert len(notifier.sent) == 1
    assert restarted.drifted() == 1


def replace_service(service: Reconciliation) -> Reconciliation:
    """A fresh service over the same store, venue, notifier and clock: another process, or
    the same one restarted."""
    return Reconciliation(
        service.connections, service.brokers, service.uow_factory, service.killswitch,
        service.notifier, service.audit, service.clock, service.store,
    )  # fmt: skip
