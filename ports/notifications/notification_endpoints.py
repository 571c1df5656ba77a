"""Where a user's webhook, Slack, Telegram, SMS and Web Push notifications go: their
registered endpoints.

An endpoint's secret part is kept sealed (SecretSealer, record type `notification_endpoint`,
record id = the endpoint id): the HMAC signing secret of a webhook, the whole URL of a Slack
incoming webhook (whoever has it can post), the bot token of a Telegram endpoint, the phone
number of an SMS endpoint, the subscription (URL and keys) of a Web Push endpoint. `address`
holds only what may be shown: the webhook URL, the Telegram chat id, a masked Slack URL, a
masked number, the push service's host.

A user-registered URL is checked by a `UrlPolicy` at registration and again before each send
(DNS can change in between): outside dev only https, and never an address on a loopback,
private, link-local or multicast network unless the operator allows it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol

from ports.core.encryption import SealedRecord
from ports.notifications.notifications import Channel

RECORD_TYPE = "notification_endpoint"
ENDPOINT_CHANNELS = (
    Channel.WEBHOOK,
    Channel.SLACK,
    Channel.TELEGRAM,
    Channel.SMS,
    Channel.WEB_PUSH,
)


@dataclass(slots=True)
class NotificationEndpoint:
    """One registered destination of one user; `sealed` is the SecretSealer text."""

    id: str
    owner_id: str
    channel: Channel
    address: str
    label: str
    enabled: bool
    created_at: datetime
    sealed: str = field(repr=False)


class UrlRefused(ValueError):
    """A URL a user may not make Bulwark call; `code` says why (stable, for problem+json)."""

    def __init__(self, code: str, reason: str) -> None:
        super().__init__(reason)
        self.code = code
        self.reason = reason


class UrlPolicy(Protocol):
    """Checks a user-supplied URL (scheme, then every address its host resolves to)."""

    async def check(self, url: str) -> Sequence[str]:
        """The addresses checked for `url`'s host (empty when none were: a literal allowed
        by configuration); raises UrlRefused when Bulwark may not call it. A sender connects
        to one of these addresses, not to a second lookup's answer (DNS rebinding)."""
        ...


class NotificationEndpointStore(Protocol):
    """Users' endpoints. Reads by id are owner-scoped: another user's id reads as None."""

    async def add(self, endpoint: NotificationEndpoint) -> None: ...

    async def get(self, endpoint_id: str, owner_id: str) -> NotificationEndpoint | None: ...

    async def list_for(
        self, owner_id: str, channel: Channel | None = None
    ) -> list[NotificationEndpoint]:
        """The owner's endpoints (of one channel when given), oldest first."""
        ...

    async def save(self, endpoint: NotificationEndpoint) -> None:
        """Writes label, enabled and sealed of a stored endpoint; KeyError when it is gone."""
        ...

    async def remove(self, endpoint_id: str, owner_id: str) -> bool: ...

    async def sealed_batch(self, after: str | None, limit: int) -> Sequence[SealedRecord]:
        """Up to `limit` sealed secrets with endpoint id > `after`, in id order (rotation)."""
        ...

    async def replace_sealed(self, record: SealedRecord, new_text: str) -> bool:
        """Compare-and-set of one sealed secret: writes only while it is still `record.text`."""
        ...
