"""Faults in the store: a failed or abandoned unit of work keeps nothing and harms no later one."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.engine import make_url
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncConnection

from adapters.postgres.engine import make_engine
from adapters.postgres.outbox import OutboxWriter
from adapters.postgres.tables.outbox import outbox
from adapters.postgres.uow import SqlUnitOfWork
from domain.errors import ConcurrentUpdate, StoreUnavailable
from domain.killswitch.state import Scope
from domain.killswitch.switch import KillSwitchEvent, TriggerType
from domain.trading.accounts import Account
from domain.trading.orders import Order, OrderStatus, Origin, OriginKind, Side
from tests.integration.servers import free_port
from tests.integration.store.conftest import StoreUnderTest

T0 = datetime(2026, 3, 2, 14, 30, tzinfo=UTC)
D = Decimal
Work = Callable[[Any], Awaitable[None]]
NO_UNIQUE_INDEXES = "the in-memory store enforces no unique indexes, so its commit cannot fail"
NO_OUTBOX = "the in-memory store has no outbox and no transaction"


class OutboxWriteFailed(Exception):
    """Raised by the outbox writer below, after its rows are written."""


class FailingOutboxWriter(OutboxWriter):
    """Writes the events, then fails: the last step of a commit goes wrong."""

    async def insert(self, conn: AsyncConnection, rows: list[dict[str, Any]]) -> None:
        await super().insert(conn, rows)
        raise OutboxWriteFailed


def _sql_only(store: StoreUnderTest, reason: str = NO_UNIQUE_INDEXES) -> None:
    if store.kind == "memory":
        pytest.skip(reason)


def _account(account_id: str, cash: str = "1000") -> Account:
    amount = D(cash)
    return Account(account_id, "u-1", amount, start_of_day_equity=amount, peak_equity=amount)


def _order(order_id: str, account_id: str, client_order_id: str) -> Order:
    return Order(
        id=order_id,
        client_order_id=client_order_id,
        account_id=account_id,
        symbol="AAPL",
        side=Side.BUY,
        quantity=D("10"),
        origin=Origin(OriginKind.USER, "u-1"),
        created_at=T0,
    )


def _denied(order_id: str, account_id: str, client_order_id: str) -> Order:
    """An order with a pending OrderDenied event, so its commit writes the outbox."""
    order = _order(order_id, account_id, client_order_id)
    order.deny(("MAX_QTY",))
    return order


def _kill_switch_event(event_id: str, account_id: str) -> KillSwitchEvent:
    return KillSwitchEvent(
        id=event_id,
        user_id="u-1",
        trigger_type=TriggerType.MANUAL,
        scope=Scope.account(account_id),
        reason="stop",
        flatten=False,
        orders_cancelled=0,
        broker_confirmed=True,
        brokers=(),
        triggered_at=T0,
        halted_at=T0 + timedelta(milliseconds=2),
        broadcast_at=T0 + timedelta(milliseconds=3),
        cancel_sent_at=None,
        confirmed_at=None,
        elapsed_ms=1.5,
    )


async def _seed(store: StoreUnderTest) -> None:
    """acc-1 with cash 1000, its order ord-1 (client id cl-1), and kill-switch event ks-1."""
    async with store.uow() as uow:
        await uow.accounts.add(_account("acc-1"))
        await uow.orders.add(_order("ord-1", "acc-1", "cl-1"))
        await uow.kill_switch_events.add(_kill_switch_event("ks-1", "acc-1"))
        await uow.commit()


async def _outbox_rows(store: StoreUnderTest) -> int:
    async with store.engine.connect() as conn:
        return int((await conn.execute(select(func.count()).select_from(outbox))).scalar_one())


async def _what_is_stored(store: StoreUnderTest) -> dict[str, Any]:
    async with store.uow() as uow:
        acc_1 = await uow.accounts.get("acc-1")
        return {
            "accounts": [a.id for a in await uow.accounts.list()],
            "orders": sorted(o.id for o in await uow.orders.list()),
            "kill_switch_events": [e.id for e in await uow.kill_switch_events.list()],
            "acc-1": None if acc_1 is None else (acc_1.cash, acc_1.version),
        }


SEEDED = {
    "accounts": ["acc-1"],
    "orders": ["ord-1"],
    "kill_switch_events": ["ks-1"],
    "acc-1": (D("1000"), 0),
}


async def _commit(uow: Any, work: Work) -> None:
    """Do `work` in the unit of work `uow`, then commit (unless the work raised first)."""
    async with uow:
        await work(uow)
        await uow.commit()


async def _add_acc_2_with_an_order_and_a_kill_switch_event(uow: Any) -> None:
    await uow.accounts.add(_account("acc-2"))
    await uow.orders.add(_denied("ord-2", "acc-2", "cl-2"))
    await uow.kill_switch_events.add(_kill_switch_event("ks-2", "acc-2"))


async def _read_acc_1(uow: Any) -> None:
    await uow.accounts.get("acc-1")


async def test_a_commit_that_fails_half_way_leaves_nothing_behind(store: StoreUnderTest) -> None:
    _sql_only(store)
    await _seed(store)
    outbox_before = await _outbox_rows(store)

    async def work(uow: Any) -> None:
        await _add_acc_2_with_an_order_and_a_kill_switch_event(uow)
        # (account_id, client_order_id) is unique: this insert fails after the ones above.
        await uow.orders.add(_denied("ord-3", "acc-1", "cl-1"))

    # A violation at commit reads as a concurrent writer (the use case retries, then 409).
    with pytest.raises(ConcurrentUpdate) as raised:
        await _commit(store.uow(), work)

    assert isinstance(raised.value.__cause__, IntegrityError)
    assert await _what_is_stored(store) == SEEDED
    assert await _outbox_rows(store) == outbox_before


async def test_a_failure_after_the_outbox_write_rolls_back_rows_and_events(
    store: StoreUnderTest,
) -> None:
    _sql_only(store, NO_OUTBOX)
    await _seed(store)
    outbox_before = await _outbox_rows(store)
    uow = SqlUnitOfWork(store.engine, FailingOutboxWriter())

    with pytest.raises(OutboxWriteFailed):
        await _commit(uow, _add_acc_2_with_an_order_and_a_kill_switch_event)

    assert await _what_is_stored(store) == SEEDED
    assert await _outbox_rows(store) == outbox_before


async def test_a_failing_staged_write_rolls_back_the_tracked_writes_too(
    store: StoreUnderTest,
) -> None:
    _sql_only(store)
    await _seed(store)

    async def work(uow: Any) -> None:
        loaded = await uow.accounts.get("acc-1")
        loaded.cash = D("1")  # a tracked update, written first at commit
        await uow.accounts.add(_account("acc-2"))  # a tracked insert
        await uow.kill_switch_events.add(_kill_switch_event("ks-1", "acc-1"))  # id taken

    # A violation at commit reads as a concurrent writer (the use case retries, then 409).
    with pytest.raises(ConcurrentUpdate) as raised:
        await _commit(store.uow(), work)

    assert isinstance(raised.value.__cause__, IntegrityError)
    assert await _what_is_stored(store) == SEEDED


async def test_an_error_before_commit_keeps_nothing_it_added(store: StoreUnderTest) -> None:
    await _seed(store)

    async def work(uow: Any) -> None:
        await _add_acc_2_with_an_order_and_a_kill_switch_event(uow)
        raise RuntimeError("the caller failed")

    with pytest.raises(RuntimeError, match="the caller failed"):
        await _commit(store.uow(), work)

    assert await _what_is_stored(store) == SEEDED
    if store.engine is not None:
        assert await _outbox_rows(store) == 0


async def test_an_error_before_commit_discards_changes_to_loaded_aggregates(
    store: StoreUnderTest,
) -> None:
    if store.kind == "memory":
        pytest.skip("the in-memory store hands out its stored objects themselves (its docstring)")
    await _seed(store)

    async def work(uow: Any) -> None:
        (await uow.accounts.get("acc-1")).cash = D("1")
        (await uow.orders.get("ord-1")).deny(("MAX_QTY",))
        raise RuntimeError("the caller failed")

    with pytest.raises(RuntimeError, match="the caller failed"):
        await _commit(store.uow(), work)

    async with store.uow() as uow:
        order = await uow.orders.get("ord-1")
    assert await _what_is_stored(store) == SEEDED
    assert order is not None
    assert order.status is OrderStatus.NEW
    assert await _outbox_rows(store) == 0


async def test_after_a_failed_commit_the_next_unit_of_work_works(store: StoreUnderTest) -> None:
    _sql_only(store)
    await _seed(store)

    async def duplicate(uow: Any) -> None:
        await uow.orders.add(_order("ord-2", "acc-1", "cl-1"))

    async def update_and_add(uow: Any) -> None:
        (await uow.accounts.get("acc-1")).cash = D("900")
        await uow.orders.add(_order("ord-2", "acc-1", "cl-2"))

    with pytest.raises(ConcurrentUpdate):
        await _commit(store.uow(), duplicate)
    # The failed unit of work gave its connection back to the pool.
    assert store.engine.pool.checkedout() == 0

    await _commit(store.uow(), update_and_add)

    stored = await _what_is_stored(store)
    assert stored["orders"] == ["ord-1", "ord-2"]
    assert stored["acc-1"] == (D("900"), 1)
    assert store.engine.pool.checkedout() == 0


# -- a database that cannot be reached ------------------------------------------------------


def _missing_sqlite_file(tmp_path: Path) -> str:
    return f"sqlite+aiosqlite:///{tmp_path / 'gone' / 'bulwark.db'}"


def _postgres_without_a_server(tmp_path: Path) -> str:
    return f"postgresql+asyncpg://bulwark:secret@127.0.0.1:{free_port()}/bulwark"


@pytest.mark.parametrize(
    "unreachable",
    [
        pytest.param(_missing_sqlite_file, id="sqlite-missing-folder"),
        pytest.param(_postgres_without_a_server, id="postgres-nothing-listening"),
    ],
)
async def test_an_unreachable_database_raises_store_unavailable(
    unreachable: Callable[[Path], str], tmp_path: Path
) -> None:
    async def add_acc_1(uow: Any) -> None:
        await uow.accounts.add(_account("acc-1"))

    engine = make_engine(unreachable(tmp_path))
    try:
        with pytest.raises(StoreUnavailable):
            await _commit(SqlUnitOfWork(engine), _read_acc_1)
        with pytest.raises(StoreUnavailable):
            await _commit(SqlUnitOfWork(engine), add_acc_1)
    finally:
        await engine.dispose()


async def test_a_missing_postgres_database_raises_store_unavailable(
    postgres_admin_url: str,
) -> None:
    url = make_url(postgres_admin_url).set(database="bulwark_no_such_database")
    engine = make_engine(url.render_as_string(hide_password=False))
    raised: Exception | None = None
    try:
        await _commit(SqlUnitOfWork(engine), _read_acc_1)
    except Exception as exc:  # whatever it is, the assertion below names it
        raised = exc
    finally:
        await engine.dispose()

    assert isinstance(raised, StoreUnavailable), repr(raised)
