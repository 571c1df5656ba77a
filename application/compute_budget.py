"""Heavy numerical jobs off the event loop, bounded in concurrency and in time.

A pricing or Monte Carlo request can ask for seconds of CPU. Run inline, it would freeze the
event loop (every other request, the kill switch included, would wait); run on an unbounded pool,
a few large requests would pile up behind each other until every answer is late. So each job
runs on the budget's own worker threads, at most `slots` at a time, and the caller waits at most
`budget_s`:

- all slots taken -> `ComputeUnavailable` (COMPUTE_BUSY, 503 + Retry-After) at once;
- past the budget -> `ComputeTimeBudgetExceeded` (COMPUTE_TIME_BUDGET, 503 + Retry-After). A
  thread cannot be killed, so the job finishes in the background and keeps its slot until it
  does: later jobs are refused as busy rather than queued behind it (no stuck worker, no queue).

The slot count defaults to 1 because the numba kernels are already parallel across every core:
two at once would only split the cores and make both late. Requests should also be sized so
they fit (the endpoints cap options and path-steps per request; 422 past the cap).
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

from domain.errors import ComputeTimeBudgetExceeded, ComputeUnavailable

T = TypeVar("T")

DEFAULT_BUDGET_S = 10.0


class ComputeBudget:
    """Runs synchronous kernels on `slots` worker threads within `budget_s` seconds each."""

    def __init__(
        self,
        *,
        budget_s: float = DEFAULT_BUDGET_S,
        slots: int = 1,
        retry_after_s: float | None = None,
    ) -> None:
        if not budget_s > 0:
            raise ValueError(f"budget_s must be > 0, got {budget_s}")
        if slots < 1:
            raise ValueError(f"slots must be >= 1, got {slots}")
        self.budget_s = budget_s
        self.slots = slots
        # A refused caller should come back about when a budget-long job would be done.
        self.retry_after_s = budget_s if retry_after_s is None else retry_after_s
        self._busy = 0
        self._executor = ThreadPoolExecutor(max_workers=slots, thread_name_prefix="compute")

    @property
    def busy(self) -> int:
        """Jobs holding a slot now (running, or finishing after their budget ran out)."""
        return self._busy

    async def run(self, label: str, work: Callable[[], T]) -> T:
        """`work()` on a worker thread; its result, or a 503-class refusal (see module doc)."""
        if self._busy >= self.slots:
            raise ComputeUnavailable(
                f"{label}: every compute slot is busy; retry in {self.retry_after_s:g} s",
                retry_after=self.retry_after_s,
            )
        loop = asyncio.get_running_loop()
        self._busy += 1
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

    def _release(self, _: object) -> None:
        self._busy -= 1
