"""Heavy numerical jobs off the event loop, bounded in concurrency and in time.

A pricing or Monte Carlo request can ask for seconds of CPU. Run inline, it would freeze the
event loop (every other request, the kill switch included, would wait); run on an unbounded pool,
a few large requests would pile up behind each other until every answer is late. So each job
runs on the budget's own worker threads, at most `slots` at a time, and the caller waits at most
`budget_s`:

- all slots taken -> the job waits for one at most `queue_s` (in arrival order, at most
  `max_waiting` jobs), then `ComputeUnavailable` (COMPUTE_BUSY, 503 + Retry-After): two users
  pricing ten options each at the same moment both get answers, a pile-up gets refused;
- past the budget -> `ComputeTimeBudgetExceeded` (COMPUTE_TIME_BUDGET, 503 + Retry-After). A
  thread cannot be killed, so the job finishes in the background and keeps its slot until it
  does: later jobs are refused as busy rather than queued behind it (no stuck worker, no queue).

The slot count defaults to 1 because the numba kernels are already parallel across every core:
two at once would only split the cores and make both late. Requests should also be sized so
they fit (the endpoints cap options and path-steps per request; 422 past the cap).
"""

from __future__ import annotations

import asyncio
from collections import deque
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

from domain.errors import ComputeTimeBudgetExceeded, ComputeUnavailable

T = TypeVar("T")

DEFAULT_BUDGET_S = 10.0
DEFAULT_QUEUE_S = 2.0
DEFAULT_MAX_WAITING = 16


class ComputeBudget:
    """Runs synchronous kernels on `slots` worker threads within `budget_s` seconds each."""

    def __init__(
        self,
        *,
        budget_s: float = DEFAULT_BUDGET_S,
        slots: int = 1,
        retry_after_s: float | None = None,
        queue_s: float = DEFAULT_QUEUE_S,
        max_waiting: int = DEFAULT_MAX_WAITING,
    ) -> None:
        if not budget_s > 0:
            raise ValueError(f"budget_s must be > 0, got {budget_s}")
        if slots < 1:
            raise ValueError(f"slots must be >= 1, got {slots}")
        if queue_s < 0 or max_waiting < 0:
            raise ValueError("queue_s and max_waiting must be >= 0")
        self.budget_s = budget_s
        self.slots = slots
        # A refused caller should come back about when a budget-long job would be done.
        self.retry_after_s = budget_s if retry_after_s is None else retry_after_s
        self.queue_s = queue_s
        self.max_waiting = max_waiting
        self._busy = 0
        # Jobs waiting for a slot, oldest first; a finishing job hands its slot to the first.
        self._waiting: deque[asyncio.Future[None]] = deque()
        self._executor = ThreadPoolExecutor(max_workers=slots, thread_name_prefix="compute")

    @property
    def busy(self) -> int:
        """Jobs holding a slot now (running, or finishing after their budget ran out)."""
        return self._busy

    async def run(self, label: str, work: Callable[[], T]) -> T:
        """`work()` on a worker thread; its result, or a 503-class refusal (see module doc)."""
        await self._take_slot(label)
        loop = asyncio.get_running_loop()
        future = loop.run_in_executor(self._executor, work)
        future.add_done_callback(self._release)
        try:
            async with asyncio.timeout(self.budget_s):
                # shield: a timed-out or cancelled caller leaves the job to finish (and free
                # its slot) instead of abandoning a future the pool would still run.
                return await asyncio.shield(future)
        except TimeoutError:
            raise ComputeTimeBudgetExceeded(
                f"{label}: not done within the {self.budget_s:g} s budget; "
                "ask for fewer options or paths, or retry later",
                retry_after=self.retry_after_s,
            ) from None

    def close(self) -> None:
        """Stop taking jobs; a running job finishes on its own thread."""
        self._executor.shutdown(wait=False, cancel_futures=True)

    async def _take_slot(self, label: str) -> None:
        if self._busy < self.slots and not self._waiting:
            self._busy += 1
            return
        if len(self._waiting) >= self.max_waiting or self.queue_s == 0:
            raise self._busy_error(label)
        turn: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._waiting.append(turn)
        try:
            async with asyncio.timeout(self.queue_s):
                await turn  # resolved by _release, which hands over its slot
        except BaseException as exc:  # timed out or cancelled while waiting
            if turn.done() and not turn.cancelled():
                self._release(None)  # the slot arrived as we gave up: pass it on
            else:
                turn.cancel()
                self._waiting.remove(turn)
            if isinstance(exc, TimeoutError):
                raise self._busy_error(label) from None
            raise

    def _busy_error(self, label: str) -> ComputeUnavailable:
        return ComputeUnavailable(
            f"{label}: every compute slot is busy; retry in {self.retry_after_s:g} s",
            retry_after=self.retry_after_s,
        )

    def _release(self, _: object) -> None:
        while self._waiting:
            turn = self._waiting.popleft()
            if not turn.done():
                turn.set_result(None)  # the slot passes to the oldest waiting job
                return
        self._busy -= 1
