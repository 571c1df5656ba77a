"""The drop copy (docs/drop-copy.md): where every order event and fill is copied to, and how."""

from __future__ import annotations

from typing import Annotated, ClassVar

import msgspec

from bootstrap.settings.base import Seconds, Secret, Section, SettingsError

# Kafka's own rule for a topic's name.
TopicName = Annotated[str, msgspec.Meta(pattern=r"^[A-Za-z0-9._-]{1,249}$")]


class DropCopySettings(Section, frozen=True, kw_only=True):
    """BULWARK_DROP_COPY_*: the desk's webhook and Kafka topic (neither set: off), the retries."""

    env_prefix: ClassVar[str] = "drop_copy_"

    # The desk's receiver: each message one signed POST (the secret signs it, as the
    # notification webhooks are signed). Set together or not at all.
    webhook_url: str | None = None
    webhook_secret: Secret | None = None
    webhook_timeout_seconds: Seconds = 5.0
    # A topic of the Kafka cluster of BULWARK_KAFKA_BOOTSTRAP (made when absent and
    # BULWARK_KAFKA_CREATE_TOPICS is on), keyed by order.
    kafka_topic: TopicName | None = None
    # A failed message's next attempt: after base x 2^(attempts - 1) seconds, at most the cap,
    # half of it drawn at random; never given up.
    retry_base_seconds: Seconds = 0.5
    retry_cap_seconds: Seconds = 60.0
    # How often the deliverer looks for messages without being woken (those recorded by
    # another process, retries coming due), messages per pass, orders sent side by side.
    poll_seconds: Annotated[float, msgspec.Meta(gt=0, le=60)] = 0.25
    batch: Annotated[int, msgspec.Meta(ge=1, le=10_000)] = 500
    concurrency: Annotated[int, msgspec.Meta(ge=1, le=256)] = 8
    # Delivered messages are kept this many days, then deleted.
    keep_days: Annotated[int, msgspec.Meta(ge=1, le=3650)] = 7

    @property
    def enabled(self) -> bool:
        return bool(self.webhook_url or self.kafka_topic)

    def check(self) -> None:
        url = self.webhook_url
        if url is not None:
            if not url.startswith(("https://", "http://")) or any(c.isspace() for c in url):
                raise SettingsError(f"{self.var('webhook_url')}: expected an http(s):// URL")
            if self.webhook_secret is None or not self.webhook_secret.reveal():
                raise SettingsError(
                    f"{self.var('webhook_secret')} is required with {self.var('webhook_url')} "
                    "(every message is signed with it)"
                )
        elif self.webhook_secret is not None:
            raise SettingsError(
                f"{self.var('webhook_secret')} is set without {self.var('webhook_url')}"
            )
        if self.retry_cap_seconds < self.retry_base_seconds:
            raise SettingsError(
                f"{self.var('retry_cap_seconds')} must be at least {self.var('retry_base_seconds')}"
            )
