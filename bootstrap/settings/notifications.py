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
    # Fills told off the order path (application/notifications/fill_notices.py): a turn
    # gathers what queued up for this long, so a burst of fills becomes one digest per
    # account and position instead of a notification each (0: a turn as soon as the loop
    # is free).
    fill_turn_seconds: Annotated[float, msgspec.Meta(ge=0, le=60)] = 0.25


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
    # SMS through Twilio's Messages API: no account SID, no SMS channel. The sender is a
    # Twilio number (E.164) or a Messaging Service SID (MG...); the API URL is a local
    # server in tests.
    sms_twilio_account_sid: str | None = None
    sms_twilio_auth_token: Secret | None = None
    sms_from: str | None = None
    sms_twilio_api_url: Annotated[str, msgspec.Meta(pattern=r"^https?://")] = (
        "https://api.twilio.com"
    )
    sms_timeout_seconds: Seconds = 10.0
    # Web Push with VAPID: the application server's P-256 key pair (the private key as a PEM
    # file or its base64url raw form; `bulwark notifications vapid-keys` makes a pair) and
    # the contact the push services see (mailto: or https:). No key: no Web Push channel.
    web_push_vapid_private_key: Secret | None = None
    web_push_vapid_public_key: str | None = None
    web_push_subject: str = "mailto:bulwark@localhost"
    web_push_ttl_seconds: Annotated[int, msgspec.Meta(ge=0, le=2_419_200)] = 86_400

    def check(self) -> None:
        """SMTP, SMS and Web Push settings that could never send (one line naming the
        variable)."""
        self._check_sms()
        self._check_web_push()
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

    def _check_sms(self) -> None:
        parts = (self.sms_twilio_account_sid, self.sms_twilio_auth_token, self.sms_from)
        if all(p is None for p in parts):
            return
        if any(p is None for p in parts):
            raise SettingsError(
                f"{self.var('sms_twilio_account_sid')}, {self.var('sms_twilio_auth_token')} "
                f"and {self.var('sms_from')} go together"
            )
        sid = self.sms_twilio_account_sid or ""
        if not (sid.startswith("AC") and len(sid) == 34):
            raise SettingsError(f"{self.var('sms_twilio_account_sid')}: expected AC + 32 hex")

    def _check_web_push(self) -> None:
        if (self.web_push_vapid_private_key is None) != (self.web_push_vapid_public_key is None):
            raise SettingsError(
                f"{self.var('web_push_vapid_private_key')} and "
                f"{self.var('web_push_vapid_public_key')} go together"
            )
        if not self.web_push_subject.startswith(("mailto:", "https://")):
            raise SettingsError(f"{self.var('web_push_subject')}: expected mailto: or https://")
