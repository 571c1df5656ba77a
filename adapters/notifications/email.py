"""Email over SMTP (aiosmtplib): a multipart text + HTML message per delivery.

The Message-ID is derived from the delivery id, so a delivery sent twice (a crash between the
send and the outbox update) carries the same id and mail clients and archives can drop the
repeat. SMTP replies classify the failure: 4xx (greylisting, a full mailbox for now) and
connection errors are retryable, 5xx (no such user, relaying denied) permanent.
"""

from __future__ import annotations

import hashlib
import html
import re
from dataclasses import dataclass, field
from email.message import EmailMessage
from email.utils import format_datetime, formatdate

import aiosmtplib

from ports.notifications.notifications import (
    Channel,
    DeliveryFailed,
    Destination,
    OutgoingMessage,
    Priority,
)

# X-Priority (1 highest .. 5 lowest), Importance and Priority (RFC 2156) per message priority.
_PRIORITY_HEADERS = {
    Priority.CRITICAL: ("1", "high", "urgent"),
    Priority.HIGH: ("2", "high", "urgent"),
    Priority.NORMAL: ("3", "normal", "normal"),
    Priority.LOW: ("5", "low", "non-urgent"),
}
_ID_SAFE = re.compile(r"[A-Za-z0-9._-]{1,64}")


@dataclass(frozen=True, slots=True)
class SmtpConfig:
    """Where and how to submit mail (BULWARK_SMTP_*); `password` is never in a repr."""

    host: str
    port: int
    sender: str
    username: str | None = None
    password: str | None = field(default=None, repr=False)
    starttls: bool = True
    tls: bool = False
    timeout_seconds: float = 10.0
    ca_file: str | None = None  # a CA bundle to trust (a private relay's self-signed cert)


def message_id(delivery_id: str, sender: str) -> str:
    """`<delivery id@sender's domain>`; an id with other characters is hashed first."""
    local = delivery_id if _ID_SAFE.fullmatch(delivery_id) else _digest(delivery_id)
    domain = sender.rpartition("@")[2] or "bulwark.invalid"
    return f"<{local}@{domain}>"


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:40]


def build_message(message: OutgoingMessage, to: str, sender: str) -> EmailMessage:
    """The email for one delivery: subject, text part, escaped HTML part, priority headers."""
    mail = EmailMessage()
    prefix = "[CRITICAL] " if message.priority is Priority.CRITICAL else ""
    mail["Subject"] = f"{prefix}{message.title}".replace("\r", " ").replace("\n", " ")
    mail["From"] = sender
    mail["To"] = to
    mail["Date"] = formatdate(localtime=False, usegmt=True)
    mail["Message-ID"] = message_id(message.delivery_id, sender)
    x_priority, importance, priority = _PRIORITY_HEADERS[message.priority]
    mail["X-Priority"] = x_priority
    mail["Importance"] = importance
    mail["Priority"] = priority
    mail["X-Bulwark-Delivery"] = message.delivery_id
    mail["X-Bulwark-Event"] = message.event_type
    occurred = format_datetime(message.occurred_at)
    mail.set_content(f"{message.body}\n\n{message.event_type} · {occurred}\n")
    mail.add_alternative(
        "<html><body>"
        f"<h2>{html.escape(message.title)}</h2>"
        f"<p>{html.escape(message.body).replace(chr(10), '<br>')}</p>"
        f"<p><small>{html.escape(message.event_type)} · {html.escape(occurred)}</small></p>"
        "</body></html>",
        subtype="html",
    )
    return mail


def _smtp_code(error: aiosmtplib.SMTPException) -> int | None:
    if isinstance(error, aiosmtplib.SMTPRecipientsRefused):
        codes = [refused.code for refused in error.recipients]
        return min(codes) if codes else None
    return getattr(error, "code", None)


class EmailSender:
    """Channel EMAIL: one SMTP submission per delivery to the destination's address."""

    channel = Channel.EMAIL

    def __init__(self, config: SmtpConfig) -> None:
        self._config = config

    async def send(self, message: OutgoingMessage, destination: Destination) -> None:
        config = self._config
        mail = build_message(message, destination.address, config.sender)
        try:
            await aiosmtplib.send(
                mail,
                hostname=config.host,
                port=config.port,
                username=config.username,
                password=config.password,
                use_tls=config.tls,
                start_tls=config.starttls and not config.tls,
                timeout=config.timeout_seconds,
                cert_bundle=config.ca_file,
            )
        except aiosmtplib.SMTPResponseException as error:
            raise _refused(error.code) from None
        except aiosmtplib.SMTPRecipientsRefused as error:
            raise _refused(_smtp_code(error)) from None
        except (aiosmtplib.SMTPException, OSError) as error:
            # Connection refused, timeouts, a dropped connection, STARTTLS not offered.
            raise DeliveryFailed(f"SMTP failed ({type(error).__name__})", retryable=True) from None


def _refused(code: int | None) -> DeliveryFailed:
    if code is not None and 500 <= code < 600:
        return DeliveryFailed(f"SMTP refused with {code}", retryable=False)
    return DeliveryFailed(f"SMTP answered {code}", retryable=True)
