"""The stream ports' fakes (ports/market_data/streams.py): Bulwark's own consumer groups,
restartable."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from domain.errors import NotFound


@dataclass
class FakeConsumers:
    """A ConsumerSupervisor running the `running` groups; `restarted` lists each restart."""

    running: list[str]
    restarted: list[str] = field(default_factory=list)

    def groups(self) -> Sequence[str]:
        return self.running

    async def restart(self, group: str) -> None:
        if group not in self.running:
            raise NotFound(group)
        self.restarted.append(group)
