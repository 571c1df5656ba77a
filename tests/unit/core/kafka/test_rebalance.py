"""DeferredRebalance: a consumer that joined before its runtime hands the runtime what it holds."""

from __future__ import annotations

from collections.abc import Iterable

from aiokafka.structs import TopicPartition

from adapters.kafka.rebalance import DeferredRebalance

P0, P1 = TopicPartition("orders", 0), TopicPartition("orders", 1)


class Owner:
    """Records what it is told, as ConsumerRuntime would act on it."""

    def __init__(self) -> None:
        self.told: list[tuple[str, frozenset[TopicPartition]]] = []

    async def partitions_revoked(self, revoked: Iterable[TopicPartition]) -> None:
        self.told.append(("revoked", frozenset(revoked)))

    def partitions_assigned(self, assigned: Iterable[TopicPartition]) -> None:
        self.told.append(("assigned", frozenset(assigned)))


async def test_an_assignment_made_before_the_runtime_is_handed_over_then_every_change() -> None:
    # Arrange
    deferred, owner = DeferredRebalance(), Owner()
    await deferred.on_partitions_assigned([P0, P1])

    # Act
    deferred.attach(owner)
    await deferred.on_partitions_revoked([P0, P1])
    await deferred.on_partitions_assigned([P1])

    # Assert
    assert owner.told == [
        ("assigned", frozenset({P0, P1})),
        ("revoked", frozenset({P0, P1})),
        ("assigned", frozenset({P1})),
    ]


async def test_partitions_revoked_before_the_runtime_are_never_handed_over() -> None:
    # Arrange
    deferred, owner = DeferredRebalance(), Owner()
    await deferred.on_partitions_assigned([P0])
    await deferred.on_partitions_revoked([P0])

    # Act
    deferred.attach(owner)

    # Assert
    assert deferred.assigned is None
    assert owner.told == []
