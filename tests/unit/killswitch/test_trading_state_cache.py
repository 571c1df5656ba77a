"""The order path's cache of trading states: hits, expiry at the bound, eviction on a change,
the store read every time while the channel is down, errors never kept, the latch first."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from datetime import UTC, datetime

import pytest

from adapters.memory.clock import FakeClock
from adapters.memory.store import InMemoryStore, InMemoryUnitOfWork
from application.trading.halts import HaltLatch
from application.trading.trading_state import effective_state
from application.trading.trading_state_cache import Channel, TradingStateCache
from domain.killswitch.state import Scope, TradingState
from domain.killswitch.switch import EmergencyHalt, ScopeState, TradingStateChanged
from domain.trading.orders import Origin, OriginKind

MAX_AGE = 0.25
USER = Origin(OriginKind.USER, "u-1")
ACCOUNT_KEY = Scope.account("acc-1").key
KEYS = (Scope.global_().key, ACCOUNT_KEY)
START = datetime(2026, 1, 5, 14, 30, tzinfo=UTC)


class CountingStore:
    """A unit of work's trading-state repository over an in-memory store, counted and breakable."""

    def __init__(self) -> None:
        self.store = InMemoryStore()
        self.reads = 0
        self.broken = False

    def set(self, key: str, state: TradingState, at: datetime = START) -> None:
        self.store.trading_states[key] = ScopeState(Scope.parse(key), state, "test", "ops", at)

    async def get_many(self, scope_keys: Sequence[str]) -> list[ScopeState | None]:
        self.reads += 1
        if self.broken:
            raise ConnectionError("store down")
        return await InMemoryUnitOfWork(self.store).trading_states.get_many(scope_keys)


class Uow:
    """Just what `effective_state` reads of a unit of work."""

    def __init__(self, repo: CountingStore) -> None:
        self.trading_states = repo


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(START)


@pytest.fixture
def repo() -> CountingStore:
    return CountingStore()


@pytest.fixture
def cache(clock: FakeClock) -> TradingStateCache:
    return TradingStateCache(clock, MAX_AGE)


async def state_of(
    repo: CountingStore, cache: TradingStateCache | None, latch: HaltLatch | None = None
) -> TradingState | None:
    ticket = cache.ticket() if cache is not None else None
    return await effective_state(Uow(repo), "acc-1", USER, latch, cache, ticket)  # type: ignore[arg-type]


async def test_a_second_read_within_the_bound_is_answered_from_the_cache(
    repo: CountingStore, cache: TradingStateCache, clock: FakeClock
) -> None:
    # Arrange
    repo.set(ACCOUNT_KEY, TradingState.REDUCING)
    first = await state_of(repo, cache)
    clock.advance(MAX_AGE * 0.9)

    # Act
    second = await state_of(repo, cache)

    # Assert
    assert first is second is TradingState.REDUCING
    assert repo.reads == 1
    assert (cache.hits, cache.misses) == (1, 1)


async def test_an_entry_as_old_as_the_bound_is_read_again(
    repo: CountingStore, cache: TradingStateCache, clock: FakeClock
) -> None:
    # Arrange: cached ACTIVE, then halted in the store by someone this process never heard
    await state_of(repo, cache)
    repo.set(ACCOUNT_KEY, TradingState.HALTED)
    clock.advance(MAX_AGE)

    # Act
    state = await state_of(repo, cache)

    # Assert
    assert state is TradingState.HALTED
    assert repo.reads == 2


async def test_the_age_counts_from_before_the_unit_of_work_began(
    repo: CountingStore, cache: TradingStateCache, clock: FakeClock
) -> None:
    # Arrange: a ticket taken, then a long wait (the account's lock) before the read
    ticket = cache.ticket()
    clock.advance(MAX_AGE * 0.6)
    await cache.read(repo, KEYS, ticket)  # type: ignore[arg-type]
    clock.advance(MAX_AGE * 0.5)

    # Act
    await cache.read(repo, KEYS, cache.ticket())  # type: ignore[arg-type]

    # Assert: 1.1 bounds since the ticket: expired, although 0.5 since the read
    assert repo.reads == 2


@pytest.mark.parametrize(
    "event",
    [
        TradingStateChanged(ACCOUNT_KEY, "active", "halted", "ops", "test"),
        EmergencyHalt(ACCOUNT_KEY, "manual", "ops", "test"),
    ],
    ids=["state-changed", "emergency-halt"],
)
async def test_a_change_heard_evicts_the_scope_at_once(
    repo: CountingStore, cache: TradingStateCache, event: TradingStateChanged | EmergencyHalt
) -> None:
    # Arrange
    await state_of(repo, cache)
    repo.set(ACCOUNT_KEY, TradingState.HALTED)

    # Act: no time passes
    await cache.heard(event)
    state = await state_of(repo, cache)

    # Assert
    assert state is TradingState.HALTED
    assert repo.reads == 2


async def test_a_change_of_another_scope_keeps_the_entries(
    repo: CountingStore, cache: TradingStateCache
) -> None:
    # Arrange
    await state_of(repo, cache)

    # Act
    await cache.heard(EmergencyHalt(Scope.account("acc-2").key, "manual", "ops", "test"))
    await state_of(repo, cache)

    # Assert
    assert repo.reads == 1


async def test_a_read_in_flight_when_a_change_is_heard_is_not_kept(
    repo: CountingStore, cache: TradingStateCache
) -> None:
    # Arrange: the read's snapshot is from before the halt; the halt is heard while it runs
    release = asyncio.Event()
    read_many = repo.get_many

    async def slow_read(scope_keys: Sequence[str]) -> list[ScopeState | None]:
        states = await read_many(scope_keys)
        await release.wait()
        return states

    repo.get_many = slow_read  # type: ignore[method-assign]
    in_flight = asyncio.create_task(state_of(repo, cache))
    await asyncio.sleep(0)
    repo.set(ACCOUNT_KEY, TradingState.HALTED)
    await cache.heard(EmergencyHalt(ACCOUNT_KEY, "manual", "ops", "test"))
    release.set()
    stale = await in_flight
    repo.get_many = read_many  # type: ignore[method-assign]

    # Act
    state = await state_of(repo, cache)

    # Assert
    assert stale is TradingState.ACTIVE  # what that batch saw, before the halt
    assert state is TradingState.HALTED
    assert repo.reads == 2


async def test_while_the_channel_is_down_every_read_goes_to_the_store(
    repo: CountingStore, cache: TradingStateCache
) -> None:
    # Arrange
    await state_of(repo, cache)
    cache.channel_lost()

    # Act
    for _ in range(3):
        await state_of(repo, cache)

    # Assert
    assert cache.channel is Channel.DOWN
    assert repo.reads == 4
    assert cache.hits == 0


async def test_once_the_channel_is_live_again_it_caches_from_fresh_reads(
    repo: CountingStore, cache: TradingStateCache
) -> None:
    # Arrange: cached, channel lost, a halt made meanwhile, channel back
    await state_of(repo, cache)
    cache.channel_lost()
    repo.set(ACCOUNT_KEY, TradingState.HALTED)
    cache.channel_live()

    # Act
    first = await state_of(repo, cache)
    second = await state_of(repo, cache)

    # Assert
    assert first is second is TradingState.HALTED
    assert repo.reads == 2


async def test_a_store_error_fails_closed_and_is_not_cached(
    repo: CountingStore, cache: TradingStateCache
) -> None:
    # Arrange
    repo.broken = True
    failed = await state_of(repo, cache)
    repo.broken = False

    # Act
    state = await state_of(repo, cache)

    # Assert
    assert failed is None  # the gate denies with an unknown state
    assert state is TradingState.ACTIVE
    assert repo.reads == 2


async def test_a_store_error_after_entries_expired_still_fails_closed(
    repo: CountingStore, cache: TradingStateCache, clock: FakeClock
) -> None:
    # Arrange
    await state_of(repo, cache)
    clock.advance(MAX_AGE)
    repo.broken = True

    # Act
    state = await state_of(repo, cache)

    # Assert
    assert state is None


async def test_a_halt_latched_here_binds_before_the_cache(
    repo: CountingStore, cache: TradingStateCache
) -> None:
    # Arrange: ACTIVE cached; this process's kill switch latches the account
    latch = HaltLatch()
    await state_of(repo, cache, latch)
    latch.halt(ACCOUNT_KEY, START)

    # Act
    state = await state_of(repo, cache, latch)

    # Assert
    assert state is TradingState.HALTED
    assert repo.reads == 1


async def test_a_resume_elsewhere_releases_the_latch_once_the_entry_expires(
    repo: CountingStore, cache: TradingStateCache, clock: FakeClock
) -> None:
    # Arrange: latched and HALTED cached; then resumed by another process after the latch
    latch = HaltLatch()
    latch.halt(ACCOUNT_KEY, START)
    repo.set(ACCOUNT_KEY, TradingState.HALTED, START)
    await state_of(repo, cache, latch)
    clock.advance(MAX_AGE)
    repo.set(ACCOUNT_KEY, TradingState.ACTIVE, clock.now())

    # Act
    state = await state_of(repo, cache, latch)

    # Assert: loosening takes up to the bound
    assert state is TradingState.ACTIVE
    assert latch.halted_keys() == frozenset()


async def test_a_bound_of_zero_reads_the_store_every_time(
    repo: CountingStore, clock: FakeClock
) -> None:
    # Arrange
    cache = TradingStateCache(clock, 0)

    # Act
    for _ in range(3):
        await state_of(repo, cache)

    # Assert
    assert repo.reads == 3
    assert not cache.trusted


async def test_the_cache_holds_copies_not_the_stores_objects(
    repo: CountingStore, cache: TradingStateCache
) -> None:
    # Arrange: the store's object is changed in place after the read
    repo.set(ACCOUNT_KEY, TradingState.HALTED)
    await state_of(repo, cache)
    repo.store.trading_states[ACCOUNT_KEY].state = TradingState.ACTIVE

    # Act
    state = await state_of(repo, cache)

    # Assert
    assert state is TradingState.HALTED


def test_a_negative_bound_is_refused(clock: FakeClock) -> None:
    with pytest.raises(ValueError, match="max_age"):
        TradingStateCache(clock, -1)
