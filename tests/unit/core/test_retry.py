"""Bounded retry of a use case that lost an optimistic-lock race."""

from __future__ import annotations

import pytest

from application.core.retry import retry_on_conflict
from domain.errors import ConcurrentUpdate, Conflict


class Flaky:
    def __init__(self, conflicts: int, error: Exception | None = None) -> None:
        self.calls = 0
        self.conflicts = conflicts
        self.error = error

    async def __call__(self) -> str:
        self.calls += 1
        if self.error is not None:
            raise self.error
        if self.calls <= self.conflicts:
            raise ConcurrentUpdate("account acc-1 was changed by someone else")
        return "done"


async def test_a_lost_race_is_run_again_with_a_fresh_attempt() -> None:
    operation = Flaky(conflicts=2)

    result = await retry_on_conflict(operation, attempts=3, base_delay=0)

    assert result == "done"
    assert operation.calls == 3


async def test_after_the_last_attempt_the_conflict_propagates() -> None:
    operation = Flaky(conflicts=5)

    with pytest.raises(ConcurrentUpdate):
        await retry_on_conflict(operation, attempts=3, base_delay=0)
    assert operation.calls == 3


async def test_other_errors_are_not_retried() -> None:
    operation = Flaky(conflicts=0, error=Conflict("idempotency key reused"))

    with pytest.raises(Conflict):
        await retry_on_conflict(operation, attempts=3, base_delay=0)
    assert operation.calls == 1
