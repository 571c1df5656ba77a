"""Listening on a Broadcast in tests: a recorder of its callbacks, and listeners started as
tasks that are cancelled (and must stop) when the test is done."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager

from ports.core.broadcast import Broadcast

WAIT_S = 5.0  # how long a test waits for an event before failing (a bound, not an assertion)

Event = tuple[object, ...]


class Recorder:
    """A listener's callbacks in order: ("connect",), ("disconnect",), ("message", chan, data)."""

    def __init__(self) -> None:
        self._events: asyncio.Queue[Event] = asyncio.Queue()

    async def on_message(self, channel: str, data: bytes) -> None:
        await self._events.put(("message", channel, data))

    async def on_connect(self) -> None:
        await self._events.put(("connect",))

    async def on_disconnect(self) -> None:
        await self._events.put(("disconnect",))

    async def next(self) -> Event:
        return await asyncio.wait_for(self._events.get(), WAIT_S)

    def pending(self) -> list[Event]:
        events = []
        while not self._events.empty():
            events.append(self._events.get_nowait())
        return events


Listen = Callable[[Broadcast, list[str]], Recorder]


@asynccontextmanager
async def listeners() -> AsyncIterator[Listen]:
    """Starts `broadcast.listen(channels, ...)` in a task, recorded; on leaving, every listener
    is cancelled and must stop within WAIT_S."""
    tasks: list[asyncio.Task[None]] = []

    def start(broadcast: Broadcast, channels: list[str]) -> Recorder:
        recorder = Recorder()
        listen = broadcast.listen(
            channels, recorder.on_message, recorder.on_connect, recorder.on_disconnect
        )
        tasks.append(asyncio.create_task(listen))
        return recorder

    yield start
    for task in tasks:
        task.cancel()
    if tasks:
        _, still_running = await asyncio.wait(tasks, timeout=WAIT_S)
        assert not still_running, "a listener did not stop when cancelled"
