"""Stream ports: consumer-group lag from the broker, and Bulwark's own consumers to restart."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from domain.monitoring.streams import GroupLag


class ConsumerLagSource(Protocol):
    """Reads a consumer group's lag from the broker.

    `lag(group)` returns, for every partition of the topics the group consumes, the messages
    past its committed offset (a partition without a commit counts from its first offset).
    A group the broker does not know has no partitions and a total of zero. Raises when the
    broker cannot be reached; the caller keeps its previous answer.
    """

    async def lag(self, group: str) -> GroupLag: ...


class ConsumerSupervisor(Protocol):
    """Bulwark's own consumer groups, running in this process.

    `groups()` names them; `restart(group)` stops that group's consumers and starts them
    again (they resume from the committed offsets) and raises domain NotFound for a group
    it does not run.
    """

    def groups(self) -> Sequence[str]: ...

    async def restart(self, group: str) -> None: ...
