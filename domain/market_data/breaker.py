"""A circuit breaker over a count-based sliding window: CLOSED, OPEN, HALF_OPEN (pure; time in).

CLOSED: every call is allowed; each outcome goes into a window of the last `window_size`
calls (count-based, not time-based: a quiet provider keeps its last verdicts). Once the window
holds `minimum_calls`, the breaker opens when the failure rate or the slow-call rate reaches
its threshold (a call is slow when it took `slow_call_s` or longer).
OPEN: no call is allowed until `open_s` have passed since it opened; then HALF_OPEN.
HALF_OPEN: `half_open_calls` trial calls are allowed; once all of them are recorded, the
breaker closes (fresh window) when their failure and slow rates stay under the thresholds,
and reopens otherwise. A trial whose outcome never comes back (a cancelled call) would hold
its permit forever, so permits are handed out again after another `open_s`.
A manual `force_open` holds the breaker OPEN, without the timed move to HALF_OPEN, until
`reset`. Outcomes that arrive while OPEN (calls that started before it opened) are ignored.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

_HISTORY = 50  # transitions kept for the report


class BreakerState(StrEnum):
    """Whether calls go through (CLOSED), are refused (OPEN) or are being tried (HALF_OPEN)."""

    CLOSED = "closed"
    OPEN = "open"
    HALF_OPEN = "half_open"


@dataclass(frozen=True, slots=True)
class BreakerConfig:
    """Window, thresholds and timings of a breaker (rates are fractions in (0, 1])."""

    window_size: int = 20
    minimum_calls: int = 5
    failure_rate: float = 0.5
    slow_call_s: float = 1.0
    slow_rate: float = 0.8
    open_s: float = 30.0
    half_open_calls: int = 3

    def __post_init__(self) -> None:
        if self.window_size < 1 or self.half_open_calls < 1:
            raise ValueError("window_size and half_open_calls must be at least 1")
        if not 1 <= self.minimum_calls <= self.window_size:
            raise ValueError("minimum_calls must be between 1 and window_size")
        if not (0 < self.failure_rate <= 1 and 0 < self.slow_rate <= 1):
            raise ValueError("failure_rate and slow_rate must be in (0, 1]")
        if self.slow_call_s <= 0 or self.open_s <= 0:
            raise ValueError("slow_call_s and open_s must be positive")


@dataclass(frozen=True, slots=True)
class Transition:
    """One change of state, when it happened and why."""

    source: BreakerState
    target: BreakerState
    at: datetime
    reason: str


class _Window:
    """The last `size` outcomes (failed, slow) with running counts, so judging is O(1)."""

    __slots__ = ("_outcomes", "_size", "failed", "slow")

    def __init__(self, size: int) -> None:
        self._outcomes: deque[tuple[bool, bool]] = deque()
        self._size = size
        self.failed = 0
        self.slow = 0

    def __len__(self) -> int:
        return len(self._outcomes)

    def add(self, failed: bool, slow: bool) -> None:
        if len(self._outcomes) == self._size:
            old_failed, old_slow = self._outcomes.popleft()
            self.failed -= old_failed
            self.slow -= old_slow
        self._outcomes.append((failed, slow))
        self.failed += failed
        self.slow += slow

    def clear(self) -> None:
        self._outcomes.clear()
        self.failed = self.slow = 0

    def rates(self) -> tuple[float, float]:
        n = len(self._outcomes)
        return (0.0, 0.0) if n == 0 else (self.failed / n, self.slow / n)


class CircuitBreaker:
    """Decides whether a call may go to a provider, from the outcomes of its recent calls."""

    def __init__(self, config: BreakerConfig | None = None) -> None:
        self.config = config or BreakerConfig()
        self._state = BreakerState.CLOSED
        self._window = _Window(self.config.window_size)
        self._open_for = timedelta(seconds=self.config.open_s)
        self._since: datetime | None = None  # when the current OPEN or HALF_OPEN began
        self._forced = False
        self._permits = 0  # trial calls handed out in HALF_OPEN
        self._permits_at: datetime | None = None  # when the current permits were handed out
        self._trials = _Window(self.config.half_open_calls)
        self._transitions: deque[Transition] = deque(maxlen=_HISTORY)

    # -- reading --------------------------------------------------------------
    @property
    def state(self) -> BreakerState:
        """The state as of the last call; `state_at(now)` also applies the timed OPEN exit."""
        return self._state

    @property
    def forced(self) -> bool:
        return self._forced

    @property
    def since(self) -> datetime | None:
        return self._since

    @property
    def transitions(self) -> tuple[Transition, ...]:
        """The latest transitions, oldest first."""
        return tuple(self._transitions)

    @property
    def calls_in_window(self) -> int:
        return len(self._window)

    @property
    def failure_rate(self) -> float:
        """Failed share of the window (the window is kept, frozen, while OPEN or HALF_OPEN)."""
        return self._window.rates()[0]

    @property
    def slow_rate(self) -> float:
        return self._window.rates()[1]

    def state_at(self, now: datetime) -> BreakerState:
        """The state at `now`: an OPEN breaker whose wait is over moves to HALF_OPEN."""
        if (
            self._state is BreakerState.OPEN
            and not self._forced
            and self._since is not None
            and now >= self._since + self._open_for
        ):
            self._move(BreakerState.HALF_OPEN, now, "open duration elapsed")
        return self._state

    # -- deciding -------------------------------------------------------------
    def allow(self, now: datetime) -> bool:
        """Whether a call may start now; in HALF_OPEN each True takes one trial permit."""
        state = self.state_at(now)
        if state is BreakerState.CLOSED:
            return True
        if state is BreakerState.OPEN:
            return False
        if self._permits >= self.config.half_open_calls and self._stalled(now):
            self._permits = len(self._trials)  # give back permits whose outcome never came
            self._permits_at = now
        if self._permits < self.config.half_open_calls:
            self._permits += 1
            return True
        return False

    def record_success(self, duration_s: float, now: datetime) -> None:
        """A call answered after `duration_s` (slow when at least `slow_call_s`)."""
        self._record(False, duration_s >= self.config.slow_call_s, now)

    def record_failure(self, now: datetime, duration_s: float | None = None) -> None:
        """A call failed (error or timeout); with `duration_s` it may count as slow as well."""
        slow = duration_s is not None and duration_s >= self.config.slow_call_s
        self._record(True, slow, now)

    def release(self, now: datetime) -> None:
        """A call ended without a verdict on health (cancelled, not offered): in HALF_OPEN its
        trial permit goes back; otherwise nothing happens."""
        if self.state_at(now) is BreakerState.HALF_OPEN and self._permits > len(self._trials):
            self._permits -= 1

    # -- manual control -------------------------------------------------------
    def force_open(self, now: datetime, reason: str = "forced open") -> None:
        """Hold the breaker OPEN until `reset` (manual failover)."""
        self._forced = True
        if self._state is not BreakerState.OPEN:
            self._move(BreakerState.OPEN, now, reason)

    def reset(self, now: datetime, reason: str = "reset") -> None:
        """Back to CLOSED with an empty window, whatever the state (undoes `force_open`)."""
        self._forced = False
        self._window.clear()
        if self._state is not BreakerState.CLOSED:
            self._move(BreakerState.CLOSED, now, reason)

    # -- internals ------------------------------------------------------------
    def _record(self, failed: bool, slow: bool, now: datetime) -> None:
        state = self.state_at(now)
        if state is BreakerState.CLOSED:
            self._window.add(failed, slow)
            if len(self._window) >= self.config.minimum_calls:
                reason = self._verdict(*self._window.rates())
                if reason is not None:
                    self._move(BreakerState.OPEN, now, reason)
        elif state is BreakerState.HALF_OPEN and len(self._trials) < self._permits:
            self._trials.add(failed, slow)
            if len(self._trials) >= self.config.half_open_calls:
                reason = self._verdict(*self._trials.rates())
                if reason is None:
                    self._window.clear()
                    self._move(BreakerState.CLOSED, now, "trial calls succeeded")
                else:
                    self._move(BreakerState.OPEN, now, f"trial calls: {reason}")

    def _verdict(self, failure_rate: float, slow_rate: float) -> str | None:
        """Why the outcomes open the breaker, or None when they do not."""
        if failure_rate >= self.config.failure_rate:
            return f"failure rate {failure_rate:.0%} >= {self.config.failure_rate:.0%}"
        if slow_rate >= self.config.slow_rate:
            return f"slow-call rate {slow_rate:.0%} >= {self.config.slow_rate:.0%}"
        return None

    def _stalled(self, now: datetime) -> bool:
        started = self._permits_at or self._since
        return started is not None and now >= started + self._open_for

    def _move(self, target: BreakerState, now: datetime, reason: str) -> None:
        self._transitions.append(Transition(self._state, target, now, reason))
        self._state = target
        self._since = None if target is BreakerState.CLOSED else now
        self._permits = 0
        self._permits_at = None
        self._trials.clear()
