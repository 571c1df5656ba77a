"""Rotations started from the admin API: one background task at a time, followed by job id.

Why one at a time: two walks over the same sources would only race each other's CAS writes
and checkpoints. Jobs live in this process (a restart forgets them; the checkpoints do not,
so the next rotation resumes). Finished jobs are kept for reading, the newest `KEEP` only.
"""

from __future__ import annotations

import asyncio
import contextlib
from dataclasses import dataclass, field
from datetime import datetime

from application.keys.rotation import KeyRotation, RotationProgress
from domain.errors import Conflict, NotFound
from domain.principals import Principal
from ports.core.clock import Clock, IdGenerator

KEEP = 20


class RotationRunning(Conflict):
    """A rotation is already under way on this instance."""

    code = "ROTATION_RUNNING"


@dataclass(slots=True)
class RotationJob:
    """One background rotation: its state (running, succeeded, partial, failed) and counts."""

    id: str
    started_by: str
    started_at: datetime
    progress: RotationProgress
    state: str = "running"
    finished_at: datetime | None = None
    error: str | None = None  # the kind of failure, never a record's text
    task: asyncio.Task[None] | None = field(default=None, repr=False)


@dataclass(eq=False)
class KeyRotationJobs:
    """Starts rotations in the background and answers how far they are."""

    rotation: KeyRotation
    clock: Clock
    ids: IdGenerator
    _jobs: dict[str, RotationJob] = field(init=False, default_factory=dict)

    def start(self, caller: Principal, batch: int | None = None) -> RotationJob:
        if any(job.state == "running" for job in self._jobs.values()):
            raise RotationRunning("a key rotation is already running")
        progress = RotationProgress(self.rotation.current())
        job = RotationJob(self.ids.new("rot-"), caller.id, self.clock.now(), progress)
        self._jobs[job.id] = job
        self._forget_old()
        job.task = asyncio.create_task(self._run(job, caller, batch))
        return job

    def get(self, job_id: str) -> RotationJob:
        job = self._jobs.get(job_id)
        if job is None:
            raise NotFound(f"no key rotation {job_id}")
        return job

    async def close(self) -> None:
        """Cancel a rotation in flight (at shutdown); its checkpoint lets the next one resume."""
        for job in list(self._jobs.values()):
            if job.task is not None and not job.task.done():
                job.task.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await job.task

    async def _run(self, job: RotationJob, caller: Principal, batch: int | None) -> None:
        def follow(progress: RotationProgress) -> None:
            job.progress = progress

        try:
            job.progress = await self.rotation.rotate(caller.id, batch, follow)
            partial = job.progress.unreadable_count or job.progress.contended
            job.state = "partial" if partial else "succeeded"
        except asyncio.CancelledError:
            job.state, job.error = "canceled", "the service stopped; the next rotation resumes"
            raise
        except Exception as error:  # reported on the job; the message may name a record
            job.state, job.error = "failed", type(error).__name__
        finally:
            job.finished_at = self.clock.now()

    def _forget_old(self) -> None:
        finished = [j for j in self._jobs.values() if j.state != "running"]
        for job in sorted(finished, key=lambda j: j.started_at)[: max(0, len(finished) - KEEP)]:
            del self._jobs[job.id]
