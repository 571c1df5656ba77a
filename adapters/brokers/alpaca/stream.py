"""Alpaca's trade_updates websocket: authenticate, listen, hand events on, reconnect."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable

import msgspec
from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import WebSocketException

from adapters.alpaca.http import AlpacaCredentials
from adapters.brokers.alpaca.wire import MESSAGE, TradeUpdate, trade_update
from adapters.tasks import cancel_and_wait
from ports.core.clock import Clock

_LISTEN = {"action": "listen", "data": {"streams": ["trade_updates"]}}


class StreamRefused(Exception):
    """The stream did not authorize us or did not start listening."""


class TradeUpdatesStream:
    """Keeps one trade_updates connection open in the background and reports each event.

    `on_update` gets every trade update; `on_listening` is called after each (re)connect,
    once Alpaca confirms it is listening (events before that moment were not seen).
    Library errors never escape: they end the connection, are kept in `last_error`,
    and the stream reconnects with a doubling delay.
    """

    def __init__(
        self,
        url: str,
        credentials: AlpacaCredentials,
        clock: Clock,
        on_update: Callable[[TradeUpdate], None],
        on_listening: Callable[[], None],
        *,
        reconnect_s: float = 0.25,
        max_reconnect_s: float = 30.0,
        handshake_timeout_s: float = 5.0,
    ) -> None:
        self._url = url
        self._credentials = credentials
        self._clock = clock
        self._on_update = on_update
        self._on_listening = on_listening
        self._reconnect_s = reconnect_s
        self._max_reconnect_s = max_reconnect_s
        self._handshake_timeout_s = handshake_timeout_s
        self._task: asyncio.Task[None] | None = None
        self._listening = False
        self.last_error: str | None = None
        self.malformed = 0

    @property
    def listening(self) -> bool:
        return self._listening

    def start(self) -> None:
        """Start the background connection (again, if it ended); needs a running loop."""
        if self._task is None or self._task.done():
            self._task = asyncio.get_running_loop().create_task(self._run())

    async def aclose(self) -> None:
        task, self._task = self._task, None
        await cancel_and_wait(task)
        self._listening = False

    async def _run(self) -> None:
        delay = self._reconnect_s
        while True:
            try:
                async with connect(
                    self._url, proxy=None, open_timeout=self._handshake_timeout_s
                ) as ws:
                    await self._handshake(ws)
                    self._listening = True
                    self.last_error = None
                    delay = self._reconnect_s
                    self._on_listening()
                    async for raw in ws:
                        self._handle(raw)
                self.last_error = "stream closed by the server"
            except (OSError, TimeoutError, WebSocketException, StreamRefused) as exc:
                self.last_error = f"{type(exc).__name__}: {exc}"
            finally:
                self._listening = False
            await self._clock.sleep(delay)
            delay = min(delay * 2, self._max_reconnect_s)

    async def _handshake(self, ws: ClientConnection) -> None:
        async with asyncio.timeout(self._handshake_timeout_s):
            await ws.send(json.dumps(self._credentials.auth_message()))
            await self._expect(ws, "authorization", "authorized")
            await ws.send(json.dumps(_LISTEN))
            await self._expect(ws, "listening", None)

    async def _expect(self, ws: ClientConnection, stream: str, status: str | None) -> None:
        while True:
            raw = await ws.recv()
            try:
                message = MESSAGE.decode(raw)
            except (msgspec.DecodeError, msgspec.ValidationError):
                self.malformed += 1
                continue
            if message.stream != stream:
                continue
            data = message.data if isinstance(message.data, dict) else {}
            if status is not None and data.get("status") != status:
                raise StreamRefused(f"{stream}: {data.get('status')} {data.get('error', '')}")
            return

    def _handle(self, raw: str | bytes) -> None:
        try:
            message = MESSAGE.decode(raw)
            if message.stream != "trade_updates":
                return
            update = trade_update(message.data)
        except (msgspec.DecodeError, msgspec.ValidationError):
            self.malformed += 1
            return
        self._on_update(update)
