"""Rotations started from the API: one at a time, followed by id, stopped at shutdown."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence

import pytest

from adapters.memory.clock import SequentialIds
from adapters.memory.key_rotation import InMemoryUserSecretSource
from application.keys.rotation_jobs import KeyRotationJobs, RotationRunning
from domain.errors import NotFound
from domain.principals import Principal, Role
from ports.core.encryption import SealedRecord
from tests.unit.core.security.keys.helpers import V1, V2, box, rotation_world, seed_users

ADMIN = Principal("admin-1", Role.ADMIN)


class Gated:
    """A source whose reads wait for the test to open the gate."""

    def __init__(self, inner: InMemoryUserSecretSource) -> None:
        self.inner, self.name = inner, inner.name
        self.gate = asyncio.Event()

    async def batch(self, after: str | None, limit: int) -> Sequence[SealedRecord]:
        await self.gate.wait()
        return await self.inner.batch(after, limit)

    async def replace(self, record: SealedRecord, new_text: str) -> bool:
        return await self.inner.replace(record, new_text)


def jobs_over(count: int) -> tuple[KeyRotationJobs, Gated]:
    world = rotation_world()
    seed_users(world.store, box(V1), count)
    gated = Gated(InMemoryUserSecretSource(world.store, "users.mfa_secret"))
    rotation = world.rotation(box(V1, V2), V1, V2, sources=[gated])
    return KeyRotationJobs(rotation, world.clock, SequentialIds()), gated


async def test_a_second_rotation_is_refused_while_one_runs_then_the_first_finishes() -> None:
    # Arrange
    jobs, gated = jobs_over(15)

    # Act
    job = jobs.start(ADMIN)
    with pytest.raises(RotationRunning) as refused:
        jobs.start(ADMIN)
    gated.gate.set()
    assert job.task is not None
    await job.task

    # Assert
    assert refused.value.code == "ROTATION_RUNNING"
    found = jobs.get(job.id)
    # (this source has no count(): the estimate walks its batches once, so percent is real)
    assert (found.state, found.progress.upgraded, found.progress.percent) == (
        "succeeded",
        15,
        100.0,
    )
    assert found.finished_at is not None


async def test_shutdown_cancels_a_running_rotation_and_an_unknown_id_is_not_found() -> None:
    # Arrange
    jobs, _ = jobs_over(3)
    job = jobs.start(ADMIN)
    await asyncio.sleep(0)

    # Act
    await jobs.close()

    # Assert
    assert job.state == "canceled"
    with pytest.raises(NotFound):
        jobs.get("rot-unknown")
