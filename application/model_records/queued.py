"""Scores recorded off the serving path: a bounded queue drained in batches by a task.

The sentiment engine and the model-signal serving hand each score to `offer_score`, which
builds the prediction (model, version, inputs' hash and numeric inputs, time) and appends it
to a bounded queue without waiting: when the queue is full the score is dropped and counted
in `dropped` (a record lost is better than a slower answer). `flush` writes up to `batch`
queued predictions to the store; `run` flushes every `interval_s` (and at once when a batch
is waiting) until stopped, then writes what is left.
"""

from __future__ import annotations

import asyncio
import contextlib
import math
from collections import deque
from collections.abc import Mapping
from dataclasses import KW_ONLY, dataclass, field
from datetime import datetime

from application.model_records.recorder import score_prediction
from ports.core.clock import IdGenerator
from ports.model_records.predictions import Prediction, PredictionStore


@dataclass(eq=False)
class QueuedRecorder:
    """ScoreSink over a bounded in-process queue (module doc)."""

    store: PredictionStore
    ids: IdGenerator
    _: KW_ONLY
    capacity: int = 10_000
    batch: int = 200
    _queue: deque[Prediction] = field(init=False, default_factory=deque)
    _waiting: asyncio.Event = field(init=False, default_factory=asyncio.Event)
    offered: int = field(init=False, default=0)  # scores taken into the queue
    dropped: int = field(init=False, default=0)  # scores refused: the queue was full
    written: int = field(init=False, default=0)  # predictions stored
    failures: int = field(init=False, default=0)  # predictions the store refused (it was down)

    def __post_init__(self) -> None:
        if self.capacity < 1 or self.batch < 1:
            raise ValueError("capacity and batch must be at least 1")

    @property
    def queued(self) -> int:
        return len(self._queue)

    def offer_score(
        self,
        model: str,
        version: str,
        symbol: str,
        score: float,
        inputs: Mapping[str, float],
        made_at: datetime,
    ) -> bool:
        value = float(score)
        if not math.isfinite(value):
            return False
        if len(self._queue) >= self.capacity:
            self.dropped += 1
            return False
        numbers = {k: float(v) for k, v in inputs.items() if math.isfinite(float(v))}
        self._queue.append(
            score_prediction(self.ids, model, version, symbol, value, numbers, made_at)
        )
        self.offered += 1
        if len(self._queue) >= self.batch:
            self._waiting.set()
        return True

    async def flush(self) -> int:
        """Writes up to one batch of queued predictions; how many were stored."""
        stored = 0
        for _ in range(min(self.batch, len(self._queue))):
            prediction = self._queue.popleft()
            try:
                await self.store.add(prediction)
            except Exception:  # the record is for judging models: never fail the service
                self.failures += 1
                continue
            stored += 1
        self.written += stored
        if len(self._queue) < self.batch:
            self._waiting.clear()
        return stored

    async def run(self, interval_s: float, stop: asyncio.Event) -> None:
        """Flushes until `stop` is set, then drains what is left."""
        while not stop.is_set():
            await self.flush()
            if self._queue and len(self._queue) >= self.batch:
                continue
            stopping = asyncio.ensure_future(stop.wait())
            full = asyncio.ensure_future(self._waiting.wait())
            await asyncio.wait({stopping, full}, timeout=interval_s, return_when="FIRST_COMPLETED")
            for waiter in (stopping, full):
                waiter.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await waiter
        while self._queue:
            await self.flush()
