"""Several partitions' records into one stream, in event-time order, the same on every run.

The events topic is keyed by account, so one owner's events may sit in several partitions;
a detector that looks across an owner's accounts must see them in one order whatever the
order the consumer fetched them in. The merge releases the record with the smallest
(event time, partition, offset) among the partitions' next records, and only while every
partition either has a record waiting or is caught up (nothing more to read now). Over a
topic whose records are all there (a replay, a restart behind the end) that order depends
on the records alone; live, a partition that was caught up can later bring a record older
than one already released (by at most the outbox relay's lag): it is then taken as it
comes, in its partition's order.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

Record = tuple[int, int, Any]  # (event time µs, offset, decoded event)


@dataclass(eq=False)
class PartitionMerge:
    """Buffers records per partition; `release` yields them in merged order."""

    _waiting: dict[str, deque[Record]] = field(init=False, default_factory=dict)

    def add(self, partition: str, offset: int, at_us: int, event: Any) -> None:
        self._waiting.setdefault(partition, deque()).append((at_us, offset, event))

    def waiting(self) -> int:
        return sum(len(q) for q in self._waiting.values())

    def forget(self, partitions: Iterable[str]) -> None:
        """Drops what waits for partitions this reader no longer holds."""
        for partition in partitions:
            self._waiting.pop(partition, None)

    def release(
        self, partitions: Iterable[str], caught_up: Callable[[str], bool]
    ) -> Iterator[tuple[str, int, int, Any]]:
        """(partition, offset, event time, event) in merged order, while it can decide."""
        names = sorted(partitions)
        while True:
            best: tuple[int, str, int] | None = None
            for name in names:
                queue = self._waiting.get(name)
                if queue:
                    at_us, offset, _ = queue[0]
                    if best is None or (at_us, name, offset) < best:
                        best = (at_us, name, offset)
                elif not caught_up(name):
                    return  # this partition may still bring an earlier record
            if best is None:
                return
            at_us, name, offset = best
            _, _, event = self._waiting[name].popleft()
            yield name, offset, at_us, event
