"""Notification channels in the composition root: the senders, the SSRF guard, the endpoint
store and its use cases, the destination directory the notification center reads."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Sequence

import httpx
import structlog
from dependency_injector import providers

from adapters.notifications.email import EmailSender, SmtpConfig
from adapters.notifications.http_senders import http_client
from adapters.notifications.url_guard import UrlGuard
from bootstrap.settings import Settings, env_name
from ports.notifications import Channel, ChannelSender

_log = structlog.get_logger("bulwark.notifications")
_announced: list[bool] = []


def url_guard(settings: Settings) -> UrlGuard:
    """https only outside dev/test (unless allowed), never private addresses unless allowed."""
    return UrlGuard(
        allow_http=settings.channels.webhook_allow_http or settings.core.env in ("dev", "test"),
        allow_private=settings.channels.webhook_allow_private,
    )


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


def add_email_sender(senders: providers.List, settings: Settings) -> None:
    """Email joins the senders only with an SMTP host; without one, one line says so."""
    config = smtp_config(settings)
    if config is None:
        if not _announced:  # once per process, however many containers it builds
            _announced.append(True)
            _log.info("email_channel_off", hint=f"set {env_name('smtp_host')} to send email")
        return
    senders.add_args(providers.Singleton(EmailSender, config))


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
