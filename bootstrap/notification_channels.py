"""Notification channels in the composition root: the senders, the SSRF guard, the endpoint
store and its use cases, the destination directory the notification center reads."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Sequence
from typing import TYPE_CHECKING

import httpx
import structlog
from dependency_injector import providers

from adapters.notifications.email import EmailSender, SmtpConfig
from adapters.notifications.http_senders import http_client
from adapters.notifications.url_guard import UrlGuard
from application.notifications.channels import SmsChannel
from bootstrap.settings import Settings, env_name
from domain.errors import CapabilityNotConfigured
from ports.notifications.notifications import Channel, ChannelSender

if TYPE_CHECKING:
    from adapters.notifications.twilio_sms import TwilioSmsSender
    from adapters.notifications.web_push import WebPushSender
    from ports.notifications.notification_endpoints import UrlPolicy

_log = structlog.get_logger("bulwark.notifications")
_announced: list[bool] = []


def url_guard(settings: Settings) -> UrlGuard:
    """https only outside dev/test (unless allowed), never private addresses unless allowed."""
    return UrlGuard(
        allow_http=settings.channels.webhook_allow_http or settings.core.env in ("dev", "test"),
        allow_private=settings.channels.webhook_allow_private,
    )


def channels_off(settings: Settings) -> dict[Channel, CapabilityNotConfigured]:
    """The endpoint channels this instance cannot send on, each with the settings that add it
    (set together): registering or testing such an endpoint answers 409
    CAPABILITY_NOT_CONFIGURED naming them."""
    channels = settings.channels
    off: dict[Channel, CapabilityNotConfigured] = {}
    if None in (channels.sms_twilio_account_sid, channels.sms_twilio_auth_token, channels.sms_from):
        sms = ("sms_twilio_account_sid", "sms_twilio_auth_token", "sms_from")
        off[Channel.SMS] = CapabilityNotConfigured(
            "SMS notifications", [channels.var(name) for name in sms]
        )
    if channels.web_push_vapid_private_key is None:
        vapid = [
            channels.var(n) for n in ("web_push_vapid_private_key", "web_push_vapid_public_key")
        ]
        off[Channel.WEB_PUSH] = CapabilityNotConfigured(
            "Web Push notifications",
            vapid,
            "this instance is not configured for Web Push notifications: set "
            f"{' and '.join(vapid)} (`bulwark notifications vapid-keys` makes a pair)",
        )
    return off


def smtp_config(settings: Settings) -> SmtpConfig | None:
    if settings.channels.smtp_host is None:
        return None
    return SmtpConfig(
        host=settings.channels.smtp_host,
        port=settings.channels.smtp_port,
        sender=settings.channels.smtp_from,
        username=settings.channels.smtp_username,
        password=None
        if settings.channels.smtp_password is None
        else settings.channels.smtp_password.reveal(),
        starttls=settings.channels.smtp_starttls,
        tls=settings.channels.smtp_tls,
        timeout_seconds=settings.channels.smtp_timeout_seconds,
        ca_file=settings.channels.smtp_ca_file,
    )


def notification_http(settings: Settings) -> httpx.AsyncClient:
    return http_client(settings.channels.webhook_timeout_seconds)


def add_optional_senders(
    senders: providers.List, settings: Settings, client: providers.Provider[httpx.AsyncClient]
) -> None:
    """Email, SMS and Web Push join the senders only when configured (SMTP host, Twilio
    account, VAPID keys); for each one off, one line at start says so."""
    channels = settings.channels
    config = smtp_config(settings)
    off: list[tuple[str, str]] = []
    if config is None:
        off.append(("email_channel_off", f"set {env_name('smtp_host')} to send email"))
    else:
        senders.add_args(providers.Singleton(EmailSender, config))
    sid, token, sender = (
        channels.sms_twilio_account_sid,
        channels.sms_twilio_auth_token,
        channels.sms_from,
    )
    if sid is None or token is None or sender is None:
        off.append(("sms_channel_off", f"set {env_name('sms_twilio_account_sid')} to send SMS"))
    else:
        twilio = providers.Singleton(
            twilio_sms_sender,
            client, sid, token.reveal(), sender, channels.sms_twilio_api_url,
        )  # fmt: skip
        senders.add_args(providers.Singleton(SmsChannel, twilio))
    vapid = channels.web_push_vapid_private_key
    if vapid is None:
        hint = f"set {env_name('web_push_vapid_private_key')} for Web Push"
        off.append(("web_push_channel_off", hint))
    else:
        push = providers.Singleton(
            web_push_sender,
            client, url_guard(settings), vapid.reveal(), channels.web_push_subject,
            channels.web_push_ttl_seconds,
        )  # fmt: skip
        senders.add_args(push)
    if not _announced:  # once per process, however many containers it builds
        _announced.append(True)
        for event, hint in off:
            _log.info(event, hint=hint)


def twilio_sms_sender(
    client: httpx.AsyncClient, account_sid: str, auth_token: str, sender: str, api_url: str
) -> TwilioSmsSender:
    """Twilio's SMS sender, its module imported only where SMS is configured."""
    from adapters.notifications.twilio_sms import TwilioSmsSender

    return TwilioSmsSender(client, account_sid, auth_token, sender, api_url)


def web_push_sender(
    client: httpx.AsyncClient,
    guard: UrlPolicy | None,
    vapid_private_key: str,
    subject: str,
    ttl_seconds: int,
) -> WebPushSender:
    """The Web Push sender (and its VAPID library), imported only where Web Push is on."""
    from adapters.notifications.web_push import WebPushSender

    return WebPushSender(client, guard, vapid_private_key, subject, ttl_seconds)


def senders_by_channel(senders: Sequence[ChannelSender]) -> dict[Channel, ChannelSender]:
    return {sender.channel: sender for sender in senders}


async def notification_http_lifetime(
    client: Callable[[], httpx.AsyncClient],
) -> AsyncIterator[None]:
    """Closes the shared client's connections when the app stops."""
    try:
        yield
    finally:
        await client().aclose()
