"""Where the notification center keeps its state: the deliveries outbox, the in-app inbox,
and each user's preferences. Not part of the order transaction: its own port.

Deliveries: one row per (source event, user, channel, destination); its id is the
idempotency key (a hash of those four), so `add_deliveries` of a replayed event inserts
nothing new. The dispatcher `claim`s due pending rows: a claim moves their
`next_attempt_at` to the lease's end, so two dispatchers never hold the same row (SKIP
LOCKED on PostgreSQL, one writer on SQLite and in memory) and a dispatcher that crashes
before `mark_sent` leaves the row to be claimed again when the lease runs out: delivery is
at least once, and the receiver drops a repeat by the delivery id.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Protocol

from domain.notifications.preferences import Preferences


class DeliveryStatus(StrEnum):
    PENDING = "pending"  # due at next_attempt_at (now, after quiet hours, after a backoff)
    SENT = "sent"
    DEAD = "dead"  # dead-lettered: non-retryable failure or attempts exhausted; replayable
    DIGEST = "digest"  # held for the digest sent at next_attempt_at
    DIGESTED = "digested"  # went out inside a digest
    DROPPED = "dropped"  # not sent (over the rate limit); `last_error` says why


@dataclass(frozen=True, slots=True)
class Delivery:
    id: str
    user_id: str
    event_type: str
    priority: str
    channel: str
    title: str
    body: str
    created_at: datetime
    next_attempt_at: datetime
    status: DeliveryStatus = DeliveryStatus.PENDING
    attempts: int = 0
    source_id: str = ""
    destination_id: str | None = None  # a stored destination (webhook...), None for defaults
    address: str | None = None  # an explicit address (an heir's email), else the directory's
    last_error: str = ""
    sent_at: datetime | None = None
    data: Mapping[str, object] = field(default_factory=dict)
    # The body is SecretSealer output (a token: record type "notification_delivery", the id).
    sealed: bool = False


@dataclass(frozen=True, slots=True)
class Failure:
    """One delivery of a dispatcher pass that did not go through: tried again at `retry_at`,
    or dead-lettered when there is none; `reason` kept as its `last_error`."""

    delivery_id: str
    reason: str
    retry_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class InAppNotification:
    id: str
    user_id: str
    event_type: str
    priority: str
    title: str
    body: str
    created_at: datetime
    read_at: datetime | None = None
    data: Mapping[str, object] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Page:
    """Newest first by (created_at, id), strictly after `after`; `user_id` None: every user."""

    user_id: str | None
    after: tuple[datetime, str] | None = None
    limit: int = 50
    unread_only: bool = False
    status: DeliveryStatus | None = None


class NotificationStore(Protocol):
    async def add_deliveries(
        self, deliveries: Sequence[Delivery], in_app: InAppNotification | None = None
    ) -> list[str]:
        """Inserts the deliveries whose id is new (and the in-app copy, unless its id is
        stored, in the same transaction); returns the delivery ids inserted, in order."""
        ...

    async def claim(self, now: datetime, lease_until: datetime, limit: int) -> list[Delivery]:
        """Pending deliveries due at `now`, oldest due first, leased until `lease_until`."""
        ...

    async def mark_sent(self, delivery_ids: Sequence[str], at: datetime) -> None:
        """The deliveries of one dispatcher pass that went through, in one write."""
        ...

    async def mark_retry(self, delivery_id: str, next_at: datetime, reason: str) -> None:
        """attempts + 1, pending again at `next_at`."""
        ...

    async def mark_dead(self, delivery_id: str, reason: str) -> None:
        """attempts + 1, dead-lettered with `reason`."""
        ...

    async def mark_failed(self, failures: Sequence[Failure]) -> None:
        """The failures of one dispatcher pass, in one transaction: each attempts + 1, then
        pending again at its `retry_at`, or dead-lettered when it has none."""
        ...

    async def replay(self, delivery_id: str, now: datetime) -> Delivery | None:
        """A dead delivery back to pending (attempts 0, due now); None unless it was dead."""
        ...

    async def delivery(self, delivery_id: str) -> Delivery | None: ...

    async def deliveries(self, page: Page) -> list[Delivery]: ...

    async def due_digests(self, now: datetime, limit: int) -> list[Delivery]:
        """Held digest rows whose period ended, oldest first."""
        ...

    async def mark_digested(self, delivery_ids: Sequence[str]) -> None: ...

    async def add_in_app(self, notification: InAppNotification) -> bool:
        """False when a notification of that id is stored already."""
        ...

    async def in_app(self, page: Page) -> list[InAppNotification]: ...

    async def mark_read(self, user_id: str, notification_id: str, at: datetime) -> bool:
        """False when the user has no such notification (another user's included)."""
        ...

    async def mark_all_read(self, user_id: str, at: datetime) -> int: ...

    async def in_app_one(self, user_id: str, notification_id: str) -> InAppNotification | None:
        """The user's notification of that id; None for another user's (as for an unknown)."""
        ...

    async def delete_in_app(self, user_id: str, notification_id: str) -> bool:
        """False when the user has no such notification (another user's included)."""
        ...

    async def clear_in_app(self, user_id: str) -> int:
        """Deletes every in-app notification of the user; how many there were."""
        ...

    async def unread_counts(self, user_id: str) -> dict[str, int]:
        """Unread in-app notifications of the user per event type (types with none absent)."""
        ...

    async def mark_read_many(
        self, user_id: str, notification_ids: Sequence[str], at: datetime
    ) -> int:
        """Marks those of the ids that are the user's and unread; how many changed."""
        ...

    async def mark_read_before(self, user_id: str, before: datetime, at: datetime) -> int:
        """Marks the user's unread notifications created strictly before `before`."""
        ...

    async def role_preferences(self, role: str) -> Preferences | None:
        """The admins' default preferences of a role (their `user_id` is empty)."""
        ...

    async def all_role_preferences(self) -> dict[str, Preferences]: ...

    async def put_role_preferences(self, role: str, preferences: Preferences) -> None: ...

    async def remove_role_preferences(self, role: str) -> bool: ...

    async def sealed_after(self, after: str | None, limit: int) -> list[Delivery]:
        """Deliveries with a sealed body, by id, ids > `after` (key rotation walks these)."""
        ...

    async def replace_sealed(self, delivery_id: str, old: str, new: str) -> bool:
        """Compare-and-set of a sealed body; False when it is no longer `old`."""
        ...

    async def preferences(self, user_id: str) -> Preferences | None: ...

    async def put_preferences(self, preferences: Preferences) -> None: ...
