"""Bulwark's live events (`/ws/events`) as an async iterator of JSON objects.

    async with bulwark.events(types=["order", "kill_switch"]) as stream:
        async for frame in stream:
            if frame["type"] == "event":
                print(frame["category"], frame["event"], frame["data"])

Entering the block connects and waits for the server's welcome, so an event that happens
after it is never missed. The server's keep-alive pings are answered and not yielded.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Sequence
from types import TracebackType
from typing import Any
from urllib.parse import urlencode, urlsplit, urlunsplit

from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosedOK

Event = dict[str, Any]


def events_url(base_url: str, types: Sequence[str] = (), accounts: Sequence[str] = ()) -> str:
    """The WebSocket URL of `/ws/events` on the server at `base_url` (http or https)."""
    parts = urlsplit(base_url)
    scheme = "wss" if parts.scheme == "https" else "ws"
    query = {key: ",".join(values) for key, values in (("types", types), ("accounts", accounts))}
    return urlunsplit(
        (scheme, parts.netloc, "/ws/events", urlencode({k: v for k, v in query.items() if v}), "")
    )


class EventStream:
    """An open subscription to `/ws/events`; `welcome` is the server's first message."""

    def __init__(self, url: str, headers: dict[str, str], open_timeout: float = 10.0) -> None:
        self._url, self._headers, self._open_timeout = url, headers, open_timeout
        self._socket: ClientConnection | None = None
        self.welcome: Event = {}

    async def __aenter__(self) -> EventStream:
        self._socket = await connect(
            self._url, additional_headers=self._headers, open_timeout=self._open_timeout
        )
        first = await self._next()
        if first is None or first.get("type") != "welcome":
            await self._socket.close()
            raise ConnectionError(f"/ws/events did not welcome this client: {first!r}")
        self.welcome = first
        return self

    async def __aexit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if self._socket is not None:
            await self._socket.close()

    async def subscribe(self, types: Sequence[str] = (), accounts: Sequence[str] = ()) -> None:
        """Changes the filters (the server answers with a `subscribed` event)."""
        await self._connection().send(
            json.dumps({"action": "subscribe", "types": list(types), "accounts": list(accounts)})
        )

    def __aiter__(self) -> AsyncIterator[Event]:
        return self._events()

    async def _events(self) -> AsyncIterator[Event]:
        while (event := await self._next()) is not None:
            if event.get("type") == "ping":
                await self._connection().send('{"action":"pong"}')
                continue
            yield event

    async def _next(self) -> Event | None:
        try:
            frame = await self._connection().recv()
        except ConnectionClosedOK:
            return None
        event = json.loads(frame)
        return event if isinstance(event, dict) else {"data": event}

    def _connection(self) -> ClientConnection:
        if self._socket is None:
            raise RuntimeError("use the stream in `async with` first")
        return self._socket
