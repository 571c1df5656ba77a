"""Per-key batching: work queued under one key runs in batches, one batch at a time, in order.

Concurrent order submissions for one account are decided together in one unit of work
(one transaction for the decisions, one for the broker's answers) instead of one
transaction pair each: the account's lock is then held once per batch, which is what
bounds one account's order rate on a durable store.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from typing import Generic, TypeVar

C = TypeVar("C")
R = TypeVar("R")

Runner = Callable[[str, list[C]], Awaitable[Sequence[R | Exception]]]


@dataclass
class _Lane(Generic[C, R]):
    waiting: list[tuple[C, asyncio.Future[R]]] = field(default_factory=list)
    worker: asyncio.Task[None] | None = None


class KeyedBatcher(Generic[C, R]):
    """Queues items per key; a worker per busy key runs them through `run` in batches.

    `run(key, items)` returns one result or exception per item, in order. Items of one
    key are taken in arrival order and at most `max_batch` at a time; an item whose
    caller gave up (its future cancelled) before its batch started is skipped.
    """

    def __init__(self, run: Runner[C, R], max_batch: int = 128) -> None:
        if max_batch < 1:
            raise ValueError("max_batch must be at least 1")
        self._run = run
        self.max_batch = max_batch
        self._lanes: dict[str, _Lane[C, R]] = {}
        self.batches = 0
        self.items = 0

    async def submit(self, key: str, item: C) -> R:
        """Queue `item` under `key` and wait for its result (or its exception)."""
        lane = self._lanes.get(key)
        if lane is None:
            lane = self._lanes[key] = _Lane()
        future: asyncio.Future[R] = asyncio.get_running_loop().create_future()
        lane.waiting.append((item, future))
        if lane.worker is None:
            lane.worker = asyncio.create_task(self._drain(key, lane))
        return await future

    async def _drain(self, key: str, lane: _Lane[C, R]) -> None:
        batch: list[tuple[C, asyncio.Future[R]]] = []
        try:
            while lane.waiting:
                batch = [(i, f) for i, f in lane.waiting[: self.max_batch] if not f.done()]
                del lane.waiting[: self.max_batch]
                if not batch:
                    continue
                self.batches += 1
                self.items += len(batch)
                try:
                    results: Sequence[R | Exception] = await self._run(key, [i for i, _ in batch])
                except Exception as exc:
                    results = [exc] * len(batch)
                if len(results) != len(batch):
                    results = [RuntimeError("batch returned the wrong number of results")] * len(
                        batch
                    )
                for (_, future), result in zip(batch, results, strict=True):
                    if future.done():
                        continue
                    if isinstance(result, Exception):
                        future.set_exception(result)
                    else:
                        future.set_result(result)
                batch = []
        except asyncio.CancelledError:
            for _, future in [*batch, *lane.waiting]:
                future.cancel()
            lane.waiting.clear()
            raise
        finally:
            lane.worker = None
            if not lane.waiting and self._lanes.get(key) is lane:
                del self._lanes[key]
