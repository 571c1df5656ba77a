"""The daily snapshot job on in-memory adapters and a fake clock."""

from __future__ import annotations

import asyncio
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal

import pytest

from adapters.memory.clock import FakeClock
from adapters.memory.equity import InMemoryEquityHistory
from adapters.memory.marketdata import InMemoryMarketData
from adapters.memory.store import InMemoryStore, InMemoryUnitOfWork
from application.analytics.equity_snapshots import EquitySnapshots, SnapshotRun, next_run
from domain.trading.accounts import Account
from domain.trading.fills import Fill
from domain.trading.orders import Side
from ports.trading.equity import EquitySnapshot
from tests.kit import ledger

D = Decimal
MONDAY = datetime(2026, 1, 5, 14, 30, tzinfo=UTC)


class World:
    """A store, a market, a history and a clock, and helpers to trade and move cash."""

    def __init__(self) -> None:
        self.clock = FakeClock(MONDAY)
        self.state = InMemoryStore()
        self.market = InMemoryMarketData(self.clock)
        self.history = InMemoryEquityHistory()
        self.job = EquitySnapshots(self.uow, self.market, self.history, self.clock, batch_size=2)
        self.fill_count = 0

    async def open(self, account_id: str, cash: str) -> None:
        async with self.uow() as uow:
            await uow.accounts.add(Account(account_id, "owner-1", D(cash)))
            await uow.commit()

    async def trade(self, account_id: str, side: Side, quantity: str, price: str) -> None:
        self.fill_count += 1
        fill = Fill(
            f"fill-{self.fill_count}", f"order-{self.fill_count}", account_id, "AAPL", side,
            D(quantity), D(price), self.clock.now(), commission=D(1),
        )  # fmt: skip
        await ledger.book_fill(self.uow, fill)

    async def move_cash(self, account_id: str, amount: str) -> None:
        await ledger.move_cash(self.uow, account_id, D(amount))

    def uow(self) -> InMemoryUnitOfWork:
        return InMemoryUnitOfWork(self.state)


@pytest.fixture
def world() -> World:
    return World()


async def test_a_day_of_trading_is_valued_at_current_marks(world: World) -> None:
    # Arrange: 10 000 cash; 10 AAPL bought at 100 (commission 1) this morning; AAPL now 110
    await world.open("acc-1", "10000")
    await world.trade("acc-1", Side.BUY, "10", "100")
    world.market.set_quote("AAPL", "109.99", "110.01", last="110")
    world.clock.set(MONDAY.replace(hour=21))

    # Act
    run = await world.job.take_all()

    # Assert: cash 10000 - 1000 - 1 = 8999; market value 1100; equity 10099
    [snapshot] = run.taken
    assert snapshot.day == date(2026, 1, 5)
    assert (snapshot.cash, snapshot.market_value, snapshot.equity) == (D(8999), D(1100), D(10099))
    assert snapshot.gross_exposure == D(1100)
    assert snapshot.traded_notional == D(1000)
    assert snapshot.realized_pnl == D(-1)  # an opening fill realizes only its commission
    assert snapshot.net_flow == D(0)  # the first snapshot is the starting point
    assert await world.history.range("acc-1", snapshot.day, snapshot.day) == [snapshot]


async def test_the_next_day_separates_a_deposit_from_trading(world: World) -> None:
    # Arrange: Monday as above; Tuesday 5 AAPL sold at 120 and 500 deposited
    await world.open("acc-1", "10000")
    await world.trade("acc-1", Side.BUY, "10", "100")
    world.market.set_quote("AAPL", "109.99", "110.01", last="110")
    world.clock.set(MONDAY.replace(hour=21))
    await world.job.take_all()
    world.clock.advance(timedelta(hours=15))
    await world.trade("acc-1", Side.SELL, "5", "120")
    await world.move_cash("acc-1", "500")
    world.market.set_quote("AAPL", "119.99", "120.01", last="120")
    world.clock.set(MONDAY.replace(hour=21) + timedelta(days=1))

    # Act
    run = await world.job.take_all()

    # Assert: 5 x (120 - 100) - 1 = 99 realized; 600 traded; the 500 is a flow, not a gain
    [snapshot] = run.taken
    assert snapshot.day == date(2026, 1, 6)
    assert snapshot.realized_pnl == D(99)
    assert snapshot.traded_notional == D(600)
    assert snapshot.net_flow == D(500)
    assert snapshot.cash == D(8999) + D(600) - D(1) + D(500)
    assert snapshot.equity == snapshot.cash + D(600)


async def test_retaking_a_day_keeps_its_window_and_replaces_its_snapshot(world: World) -> None:
    # Arrange: a start-up snapshot at 14:30, a fill at 15:00, the scheduled one at 21:00
    await world.open("acc-1", "10000")
    world.market.set_quote("AAPL", "99.99", "100.01", last="100")
    await world.job.take_all()
    world.clock.set(MONDAY.replace(hour=15))
    await world.trade("acc-1", Side.BUY, "1", "100")
    world.clock.set(MONDAY.replace(hour=21))

    # Act
    await world.job.take_all()

    # Assert: one row for Monday, the 21:00 one, with the 15:00 fill in it
    [stored] = await world.history.range("acc-1", date(2026, 1, 1), date(2026, 1, 31))
    assert stored.taken_at == MONDAY.replace(hour=21)
    assert stored.traded_notional == D(100)


async def test_an_unmarked_account_is_skipped_and_reported_not_valued_at_zero(
    world: World,
) -> None:
    # Arrange: acc-1 holds AAPL, which has no quote; acc-2 holds only cash
    await world.open("acc-1", "10000")
    await world.trade("acc-1", Side.BUY, "10", "100")
    await world.open("acc-2", "5000")

    # Act
    run = await world.job.take_all()

    # Assert
    assert [s.account_id for s in run.taken] == ["acc-2"]
    assert run.skipped == {"acc-1": "no mark for AAPL"}
    assert await world.history.latest("acc-1") is None


async def test_closed_and_archived_accounts_are_not_snapshotted(world: World) -> None:
    # Arrange: three accounts of cash; two of them retired
    for account_id in ("acc-1", "acc-2", "acc-3"):
        await world.open(account_id, "1000")
    async with InMemoryUnitOfWork(world.state) as uow:
        closed, archived = await uow.accounts.get("acc-2"), await uow.accounts.get("acc-3")
        assert closed is not None and archived is not None
        closed.close()
        archived.archive()
        await uow.accounts.add(closed)
        await uow.accounts.add(archived)
        await uow.commit()

    # Act
    run = await world.job.take_all()

    # Assert
    assert [s.account_id for s in run.taken] == ["acc-1"]
    assert run.skipped == {} and run.failed == {}


class FailingFor(InMemoryEquityHistory):
    """A history whose writes fail for one account."""

    def __init__(self, account_id: str) -> None:
        super().__init__()
        self._failing = account_id

    async def upsert(self, snapshot: EquitySnapshot) -> None:
        if snapshot.account_id == self._failing:
            raise RuntimeError("disk full")
        await super().upsert(snapshot)


async def test_a_failing_account_does_not_stop_the_others(world: World) -> None:
    # Arrange: five accounts (three batches of two); the writes of acc-2 fail
    world.job = EquitySnapshots(
        lambda: InMemoryUnitOfWork(world.state), world.market, FailingFor("acc-2"),
        world.clock, batch_size=2,
    )  # fmt: skip
    for k in range(1, 6):
        await world.open(f"acc-{k}", "1000")

    # Act
    run = await world.job.take_all()

    # Assert
    assert [s.account_id for s in run.taken] == ["acc-1", "acc-3", "acc-4", "acc-5"]
    assert run.failed == {"acc-2": "RuntimeError: disk full"}
    assert world.job.last_run is run


def test_the_next_run_is_today_or_tomorrow_at_the_set_time() -> None:
    at = time(21, 0)
    assert next_run(MONDAY, at) == MONDAY.replace(hour=21, minute=0)
    assert next_run(MONDAY.replace(hour=21, minute=0), at) == datetime(2026, 1, 6, 21, tzinfo=UTC)
    assert next_run(MONDAY.replace(hour=23), at) == datetime(2026, 1, 6, 21, tzinfo=UTC)


async def test_the_loop_runs_at_start_then_daily_at_the_set_time(world: World) -> None:
    # Arrange: one cash account; the loop stops itself after three runs
    await world.open("acc-1", "1000")
    stop = asyncio.Event()
    runs: list[tuple[datetime, SnapshotRun]] = []

    def on_run(run: SnapshotRun) -> None:
        runs.append((world.clock.now(), run))
        if len(runs) == 3:
            stop.set()

    # Act: the fake clock's sleep advances time instead of waiting
    await asyncio.wait_for(world.job.run(time(21, 0), stop, on_run=on_run), timeout=5)

    # Assert: Monday 14:30 (start-up), Monday 21:00, Tuesday 21:00
    assert [at for at, _ in runs] == [
        MONDAY,
        MONDAY.replace(hour=21, minute=0),
        datetime(2026, 1, 6, 21, tzinfo=UTC),
    ]
    stored = await world.history.range("acc-1", date(2026, 1, 1), date(2026, 1, 31))
    assert [s.day for s in stored] == [date(2026, 1, 5), date(2026, 1, 6)]


async def test_a_store_outage_is_reported_and_the_loop_goes_on(world: World) -> None:
    # Arrange: listing accounts fails on the first run only
    calls = 0
    real = world.job._uow

    def flaky() -> InMemoryUnitOfWork:
        nonlocal calls
        calls += 1
        if calls == 1:
            raise ConnectionError("database down")
        return real()  # type: ignore[no-any-return]

    world.job._uow = flaky
    await world.open("acc-1", "1000")
    stop = asyncio.Event()
    runs: list[SnapshotRun] = []

    def on_run(run: SnapshotRun) -> None:
        runs.append(run)
        if len(runs) == 2:
            stop.set()

    # Act
    await asyncio.wait_for(world.job.run(time(21, 0), stop, on_run=on_run), timeout=5)

    # Assert
    assert runs[0].failed == {"*": "ConnectionError: database down"}
    assert [s.account_id for s in runs[1].taken] == ["acc-1"]


async def test_the_start_up_run_waits_its_delay(world: World) -> None:
    # Arrange
    await world.open("acc-1", "1000")
    stop = asyncio.Event()
    runs: list[datetime] = []

    def on_run(run: SnapshotRun) -> None:
        runs.append(world.clock.now())
        stop.set()

    # Act
    await asyncio.wait_for(
        world.job.run(time(21, 0), stop, start_delay_s=10, on_run=on_run), timeout=5
    )

    # Assert
    assert runs == [MONDAY + timedelta(seconds=10)]
