"""Property: over any interleaving of state changes (heard or not, some landing while a read is
in flight), channel drops and reads, the cached effective state is never less restrictive than
every state the store held within the bound before the read, nor than a change heard since."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from dataclasses import dataclass, field

from hypothesis import given, settings
from hypothesis import strategies as st

from adapters.memory.clock import FakeClock
from application.trading.trading_state import effective_state
from application.trading.trading_state_cache import TradingStateCache
from domain.killswitch.state import Scope, TradingState
from domain.killswitch.switch import ScopeState, TradingStateChanged
from domain.trading.orders import Origin, OriginKind

MAX_AGE = 0.25
GLOBAL, ACC_A, ACC_B, AGENT = "global:*", "account:a", "account:b", "agent:x"
KEYS = (GLOBAL, ACC_A, ACC_B, AGENT)
# The orders' scope sets: (account, origin) -> global, the account, the agent if one sent it.
ORDERS = (
    ("a", Origin(OriginKind.USER, "u")),
    ("b", Origin(OriginKind.USER, "u")),
    ("a", Origin(OriginKind.AGENT, "x")),
)
STATES = st.sampled_from(list(TradingState))


@dataclass(frozen=True)
class Change:
    key: str
    state: TradingState
    heard: bool  # the change message reaches this process (else it is lost)


@dataclass(frozen=True)
class Read:
    order: int
    racing: Change | None = None  # committed while the read is in flight, after its snapshot


@dataclass(frozen=True)
class Advance:
    seconds: float


@dataclass(frozen=True)
class ChannelUp:
    live: bool


changes = st.builds(Change, st.sampled_from(KEYS), STATES, st.booleans())
reads = st.builds(Read, st.integers(0, len(ORDERS) - 1), st.none() | changes)
advances = st.builds(Advance, st.sampled_from([0.0, 0.1, 0.2, MAX_AGE, 0.3]) | st.floats(0, 0.4))
# Changes, reads and the passing of time come often; the channel's drops now and then.
steps = st.lists(
    st.one_of(
        changes, reads, advances, changes, reads, advances, st.builds(ChannelUp, st.booleans())
    ),
    max_size=40,
)


@dataclass
class Store:
    """The shared store's states, and every version of them with the time it was written."""

    clock: FakeClock
    cache: TradingStateCache
    states: dict[str, TradingState] = field(default_factory=dict)
    history: list[tuple[float, dict[str, TradingState]]] = field(default_factory=list)
    heard: dict[str, int] = field(default_factory=dict)  # the version each key was last heard at
    racing: Change | None = None

    def __post_init__(self) -> None:
        self.history.append((self.clock.monotonic(), {}))

    async def apply(self, change: Change) -> None:
        self.states[change.key] = change.state
        self.history.append((self.clock.monotonic(), dict(self.states)))
        if change.heard:
            self.heard[change.key] = len(self.history) - 1
            await self.cache.heard(TradingStateChanged(change.key, "", change.state, "p", "r"))

    async def get_many(self, keys: Sequence[str]) -> list[ScopeState | None]:
        snapshot = [
            None if (s := self.states.get(k)) is None else ScopeState(Scope.parse(k), s)
            for k in keys
        ]
        if self.racing is not None:
            racing, self.racing = self.racing, None
            await self.apply(racing)
        return snapshot

    def least_restrictive_within_bound(self, keys: Sequence[str], now: float) -> int:
        """The severity a read starting now must reach at least.

        Each scope's entry was read at most MAX_AGE ago, and after the last change of it that
        this process heard: so it is one of the scope's versions since the later of those two
        moments (the version current at the first included). The order's state is the
        strictest of its scopes'."""
        start = now - MAX_AGE
        first = max([i for i, (at, _) in enumerate(self.history) if at <= start], default=0)
        least = 0
        for key in keys:
            since = max(first, self.heard.get(key, 0))
            versions = self.history[since:]
            least = max(least, min(v[key].severity if key in v else 0 for _, v in versions))
        return least


class Uow:
    def __init__(self, store: Store) -> None:
        self.trading_states = store


async def run(script: list[object]) -> None:
    clock = FakeClock()
    cache = TradingStateCache(clock, MAX_AGE)
    store = Store(clock, cache)
    for step in script:
        match step:
            case Change():
                await store.apply(step)
            case Advance(seconds):
                clock.advance(seconds)
            case ChannelUp(live):
                cache.channel_live() if live else cache.channel_lost()
            case Read(order, racing):
                account, origin = ORDERS[order]
                keys = [GLOBAL, f"account:{account}"] + (["agent:x"] if origin.id == "x" else [])
                now = clock.monotonic()
                least = store.least_restrictive_within_bound(keys, now)  # before any race
                store.racing = racing
                ticket = cache.ticket()
                uow = Uow(store)
                state = await effective_state(uow, account, origin, None, cache, ticket)  # type: ignore[arg-type]
                assert state is not None
                assert state.severity >= least, f"{state} read at {now}: {store.history}"


@settings(max_examples=400)
@given(steps)
def test_the_cached_state_is_never_looser_than_the_store_within_the_bound(
    script: list[object],
) -> None:
    asyncio.run(run(script))


def test_the_oracle_demands_a_halt_held_for_the_whole_bound() -> None:
    # Arrange: halted, then a bound and more passes
    async def halted_for(seconds: float) -> int:
        clock = FakeClock()
        store = Store(clock, TradingStateCache(clock, MAX_AGE))
        await store.apply(Change(ACC_A, TradingState.HALTED, heard=False))
        clock.advance(seconds)
        return store.least_restrictive_within_bound([GLOBAL, ACC_A], clock.monotonic())

    # Act
    within, beyond = asyncio.run(halted_for(MAX_AGE / 2)), asyncio.run(halted_for(MAX_AGE))

    # Assert: within the bound an ACTIVE read may stand; past it only HALTED
    assert (within, beyond) == (0, 2)
