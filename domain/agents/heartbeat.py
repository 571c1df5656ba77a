"""Agent heartbeats and liveness: an agent that goes quiet is declared dead."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum

from domain.events import DomainEvent

DEFAULT_THRESHOLD = timedelta(seconds=5)


class Liveness(StrEnum):
    """An agent's liveness as Bulwark sees it."""

    PENDING = "pending"  # registered, never heard from
    ALIVE = "alive"
    DEAD = "dead"


@dataclass(frozen=True, slots=True)
class AgentDied(DomainEvent):
    agent_id: str
    owner_id: str
    last_heartbeat: datetime | None
    declared_at: datetime


@dataclass(frozen=True, slots=True)
class AgentRevived(DomainEvent):
    agent_id: str
    owner_id: str
    by: str


def is_alive(
    last_heartbeat: datetime | None, now: datetime, threshold: timedelta = DEFAULT_THRESHOLD
) -> bool:
    """True when the last heartbeat is no older than `threshold` (inclusive)."""
    return last_heartbeat is not None and now - last_heartbeat <= threshold


@dataclass(slots=True, eq=False)
class Agent:
    """An autonomous agent trading on an owner's accounts."""

    id: str
    owner_id: str
    name: str = ""
    account_ids: tuple[str, ...] = ()
    threshold: timedelta = DEFAULT_THRESHOLD
    liveness: Liveness = Liveness.PENDING
    last_heartbeat: datetime | None = None
    reported_status: str = ""
    died_at: datetime | None = None
    events: list[DomainEvent] = field(default_factory=list, repr=False)

    def record_heartbeat(self, status: str, at: datetime) -> None:
        """Note a heartbeat. A dead agent stays dead: it must be revived by a person."""
        if self.last_heartbeat is None or at > self.last_heartbeat:
            self.last_heartbeat = at
            self.reported_status = status
        if self.liveness is Liveness.PENDING:
            self.liveness = Liveness.ALIVE

    def is_alive(self, now: datetime) -> bool:
        return self.liveness is not Liveness.DEAD and is_alive(
            self.last_heartbeat, now, self.threshold
        )

    def is_overdue(self, now: datetime) -> bool:
        """An agent that has heartbeated before and is now silent past its threshold."""
        return self.liveness is Liveness.ALIVE and not is_alive(
            self.last_heartbeat, now, self.threshold
        )

    def declare_dead(self, now: datetime) -> bool:
        """Mark dead and record AgentDied; False when it already was."""
        if self.liveness is Liveness.DEAD:
            return False
        self.liveness = Liveness.DEAD
        self.died_at = now
        self.events.append(AgentDied(self.id, self.owner_id, self.last_heartbeat, now))
        return True

    def revive(self, by: str) -> None:
        """A person brings a dead agent back (after resuming its scope)."""
        if self.liveness is Liveness.DEAD:
            self.liveness = Liveness.PENDING
            self.died_at = None
            self.events.append(AgentRevived(self.id, self.owner_id, by))
