"""The kill switch while the store is down: it still halts here and cancels at the broker, from
what it remembers, and stores its record once the store is back
(application/safety/killswitch_memory.py, application/safety/killswitch_pending.py)."""

from __future__ import annotations

import asyncio
from types import TracebackType

import pytest

from adapters.memory.store import InMemoryUnitOfWork, unit_of_work_factory
from application.safety.killswitch import KillSwitchConfig, KillSwitchService
from application.trading.broker_router import BrokerRouter
from bootstrap.embedded import Embedded
from bootstrap.killswitch_wiring import wire_killswitch
from domain.errors import StoreUnavailable
from domain.killswitch.state import Scope, TradingState
from domain.killswitch.switch import ActivationLocked, KillSwitchEvent, WrongPasscode
from ports.core.events import AuditEntry, AuditLog
from tests.kit.desk import (
    ACCOUNT,
    BUY,
    OFFICER,
    OTHER_ACCOUNT,
    OWNER,
    PASSCODE,
    STRANGER,
    WRONG,
    halt,
    limit,
    set_passcodes,
)

SCOPE = Scope.account(ACCOUNT)


class _Unreachable:
    """A unit of work whose store cannot be reached (what the SQL store raises then)."""

    async def __aenter__(self) -> InMemoryUnitOfWork:
        raise StoreUnavailable("the database is unavailable")

    async def __aexit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        return None


class SwitchableStore:
    """The embedded store, and its audit log, which can be taken down and brought back."""

    def __init__(self, e: Embedded) -> None:
        self._open = unit_of_work_factory(e.store)
        self._audit = e.audit
        self.down = False

    def __call__(self) -> InMemoryUnitOfWork | _Unreachable:
        return _Unreachable() if self.down else self._open()

    async def record(self, entry: AuditEntry) -> None:
        if self.down:
            raise StoreUnavailable("the database is unavailable")
        await self._audit.record(entry)


def _kill_switch(
    e: Embedded, store: SwitchableStore, max_failures: int = 5, pending_retry: float | None = None
) -> KillSwitchService:
    audit: AuditLog = store  # type: ignore[assignment]  # record() is all the switch calls
    return wire_killswitch(
        KillSwitchService,
        store,  # type: ignore[arg-type]
        BrokerRouter({"paper": e.broker}),
        e.bus,
        e.hasher,
        e.clock,
        e.ids,
        audit,
        e.notifier,
        e.orders.latch,
        e.orders,
        KillSwitchConfig(pending_retry=pending_retry, max_failures=max_failures),
    )


@pytest.fixture
async def store(e: Embedded) -> SwitchableStore:
    """Two resting buy limits on ACCOUNT (OWNER's), one on OTHER_ACCOUNT."""
    await e.orders.submit(limit(BUY, 10, "95"))
    await e.orders.submit(limit(BUY, 20, "94"))
    await e.orders.submit(limit(BUY, 5, "93", principal=STRANGER, account_id=OTHER_ACCOUNT))
    return SwitchableStore(e)


async def _known(
    e: Embedded, store: SwitchableStore, max_failures: int = 5, pending_retry: float | None = None
) -> KillSwitchService:
    """A kill switch that read OWNER's and OFFICER's passcodes and the accounts while up."""
    ks = _kill_switch(e, store, max_failures, pending_retry)
    await ks.set_passcode(OWNER, PASSCODE)
    await ks.set_passcode(OFFICER, PASSCODE)
    await ks.remember(force=True)
    return ks


async def _halted_while_down(
    e: Embedded, store: SwitchableStore, pending_retry: float | None = None
) -> tuple[KillSwitchService, KillSwitchEvent]:
    """A known kill switch that halted SCOPE while the store was down: its record waits."""
    ks = await _known(e, store, pending_retry=pending_retry)
    store.down = True
    return ks, await ks.activate(halt(SCOPE))


async def test_activation_while_the_store_is_down_latches_and_cancels_at_the_broker(
    e: Embedded, store: SwitchableStore
) -> None:
    # Arrange
    ks = await _known(e, store)
    store.down = True

    # Act
    record = await ks.activate(halt(SCOPE))

    # Assert
    assert record.store_unavailable
    assert record.broker_confirmed  # the broker shows nothing open for the account
    assert record.orders_cancelled == 2
    assert [b.accounts for b in record.brokers] == [(ACCOUNT,)]
    assert await e.broker.open_orders(ACCOUNT) == []
    assert len(await e.broker.open_orders(OTHER_ACCOUNT)) == 1  # another scope: untouched
    assert SCOPE.key in e.orders.latch.halted_keys()  # nothing of the scope is sent from here
    assert ks.memory.pending() == 1


async def test_a_global_halt_while_the_store_is_down_cancels_every_remembered_account(
    e: Embedded, store: SwitchableStore
) -> None:
    # Arrange
    ks = await _known(e, store)
    store.down = True

    # Act
    record = await ks.activate(halt(Scope.global_(), principal=OFFICER))

    # Assert
    assert record.store_unavailable and record.broker_confirmed
    assert record.orders_cancelled == 3
    assert await e.broker.open_orders(ACCOUNT) == []
    assert await e.broker.open_orders(OTHER_ACCOUNT) == []


async def test_an_account_never_read_is_not_confirmed_while_the_store_is_down(
    e: Embedded, store: SwitchableStore
) -> None:
    # Arrange: the officer's passcode is known, no account was ever read
    ks = _kill_switch(e, store)
    await ks.set_passcode(OFFICER, PASSCODE)
    store.down = True

    # Act
    record = await ks.activate(halt(SCOPE, principal=OFFICER))

    # Assert: halted here, but nothing proves the broker holds nothing of it
    assert record.store_unavailable
    assert not record.broker_confirmed
    assert SCOPE.key in e.orders.latch.halted_keys()


async def test_wrong_passcodes_while_the_store_is_down_are_refused_and_counted(
    e: Embedded, store: SwitchableStore
) -> None:
    # Arrange
    ks = await _known(e, store, max_failures=2)
    store.down = True

    # Act
    for _ in range(2):
        with pytest.raises(WrongPasscode):
            await ks.activate(halt(SCOPE, passcode=WRONG))
    with pytest.raises(ActivationLocked):
        await ks.activate(halt(SCOPE))  # even the right one, once locked out

    # Assert
    assert SCOPE.key not in e.orders.latch.halted_keys()
    assert len(await e.broker.open_orders(ACCOUNT)) == 2
    assert ks.memory.pending() == 3  # the refusals' audit entries wait for the store


async def test_a_principal_whose_passcode_was_never_read_is_refused_503(
    e: Embedded, store: SwitchableStore
) -> None:
    # Arrange: OWNER's passcode was stored (by another process) after this one last read them
    ks = _kill_switch(e, store)
    await ks.remember(force=True)
    await set_passcodes(e, OWNER)
    store.down = True

    # Act
    with pytest.raises(StoreUnavailable, match="passcode"):
        await ks.activate(halt(SCOPE))

    # Assert
    assert SCOPE.key not in e.orders.latch.halted_keys()
    assert len(await e.broker.open_orders(ACCOUNT)) == 2


async def test_passcodes_stored_before_the_last_read_are_checked_from_memory(
    e: Embedded, store: SwitchableStore
) -> None:
    # Arrange: OWNER's passcode stored by another process, then read with the accounts
    await set_passcodes(e, OWNER)
    ks = _kill_switch(e, store)
    await ks.remember(force=True)
    store.down = True

    # Act
    record = await ks.activate(halt(SCOPE))

    # Assert
    assert record.store_unavailable and record.broker_confirmed
    assert await e.broker.open_orders(ACCOUNT) == []


async def test_once_the_store_is_back_halted_and_the_record_are_stored_once(
    e: Embedded, store: SwitchableStore
) -> None:
    # Arrange
    ks, record = await _halted_while_down(e, store)
    sent_before = len(e.notifier.sent)
    store.down = False

    # Act
    first = await ks.store_pending()
    second = await ks.store_pending()

    # Assert
    assert (first, second) == (1, 0)
    assert await ks.events() == [record]
    [state] = await ks.status()
    assert (state.scope, state.state, state.changed_by) == (SCOPE, TradingState.HALTED, OWNER.id)
    activations = [
        x for x in await e.audit.entries(SCOPE.key) if x.action == "kill_switch.activate"
    ]
    assert [x.outcome for x in activations] == ["confirmed"]
    assert len(e.notifier.sent) == sent_before + 1
    assert ks.memory.pending() == 0


async def test_a_record_is_put_back_while_the_store_is_still_down(
    e: Embedded, store: SwitchableStore
) -> None:
    # Arrange
    ks, _ = await _halted_while_down(e, store)

    # Act
    with pytest.raises(StoreUnavailable):
        await ks.store_pending()

    # Assert
    assert ks.memory.pending() == 1


async def test_the_retry_loop_stores_the_record_when_the_store_returns(
    e: Embedded, store: SwitchableStore
) -> None:
    # Arrange
    ks, record = await _halted_while_down(e, store, pending_retry=0.01)

    # Act
    store.down = False
    for _ in range(200):
        if not ks.memory.pending():
            break
        await asyncio.sleep(0.01)

    # Assert
    assert ks.memory.pending() == 0
    assert await ks.events() == [record]


async def test_the_next_status_read_stores_what_waits_once_the_store_is_back(
    e: Embedded, store: SwitchableStore
) -> None:
    # Arrange
    ks, record = await _halted_while_down(e, store)
    store.down = False

    # Act
    [state] = await ks.status()

    # Assert
    assert state.state is TradingState.HALTED
    assert await ks.events() == [record]
    assert ks.memory.pending() == 0


async def test_a_record_the_store_already_holds_is_not_stored_again(
    e: Embedded, store: SwitchableStore
) -> None:
    # Arrange: stored, then kept again (as when its unit of work committed but an error followed)
    ks, record = await _halted_while_down(e, store)
    store.down = False
    await ks.store_pending()
    ks.memory.keep_record(record)

    # Act
    stored = await ks.store_pending()

    # Assert
    assert stored == 0
    assert await ks.events() == [record]
