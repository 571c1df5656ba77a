"""The dynamic batcher: each caller its own answer, batch bounds, backpressure, failures."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import pytest
from hypothesis import given
from hypothesis import strategies as st

from adapters.gpu.batching import BatchSettings, DynamicBatcher
from domain.inference.errors import InferenceBusy


@pytest.fixture
def executor() -> Iterator[ThreadPoolExecutor]:
    pool = ThreadPoolExecutor(max_workers=1)
    yield pool
    pool.shutdown(wait=False, cancel_futures=True)


class Recorder:
    """A model that squares numbers and remembers the batches it was given."""

    def __init__(self) -> None:
        self.batches: list[list[int]] = []
        self.gate = threading.Event()
        self.gate.set()

    def __call__(self, items: list[int]) -> list[int]:
        self.gate.wait(5)
        self.batches.append(list(items))
        return [i * i for i in items]


async def test_concurrent_callers_each_get_their_own_answers_in_few_batches(
    executor: ThreadPoolExecutor,
) -> None:
    # Arrange: 100 callers, 1 to 3 items each, batches of at most 8
    model = Recorder()
    batcher = DynamicBatcher(model, executor, BatchSettings(max_batch=8, wait_s=0.01))
    requests = [list(range(n, n + 1 + n % 3)) for n in range(100)]

    # Act
    answers = await asyncio.gather(*(batcher.submit(r) for r in requests))

    # Assert
    assert answers == [[i * i for i in r] for r in requests]
    assert all(len(b) <= 8 for b in model.batches)
    assert len(model.batches) < sum(len(r) for r in requests) / 2  # calls were shared
    assert batcher.queued_rows == 0


@given(st.lists(st.lists(st.integers(-1000, 1000), min_size=1, max_size=5), max_size=30))
def test_every_caller_gets_exactly_its_items_answered_in_order(requests: list[list[int]]) -> None:
    # Arrange
    model = Recorder()

    async def run() -> list[list[int]]:
        with ThreadPoolExecutor(max_workers=1) as pool:
            batcher = DynamicBatcher(model, pool, BatchSettings(max_batch=4, wait_s=0.001))
            return await asyncio.gather(*(batcher.submit(r) for r in requests))

    # Act
    answers = asyncio.run(run())

    # Assert
    assert answers == [[i * i for i in r] for r in requests]
    assert sorted(i for b in model.batches for i in b) == sorted(i for r in requests for i in r)


async def test_a_full_queue_refuses_at_once_and_the_queued_still_complete(
    executor: ThreadPoolExecutor,
) -> None:
    # Arrange: the model is held, so the queue (bound 4 rows) fills up behind one batch of 2
    model = Recorder()
    model.gate.clear()
    batcher = DynamicBatcher(model, executor, BatchSettings(max_batch=2, wait_s=0, queue_bound=4))
    running = asyncio.ensure_future(batcher.submit([1, 2]))
    await asyncio.sleep(0.05)  # the first batch is taken and held in the model
    queued = asyncio.ensure_future(batcher.submit([3, 4, 5, 6]))
    await asyncio.sleep(0)

    # Act
    with pytest.raises(InferenceBusy) as refused:
        await batcher.submit([7])
    model.gate.set()

    # Assert
    assert refused.value.retry_after > 0
    assert refused.value.code == "INFERENCE_BUSY"
    assert await running == [1, 4]
    assert await queued == [9, 16, 25, 36]


async def test_a_failing_batch_fails_each_of_its_callers_and_the_next_batch_runs(
    executor: ThreadPoolExecutor,
) -> None:
    # Arrange: the model fails on 13
    def model(items: list[int]) -> list[int]:
        if 13 in items:
            raise RuntimeError("unlucky")
        return items

    batcher = DynamicBatcher(model, executor, BatchSettings(max_batch=4, wait_s=0.01))

    # Act
    results = await asyncio.gather(
        batcher.submit([13]), batcher.submit([1]), return_exceptions=True
    )
    after = await batcher.submit([2])

    # Assert: both shared the failing batch
    assert all(isinstance(r, RuntimeError) for r in results)
    assert after == [2]


async def test_a_caller_that_gave_up_is_left_out_of_its_batch(
    executor: ThreadPoolExecutor,
) -> None:
    # Arrange: the model is held on a first batch while two more callers queue
    model = Recorder()
    model.gate.clear()
    batcher = DynamicBatcher(model, executor, BatchSettings(max_batch=1, wait_s=0))
    first = asyncio.ensure_future(batcher.submit([1]))
    await asyncio.sleep(0.05)
    quitter = asyncio.ensure_future(batcher.submit([2]))
    stayer = asyncio.ensure_future(batcher.submit([3]))
    await asyncio.sleep(0)

    # Act
    quitter.cancel()
    model.gate.set()

    # Assert
    assert await first == [1]
    assert await stayer == [9]
    assert [2] not in model.batches


def test_settings_that_cannot_hold_a_batch_are_refused() -> None:
    # Arrange / Act / Assert
    with pytest.raises(ValueError, match="queue_bound >= max_batch"):
        BatchSettings(max_batch=32, queue_bound=16)
