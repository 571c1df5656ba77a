"""Alpaca's quote stream: one shared websocket, re-authenticated and resubscribed on drops."""

from __future__ import annotations

import asyncio
import random
from collections import deque
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass
from datetime import datetime

import msgspec
from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import InvalidURI, WebSocketException

from adapters.alpaca.http import AlpacaCredentials
from adapters.market_data.alpaca_wire import StreamMessage
from adapters.tasks import cancel_and_wait
from ports.core.clock import Clock
from ports.market_data.marketdata import ProviderError, Quote

Sleep = Callable[[float], Awaitable[None]]

# Stream error codes no reconnect can cure: auth failed, symbol limit exceeded, insufficient
# subscription (e.g. SIP without the plan), subscribe action invalid for this feed.
FATAL_CODES = frozenset({402, 405, 409, 410})
_ENCODER = msgspec.json.Encoder()
_DECODER = msgspec.json.Decoder(list[StreamMessage])


@dataclass(frozen=True, slots=True)
class Backoff:
    """Capped exponential backoff with full jitter: attempt n waits U(0, min(cap, base·2ⁿ))."""

    base_s: float = 0.5
    cap_s: float = 30.0

    def __post_init__(self) -> None:
        if self.base_s <= 0 or self.cap_s < self.base_s:
            raise ValueError("backoff needs 0 < base_s <= cap_s")

    def ceiling(self, attempt: int) -> float:
        # The exponent is bounded so a long outage does not overflow the float.
        return min(self.cap_s, self.base_s * 2.0 ** min(attempt, 62))

    def delay(self, attempt: int, draw: float) -> float:
        """The wait before reconnect `attempt` (0-based) for a uniform `draw` in [0, 1)."""
        return self.ceiling(attempt) * draw


@dataclass(frozen=True, slots=True)
class StreamHealth:
    """What a health check reads: is it up, how often it reconnected, and the last error."""

    connected: bool
    reconnects: int
    consecutive_failures: int
    last_error: str | None
    last_error_at: datetime | None
    symbols: frozenset[str]
    dropped_quotes: int


@dataclass(frozen=True, slots=True)
class StreamOptions:
    """How a stream reconnects and buffers; `draw` and `sleep` are injectable for tests.

    `draw` returns a uniform number in [0, 1) (the jitter); `sleep` defaults to the clock's.
    """

    backoff: Backoff = Backoff()
    draw: Callable[[], float] | None = None
    sleep: Sleep | None = None
    handshake_timeout_s: float = 10.0
    give_up_after: int | None = None
    max_buffered: int = 1000
    provider_name: str = "alpaca"


class StreamFailed(Exception):
    """An error message from the server; `code` is Alpaca's stream error code."""

    def __init__(self, code: int | None, message: str) -> None:
        super().__init__(f"stream error {code}: {message}")
        self.code = code
        self.fatal = code in FATAL_CODES


class QuoteConsumer:
    """One stream_quotes reader: a bounded buffer (oldest dropped when full) and a failure slot."""

    def __init__(self, symbols: Iterable[str], max_buffered: int) -> None:
        self.symbols = frozenset(symbols)
        self.dropped = 0
        self._max = max_buffered
        self._buffer: deque[Quote] = deque()
        self._ready = asyncio.Event()
        self._error: ProviderError | None = None

    def push(self, quote: Quote) -> None:
        if len(self._buffer) >= self._max:
            self._buffer.popleft()
            self.dropped += 1
        self._buffer.append(quote)
        self._ready.set()

    def fail(self, error: ProviderError) -> None:
        self._error = error
        self._ready.set()

    async def next(self) -> Quote:
        """The next quote; raises the stream's failure once the buffered quotes are read."""
        while not self._buffer:
            if self._error is not None:
                raise self._error
            self._ready.clear()
            await self._ready.wait()
        return self._buffer.popleft()


class AlpacaQuoteStream:
    """One websocket to one Alpaca stream URL, shared by every consumer of its symbols.

    The connection opens with the first consumer and closes after the last. It
    subscribes to the union of the consumers' symbols and keeps the server in step
    as consumers come and go. When it drops it reconnects after Backoff delays (the
    attempt count restarts once a connection has proved itself by authenticating and
    delivering a message), authenticates and resubscribes. A fatal error message (bad
    keys, no plan for the feed) ends every consumer with ProviderError(retryable=False);
    so do `give_up_after` failed connections in a row, with retryable=True.
    """

    def __init__(
        self,
        url: str,
        credentials: AlpacaCredentials,
        *,
        clock: Clock,
        options: StreamOptions | None = None,
    ) -> None:
        opts = options or StreamOptions()
        self.url = url
        self.max_buffered = opts.max_buffered
        self._credentials = credentials
        self._clock = clock
        self._provider = opts.provider_name
        self._backoff = opts.backoff
        self._draw = opts.draw or random.Random().random
        self._sleep = opts.sleep or clock.sleep
        self._handshake_timeout_s = opts.handshake_timeout_s
        self._give_up_after = opts.give_up_after
        self._consumers: dict[QuoteConsumer, frozenset[str]] = {}
        self._changed = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        self._connected = False
        self._subscribed: frozenset[str] = frozenset()
        self._reconnects = 0
        self._failures = 0
        self._proved = False
        self._closed_idle = False
        self._last_error: str | None = None
        self._last_error_at: datetime | None = None

    # -- consumers ----------------------------------------------------------------------
    def attach(self, consumer: QuoteConsumer, symbols: Iterable[str]) -> None:
        """Deliver quotes of `symbols` to `consumer` from now on (connecting if need be)."""
        self._consumers[consumer] = frozenset(symbols)
        self._changed.set()
        if self._task is None or self._task.done():
            self._task = asyncio.create_task(self._run(), name=f"alpaca-stream {self.url}")

    def detach(self, consumer: QuoteConsumer) -> None:
        """Stop delivering to `consumer`; symbols nobody else wants are unsubscribed."""
        if self._consumers.pop(consumer, None) is not None:
            self._changed.set()

    def health(self) -> StreamHealth:
        return StreamHealth(
            connected=self._connected,
            reconnects=self._reconnects,
            consecutive_failures=self._failures,
            last_error=self._last_error,
            last_error_at=self._last_error_at,
            symbols=self._subscribed,
            dropped_quotes=sum(c.dropped for c in self._consumers),
        )

    async def aclose(self) -> None:
        """Stop the connection task; consumers still attached get a ProviderError."""
        task, self._task = self._task, None
        await cancel_and_wait(task)
        self._fail_all(ProviderError(self._provider, "stream closed", retryable=True))

    def _wanted(self) -> frozenset[str]:
        return frozenset().union(*self._consumers.values())

    # -- the connection loop ------------------------------------------------------------
    async def _run(self) -> None:
        attempt = 0
        while self._consumers:
            self._proved = False
            try:
                await self._session()
                continue  # closed because nobody listened: reopen at once for a newcomer
            except StreamFailed as exc:
                self._note(str(exc))
                if exc.fatal:
                    self._fail_all(ProviderError(self._provider, str(exc), retryable=False))
                    return
            except InvalidURI as exc:
                self._note(str(exc))
                self._fail_all(ProviderError(self._provider, str(exc), retryable=False))
                return
            except (OSError, TimeoutError, WebSocketException, msgspec.DecodeError) as exc:
                self._note(f"{type(exc).__name__}: {exc}")
            finally:
                self._connected = False
                self._subscribed = frozenset()
            if not self._consumers:
                return
            if self._proved:
                attempt = 0
            self._failures = attempt + 1
            if self._give_up_after is not None and self._failures >= self._give_up_after:
                message = f"gave up after {self._failures} failed connections: {self._last_error}"
                self._fail_all(ProviderError(self._provider, message, retryable=True))
                return
            await self._sleep(self._backoff.delay(attempt, self._draw()))
            attempt += 1
            self._reconnects += 1

    async def _session(self) -> None:
        """One connection: returns once nobody listens, raises when it drops or fails."""
        async with connect(self.url, open_timeout=self._handshake_timeout_s) as ws:
            await self._handshake(ws)
            self._closed_idle = False
            self._connected = True
            self._changed.set()
            syncing = asyncio.create_task(self._keep_subscriptions(ws))
            try:
                async for frame in ws:
                    self._dispatch(frame)
                    self._proved = True
                    self._failures = 0
            finally:
                syncing.cancel()
                await asyncio.gather(syncing, return_exceptions=True)
            if self._consumers and not self._closed_idle:
                # The server ended the connection cleanly while we still listen: a drop.
                raise StreamFailed(None, "server closed the connection")

    async def _handshake(self, ws: ClientConnection) -> None:
        async with asyncio.timeout(self._handshake_timeout_s):
            self._expect(await ws.recv(), "connected")
            await ws.send(_ENCODER.encode(self._credentials.auth_message()).decode())
            self._expect(await ws.recv(), "authenticated")

    def _expect(self, frame: str | bytes, wanted: str) -> None:
        for message in _DECODER.decode(frame):
            if message.T == "error":
                raise StreamFailed(message.code, message.msg or "")
            if message.T == "success" and message.msg == wanted:
                return
        raise StreamFailed(None, f"expected {wanted!r}, got {frame!r:.200}")

    async def _keep_subscriptions(self, ws: ClientConnection) -> None:
        """Send (un)subscribe actions as the consumers change; close when none is left."""
        while True:
            await self._changed.wait()
            self._changed.clear()
            wanted = self._wanted()
            added, removed = wanted - self._subscribed, self._subscribed - wanted
            if removed:
                await ws.send(self._action("unsubscribe", removed))
            if added:
                await ws.send(self._action("subscribe", added))
            self._subscribed = wanted
            if not wanted:
                self._closed_idle = True
                await ws.close()
                return

    @staticmethod
    def _action(action: str, symbols: frozenset[str]) -> str:
        return _ENCODER.encode({"action": action, "quotes": sorted(symbols)}).decode()

    def _dispatch(self, frame: str | bytes) -> None:
        for message in _DECODER.decode(frame):
            if message.T == "q":
                quote = message.quote()
                if quote is None:
                    continue
                for consumer, symbols in list(self._consumers.items()):
                    if quote.symbol in symbols:
                        consumer.push(quote)
            elif message.T == "error":
                raise StreamFailed(message.code, message.msg or "")

    # -- bookkeeping ----------------------------------------------------------------------
    def _note(self, error: str) -> None:
        self._last_error = error
        self._last_error_at = self._clock.now()

    def _fail_all(self, error: ProviderError) -> None:
        for consumer in list(self._consumers):
            consumer.fail(error)
