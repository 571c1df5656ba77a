"""Dynamic batching: concurrent callers' items run together in one model call.

A caller's items join one queue. A worker takes up to `max_batch` rows at a time and runs them
through `run_batch` on the model thread (never on the event loop); it starts a batch when it is
full or when the oldest queued item has waited `wait_s`, whichever comes first, so a lone
request waits at most `wait_s` and a burst fills whole batches. Each caller gets its own
results back, in its own order; an exception from `run_batch` goes to every caller of that
batch. The queue holds at most `queue_bound` rows: a caller that would overflow it is refused
at once with InferenceBusy (503 + Retry-After) instead of queueing without bound. A caller that
gives up (its task cancelled) before its batch starts is left out of the batch.
"""

from __future__ import annotations

import asyncio
import time
from collections import deque
from collections.abc import Callable, Sequence
from concurrent.futures import Executor
from dataclasses import dataclass
from typing import Generic, TypeVar

from domain.inference.errors import InferenceBusy

I = TypeVar("I")  # noqa: E741 - the conventional name of the item type
R = TypeVar("R")


@dataclass(frozen=True, slots=True)
class BatchSettings:
    max_batch: int = 32
    wait_s: float = 0.005
    queue_bound: int = 1024

    def __post_init__(self) -> None:
        if self.max_batch < 1 or self.queue_bound < self.max_batch or self.wait_s < 0:
            raise ValueError("need max_batch >= 1, queue_bound >= max_batch and wait_s >= 0")


@dataclass(slots=True)
class _Waiting(Generic[I, R]):
    item: I
    rows: int
    future: asyncio.Future[R]
    queued_at: float


class DynamicBatcher(Generic[I, R]):
    """Queues items and runs them in batches (module doc). One per model and event loop."""

    def __init__(
        self,
        run_batch: Callable[[list[I]], Sequence[R]],
        executor: Executor,
        settings: BatchSettings | None = None,
        rows: Callable[[I], int] = lambda _: 1,
    ) -> None:
        self._run_batch = run_batch
        self._executor = executor
        self.settings = settings or BatchSettings()
        self._rows = rows
        self._queue: deque[_Waiting[I, R]] = deque()
        self._queued_rows = 0
        self._wake: asyncio.Event | None = None
        self._worker: asyncio.Task[None] | None = None
        self.batches_run = 0  # for tests and the benchmark: how many model calls were made

    @property
    def queued_rows(self) -> int:
        return self._queued_rows

    async def submit(self, items: Sequence[I]) -> list[R]:
        """Each item's result, in order; InferenceBusy when the queue cannot take them all."""
        if not items:
            return []
        rows = [self._rows(item) for item in items]
        if self._queued_rows + sum(rows) > self.settings.queue_bound:
            raise InferenceBusy(
                f"the inference queue is full ({self._queued_rows} of "
                f"{self.settings.queue_bound} rows waiting): retry shortly",
                retry_after=1.0,
            )
        loop = asyncio.get_running_loop()
        now = time.monotonic()
        futures: list[asyncio.Future[R]] = []
        for item, count in zip(items, rows, strict=True):
            future: asyncio.Future[R] = loop.create_future()
            self._queue.append(_Waiting(item, count, future, now))
            self._queued_rows += count
            futures.append(future)
        self._ensure_worker()
        try:
            return list(await asyncio.gather(*futures))
        except BaseException:
            for future in futures:
                future.cancel()  # the rest of this caller's items: leave them out
            raise

    def _ensure_worker(self) -> None:
        if self._wake is None:
            self._wake = asyncio.Event()
        self._wake.set()
        if self._worker is None or self._worker.done():
            self._worker = asyncio.get_running_loop().create_task(self._work())

    async def _work(self) -> None:
        loop = asyncio.get_running_loop()
        assert self._wake is not None
        while self._queue:
            await self._fill_or_time_out()
            batch = self._take()
            if not batch:
                continue
            try:
                results = await loop.run_in_executor(
                    self._executor, self._run_batch, [w.item for w in batch]
                )
            except Exception as exc:
                for waiting in batch:
                    if not waiting.future.done():
                        waiting.future.set_exception(exc)
                continue
            finally:
                self.batches_run += 1
            for waiting, result in zip(batch, results, strict=True):
                if not waiting.future.done():
                    waiting.future.set_result(result)

    async def _fill_or_time_out(self) -> None:
        """Returns when max_batch rows wait or the oldest has waited wait_s."""
        assert self._wake is not None
        while self._queued_rows < self.settings.max_batch and self._queue:
            left = self._queue[0].queued_at + self.settings.wait_s - time.monotonic()
            if left <= 0:
                return
            self._wake.clear()
            try:
                async with asyncio.timeout(left):
                    await self._wake.wait()
            except TimeoutError:
                return

    def _take(self) -> list[_Waiting[I, R]]:
        batch: list[_Waiting[I, R]] = []
        taken = 0
        while self._queue:
            head = self._queue[0]
            if batch and taken + head.rows > self.settings.max_batch:
                break
            self._queue.popleft()
            self._queued_rows -= head.rows
            if head.future.done():  # its caller gave up
                continue
            batch.append(head)
            taken += head.rows
        return batch
