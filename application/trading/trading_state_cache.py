"""The scopes' trading states the order path reads, kept for a bounded time and evicted on change.

The kill switch's state is the order path's most safety-critical read, so the cache never
weakens it:

- Every entry is at most `max_age` seconds old, counted from before the unit of work that read
  it began (so a transaction's older snapshot cannot make it look younger). That is the bound:
  a change made by any process sharing the store is seen here within `max_age`, whatever
  happens to the invalidation channel. A halt made in this process binds at once through the
  halt latch (application/trading/halts.py), which the order path asks before the cache.
- A change heard (`changed`, `heard`: this process's events, or another instance's through the
  cluster's broadcast) evicts the scope at once, and a read that began before it does not
  store what it read (a generation count), so a halt is usually seen within the broadcast's
  latency, and never later than `max_age`.
- Where an invalidation channel is wired (several instances over Redis), the cache is used
  only while the channel is live: between `channel_lost` and `channel_live` every read goes
  to the store, as without a cache. Without a channel the bound alone holds.
- A read that fails raises and stores nothing: the caller fails closed. `max_age` 0 turns the
  cache off (every read goes to the store).

Loosening (a resume) may take up to `max_age` to be seen elsewhere; tightening never longer.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import Enum

from domain.events import DomainEvent
from domain.killswitch.state import TradingState
from domain.killswitch.switch import EmergencyHalt, ScopeState, TradingStateChanged
from ports.core.clock import Clock
from ports.core.repositories import TradingStateRepository

MAX_ENTRIES = 65_536


@dataclass(frozen=True, slots=True)
class SeenState:
    """One scope's stored state and when it last changed (a copy: nothing shared with a store)."""

    state: TradingState
    changed_at: datetime | None


@dataclass(frozen=True, slots=True)
class Ticket:
    """Taken before a unit of work reads anything: what its reads may be stored as."""

    generation: int
    at: float


class Channel(Enum):
    """Whether changes made elsewhere are heard: no channel, wired but not live, or live."""

    NONE = "none"
    DOWN = "down"
    LIVE = "live"


def seen(state: ScopeState | None) -> SeenState | None:
    """The copy of a stored state that the cache keeps (None: no row, the scope is ACTIVE)."""
    return None if state is None else SeenState(state.state, state.changed_at)


class TradingStateCache:
    """Trading states per scope key, each at most `max_age_seconds` old; see the module doc."""

    def __init__(
        self, clock: Clock, max_age_seconds: float, *, max_entries: int = MAX_ENTRIES
    ) -> None:
        if max_age_seconds < 0:
            raise ValueError("max_age_seconds must be >= 0")
        self.max_age = max_age_seconds
        self._clock = clock
        self._max_entries = max_entries
        self._entries: dict[str, tuple[float, SeenState | None]] = {}
        self._generation = 0
        self.channel = Channel.NONE
        self.hits = 0
        self.misses = 0  # reads that went to the store, the cache being on or not

    @property
    def trusted(self) -> bool:
        """Whether entries may answer reads now (on, and no wired channel is down)."""
        return self.max_age > 0 and self.channel is not Channel.DOWN

    def fresh(self, at: float) -> bool:
        """Whether a read stamped `at` (a ticket's time) may still answer now: the same bound
        and channel rule as the entries', for other shared reads of the order path (the rules'
        revision: application/trading/policies.py)."""
        return self.trusted and self._clock.monotonic() - at < self.max_age

    def ticket(self) -> Ticket:
        """Take before the unit of work that will read begins."""
        return Ticket(self._generation, self._clock.monotonic())

    async def read(
        self, repo: TradingStateRepository, keys: Sequence[str], ticket: Ticket
    ) -> list[SeenState | None]:
        """The state of each key, in order, from entries younger than `max_age` or the store.

        Raises what the store raises (nothing is stored then)."""
        if self.trusted:
            now = self._clock.monotonic()
            found: list[SeenState | None] = []
            for key in keys:
                entry = self._entries.get(key)
                if entry is None or now - entry[0] >= self.max_age:
                    break
                found.append(entry[1])
            else:
                self.hits += 1
                return found
        self.misses += 1
        states = [seen(state) for state in await repo.get_many(keys)]
        if self.trusted and ticket.generation == self._generation:
            if len(self._entries) + len(keys) > self._max_entries:
                self._entries.clear()
            for key, state in zip(keys, states, strict=True):
                self._entries[key] = (ticket.at, state)
        return states

    # -- invalidation ----------------------------------------------------------------
    def changed(self, scope_key: str) -> None:
        """The scope's state changed (or may have): read it from the store next time."""
        self._generation += 1
        self._entries.pop(scope_key, None)

    def clear(self) -> None:
        """Forget every entry, and what reads in flight would store."""
        self._generation += 1
        self._entries.clear()

    async def heard(self, event: DomainEvent) -> None:
        """An event handler: a trading-state change or an emergency halt evicts its scope."""
        if isinstance(event, TradingStateChanged | EmergencyHalt):
            self.changed(event.scope_key)

    def channel_lost(self) -> None:
        """The wired channel is not live (not yet connected, or lost): read the store each time."""
        self.channel = Channel.DOWN
        self.clear()

    def channel_live(self) -> None:
        """The channel is live again: changes published from now on are heard."""
        self.clear()  # changes made while it was down were not heard
        self.channel = Channel.LIVE
