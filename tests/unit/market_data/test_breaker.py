"""Circuit breaker: every transition on a fake timeline, and its invariants under random use."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule

from domain.market_data.breaker import BreakerConfig, BreakerState, CircuitBreaker

T0 = datetime(2026, 1, 5, 14, 30, tzinfo=UTC)
CLOSED, OPEN, HALF_OPEN = BreakerState.CLOSED, BreakerState.OPEN, BreakerState.HALF_OPEN


def at(seconds: float) -> datetime:
    return T0 + timedelta(seconds=seconds)


def breaker(**overrides: float) -> CircuitBreaker:
    """Window 10, judged from 4 calls, 50% failures or 50% slow (>= 1 s), open 30 s, 2 trials."""
    values: dict[str, float] = {
        "window_size": 10,
        "minimum_calls": 4,
        "failure_rate": 0.5,
        "slow_call_s": 1.0,
        "slow_rate": 0.5,
        "open_s": 30.0,
        "half_open_calls": 2,
    }
    values.update(overrides)
    return CircuitBreaker(
        BreakerConfig(
            window_size=int(values["window_size"]),
            minimum_calls=int(values["minimum_calls"]),
            failure_rate=values["failure_rate"],
            slow_call_s=values["slow_call_s"],
            slow_rate=values["slow_rate"],
            open_s=values["open_s"],
            half_open_calls=int(values["half_open_calls"]),
        )
    )


def opened(b: CircuitBreaker, now: datetime = T0) -> CircuitBreaker:
    for _ in range(4):
        b.record_failure(now)
    assert b.state is OPEN
    return b


def half_open(b: CircuitBreaker) -> CircuitBreaker:
    opened(b)
    assert b.state_at(at(30)) is HALF_OPEN
    return b


# -- CLOSED ---------------------------------------------------------------------------


def test_a_new_breaker_is_closed_and_allows_calls() -> None:
    b = breaker()

    assert b.state is CLOSED
    assert b.allow(T0)
    assert (b.failure_rate, b.slow_rate, b.calls_in_window) == (0.0, 0.0, 0)


def test_failures_below_the_minimum_number_of_calls_do_not_open_it() -> None:
    b = breaker()

    for _ in range(3):
        b.record_failure(T0)

    assert b.state is CLOSED and b.allow(T0)
    assert b.failure_rate == 1.0


def test_it_opens_when_the_failure_rate_reaches_the_threshold() -> None:
    b = breaker()
    b.record_success(0.01, at(1))
    b.record_success(0.01, at(2))
    b.record_failure(at(3))

    b.record_failure(at(4))  # 2 of 4 = 50%

    assert b.state is OPEN
    assert not b.allow(at(4))
    (transition,) = b.transitions
    assert (transition.source, transition.target, transition.at) == (CLOSED, OPEN, at(4))
    assert "failure rate 50%" in transition.reason


def test_it_stays_closed_just_under_the_failure_threshold() -> None:
    b = breaker()

    for outcome in "SSFSSSFS":  # 2 of 8 = 25%
        if outcome == "S":
            b.record_success(0.01, T0)
        else:
            b.record_failure(T0)

    assert b.state is CLOSED
    assert b.failure_rate == pytest.approx(0.25)


def test_it_opens_on_the_slow_call_rate_even_without_failures() -> None:
    b = breaker()
    b.record_success(0.2, T0)
    b.record_success(0.2, T0)
    b.record_success(1.0, T0)  # exactly the slow-call duration counts as slow

    b.record_success(2.5, T0)

    assert b.state is OPEN
    assert "slow-call rate 50%" in b.transitions[-1].reason


def test_a_failure_with_a_long_duration_is_slow_as_well() -> None:
    b = breaker(failure_rate=1.0, minimum_calls=2)

    b.record_failure(T0, duration_s=5.0)
    b.record_success(0.1, T0)

    assert b.slow_rate == 0.5 and b.failure_rate == 0.5
    assert b.state is OPEN  # slow rate 50% reached, failure rate 50% < 100%


def test_the_window_counts_only_the_last_calls() -> None:
    b = breaker(window_size=4, minimum_calls=2)
    for _ in range(6):
        b.record_success(0.01, T0)

    b.record_failure(T0)
    assert b.state is CLOSED  # S S S F: 25%, the older successes slid out
    b.record_failure(T0)

    assert b.state is OPEN  # S S F F: 50% although 2 of all 8 calls failed
    assert b.calls_in_window == 4


# -- OPEN -----------------------------------------------------------------------------


def test_an_open_breaker_refuses_until_the_wait_is_over_then_half_opens() -> None:
    b = opened(breaker())

    assert not b.allow(at(29.999))
    assert b.state_at(at(29.999)) is OPEN
    assert b.allow(at(30))

    assert b.state is HALF_OPEN
    last = b.transitions[-1]
    assert (last.source, last.target, last.at, last.reason) == (
        OPEN,
        HALF_OPEN,
        at(30),
        "open duration elapsed",
    )


def test_outcomes_that_arrive_while_open_are_ignored() -> None:
    b = opened(breaker())
    window = (b.calls_in_window, b.failure_rate)

    b.record_success(0.01, at(5))
    b.record_failure(at(6))

    assert b.state is OPEN
    assert (b.calls_in_window, b.failure_rate) == window


# -- HALF_OPEN ------------------------------------------------------------------------


def test_half_open_hands_out_exactly_the_trial_permits() -> None:
    b = half_open(breaker(half_open_calls=2))

    permits = [b.allow(at(31)) for _ in range(4)]

    assert permits == [True, True, False, False]


def test_successful_trials_close_it_with_a_fresh_window() -> None:
    b = half_open(breaker())
    assert b.allow(at(31)) and b.allow(at(31))

    b.record_success(0.05, at(31))
    assert b.state is HALF_OPEN  # waits for every trial
    b.record_success(0.05, at(32))

    assert b.state is CLOSED
    assert b.calls_in_window == 0 and b.failure_rate == 0.0
    assert b.transitions[-1].reason == "trial calls succeeded"
    assert b.allow(at(32))


def test_a_failed_trial_reopens_it_and_restarts_the_wait() -> None:
    b = half_open(breaker())
    assert b.allow(at(31)) and b.allow(at(31))
    b.record_success(0.05, at(31))

    b.record_failure(at(33))  # 1 of 2 trials = 50%

    assert b.state is OPEN
    assert b.since == at(33)
    assert "trial calls: failure rate" in b.transitions[-1].reason
    assert not b.allow(at(62.9))
    assert b.allow(at(63))


def test_slow_trials_reopen_it() -> None:
    b = half_open(breaker())
    assert b.allow(at(31)) and b.allow(at(31))

    b.record_success(3.0, at(34))
    b.record_success(3.0, at(37))

    assert b.state is OPEN
    assert "slow-call rate" in b.transitions[-1].reason


def test_an_outcome_without_a_permit_is_ignored_in_half_open() -> None:
    b = half_open(breaker())

    b.record_failure(at(31))  # from a call that started before the breaker opened

    assert b.state is HALF_OPEN


def test_a_released_permit_can_be_used_again() -> None:
    b = half_open(breaker(half_open_calls=1))
    assert b.allow(at(31))
    assert not b.allow(at(31))

    b.release(at(32))  # the trial was cancelled

    assert b.allow(at(32))


def test_release_outside_half_open_changes_nothing() -> None:
    b = breaker()

    b.release(T0)

    assert b.state is CLOSED and b.allow(T0)


def test_permits_whose_outcome_never_came_are_handed_out_again_after_the_wait() -> None:
    b = half_open(breaker(half_open_calls=1))
    assert b.allow(at(31))

    assert not b.allow(at(59))
    assert b.allow(at(60))  # 30 s after half-opening
    assert not b.allow(at(61))  # one permit again, not one per call


# -- manual control -------------------------------------------------------------------


def test_force_open_holds_it_open_past_the_wait_until_reset() -> None:
    b = breaker()

    b.force_open(T0, "manual failover")

    assert b.state is OPEN and b.forced
    assert not b.allow(at(3600))
    assert b.state_at(at(3600)) is OPEN
    b.reset(at(3601))
    assert b.state is CLOSED and not b.forced and b.allow(at(3601))
    assert [(t.target, t.reason) for t in b.transitions] == [
        (OPEN, "manual failover"),
        (CLOSED, "reset"),
    ]


def test_forcing_an_open_breaker_keeps_one_transition() -> None:
    b = opened(breaker())

    b.force_open(at(1))

    assert b.forced and len(b.transitions) == 1
    assert not b.allow(at(31))


def test_reset_clears_the_window_of_a_closed_breaker() -> None:
    b = breaker()
    b.record_failure(T0)
    b.record_failure(T0)

    b.reset(T0)

    assert b.calls_in_window == 0 and b.transitions == ()


@pytest.mark.parametrize(
    "overrides",
    [
        {"window_size": 0},
        {"half_open_calls": 0},
        {"minimum_calls": 0},
        {"minimum_calls": 11},
        {"failure_rate": 0.0},
        {"failure_rate": 1.5},
        {"slow_rate": 0.0},
        {"slow_call_s": 0.0},
        {"open_s": -1.0},
    ],
    ids=lambda o: ",".join(f"{k}={v}" for k, v in o.items()),
)
def test_a_config_out_of_range_is_refused(overrides: dict[str, float]) -> None:
    with pytest.raises(ValueError, match="must"):
        breaker(**overrides)


# -- invariants under random use ------------------------------------------------------


class BreakerMachine(RuleBasedStateMachine):
    """Random calls, outcomes, waits and manual actions; checks what must always hold."""

    @initialize(
        window=st.integers(1, 8),
        minimum=st.integers(1, 8),
        failure_rate=st.sampled_from([0.25, 0.5, 1.0]),
        slow_rate=st.sampled_from([0.5, 1.0]),
        trials=st.integers(1, 3),
    )
    def build(
        self, window: int, minimum: int, failure_rate: float, slow_rate: float, trials: int
    ) -> None:
        self.config = BreakerConfig(
            window_size=window,
            minimum_calls=min(minimum, window),
            failure_rate=failure_rate,
            slow_call_s=1.0,
            slow_rate=slow_rate,
            open_s=10.0,
            half_open_calls=trials,
        )
        self.b = CircuitBreaker(self.config)
        self.now = T0

    @rule(seconds=st.sampled_from([0.0, 0.5, 3.0, 10.0, 25.0]))
    def wait(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)

    @rule()
    def ask(self) -> None:
        before = self.b.state_at(self.now)
        allowed = self.b.allow(self.now)
        if before is CLOSED:
            assert allowed
        if before is OPEN:
            assert not allowed

    @rule(duration=st.sampled_from([0.01, 0.5, 1.0, 4.0]))
    def succeed(self, duration: float) -> None:
        self.b.record_success(duration, self.now)

    @rule(duration=st.none() | st.sampled_from([0.5, 2.0]))
    def fail(self, duration: float | None) -> None:
        self.b.record_failure(self.now, duration)

    @rule()
    def release(self) -> None:
        self.b.release(self.now)

    @rule()
    def force_open(self) -> None:
        self.b.force_open(self.now)
        assert self.b.state is OPEN and self.b.forced
        assert not self.b.allow(self.now + timedelta(days=1))

    @rule()
    def reset(self) -> None:
        self.b.reset(self.now)
        assert self.b.state is CLOSED and not self.b.forced and self.b.calls_in_window == 0

    @invariant()
    def forced_means_open(self) -> None:
        if hasattr(self, "b") and self.b.forced:
            assert self.b.state is OPEN

    @invariant()
    def window_is_bounded(self) -> None:
        if hasattr(self, "b"):
            assert 0 <= self.b.calls_in_window <= self.config.window_size
            assert 0.0 <= self.b.failure_rate <= 1.0 and 0.0 <= self.b.slow_rate <= 1.0

    @invariant()
    def a_closed_breaker_is_under_its_thresholds(self) -> None:
        judged = hasattr(self, "b") and self.b.calls_in_window >= self.config.minimum_calls
        if judged and self.b.state is CLOSED:
            assert self.b.failure_rate < self.config.failure_rate
            assert self.b.slow_rate < self.config.slow_rate

    @invariant()
    def transitions_form_a_chain_in_time(self) -> None:
        if not hasattr(self, "b"):
            return
        transitions = self.b.transitions
        # The history keeps the latest 50: a full one starts mid-chain.
        previous = transitions[0].source if len(transitions) == 50 else CLOSED
        when = T0
        for transition in transitions:
            assert transition.source is previous and transition.source is not transition.target
            assert transition.at >= when
            previous, when = transition.target, transition.at
        assert previous is self.b.state

    @invariant()
    def since_is_set_exactly_when_not_closed(self) -> None:
        if hasattr(self, "b"):
            assert (self.b.since is None) == (self.b.state is CLOSED)


TestBreakerMachine = BreakerMachine.TestCase
TestBreakerMachine.settings = settings(max_examples=100, stateful_step_count=30, deadline=None)
