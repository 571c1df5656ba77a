"""KeyedBatcher: per-key batches in arrival order, failures per item or per batch, idle lanes."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence

import pytest

from application.core.batching import KeyedBatcher


class Boom(Exception):
    """An error a runner raises or returns."""


class Runner:
    """Echoes `key:item` for each item and records every batch it is given.

    Items named in `fail` come back as a Boom for that item alone; while `gate` is
    set to an unset event, each batch waits on it (a slow unit of work).
    """

    def __init__(self, fail: frozenset[str] = frozenset()) -> None:
        self.batches: list[tuple[str, list[str]]] = []
        self.fail = fail
        self.gate: asyncio.Event | None = None
        self.started = asyncio.Event()

    async def __call__(self, key: str, items: list[str]) -> Sequence[str | Exception]:
        self.batches.append((key, list(items)))
        self.started.set()
        if self.gate is not None:
            await self.gate.wait()
        return [Boom(item) if item in self.fail else f"{key}:{item}" for item in items]


def batcher(runner: Runner, max_batch: int = 128) -> KeyedBatcher[str, str]:
    return KeyedBatcher(runner, max_batch)


async def held_in_a_first_batch(runner: Runner) -> tuple[KeyedBatcher[str, str], asyncio.Task[str]]:
    """A batcher over `runner`, its first batch (key "k", item "a") held inside the runner until
    the runner's gate is set; the batcher and the task that submitted "a"."""
    runner.gate = asyncio.Event()
    b = batcher(runner)
    first = asyncio.create_task(b.submit("k", "a"))
    await runner.started.wait()
    return b, first


async def _settle() -> None:
    """Let every ready task run until each waits on something outside the loop's queue."""
    for _ in range(10):
        await asyncio.sleep(0)


async def test_items_of_one_key_run_in_arrival_order_in_batches_of_at_most_max_batch() -> None:
    # Arrange
    runner = Runner()
    b = batcher(runner, max_batch=3)
    items = [f"i{n}" for n in range(7)]

    # Act
    results = await asyncio.gather(*(b.submit("k", item) for item in items))

    # Assert
    assert results == [f"k:{item}" for item in items]
    assert runner.batches == [
        ("k", ["i0", "i1", "i2"]),
        ("k", ["i3", "i4", "i5"]),
        ("k", ["i6"]),
    ]
    assert (b.batches, b.items) == (3, 7)


async def test_one_item_submitted_alone_runs_as_a_batch_of_one() -> None:
    # Arrange
    runner = Runner()
    b = batcher(runner)

    # Act
    result = await b.submit("k", "only")

    # Assert
    assert result == "k:only"
    assert runner.batches == [("k", ["only"])]


async def test_different_keys_run_independently_and_concurrently() -> None:
    # Arrange: key "slow" is held inside its runner until the gate opens
    slow_runner, fast_runner = Runner(), Runner()
    slow_runner.gate = asyncio.Event()

    async def run(key: str, items: list[str]) -> Sequence[str | Exception]:
        return await (slow_runner if key == "slow" else fast_runner)(key, items)

    b: KeyedBatcher[str, str] = KeyedBatcher(run)
    slow = asyncio.create_task(b.submit("slow", "a"))
    await slow_runner.started.wait()

    # Act: another key's item completes while "slow" is still running
    fast = await b.submit("fast", "b")
    slow_still_running = not slow.done()
    slow_runner.gate.set()
    slow_result = await slow

    # Assert
    assert fast == "fast:b"
    assert slow_still_running
    assert slow_result == "slow:a"
    assert fast_runner.batches == [("fast", ["b"])]
    assert slow_runner.batches == [("slow", ["a"])]


async def test_keys_are_batched_separately_even_when_submitted_interleaved() -> None:
    # Arrange
    runner = Runner()
    b = batcher(runner)

    # Act
    results = await asyncio.gather(
        b.submit("x", "1"), b.submit("y", "2"), b.submit("x", "3"), b.submit("y", "4")
    )

    # Assert
    assert list(results) == ["x:1", "y:2", "x:3", "y:4"]
    assert sorted(runner.batches) == [("x", ["1", "3"]), ("y", ["2", "4"])]


async def test_an_exception_for_one_item_fails_only_that_item() -> None:
    # Arrange
    runner = Runner(fail=frozenset({"bad"}))
    b = batcher(runner)

    # Act
    results = await asyncio.gather(
        b.submit("k", "a"), b.submit("k", "bad"), b.submit("k", "c"), return_exceptions=True
    )

    # Assert
    ok_a, failed, ok_c = results
    assert (ok_a, ok_c) == ("k:a", "k:c")
    assert isinstance(failed, Boom)
    assert failed.args == ("bad",)
    assert runner.batches == [("k", ["a", "bad", "c"])]


async def test_an_exception_from_the_runner_fails_every_waiter_of_that_batch() -> None:
    # Arrange
    error = Boom("store down")

    async def run(key: str, items: list[str]) -> Sequence[str | Exception]:
        raise error

    b: KeyedBatcher[str, str] = KeyedBatcher(run)

    # Act
    results = await asyncio.gather(
        b.submit("k", "a"), b.submit("k", "b"), b.submit("k", "c"), return_exceptions=True
    )

    # Assert
    assert list(results) == [error, error, error]
    assert b._lanes == {}


async def test_a_runner_failure_fails_only_its_batch_and_the_next_batch_still_runs() -> None:
    # Arrange: the first batch (max 2 items) raises, the second succeeds
    seen: list[list[str]] = []

    async def run(key: str, items: list[str]) -> Sequence[str | Exception]:
        seen.append(list(items))
        if len(seen) == 1:
            raise Boom("first batch")
        return [f"ok:{item}" for item in items]

    b: KeyedBatcher[str, str] = KeyedBatcher(run, max_batch=2)

    # Act
    results = await asyncio.gather(*(b.submit("k", item) for item in "abc"), return_exceptions=True)

    # Assert
    first, second, third = results
    assert isinstance(first, Boom) and first is second
    assert third == "ok:c"
    assert seen == [["a", "b"], ["c"]]


async def test_a_runner_returning_the_wrong_number_of_results_fails_the_whole_batch() -> None:
    # Arrange
    async def run(key: str, items: list[str]) -> Sequence[str | Exception]:
        return ["just one"]

    b: KeyedBatcher[str, str] = KeyedBatcher(run)

    # Act
    results = await asyncio.gather(b.submit("k", "a"), b.submit("k", "b"), return_exceptions=True)

    # Assert
    assert all(isinstance(r, RuntimeError) for r in results)
    assert b._lanes == {}


async def test_submissions_that_arrive_while_a_batch_runs_form_the_next_batch() -> None:
    # Arrange: the first batch is held inside the runner
    runner = Runner()
    b, first = await held_in_a_first_batch(runner)

    # Act
    later = [asyncio.create_task(b.submit("k", item)) for item in ("b", "c", "d")]
    await _settle()
    batches_while_held = list(runner.batches)
    runner.gate.set()
    results = await asyncio.gather(first, *later)

    # Assert
    assert batches_while_held == [("k", ["a"])]
    assert runner.batches == [("k", ["a"]), ("k", ["b", "c", "d"])]
    assert results == ["k:a", "k:b", "k:c", "k:d"]
    assert b.batches == 2


async def test_a_waiter_cancelled_before_its_batch_starts_is_skipped() -> None:
    # Arrange: "a" is running; "b", "c" and "d" queue behind it
    runner = Runner()
    b, first = await held_in_a_first_batch(runner)
    waiting = {item: asyncio.create_task(b.submit("k", item)) for item in ("b", "c", "d")}
    await _settle()

    # Act
    waiting["c"].cancel()
    runner.gate.set()
    results = await asyncio.gather(first, waiting["b"], waiting["d"])

    # Assert
    assert list(results) == ["k:a", "k:b", "k:d"]
    assert waiting["c"].cancelled()
    assert runner.batches == [("k", ["a"]), ("k", ["b", "d"])]
    assert b.items == 3
    assert b._lanes == {}


async def test_a_batch_whose_waiters_all_gave_up_is_not_run() -> None:
    # Arrange
    runner = Runner()
    b, first = await held_in_a_first_batch(runner)
    gave_up = [asyncio.create_task(b.submit("k", item)) for item in ("b", "c")]
    await _settle()

    # Act
    for task in gave_up:
        task.cancel()
    runner.gate.set()
    result = await first
    await asyncio.gather(*gave_up, return_exceptions=True)
    await _settle()

    # Assert
    assert result == "k:a"
    assert runner.batches == [("k", ["a"])]
    assert b.batches == 1
    assert b._lanes == {}


async def test_a_waiter_cancelled_while_its_batch_runs_does_not_disturb_the_others() -> None:
    # Arrange
    runner = Runner()
    runner.gate = asyncio.Event()
    b = batcher(runner)
    tasks = [asyncio.create_task(b.submit("k", item)) for item in ("a", "b", "c")]
    await runner.started.wait()

    # Act
    tasks[1].cancel()
    runner.gate.set()
    results = await asyncio.gather(*tasks, return_exceptions=True)

    # Assert
    assert results[0] == "k:a" and results[2] == "k:c"
    assert isinstance(results[1], asyncio.CancelledError)
    assert runner.batches == [("k", ["a", "b", "c"])]
    assert b._lanes == {}


async def test_lanes_are_removed_when_idle_and_a_later_submission_starts_a_new_one() -> None:
    # Arrange
    runner = Runner(fail=frozenset({"bad"}))
    b = batcher(runner, max_batch=2)

    # Act
    await asyncio.gather(
        *(b.submit(f"acc-{n % 5}", f"i{n}") for n in range(40)),
        b.submit("acc-0", "bad"),
        return_exceptions=True,
    )
    idle_after_burst = dict(b._lanes)
    again = await b.submit("acc-0", "later")

    # Assert
    assert idle_after_burst == {}
    assert again == "acc-0:later"
    assert b._lanes == {}


@pytest.mark.parametrize("max_batch", [0, -1])
def test_a_max_batch_below_one_is_refused(max_batch: int) -> None:
    # Act / Assert
    with pytest.raises(ValueError, match="max_batch"):
        KeyedBatcher(Runner(), max_batch)
