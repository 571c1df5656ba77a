"""The performance guard's part for admission control (application/core/admission.py).

Two checks, both cheap:

- **the bound holds**: the admission, in front of a simulated server of fixed pace (one order
  at a time, `service` s each; no clock, no sockets: the same answer on any machine), with
  clients that send their next order as soon as they are answered and come back after
  Retry-After when refused. After a warm-up, no order it admits waits for its turn longer
  than the bound plus one order's own time (its estimate takes that off), or than the floor's
  worth of orders; a change to the estimate that lets orders queue past the bound fails it;
- **what it costs**: an order admitted and counted out, as every order pays it (a subject of
  the guard's speed figures, `order admission`, beside the record commit once one has it).

The HTTP order path subject of the guard goes through the admission layer too: its figure
beside a record commit without admission control is what the layer adds to every order.
"""

from __future__ import annotations

import heapq
from collections import deque
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from application.core.admission import FLOOR, OrderAdmission, Refusal, Ticket

SUBJECT = "order admission"
STEP_ORDERS = 5_000
# (clients, an order's service time in s, the bound in s): a worker well under its bound,
# 1,000 clients against a few hundred orders a second, and slow orders against a tight bound.
SCENARIOS = (
    (50, 0.002, 0.5),
    (1000, 0.003, 0.5),
    (1000, 0.0005, 0.1),
    (400, 0.02, 0.25),
    (200, 0.001, 1.0),
)
SIMULATED_ORDERS = 3_000  # served per scenario; the first half is the warm-up
SLACK = 1.01


@dataclass(frozen=True)
class Served:
    """One admitted order of a simulation: when it was admitted and when its turn came."""

    admitted_at: float
    started_at: float

    @property
    def wait(self) -> float:
        return self.started_at - self.admitted_at


def simulate(clients: int, service: float, bound: float, orders: int) -> list[Served]:
    """`clients` sending orders one after another to a server answering one at a time,
    `service` s each, behind the admission; a refused client comes back after Retry-After.
    Every admitted order, in the order they were served."""
    admission = OrderAdmission(bound)
    arrivals = [(0.0, n) for n in range(clients)]  # (time, client)
    heapq.heapify(arrivals)
    free_at = 0.0
    finishing: list[tuple[float, int, Ticket]] = []  # (time, client, ticket)
    served: list[Served] = []
    while len(served) < orders:
        next_arrival = arrivals[0][0] if arrivals else float("inf")
        if finishing and finishing[0][0] <= next_arrival:
            at, client, ticket = heapq.heappop(finishing)
            admission.done(ticket, at)
            heapq.heappush(arrivals, (at, client))
            continue
        at, client = heapq.heappop(arrivals)
        verdict = admission.admit(at)
        if isinstance(verdict, Refusal):
            heapq.heappush(arrivals, (at + verdict.retry_after, client))
            continue
        start = max(at, free_at)
        free_at = start + service
        served.append(Served(at, start))
        heapq.heappush(finishing, (free_at, client, verdict))
    return served


def allowed_wait(service: float, bound: float) -> float:
    """The longest an admitted order may wait for its turn in a simulation, past the warm-up."""
    return max(bound + service, FLOOR * service) * SLACK + 1e-9


@dataclass(frozen=True)
class BoundCheck:
    """Whether every scenario held its bound, and the report's line."""

    held: bool
    line: str


def bound_check() -> BoundCheck:
    """Every scenario simulated; held when no order admitted after the warm-up waited longer
    than `allowed_wait`."""
    worst = 0.0  # the longest wait over what was allowed, across the scenarios
    missed = []
    for clients, service, bound in SCENARIOS:
        served = simulate(clients, service, bound, SIMULATED_ORDERS)[SIMULATED_ORDERS // 2 :]
        longest = max(s.wait for s in served)
        allowed = allowed_wait(service, bound)
        worst = max(worst, longest / allowed)
        if longest > allowed:
            missed.append(
                f"{clients} clients, {service * 1000:g} ms an order, bound {bound * 1000:g} ms: "
                f"an admitted order waited {longest * 1000:.0f} ms (at most {allowed * 1000:.0f})"
            )
    if missed:
        return BoundCheck(False, "admission bound: MISSED in " + "; ".join(missed))
    return BoundCheck(
        True,
        f"admission bound: held in {len(SCENARIOS)} simulated overloads (the longest admitted "
        f"wait {worst:.0%} of what the bound allows)",
    )


def subject() -> tuple[str, Callable[[], Awaitable[int]], int, str]:
    """The guard's speed subject: (name, step, slices, unit). A step: 5,000 orders offered to
    a worker with a queue, each admitted and counted out or refused, as the server asks."""
    admission = OrderAdmission(0.5)
    waiting: deque[Ticket] = deque()
    clock = [0.0]

    async def step() -> int:
        now = clock[0]
        for _ in range(STEP_ORDERS):
            now += 0.0001
            verdict = admission.admit(now)
            if isinstance(verdict, Ticket):
                waiting.append(verdict)
            if len(waiting) > 2 * FLOOR:
                admission.done(waiting.popleft(), now)
        clock[0] = now
        return STEP_ORDERS

    return SUBJECT, step, 12, "orders"
