"""Notifications: the dispatcher and the channels (email over SMTP, webhooks, Slack, Telegram)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, ClassVar

import msgspec

from bootstrap.settings.base import Seconds, Secret, Section, SettingsError


class NotifySettings(Section, frozen=True, kw_only=True):
    """The notification dispatcher: retries, poll, per-user rate limits."""

    env_prefix: ClassVar[str] = "notify_"

    # Notifications (docs/notifications.md): the dispatcher's retries (exponential
    # backoff with full jitter between base and cap; dead-lettered after max attempts), its
    # poll, and each user's rate limit per channel (in-app is not limited; CRITICAL never
    # held back).
    dispatch: bool = True
    poll_seconds: Seconds = 1.0
    retry_base_seconds: Seconds = 2.0
    retry_cap_seconds: Seconds = 600.0
    max_attempts: Annotated[int, msgspec.Meta(ge=1, le=100)] = 8
    rate_per_hour: Annotated[int, msgspec.Meta(ge=1, le=100_000)] = 30
    rate_burst: Annotated[int, msgspec.Meta(ge=1, le=10_000)] = 10


class ChannelSettings(Section, frozen=True, kw_only=True):
    """Notification channels: email over SMTP, webhooks, Slack and Telegram."""

    env_prefix: ClassVar[str] = ""

    # Email over SMTP: no host, no email channel (one line at start says so). STARTTLS on
    # the submission port by default; smtp_tls for implicit TLS (465); a CA file to trust a
    # private relay's certificate.
    smtp_host: str | None = None
    smtp_port: Annotated[int, msgspec.Meta(ge=1, le=65535)] = 587
    smtp_username: str | None = None
    smtp_password: Secret | None = None
    smtp_from: str = "bulwark@localhost"
    smtp_starttls: bool = True
    smtp_tls: bool = False
    smtp_timeout_seconds: Seconds = 10.0
    smtp_ca_file: str | None = None
    # Webhook, Slack and Telegram posts: their timeout; http:// URLs (always allowed in dev
    # and test); receivers on loopback/private/link-local addresses (the SSRF guard is off).
    webhook_timeout_seconds: Seconds = 10.0
    webhook_allow_http: bool = False
    webhook_allow_private: bool = False
    # The Telegram Bot API (a local server in tests).
    telegram_api_url: Annotated[str, msgspec.Meta(pattern=r"^https?://")] = (
        "https://api.telegram.org"
    )

    def check(self) -> None:
        """SMTP settings that could never send (one line naming the variable)."""
        if self.smtp_host is None:
            return
        if "@" not in self.smtp_from or any(c.isspace() for c in self.smtp_from):
            raise SettingsError(
                f"{self.var('smtp_from')}: expected an address like alerts@example.com"
            )
        if self.smtp_starttls and self.smtp_tls:
            raise SettingsError(
                f"set {self.var('smtp_starttls')} or {self.var('smtp_tls')}, not both "
                "(STARTTLS upgrades a plain connection; TLS starts encrypted, port 465)"
            )
        if (self.smtp_username is None) != (self.smtp_password is None):
            raise SettingsError(
                f"{self.var('smtp_username')} and {self.var('smtp_password')} go together"
            )
        if self.smtp_ca_file is not None and not Path(self.smtp_ca_file).is_file():
            raise SettingsError(f"{self.var('smtp_ca_file')}: expected a readable PEM file")
