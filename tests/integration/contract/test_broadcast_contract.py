"""Broadcast contract: the in-memory hub and Redis pub/sub fan out alike, across instances."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

from ports.core.broadcast import Broadcast
from tests.integration.contract.conftest import Backend
from tests.kit.broadcast import Listen

CONNECT = ("connect",)
DISCONNECT = ("disconnect",)


async def test_on_connect_is_called_when_listening_starts(
    new_instance: Callable[[], Broadcast], listen: Listen
) -> None:
    # Act
    recorder = listen(new_instance(), ["killswitch"])

    # Assert
    assert await recorder.next() == CONNECT


async def test_a_message_reaches_every_instance_listening(
    new_instance: Callable[[], Broadcast], listen: Listen
) -> None:
    # Arrange: two instances listening, a third one publishing
    first = listen(new_instance(), ["killswitch"])
    second = listen(new_instance(), ["killswitch"])
    assert await first.next() == CONNECT
    assert await second.next() == CONNECT

    # Act
    await new_instance().publish("killswitch", b"halt:acct-1")

    # Assert
    assert await first.next() == ("message", "killswitch", b"halt:acct-1")
    assert await second.next() == ("message", "killswitch", b"halt:acct-1")


async def test_a_listener_gets_only_its_channels_in_publication_order(
    new_instance: Callable[[], Broadcast], listen: Listen
) -> None:
    # Arrange
    instance = new_instance()
    recorder = listen(instance, ["killswitch", "margin"])
    assert await recorder.next() == CONNECT

    # Act
    await instance.publish("orders", b"not for this listener")
    for n in range(20):
        await instance.publish("killswitch" if n % 2 else "margin", str(n).encode())

    # Assert
    received = [await recorder.next() for _ in range(20)]
    assert received == [
        ("message", "killswitch" if n % 2 else "margin", str(n).encode()) for n in range(20)
    ]


async def test_a_cut_connection_is_reported_then_restored_and_messages_flow_again(
    new_instance: Callable[[], Broadcast], listen: Listen, backend: Backend
) -> None:
    # Arrange
    instance = new_instance()
    recorder = listen(instance, ["killswitch"])
    assert await recorder.next() == CONNECT

    # Act
    await backend.cut_listeners()
    lost = await recorder.next()
    restored = await recorder.next()
    await instance.publish("killswitch", b"after the reconnect")

    # Assert
    assert (lost, restored) == (DISCONNECT, CONNECT)
    assert await recorder.next() == ("message", "killswitch", b"after the reconnect")


async def test_cancelling_a_listener_is_not_a_disconnect(
    new_instance: Callable[[], Broadcast],
) -> None:
    # Arrange
    events: list[str] = []
    connected = asyncio.Event()

    async def on_connect() -> None:
        events.append("connect")
        connected.set()

    async def on_disconnect() -> None:
        events.append("disconnect")

    async def on_message(channel: str, data: bytes) -> None:
        events.append("message")

    task = asyncio.create_task(
        new_instance().listen(["killswitch"], on_message, on_connect, on_disconnect)
    )
    await asyncio.wait_for(connected.wait(), 5.0)

    # Act
    task.cancel()
    await asyncio.gather(task, return_exceptions=True)

    # Assert
    assert task.cancelled()
    assert events == ["connect"]
