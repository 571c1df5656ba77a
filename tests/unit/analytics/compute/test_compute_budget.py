"""ComputeBudget: jobs off the loop, refused when busy, bounded in time, slots freed when done."""

from __future__ import annotations

import asyncio
import threading

import pytest

from application.core.compute_budget import ComputeBudget
from domain.errors import ComputeTimeBudgetExceeded, ComputeUnavailable


async def holding_the_slot(budget: ComputeBudget) -> tuple[threading.Event, asyncio.Task[bool]]:
    """A first job running on the budget until `gate` is set (it answers True then)."""
    gate = threading.Event()
    first = asyncio.create_task(budget.run("first", lambda: gate.wait(5.0)))
    await asyncio.sleep(0.05)
    return gate, first


async def test_a_job_runs_off_the_event_loop_thread_and_returns_its_result() -> None:
    # Arrange
    budget = ComputeBudget(budget_s=5.0)
    loop_thread = threading.get_ident()

    # Act
    result = await budget.run("job", lambda: (threading.get_ident(), 6 * 7))

    # Assert
    assert result[1] == 42
    assert result[0] != loop_thread
    assert budget.busy == 0
    budget.close()


async def test_a_second_job_while_the_only_slot_is_taken_is_refused_as_busy() -> None:
    # Arrange: no queue at all
    budget = ComputeBudget(budget_s=5.0, retry_after_s=3.0, queue_s=0)
    gate, first = await holding_the_slot(budget)

    # Act
    with pytest.raises(ComputeUnavailable) as refused:
        await budget.run("second", lambda: 1)

    # Assert
    assert refused.value.code == "COMPUTE_BUSY"
    assert refused.value.retry_after == 3.0
    gate.set()
    assert await first is True
    assert budget.busy == 0
    budget.close()


async def test_a_job_waits_for_the_busy_slot_and_runs_when_it_frees() -> None:
    # Arrange
    budget = ComputeBudget(budget_s=5.0, queue_s=5.0)
    gate, first = await holding_the_slot(budget)
    second = asyncio.create_task(budget.run("second", lambda: "second ran"))
    await asyncio.sleep(0.05)
    waited = not second.done()

    # Act
    gate.set()

    # Assert
    assert waited
    assert await first is True
    assert await second == "second ran"
    await asyncio.sleep(0)
    assert budget.busy == 0
    budget.close()


async def test_a_job_that_waits_past_the_queue_limit_is_refused_and_leaves_the_queue() -> None:
    # Arrange
    budget = ComputeBudget(budget_s=5.0, queue_s=0.05)
    gate, first = await holding_the_slot(budget)

    # Act
    with pytest.raises(ComputeUnavailable) as refused:
        await budget.run("second", lambda: 2)

    # Assert
    assert refused.value.code == "COMPUTE_BUSY"
    gate.set()
    await first
    await asyncio.sleep(0)
    assert budget.busy == 0
    assert await budget.run("third", lambda: 3) == 3
    budget.close()


async def test_past_max_waiting_a_job_is_refused_at_once() -> None:
    # Arrange
    budget = ComputeBudget(budget_s=5.0, queue_s=5.0, max_waiting=1)
    gate, first = await holding_the_slot(budget)
    queued = asyncio.create_task(budget.run("queued", lambda: "queued ran"))
    await asyncio.sleep(0.05)

    # Act
    with pytest.raises(ComputeUnavailable):
        await budget.run("third", lambda: 3)

    # Assert
    gate.set()
    await first
    assert await queued == "queued ran"
    budget.close()


async def test_a_cancelled_waiting_job_gives_its_place_up() -> None:
    # Arrange
    budget = ComputeBudget(budget_s=5.0, queue_s=5.0)
    gate, first = await holding_the_slot(budget)
    waiting = asyncio.create_task(budget.run("waiting", lambda: "never"))
    await asyncio.sleep(0.05)

    # Act
    waiting.cancel()
    await asyncio.sleep(0)
    gate.set()
    await first
    await asyncio.sleep(0)

    # Assert
    assert waiting.cancelled()
    assert budget.busy == 0
    budget.close()


async def test_a_job_past_its_budget_is_answered_503_and_keeps_its_slot_until_it_ends() -> None:
    # Arrange
    budget = ComputeBudget(budget_s=0.05, queue_s=0)
    gate = threading.Event()
    finished = threading.Event()

    def slow() -> str:
        gate.wait(5.0)
        finished.set()
        return "late"

    # Act
    with pytest.raises(ComputeTimeBudgetExceeded) as late:
        await budget.run("slow", slow)
    busy_after_timeout = budget.busy
    gate.set()
    await asyncio.to_thread(finished.wait, 5.0)
    await asyncio.sleep(0.05)  # the done callback runs on the loop

    # Assert
    assert late.value.code == "COMPUTE_TIME_BUDGET"
    assert isinstance(late.value, ComputeUnavailable)
    assert busy_after_timeout == 1
    assert budget.busy == 0
    assert await budget.run("next", lambda: "ok") == "ok"
    budget.close()


async def test_an_error_in_the_job_reaches_the_caller_and_frees_the_slot() -> None:
    # Arrange
    budget = ComputeBudget(budget_s=5.0)

    def broken() -> None:
        raise ValueError("paths must be >= 1")

    # Act
    with pytest.raises(ValueError, match="paths"):
        await budget.run("broken", broken)
    await asyncio.sleep(0)

    # Assert
    assert budget.busy == 0
    budget.close()


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [({"budget_s": 0}, "budget_s"), ({"slots": 0}, "slots"), ({"queue_s": -1}, "queue_s")],
)
def test_nonsense_settings_are_refused(kwargs: dict[str, float], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        ComputeBudget(**kwargs)  # type: ignore[arg-type]
