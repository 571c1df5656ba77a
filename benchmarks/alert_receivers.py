"""Where bench_alert_latency's notifications arrive: a local webhook receiver, a `/ws/events`
client and the in-app inbox read by polling. Each arrival keeps its event type, the event's
own time as the server stamped it (`occurred_at`) and when it arrived here (time.time(): the
same machine's clock, so the two compare)."""

from __future__ import annotations

import asyncio
import contextlib
import json
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import httpx
import websockets

POLL_S = 0.02  # the inbox is read this often while a round waits for its in-app copy


@dataclass(frozen=True)
class Arrival:
    """One notification seen on one channel."""

    event_type: str
    occurred: float  # the event's time, epoch seconds (the server's stamp)
    received: float  # when it arrived here, epoch seconds

    @property
    def delay_s(self) -> float:
        return self.received - self.occurred


def epoch(text: object) -> float | None:
    """An ISO 8601 time with an offset as epoch seconds; None for anything else."""
    if not isinstance(text, str):
        return None
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return None
    return moment.timestamp() if moment.tzinfo is not None else None


@dataclass
class Arrivals:
    """One channel's arrivals, taken one by one by the rounds that wait for them."""

    items: list[Arrival] = field(default_factory=list)
    grew: asyncio.Event = field(default_factory=asyncio.Event)

    def add(self, event_type: str, occurred: float | None, received: float) -> None:
        if occurred is not None:
            self.items.append(Arrival(event_type, occurred, received))
            self.grew.set()

    def pop(self, event_type: str, since: float) -> Arrival | None:
        for index, item in enumerate(self.items):
            if item.event_type == event_type and item.occurred >= since:
                return self.items.pop(index)
        return None

    async def take(self, event_type: str, since: float, within_s: float) -> Arrival | None:
        """The first arrival of `event_type` whose event happened at `since` or later,
        waiting up to `within_s`; None when none came."""
        deadline = time.monotonic() + within_s
        while (found := self.pop(event_type, since)) is None:
            left = deadline - time.monotonic()
            if left <= 0:
                return None
            self.grew.clear()
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(left):
                    await self.grew.wait()
        return found

    def forget(self) -> None:
        self.items.clear()


class WebhookReceiver:
    """A plain HTTP/1.1 server on 127.0.0.1 that answers 200 at once and notes each POST."""

    def __init__(self) -> None:
        self.arrivals = Arrivals()
        self._server: asyncio.Server | None = None
        self._writers: set[asyncio.StreamWriter] = set()
        self.port = 0

    async def start(self) -> None:
        self._server = await asyncio.start_server(self._client, "127.0.0.1", 0)
        self.port = self._server.sockets[0].getsockname()[1]

    async def stop(self) -> None:
        for writer in tuple(self._writers):  # Bulwark's kept-alive connections
            writer.close()
        if self._server is not None:
            self._server.close()
            with contextlib.suppress(Exception):
                async with asyncio.timeout(2):
                    await self._server.wait_closed()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/hook"

    async def _client(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self._writers.add(writer)
        try:
            while await reader.readline():  # the request line; b"" at the end
                length = 0
                while (line := await reader.readline()) not in (b"\r\n", b"\n", b""):
                    name, _, value = line.decode("latin-1").partition(":")
                    if name.strip().lower() == "content-length":
                        length = int(value.strip())
                body = await reader.readexactly(length)
                received = time.time()
                writer.write(b"HTTP/1.1 200 OK\r\ncontent-length: 0\r\n\r\n")
                await writer.drain()
                self._note(body, received)
        except (ConnectionError, asyncio.IncompleteReadError, ValueError):
            pass
        except asyncio.CancelledError:  # the loop ends: the connection goes with it, quietly
            pass
        finally:
            self._writers.discard(writer)
            writer.close()

    def _note(self, body: bytes, received: float) -> None:
        try:
            payload: dict[str, Any] = json.loads(body)
        except ValueError:
            return
        self.arrivals.add(
            str(payload.get("event_type")), epoch(payload.get("occurred_at")), received
        )


@contextlib.asynccontextmanager
async def socket_arrivals(api: str, token: str) -> AsyncIterator[Arrivals]:
    """A `/ws/events` client following the caller's notifications until the block ends."""
    arrivals = Arrivals()
    url = f"{api.replace('http', 'ws', 1)}/ws/events?token={token}&types=notification"
    async with websockets.connect(url, max_size=None) as ws:
        await ws.recv()  # the welcome

        async def read() -> None:
            async for frame in ws:
                received = time.time()
                message = json.loads(frame)
                if message.get("event") != "NotificationPushed":
                    continue
                data = message.get("data") or {}
                arrivals.add(str(data.get("event_type")), epoch(data.get("occurred_at")), received)

        reading = asyncio.create_task(read())
        try:
            yield arrivals
        finally:
            reading.cancel()
            with contextlib.suppress(asyncio.CancelledError, websockets.ConnectionClosed):
                await reading


@dataclass
class Inbox:
    """The caller's in-app inbox, read every POLL_S while a round waits for a copy in it."""

    client: httpx.AsyncClient
    seen: set[str] = field(default_factory=set)
    arrivals: Arrivals = field(default_factory=Arrivals)

    async def take(self, event_type: str, since: float, within_s: float) -> Arrival | None:
        deadline = time.monotonic() + within_s
        while True:
            answer = await self.client.get("/api/v1/notifications", params={"limit": 20})
            received = time.time()
            if answer.status_code == 200:
                for item in answer.json().get("items", []):
                    if item["id"] in self.seen:
                        continue
                    self.seen.add(item["id"])
                    occurred = epoch((item.get("data") or {}).get("occurred_at"))
                    self.arrivals.add(item["event_type"], occurred, received)
            found = self.arrivals.pop(event_type, since)
            if found is not None or time.monotonic() > deadline:
                return found
            await asyncio.sleep(POLL_S)
