"""A pinned https send still checks the certificate against the URL's name (SNI), not the IP."""

from __future__ import annotations

import asyncio
import ssl
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path

import httpx
import pytest

from adapters.notifications.http_senders import WebhookSender
from ports.notifications.notifications import (
    Channel,
    DeliveryFailed,
    Destination,
    OutgoingMessage,
    Priority,
)
from tests.integration.notifications.smtp_server import self_signed

MESSAGE = OutgoingMessage(
    "dlv-1", "u-1", "margin.call", Priority.HIGH, "t", "b", datetime(2026, 3, 2, tzinfo=UTC)
)


class Pinning:
    async def check(self, url: str) -> list[str]:
        return ["127.0.0.1"]


async def tls_receiver(cert: Path, key: Path, seen: list[bytes]) -> asyncio.Server:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(str(cert), str(key))

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        head = await reader.readuntil(b"\r\n\r\n")
        length = next(
            int(line.split(b":", 1)[1])
            for line in head.split(b"\r\n")
            if line.lower().startswith(b"content-length:")
        )
        await reader.readexactly(length)
        seen.append(head)
        writer.write(b"HTTP/1.1 204 No Content\r\nConnection: close\r\n\r\n")
        await writer.drain()
        writer.close()

    return await asyncio.start_server(handle, "127.0.0.1", 0, ssl=context)


@pytest.fixture
async def served(tmp_path: Path) -> AsyncIterator[tuple[int, list[bytes], Path]]:
    cert, key = self_signed(tmp_path, "hooks.receiver.test")
    seen: list[bytes] = []
    server = await tls_receiver(cert, key, seen)
    try:
        yield server.sockets[0].getsockname()[1], seen, cert
    finally:
        server.close()
        await server.wait_closed()


async def test_the_certificate_is_checked_against_the_name_while_connecting_to_the_address(
    served: tuple[int, list[bytes], Path],
) -> None:
    # Arrange
    port, seen, cert = served
    trust = ssl.create_default_context(cafile=str(cert))
    destination = Destination(
        Channel.WEBHOOK, f"https://hooks.receiver.test:{port}/hook", secret="s"
    )

    # Act
    async with httpx.AsyncClient(verify=trust, follow_redirects=False) as client:
        await WebhookSender(client, Pinning()).send(MESSAGE, destination)

    # Assert
    [head] = seen
    assert f"host: hooks.receiver.test:{port}".encode() in head.lower()


async def test_a_certificate_for_another_name_is_refused(
    tmp_path: Path, served: tuple[int, list[bytes], Path]
) -> None:
    # Arrange: the URL names another host than the certificate
    port, seen, cert = served
    trust = ssl.create_default_context(cafile=str(cert))
    destination = Destination(Channel.WEBHOOK, f"https://other.receiver.test:{port}/h", secret="s")

    # Act
    async with httpx.AsyncClient(verify=trust, follow_redirects=False) as client:
        with pytest.raises(DeliveryFailed) as failed:
            await WebhookSender(client, Pinning()).send(MESSAGE, destination)

    # Assert
    assert failed.value.retryable  # a TLS failure is a connection error
    assert seen == []
