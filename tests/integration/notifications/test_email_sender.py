"""EmailSender against a real local SMTP server (aiosmtpd): what arrives, and the failures."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from adapters.notifications.email import EmailSender, SmtpConfig
from ports.notifications.notifications import (
    Channel,
    DeliveryFailed,
    Destination,
    OutgoingMessage,
    Priority,
)
from tests.integration.notifications.smtp_server import (
    Mailbox,
    free_port,
    mailbox_server,
    self_signed,
    start_smtp,
)

MESSAGE = OutgoingMessage(
    delivery_id="dlv-42",
    user_id="u-1",
    event_type="killswitch.activated",
    priority=Priority.CRITICAL,
    title="Kill switch activated",
    body="All trading halted by <script>alert(1)</script> & co.\nSecond line.",
    occurred_at=datetime(2026, 3, 2, 14, 30, tzinfo=UTC),
)
TO = Destination(Channel.EMAIL, "alice@example.com")


@pytest.fixture
def mailbox() -> Iterator[tuple[Mailbox, int]]:
    with mailbox_server() as running:
        yield running


def config(port: int, **changes: object) -> SmtpConfig:
    base = {"host": "127.0.0.1", "port": port, "sender": "bulwark@alerts.example.com"}
    return SmtpConfig(**{**base, "starttls": False, **changes})  # type: ignore[arg-type]


async def test_the_email_arrives_with_subject_addresses_and_both_parts(
    mailbox: tuple[Mailbox, int],
) -> None:
    # Arrange
    box, port = mailbox

    # Act
    await EmailSender(config(port)).send(MESSAGE, TO)

    # Assert
    [received] = box.received
    assert received.sender == "bulwark@alerts.example.com"
    assert received.recipients == ["alice@example.com"]
    mail = received.message
    assert mail["Subject"] == "[CRITICAL] Kill switch activated"
    assert mail["From"] == "bulwark@alerts.example.com"
    assert mail["To"] == "alice@example.com"
    assert mail["Message-ID"] == "<dlv-42@alerts.example.com>"
    assert mail["X-Priority"] == "1"
    assert mail["Importance"] == "high"
    text = mail.get_body(("plain",)).get_content()
    html = mail.get_body(("html",)).get_content()
    assert "All trading halted by <script>alert(1)</script> & co." in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; co." in html
    assert "<script>" not in html
    assert "killswitch.activated" in text


async def test_the_same_delivery_sent_twice_carries_the_same_message_id(
    mailbox: tuple[Mailbox, int],
) -> None:
    # Arrange
    box, port = mailbox
    sender = EmailSender(config(port))

    # Act
    await sender.send(MESSAGE, TO)
    await sender.send(MESSAGE, TO)

    # Assert
    ids = [r.message["Message-ID"] for r in box.received]
    assert ids == ["<dlv-42@alerts.example.com>"] * 2


async def test_a_low_priority_message_says_so_and_has_no_prefix(
    mailbox: tuple[Mailbox, int],
) -> None:
    # Arrange
    box, port = mailbox
    low = OutgoingMessage(
        "dlv/odd id", "u-1", "digest", Priority.LOW, "Daily digest", "3 events",
        datetime(2026, 3, 2, tzinfo=UTC),
    )  # fmt: skip

    # Act
    await EmailSender(config(port)).send(low, TO)

    # Assert
    mail = box.received[0].message
    assert mail["Subject"] == "Daily digest"
    assert mail["X-Priority"] == "5"
    assert mail["Message-ID"].endswith("@alerts.example.com>")
    assert "/" not in mail["Message-ID"] and " " not in mail["Message-ID"]


async def test_a_5xx_refusal_is_permanent(mailbox: tuple[Mailbox, int]) -> None:
    # Arrange
    box, port = mailbox
    box.rcpt_replies.append("550 5.1.1 No such user")

    # Act
    with pytest.raises(DeliveryFailed) as failed:
        await EmailSender(config(port)).send(MESSAGE, TO)

    # Assert
    assert not failed.value.retryable
    assert "550" in failed.value.reason


async def test_a_4xx_refusal_is_retryable(mailbox: tuple[Mailbox, int]) -> None:
    # Arrange
    box, port = mailbox
    box.rcpt_replies.append("451 4.7.1 Greylisted, try again later")

    # Act
    with pytest.raises(DeliveryFailed) as failed:
        await EmailSender(config(port)).send(MESSAGE, TO)

    # Assert
    assert failed.value.retryable


async def test_no_server_listening_is_retryable() -> None:
    # Arrange
    sender = EmailSender(config(free_port(), timeout_seconds=2.0))

    # Act
    with pytest.raises(DeliveryFailed) as failed:
        await sender.send(MESSAGE, TO)

    # Assert
    assert failed.value.retryable


async def test_starttls_with_a_trusted_self_signed_certificate(tmp_path: Path) -> None:
    # Arrange
    box = Mailbox()
    cert, key = self_signed(tmp_path)
    controller = start_smtp(box, (cert, key))
    try:
        sender = EmailSender(config(controller.port, starttls=True, ca_file=str(cert)))

        # Act
        await sender.send(MESSAGE, TO)
    finally:
        controller.stop()

    # Assert
    assert [r.message["Message-ID"] for r in box.received] == ["<dlv-42@alerts.example.com>"]


async def test_starttls_with_an_untrusted_certificate_fails(tmp_path: Path) -> None:
    # Arrange: the server's certificate is not in the default trust store
    box = Mailbox()
    controller = start_smtp(box, self_signed(tmp_path))
    try:
        sender = EmailSender(config(controller.port, starttls=True, timeout_seconds=5.0))

        # Act
        with pytest.raises(DeliveryFailed):
            await sender.send(MESSAGE, TO)
    finally:
        controller.stop()

    # Assert
    assert box.received == []
