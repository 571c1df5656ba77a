"""Admission to the order path: how long an order may wait in one worker before it is refused.

One `OrderAdmission` per worker process (its event loop), asked once per order as it arrives,
before anything of the order is read or stored. It admits the order when the wait it expects
stays within the bound, and refuses it otherwise, at once: a refused order was never seen, so
sending it again (with the same Idempotency-Key) is safe.

The wait it expects is Little's law over what the worker does now: `in_flight` orders ahead,
each taking `cost` seconds of the worker's time, less `own`, the time an order takes when it
runs alone (a venue's round trip is an order's own time, not a queue: without it a slow
broker would read as overload); plus the time the order already waited before it was asked
(from the server's arrival stamp), and at least one turn of the event loop (`turn`: how long
an order read by the server waits for its task to start, smoothed; one asked as it is parsed
has that turn ahead of it, and about as long again behind it, unread in its socket).

`cost` is the time between one completion and the next while `floor` or more orders stay in
flight (the worker's pace when there is a queue), smoothed over windows of completions. It
includes whatever else the worker did meanwhile (reads, refusals, another process on the same
cores: all of it delays the orders), never a lone order's latency or a cold start.

A pace holds near the number of orders in flight it was measured at: past half as many again
as the most a window has seen in flight, orders wait for the next window (a slow start, as
TCP's: a burst of a thousand orders is not taken in on a guess, and the first windows come
quickly). Before any window, twice the floor.

Below `floor` orders in flight it always admits: a few orders ahead are no queue worth
refusing for, and a stall of the store or a venue with a few orders (which their own
timeouts answer) is not taken for overload.

Pure: the caller passes the time (seconds on one monotonic clock, never going back).
"""

from __future__ import annotations

import math
from collections import deque
from dataclasses import dataclass

# Before any window measured the pace, each order is taken to cost this much.
INITIAL_COST_S = 0.001
# The pace is measured again over each window: this many completions, or this much busy time.
WINDOW_ORDERS = 16
WINDOW_BUSY_S = 0.05
# Weight of the newest window in the smoothed pace.
SMOOTHING = 0.3
# The pace is never taken below this.
MIN_COST_S = 0.00001
# Weight of each order's turn of the event loop in the smoothed `turn`, and the most one counts.
TURN_SMOOTHING = 0.05
MAX_TURN_S = 5.0
# Orders run alone that `own` is the least of (the least: a cold first order is no measure).
OWN_SAMPLES = 8
# Never refused below this many orders in flight.
FLOOR = 16
# Retry-After never says more than this (seconds).
MAX_RETRY_AFTER_S = 30


@dataclass(frozen=True, slots=True)
class Ticket:
    """An admitted order: when it was admitted, and whether nothing else was in flight."""

    admitted_at: float
    alone: bool


@dataclass(frozen=True, slots=True)
class Refusal:
    """A refused order: whole seconds to wait before sending it again (at least 1), and the
    wait it would have had (as far as the pace measured so far tells)."""

    retry_after: int
    expected_wait: float


class OrderAdmission:
    """Admits an order while the wait it expects in this worker stays within `max_wait` s.

    Not thread-safe: one per event loop. Every `admit` that returns a Ticket is matched by one
    `done(ticket, now)` when the order's answer has gone (or the request failed).
    """

    def __init__(self, max_wait: float, *, floor: int = FLOOR) -> None:
        if not max_wait > 0:
            raise ValueError("max_wait must be more than 0 seconds")
        if floor < 0:
            raise ValueError("floor must not be negative")
        self.max_wait = max_wait
        self.floor = floor
        self.in_flight = 0
        self.turn = 0.0
        self.cost = INITIAL_COST_S
        self.admitted = 0
        self.refused = 0
        self._queued = max(1, floor)  # from this many in flight, the pace is measured
        self.trusted = 2 * self._queued  # admitted up to this many in flight, then a window
        self._own: deque[float] = deque(maxlen=OWN_SAMPLES)
        self._since: float | None = (
            None  # the last completion while a queue stood, if it still does
        )
        self._busy = 0.0  # the gaps between completions while a queue stood, this window
        self._done = 0  # those gaps, this window
        self._peak = 0  # the most in flight, this window

    @property
    def own(self) -> float:
        """An order's time when it ran alone (the least of the last few); 0 before any."""
        return min(self._own, default=0.0)

    def expected_wait(self, waited: float = 0.0) -> float:
        """The wait of an order that arrives now, having waited `waited` s already."""
        ahead = self.in_flight * self.cost - self.own
        return waited + (ahead if ahead > 0.0 else 0.0)

    def screen(self, now: float, arrived: float | None = None) -> Refusal | None:
        """The Refusal an order arriving now gets (counted), or None when it would be admitted
        (nothing is taken: `admit` takes it). `arrived`: when the server first read it."""
        if self.in_flight < self.floor:
            return None
        waited = now - arrived if arrived is not None and arrived < now else 0.0
        expected = self.expected_wait(max(waited, self.turn))
        if expected <= self.max_wait and self.in_flight < self.trusted:
            return None
        self.refused += 1
        excess = math.ceil(expected - self.max_wait)
        return Refusal(min(MAX_RETRY_AFTER_S, max(1, excess)), expected)

    def admit(self, now: float, arrived: float | None = None) -> Ticket | Refusal:
        """A Ticket when the order may go on (it is then in flight), else a Refusal.
        `arrived`: when the server first read it (None: now)."""
        refusal = self.screen(now, arrived)
        return refusal if refusal is not None else self.take(now)

    def take(self, now: float) -> Ticket:
        """The order in flight, unasked: `screen` let it through a moment ago (the server
        asked as it parsed the request; the turn of the event loop since is no reason to
        refuse it now, and the client was told nothing)."""
        alone = self.in_flight == 0
        self.in_flight += 1
        self.admitted += 1
        if self.in_flight > self._peak:
            self._peak = self.in_flight
        return Ticket(now, alone)

    def done(self, ticket: Ticket, now: float) -> None:
        """The admitted order `ticket` has been answered (or failed) at `now`."""
        if self.in_flight <= 0:
            raise RuntimeError("done() without an admitted order in flight")
        if self.in_flight >= self._queued:
            if self._since is not None:  # a gap from the last completion, the queue standing
                self._busy += max(0.0, now - self._since)
                self._done += 1
                if self._done >= WINDOW_ORDERS or self._busy >= WINDOW_BUSY_S:
                    self._measured()
            self._since = now
        self.in_flight -= 1
        if self.in_flight < self._queued:  # the queue is gone: the next gap would be no pace
            self._since = None
        if ticket.alone:
            self._own.append(max(0.0, now - ticket.admitted_at))

    def turned(self, seconds: float) -> None:
        """An order's task started `seconds` after the server read it (a turn of the loop)."""
        if seconds >= 0.0:
            self.turn += TURN_SMOOTHING * (min(seconds, MAX_TURN_S) - self.turn)

    def _measured(self) -> None:
        """A window closed: the pace it measured, smoothed in; trust half as far again as its
        peak (a store's pace can fall as its batches grow: SQLite's did, past a few hundred)."""
        pace = max(MIN_COST_S, self._busy / self._done)
        self.cost += SMOOTHING * (pace - self.cost)
        self.trusted = max(self.trusted, self._peak + self._peak // 2)
        self._busy, self._done = 0.0, 0
        self._peak = self.in_flight
