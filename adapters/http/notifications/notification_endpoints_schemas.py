"""Notification endpoint DTOs: secrets come in once; a webhook's signing secret goes out once."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

import msgspec

from adapters.http.schemas.common import Input, ItemsOut, Mirror
from application.notifications.endpoints import (
    MAX_LABEL_LENGTH,
    CreateEndpoint,
    EndpointView,
    TestOutcome,
)
from ports.notifications.notifications import Channel

Label = Annotated[str, msgspec.Meta(min_length=1, max_length=MAX_LABEL_LENGTH)]
Url = Annotated[str, msgspec.Meta(min_length=1, max_length=2048)]
ChatId = Annotated[str, msgspec.Meta(min_length=1, max_length=40)]
BotToken = Annotated[str, msgspec.Meta(min_length=1, max_length=130)]
PhoneNumber = Annotated[str, msgspec.Meta(min_length=1, max_length=32, examples=["+14155550123"])]
PushKey = Annotated[str, msgspec.Meta(min_length=1, max_length=200)]


class PushKeysIn(Input):
    p256dh: PushKey
    auth: PushKey


class PushSubscriptionIn(Input, forbid_unknown_fields=False):
    """A browser's PushSubscription as `subscription.toJSON()` gives it."""

    endpoint: Url
    keys: PushKeysIn
    expirationTime: int | None = None


class EndpointIn(Input):
    """A webhook (`url`, https), a Slack incoming webhook (`url`), a Telegram chat
    (`chat_id` + `bot_token`), a phone for SMS (`phone_number`, E.164) or a browser for
    Web Push (`subscription`, the PushSubscription the console's service worker made)."""

    channel: Literal["webhook", "slack", "telegram", "sms", "web_push"]
    label: Label
    url: Url | None = None
    chat_id: ChatId | None = None
    bot_token: BotToken | None = None
    enabled: bool = True
    phone_number: PhoneNumber | None = None
    subscription: PushSubscriptionIn | None = None

    def __repr__(self) -> str:
        return f"EndpointIn(channel={self.channel!r}, label={self.label!r})"

    def to_command(self) -> CreateEndpoint:
        return self.into(
            CreateEndpoint,
            channel=Channel(self.channel),
            subscription=_subscription(self.subscription),
        )


def _subscription(given: PushSubscriptionIn | None) -> dict[str, object] | None:
    if given is None:
        return None
    return {
        "endpoint": given.endpoint,
        "keys": {"p256dh": given.keys.p256dh, "auth": given.keys.auth},
    }


class EndpointPatchIn(Input):
    """Omitted fields stay as they are."""

    label: Label | None = None
    enabled: bool | None = None


class EndpointOut(Mirror[EndpointView], omit_defaults=True):
    """An endpoint; `secret` (a webhook's signing secret) only in the create and
    rotate-secret answers, never again: `secret_hint` is what stays visible."""

    id: str
    channel: str
    address: str
    label: str
    enabled: bool
    created_at: datetime
    secret_hint: str
    secret: str | None = None

    def __repr__(self) -> str:
        return f"EndpointOut(id={self.id!r}, channel={self.channel!r})"

    enum_values = ("channel",)


class EndpointListOut(ItemsOut):
    items: list[EndpointOut]


class TestOutcomeOut(Mirror[TestOutcome]):
    """What the test send did: `reason` and `retryable` when it was not delivered."""

    delivered: bool
    delivery_id: str
    reason: str | None = None
    retryable: bool | None = None
