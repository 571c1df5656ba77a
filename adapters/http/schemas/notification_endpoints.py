"""Notification endpoint DTOs: secrets come in once; a webhook's signing secret goes out once."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

import msgspec

from adapters.http.schemas.common import Input, Output
from application.notifications.endpoints import (
    MAX_LABEL_LENGTH,
    CreateEndpoint,
    EndpointView,
    TestOutcome,
)
from ports.notifications import Channel

Label = Annotated[str, msgspec.Meta(min_length=1, max_length=MAX_LABEL_LENGTH)]
Url = Annotated[str, msgspec.Meta(min_length=1, max_length=2048)]
ChatId = Annotated[str, msgspec.Meta(min_length=1, max_length=40)]
BotToken = Annotated[str, msgspec.Meta(min_length=1, max_length=130)]


class EndpointIn(Input):
    """A webhook (`url`, https), a Slack incoming webhook (`url`), or a Telegram chat
    (`chat_id` + `bot_token`)."""

    channel: Literal["webhook", "slack", "telegram"]
    label: Label
    url: Url | None = None
    chat_id: ChatId | None = None
    bot_token: BotToken | None = None
    enabled: bool = True

    def __repr__(self) -> str:
        return f"EndpointIn(channel={self.channel!r}, label={self.label!r})"

    def to_command(self) -> CreateEndpoint:
        return CreateEndpoint(
            channel=Channel(self.channel),
            label=self.label,
            url=self.url,
            chat_id=self.chat_id,
            bot_token=self.bot_token,
            enabled=self.enabled,
        )


class EndpointPatchIn(Input):
    """Omitted fields stay as they are."""

    label: Label | None = None
    enabled: bool | None = None


class EndpointOut(Output, omit_defaults=True):
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

    @classmethod
    def from_domain(cls, view: EndpointView) -> EndpointOut:
        return cls(
            id=view.id,
            channel=view.channel.value,
            address=view.address,
            label=view.label,
            enabled=view.enabled,
            created_at=view.created_at,
            secret_hint=view.secret_hint,
            secret=view.secret,
        )


class EndpointListOut(Output):
    items: list[EndpointOut]


class TestOutcomeOut(Output):
    """What the test send did: `reason` and `retryable` when it was not delivered."""

    delivered: bool
    delivery_id: str
    reason: str | None = None
    retryable: bool | None = None

    @classmethod
    def from_domain(cls, outcome: TestOutcome) -> TestOutcomeOut:
        return cls(
            delivered=outcome.delivered,
            delivery_id=outcome.delivery_id,
            reason=outcome.reason,
            retryable=outcome.retryable,
        )
