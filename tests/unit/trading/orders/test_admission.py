"""Admission to the order path: an order is refused when the wait it expects in the worker
passes the bound, never below the floor, with a Retry-After in whole seconds; the pace it
expects follows the worker's, a lone order's latency is no queue; and, simulated against a
server of fixed pace, no order it admits waits much past the bound."""

from __future__ import annotations

from collections import deque

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from application.core.admission import (
    FLOOR,
    INITIAL_COST_S,
    MAX_RETRY_AFTER_S,
    WINDOW_ORDERS,
    OrderAdmission,
    Refusal,
    Ticket,
)
from benchmarks.guard_admission import allowed_wait, simulate

BOUND = 0.5


def backlog(
    admission: OrderAdmission, pace: float, windows: int = 8, at: float = 0.0
) -> list[Ticket]:
    """A queue kept in front of the worker (topped up to twice the floor, as far as it admits)
    while orders complete `pace` s apart, `windows` windows of them; then left with the floor's
    worth in flight. The worker has measured its pace; those still in flight are returned,
    oldest first."""
    waiting: deque[Ticket] = deque()
    now = at
    for _ in range(windows * WINDOW_ORDERS):
        while admission.in_flight < 2 * FLOOR:
            verdict = admission.admit(now)
            if isinstance(verdict, Refusal):
                break
            waiting.append(verdict)
        now += pace
        admission.done(waiting.popleft(), now)
    while admission.in_flight < FLOOR:  # below the floor every order is admitted
        ticket = admission.admit(now)
        assert isinstance(ticket, Ticket)
        waiting.append(ticket)
    while admission.in_flight > FLOOR:
        now += pace
        admission.done(waiting.popleft(), now)
    return list(waiting)


def test_an_idle_worker_admits_an_order_and_counts_it_in_flight() -> None:
    # Arrange
    admission = OrderAdmission(BOUND)

    # Act
    ticket = admission.admit(10.0)

    # Assert
    assert ticket == Ticket(10.0, alone=True)
    assert (admission.in_flight, admission.admitted, admission.refused) == (1, 1, 0)


def test_below_the_floor_every_order_is_admitted_however_slow_the_worker() -> None:
    # Arrange: a pace of 2 s an order, one order less than the floor in flight
    admission = OrderAdmission(BOUND)
    waiting = backlog(admission, pace=2.0, windows=2)
    admission.done(waiting.pop(), 1000.0)
    assert admission.cost > 0.5 and admission.in_flight == FLOOR - 1

    # Act
    below, at_the_floor = admission.admit(1000.0), admission.admit(1000.0)

    # Assert: admitted with fewer than the floor ahead; refused with the floor ahead
    assert isinstance(below, Ticket)
    assert isinstance(at_the_floor, Refusal)


def test_an_order_that_would_wait_past_the_bound_is_refused_with_whole_seconds() -> None:
    # Arrange: the floor in flight at 0.2 s an order: about 3.2 s of work ahead
    admission = OrderAdmission(BOUND)
    backlog(admission, pace=0.2, windows=4)
    refused_before = admission.refused

    # Act
    verdict = admission.admit(1000.0)

    # Assert
    assert isinstance(verdict, Refusal)
    assert verdict.expected_wait == pytest.approx(FLOOR * admission.cost - admission.own)
    assert verdict.retry_after == int(-(-(verdict.expected_wait - BOUND) // 1))
    assert admission.in_flight == FLOOR and admission.refused == refused_before + 1


def test_retry_after_is_at_least_one_second_and_at_most_thirty() -> None:
    # Arrange: just past the bound, and far past it
    near, far = OrderAdmission(BOUND), OrderAdmission(BOUND)
    backlog(near, pace=(BOUND + 0.01) / (FLOOR - 1), windows=12)
    backlog(far, pace=60.0, windows=2)

    # Act
    small, large = near.admit(10_000.0), far.admit(100_000.0)

    # Assert
    assert isinstance(small, Refusal) and small.retry_after == 1
    assert isinstance(large, Refusal) and large.retry_after == MAX_RETRY_AFTER_S


def test_an_order_that_already_waited_for_the_loop_counts_that_wait() -> None:
    # Arrange: the floor in flight at 10 ms an order (0.16 s of work: room for it)
    admission = OrderAdmission(BOUND)
    backlog(admission, pace=0.01, windows=8)
    assert admission.expected_wait() < BOUND

    # Act: read by the server 0.4 s before it was asked
    verdict = admission.admit(50.0, arrived=49.6)

    # Assert
    assert isinstance(verdict, Refusal)
    assert verdict.expected_wait == pytest.approx(0.4 + FLOOR * admission.cost - admission.own)


def test_a_turn_of_the_event_loop_is_counted_even_for_an_order_read_just_now() -> None:
    # Arrange: 0.16 s of work ahead, and orders waiting 0.4 s for their task to start
    admission = OrderAdmission(BOUND)
    backlog(admission, pace=0.01, windows=8)
    assert admission.screen(50.0, arrived=50.0) is None
    for _ in range(200):
        admission.turned(0.4)

    # Act: asked as the server parses it (it waited nothing yet)
    verdict = admission.screen(50.0, arrived=50.0)

    # Assert
    assert admission.turn == pytest.approx(0.4, rel=0.01)
    assert isinstance(verdict, Refusal)
    assert verdict.expected_wait == pytest.approx(admission.turn + admission.expected_wait())


def test_the_pace_is_measured_only_while_orders_queue() -> None:
    # Arrange: orders one at a time, each taking 3 s (a slow venue), then a queue at 4 ms
    admission = OrderAdmission(BOUND)
    for n in range(WINDOW_ORDERS * 2):
        ticket = admission.admit(10.0 * n)
        assert isinstance(ticket, Ticket)
        admission.done(ticket, 10.0 * n + 3.0)
    before, own = admission.cost, admission.own

    # Act
    backlog(admission, pace=0.004, windows=20, at=1000.0)

    # Assert: the lone orders' 3 s never entered the pace; they are the orders' own time
    assert before == INITIAL_COST_S and own == pytest.approx(3.0)
    assert admission.cost == pytest.approx(0.004, rel=0.01)


def test_a_fresh_worker_takes_a_burst_in_by_doubling_what_it_has_measured() -> None:
    # Arrange: a thousand orders at once on a worker that has measured nothing
    admission = OrderAdmission(BOUND)
    first = [admission.admit(0.0) for _ in range(1000)]
    taken = [t for t in first if isinstance(t, Ticket)]
    guessed = len(taken)

    # Act: a window of completions 1 ms apart, then the burst again
    for n in range(WINDOW_ORDERS + 1):
        admission.done(taken.pop(0), 0.001 * (n + 1))
    second = [admission.admit(0.02) for _ in range(1000)]

    # Assert: twice the floor on a guess; then half as many again as the most measured in
    # flight
    assert guessed == 2 * FLOOR
    assert admission.trusted == 3 * FLOOR
    assert sum(isinstance(v, Ticket) for v in second) == 3 * FLOOR - len(taken)
    assert admission.cost == pytest.approx(0.001)  # the pace measured: 1 ms


def test_a_slow_venues_round_trip_is_no_queue() -> None:
    # Arrange: an order every 50 ms, each taking 1.5 s at its venue: 30 in flight, all of
    # them waiting on the venue and none on the worker
    admission = OrderAdmission(BOUND)
    venue: deque[Ticket] = deque()
    verdicts = []

    # Act
    for n in range(1000):
        now = n * 0.05
        while venue and venue[0].admitted_at + 1.5 <= now:
            answered = venue.popleft()
            admission.done(answered, answered.admitted_at + 1.5)
        verdict = admission.admit(now)
        verdicts.append(verdict)
        if isinstance(verdict, Ticket):
            venue.append(verdict)

    # Assert: every order admitted; the venue's 1.5 s is the orders' own time
    assert all(isinstance(v, Ticket) for v in verdicts)
    assert admission.in_flight == 30 and admission.own == pytest.approx(1.5)
    assert admission.cost == pytest.approx(0.05, rel=0.01)
    assert admission.expected_wait() < 0.1


def test_an_order_the_server_let_through_is_taken_in_without_a_second_decision() -> None:
    # Arrange: screened (room for it), then a turn of the event loop long past the bound
    admission = OrderAdmission(BOUND)
    backlog(admission, pace=0.01, windows=4)
    assert admission.screen(100.0, arrived=100.0) is None
    refused = admission.refused

    # Act
    ticket = admission.take(101.0)

    # Assert
    assert ticket == Ticket(101.0, alone=False)
    assert admission.in_flight == FLOOR + 1 and admission.refused == refused


def test_done_without_an_order_in_flight_is_a_mistake() -> None:
    # Arrange
    admission = OrderAdmission(BOUND)

    # Act / Assert
    with pytest.raises(RuntimeError):
        admission.done(Ticket(0.0, alone=True), 1.0)


@pytest.mark.parametrize(("bound", "floor"), [(0.0, 16), (-1.0, 16), (0.5, -1)])
def test_a_bound_must_be_positive_and_the_floor_not_negative(bound: float, floor: int) -> None:
    # Act / Assert
    with pytest.raises(ValueError, match="must"):
        OrderAdmission(bound, floor=floor)


@st.composite
def traffic(draw: st.DrawFn) -> list[tuple[str, float, float]]:
    """Arrivals and completions at non-decreasing times: (kind, time, how long ago it arrived)."""
    steps = draw(
        st.lists(
            st.tuples(
                st.sampled_from(["arrive", "arrive", "done"]),
                st.floats(0, 0.2),
                st.floats(0, 1.0),
            ),
            max_size=300,
        )
    )
    now, out = 0.0, []
    for kind, gap, waited in steps:
        now += gap
        out.append((kind, now, waited))
    return out


@given(traffic(), st.floats(0.01, 2.0), st.integers(0, 20))
def test_no_order_is_admitted_past_the_bound_and_every_one_is_counted(
    steps: list[tuple[str, float, float]], bound: float, floor: int
) -> None:
    # Arrange
    admission = OrderAdmission(bound, floor=floor)
    open_tickets: list[Ticket] = []
    admitted = refused = 0

    # Act / Assert: each decision against what the worker expected just before it
    for kind, now, waited in steps:
        if kind == "done":
            if open_tickets:
                admission.done(open_tickets.pop(0), now)
            continue
        ahead, trusted = admission.in_flight, admission.trusted
        arrived = now - waited
        expected = admission.expected_wait(now - arrived if arrived < now else 0.0)
        verdict = admission.admit(now, arrived=arrived)
        if isinstance(verdict, Ticket):
            admitted += 1
            open_tickets.append(verdict)
            assert ahead < floor or (expected <= bound and ahead < trusted)
        else:
            refused += 1
            assert ahead >= floor and (expected > bound or ahead >= trusted)
            assert 1 <= verdict.retry_after <= MAX_RETRY_AFTER_S
            assert verdict.retry_after >= min(MAX_RETRY_AFTER_S, expected - bound)
        assert admission.in_flight == len(open_tickets) >= 0
    assert (admission.admitted, admission.refused) == (admitted, refused)
    assert admission.cost > 0


@settings(max_examples=12, deadline=None)
@given(
    st.integers(1, 400),
    st.floats(0.0002, 0.02),
    st.floats(0.05, 1.0),
)
def test_simulated_against_a_server_of_fixed_pace_no_admitted_order_waits_past_the_bound(
    clients: int, service: float, bound: float
) -> None:
    # Act: past the warm-up (the pace measured over enough windows)
    served = simulate(clients, service, bound, orders=2400)[1200:]

    # Assert: an order's wait for its turn is within the bound (plus one order's own time, as
    # `own` is taken off), or within the floor's worth of orders
    assert max(s.wait for s in served) <= allowed_wait(service, bound)
