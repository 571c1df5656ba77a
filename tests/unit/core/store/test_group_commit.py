"""The group committer's queueing, without a database: who joins which group, and when."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from adapters.postgres.group_commit import GroupCommitter, Outcome, Plan
from adapters.postgres.sqlite_writer import drive
from domain.errors import StoreUnavailable


class Gate:
    """A runner that records each group and holds it until released."""

    def __init__(self, fail: dict[int, BaseException] | None = None) -> None:
        self.groups: list[list[int]] = []
        self.release = asyncio.Event()
        self.fail = fail or {}

    async def __call__(self, plans: list[Plan]) -> list[Outcome]:
        ids = [plan.steps[0] for plan in plans]  # each test plan's one "step" is its number
        self.groups.append(ids)  # type: ignore[arg-type]
        await self.release.wait()
        return [self.fail.get(i) for i in ids]  # type: ignore[call-overload]


def plan(number: int, versioned: Any = None) -> Plan:
    versions = [] if versioned is None else [(versioned, versioned.version)]
    return Plan([number], versions)  # type: ignore[list-item]


async def test_a_commit_on_an_idle_committer_starts_a_flush_at_once() -> None:
    gate = Gate()
    gate.release.set()
    committer = GroupCommitter([gate], asyncio.get_running_loop())

    await asyncio.wait_for(committer.commit(plan(1)), timeout=1)

    assert gate.groups == [[1]]


async def test_commits_arriving_during_a_flush_form_the_next_group_up_to_the_cap() -> None:
    gate = Gate()
    committer = GroupCommitter([gate], asyncio.get_running_loop(), max_group=3)
    first = asyncio.ensure_future(committer.commit(plan(1)))
    await asyncio.sleep(0)  # the flush of [1] has started and is held
    later = [asyncio.ensure_future(committer.commit(plan(n))) for n in range(2, 7)]
    await asyncio.sleep(0)

    gate.release.set()
    await asyncio.gather(first, *later)

    assert gate.groups == [[1], [2, 3, 4], [5, 6]]


async def test_commits_made_in_one_loop_turn_share_a_group() -> None:
    gates = [Gate(), Gate()]
    for gate in gates:
        gate.release.set()
    committer = GroupCommitter(list(gates), asyncio.get_running_loop())

    await asyncio.gather(*(committer.commit(plan(n)) for n in range(4)))

    assert [group for gate in gates for group in gate.groups] == [[0, 1, 2, 3]]


async def test_a_failed_unit_raises_alone_and_gets_its_versions_back() -> None:
    class Versioned:
        version = 3

    failing = Versioned()
    gate = Gate(fail={2: ValueError("unit 2's own error")})
    gate.release.set()
    committer = GroupCommitter([gate], asyncio.get_running_loop())
    failing_plan = plan(2, failing)
    failing.version = 4  # as a write would have bumped it

    results = await asyncio.gather(
        committer.commit(plan(1)), committer.commit(failing_plan), return_exceptions=True
    )

    assert results[0] is None
    assert isinstance(results[1], ValueError)
    assert failing.version == 3


async def test_a_group_that_fails_as_a_whole_fails_every_unit_in_it() -> None:
    async def down(plans: list[Plan]) -> list[Outcome]:
        raise OSError("connection refused")

    committer = GroupCommitter([down], asyncio.get_running_loop())

    results = await asyncio.gather(
        *(committer.commit(plan(n)) for n in range(3)), return_exceptions=True
    )

    assert all(isinstance(r, StoreUnavailable) for r in results)


def test_drive_refuses_a_step_that_really_suspends() -> None:
    async def suspends() -> None:
        await asyncio.sleep(0)

    with pytest.raises(RuntimeError, match="awaited something other"):
        drive(suspends())


async def test_a_free_writer_takes_what_arrives_while_another_is_busy() -> None:
    busy, free = Gate(), Gate()
    committer = GroupCommitter([free, busy], asyncio.get_running_loop())
    first = asyncio.ensure_future(committer.commit(plan(1)))
    await asyncio.sleep(0)  # `busy` holds [1]
    later = [asyncio.ensure_future(committer.commit(plan(n))) for n in (2, 3)]
    await asyncio.sleep(0)

    busy.release.set()
    free.release.set()
    await asyncio.gather(first, *later)

    assert (busy.groups, free.groups) == ([[1]], [[2, 3]])
