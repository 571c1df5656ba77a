"""A vendor's quote stream over one shared connection (a websocket by default; the `connector`
may open another kind, as Databento's TCP lines do): reconnects with backoff, re-authenticates
and resubscribes on drops, fans quotes out to its consumers.

What differs between vendors is a small `StreamProtocol` object: the URL to open (Finnhub puts
its token there), the handshake after connecting (Alpaca's and Polygon's auth messages), the
frames that (un)subscribe symbols, and how a frame decodes into quotes, replies the protocol
owes the server, or an error (`StreamFailed`, fatal or not). The rest is here, the same for
every vendor:

- One connection per stream, opened with the first consumer and closed after the last. It
  subscribes to the union of the consumers' symbols and keeps the server in step as consumers
  come and go.
- A drop (network error, handshake time-out, a clean close while consumers listen, a retryable
  error message) reconnects after `Backoff` delays (full jitter); the attempt count restarts
  once a connection has proved itself by delivering a frame after its handshake.
- A fatal error (bad key, no plan, a refused upgrade with 401/403, a URL that cannot be
  opened) ends every consumer with ProviderError(retryable=False); so do `give_up_after`
  failed connections in a row, with retryable=True.
- A frame the protocol cannot read (`MalformedFrame`) is counted (`malformed_messages` in the
  health) and skipped: one garbled message does not cost the connection.
"""

from __future__ import annotations

import asyncio
import random
from collections import deque
from collections.abc import AsyncGenerator, AsyncIterator, Awaitable, Callable, Iterable, Sequence
from contextlib import AbstractAsyncContextManager
from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol

import msgspec
from websockets.asyncio.client import connect
from websockets.exceptions import InvalidStatus, InvalidURI, WebSocketException

from adapters.tasks import cancel_and_wait
from ports.core.clock import Clock
from ports.market_data.marketdata import ProviderError, Quote

Sleep = Callable[[float], Awaitable[None]]
# HTTP statuses of a refused websocket upgrade that no reconnect can cure (a bad key).
FATAL_UPGRADE_STATUSES = frozenset({401, 403})


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
    malformed_messages: int = 0


@dataclass(frozen=True, slots=True)
class StreamOptions:
    """How a stream reconnects and buffers; `draw` and `sleep` are injectable for tests.

    `draw` returns a uniform number in [0, 1) (the jitter); `sleep` defaults to the clock's.
    `provider_name` names the provider in errors (default: the protocol's).
    """

    backoff: Backoff = Backoff()
    draw: Callable[[], float] | None = None
    sleep: Sleep | None = None
    handshake_timeout_s: float = 10.0
    give_up_after: int | None = None
    max_buffered: int = 1000
    provider_name: str | None = None


class StreamFailed(Exception):
    """An error the server reported (or a drop); `fatal` when no reconnect can cure it."""

    def __init__(self, code: int | str | None, message: str, *, fatal: bool = False) -> None:
        where = "stream error" if code is None else f"stream error {code}"
        super().__init__(f"{where}: {message}")
        self.code = code
        self.fatal = fatal


class MalformedFrame(Exception):
    """A frame the protocol cannot read: counted and skipped, the connection kept."""


@dataclass(slots=True)
class Decoded:
    """What one frame carried: quotes to deliver and frames owed to the server (a pong)."""

    quotes: list[Quote] = field(default_factory=list)
    replies: list[str] = field(default_factory=list)


class Channel(Protocol):
    """A connection as the stream uses it: a websocket, or Databento's lines over TCP."""

    async def recv(self) -> str | bytes: ...

    async def send(self, message: str) -> None: ...

    async def close(self) -> None: ...

    def __aiter__(self) -> AsyncIterator[str | bytes]: ...


# Opens a connection to a URL within a time-out (seconds); the default is a websocket.
Connector = Callable[[str, float], AbstractAsyncContextManager[Channel]]


def websocket(url: str, open_timeout_s: float) -> AbstractAsyncContextManager[Channel]:
    """The default connector: a websocket client (pings answered by the library)."""
    return connect(url, open_timeout=open_timeout_s)


class StreamProtocol(Protocol):
    """One vendor's wire protocol, as the shared stream drives it."""

    provider: str

    async def open_url(self, url: str) -> str:
        """The URL to connect to for the stream's `url` (a token added, say)."""
        ...

    async def handshake(self, ws: Channel) -> None:
        """Greet and authenticate; raise StreamFailed when the server refuses."""
        ...

    def subscribe(self, symbols: frozenset[str]) -> Sequence[str]:
        """The frames that subscribe to `symbols` (never empty)."""
        ...

    def unsubscribe(self, symbols: frozenset[str]) -> Sequence[str]: ...

    def decode(self, frame: str | bytes) -> Decoded:
        """A frame's quotes and replies; StreamFailed for an error message, MalformedFrame
        for one that cannot be read."""
        ...


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


class QuoteStream:
    """One websocket to one stream URL, shared by every consumer of its symbols (module doc)."""

    def __init__(
        self,
        url: str,
        protocol: StreamProtocol,
        *,
        clock: Clock,
        options: StreamOptions | None = None,
        connector: Connector = websocket,
    ) -> None:
        opts = options or StreamOptions()
        self.url = url
        self.max_buffered = opts.max_buffered
        self._protocol = protocol
        self._connector = connector
        self._clock = clock
        self._provider = opts.provider_name or protocol.provider
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
        self._malformed = 0
        self._proved = False
        self._closed_idle = False
        self._last_error: str | None = None
        self._last_error_at: datetime | None = None

    # -- consumers ----------------------------------------------------------------------
    def quotes(self, symbols: Sequence[str]) -> AsyncGenerator[Quote, None]:
        """Quotes of `symbols` from this stream, for one reader (`quotes_of`)."""
        return quotes_of([(self, frozenset(symbols))], self.max_buffered)

    def attach(self, consumer: QuoteConsumer, symbols: Iterable[str]) -> None:
        """Deliver quotes of `symbols` to `consumer` from now on (connecting if need be)."""
        self._consumers[consumer] = frozenset(symbols)
        self._changed.set()
        if self._task is None or self._task.done():
            name = f"{self._provider}-stream {self.url}"
            self._task = asyncio.create_task(self._run(), name=name)

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
            malformed_messages=self._malformed,
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
            except InvalidStatus as exc:
                self._note(f"{type(exc).__name__}: {exc}")
                if exc.response.status_code in FATAL_UPGRADE_STATUSES:
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
        url = await self._protocol.open_url(self.url)
        async with self._connector(url, self._handshake_timeout_s) as ws:
            async with asyncio.timeout(self._handshake_timeout_s):
                await self._protocol.handshake(ws)
            self._closed_idle = False
            self._connected = True
            self._changed.set()
            syncing = asyncio.create_task(self._keep_subscriptions(ws))
            try:
                async for frame in ws:
                    await self._dispatch(ws, frame)
                    self._proved = True
                    self._failures = 0
            finally:
                syncing.cancel()
                await asyncio.gather(syncing, return_exceptions=True)
            if self._consumers and not self._closed_idle:
                # The server ended the connection cleanly while we still listen: a drop.
                raise StreamFailed(None, "server closed the connection")

    async def _keep_subscriptions(self, ws: Channel) -> None:
        """Send (un)subscribe frames as the consumers change; close when none is left."""
        while True:
            await self._changed.wait()
            self._changed.clear()
            wanted = self._wanted()
            added, removed = wanted - self._subscribed, self._subscribed - wanted
            if removed:
                for frame in self._protocol.unsubscribe(removed):
                    await ws.send(frame)
            if added:
                for frame in self._protocol.subscribe(added):
                    await ws.send(frame)
            self._subscribed = wanted
            if not wanted:
                self._closed_idle = True
                await ws.close()
                return

    async def _dispatch(self, ws: Channel, frame: str | bytes) -> None:
        try:
            decoded = self._protocol.decode(frame)
        except MalformedFrame:
            self._malformed += 1
            return
        for reply in decoded.replies:
            await ws.send(reply)
        for quote in decoded.quotes:
            for consumer, symbols in list(self._consumers.items()):
                if quote.symbol in symbols:
                    consumer.push(quote)

    # -- bookkeeping ----------------------------------------------------------------------
    def _note(self, error: str) -> None:
        self._last_error = error
        self._last_error_at = self._clock.now()

    def _fail_all(self, error: ProviderError) -> None:
        for consumer in list(self._consumers):
            consumer.fail(error)


async def quotes_of(
    parts: Iterable[tuple[QuoteStream, frozenset[str]]], max_buffered: int
) -> AsyncGenerator[Quote, None]:
    """One consumer's quotes from `parts` (each stream with the symbols asked of it; empty
    parts are skipped), until the caller stops iterating or a stream fails it."""
    parts = [(stream, symbols) for stream, symbols in parts if symbols]
    if not parts:
        return
    consumer = QuoteConsumer(frozenset().union(*(s for _, s in parts)), max_buffered)
    for stream, symbols in parts:
        stream.attach(consumer, symbols)
    try:
        while True:
            yield await consumer.next()
    finally:
        for stream, _symbols in parts:
            stream.detach(consumer)
