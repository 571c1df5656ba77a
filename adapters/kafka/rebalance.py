"""Rebalance listeners: a runtime's own, and one for a consumer subscribed before its runtime."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol

from aiokafka import ConsumerRebalanceListener
from aiokafka.structs import TopicPartition


class PartitionOwner(Protocol):
    """What a listener tells (adapters/kafka/runtime.py ConsumerRuntime)."""

    async def partitions_revoked(self, revoked: Iterable[TopicPartition]) -> None: ...

    def partitions_assigned(self, assigned: Iterable[TopicPartition]) -> None: ...


class RuntimeRebalance(ConsumerRebalanceListener):  # type: ignore[misc]
    def __init__(self, owner: PartitionOwner) -> None:
        self._owner = owner

    async def on_partitions_revoked(self, revoked: Iterable[TopicPartition]) -> None:
        await self._owner.partitions_revoked(revoked)

    async def on_partitions_assigned(self, assigned: Iterable[TopicPartition]) -> None:
        self._owner.partitions_assigned(assigned)


class DeferredRebalance(ConsumerRebalanceListener):  # type: ignore[misc]
    """The listener of a consumer subscribed before its runtime exists: it keeps the latest
    assignment and hands it, then every later change, to the runtime that adopts it."""

    def __init__(self) -> None:
        self._owner: PartitionOwner | None = None
        self._assigned: frozenset[TopicPartition] | None = None

    @property
    def assigned(self) -> frozenset[TopicPartition] | None:
        """The partitions held before a runtime took over (None: none yet)."""
        return self._assigned

    def attach(self, owner: PartitionOwner) -> None:
        self._owner = owner
        if self._assigned is not None:
            owner.partitions_assigned(self._assigned)

    async def on_partitions_revoked(self, revoked: Iterable[TopicPartition]) -> None:
        if self._owner is not None:
            await self._owner.partitions_revoked(revoked)
        else:
            self._assigned = None  # nothing was handled yet: nothing to finish

    async def on_partitions_assigned(self, assigned: Iterable[TopicPartition]) -> None:
        if self._owner is not None:
            self._owner.partitions_assigned(assigned)
        else:
            self._assigned = frozenset(assigned)
