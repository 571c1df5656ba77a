"""One reference-price board for every process: quotes published to Redis and followed locally.

The process that owns the market feed (the publisher) writes each quote of its in-memory
board to a Redis hash (the latest quote per symbol) and announces it on a pub/sub channel.
Every other process (a follower: `bulwark consume`, extra serve workers) loads the hash when
its subscription is live and applies the stream into its own in-memory board, so the order
path keeps reading a local board: no network hop per order.

Freshness fails closed. The publisher sends a heartbeat (a message without quotes) every
`heartbeat_s`, also kept under a key beside the hash, and carries its board's maximum quote
age in every message; a follower takes that maximum age, and marks its board down (every
symbol unavailable, the gate denies with NO_REFERENCE_PRICE) until it hears a publisher (a
message, or a kept heartbeat younger than `stale_after_s`), after `stale_after_s` without
one, and while its subscription is lost. Quotes keep the publisher's time stamps, so a
price restamped by nobody ages on every board alike.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
import uuid
from collections.abc import Callable
from typing import Protocol, cast

import msgspec
import structlog
from redis.asyncio import Redis

from adapters.redis.cache import QuoteWire
from adapters.redis.client import UNREACHABLE
from adapters.tasks import cancel_and_wait
from ports.core.broadcast import Broadcast
from ports.core.clock import Clock
from ports.market_data.marketdata import Quote

BOARD_KEY = "bulwark:board:quotes"
BOARD_CHANNEL = "bulwark:board:updates"


def heartbeat_key(board_key: str) -> str:
    return f"{board_key}:heartbeat"


_log = structlog.get_logger("bulwark.quote_board")


class LocalBoard(Protocol):
    """What sharing needs of the in-memory quote board (adapters/memory/marketdata.py)."""

    @property
    def max_age_s(self) -> float | None: ...

    def symbols(self) -> list[str]: ...

    def latest(self, symbol: str) -> Quote | None: ...

    def subscribe(self, listener: Callable[[Quote], None]) -> Callable[[], None]: ...

    def apply(self, quote: Quote) -> bool: ...

    def set_max_age(self, seconds: float | None) -> None: ...

    def set_down(self, down: bool = True) -> None: ...


class Heartbeat(msgspec.Struct, array_like=True, frozen=True):
    """The latest publisher's word, kept beside the hash: a follower that starts while it is
    fresh need not wait for the next message to trust the snapshot."""

    origin: str
    at: float  # the publisher's wall clock, seconds since the epoch
    max_age_s: float | None


class BoardMessage(msgspec.Struct, array_like=True, frozen=True):
    """What a publisher announces: its quotes changed since the last message (none: a
    heartbeat) and its board's maximum quote age (None: quotes do not age)."""

    origin: str
    max_age_s: float | None
    quotes: list[QuoteWire]


_ENCODE = msgspec.msgpack.Encoder()
_DECODE_MESSAGE = msgspec.msgpack.Decoder(BoardMessage)
_DECODE_QUOTE = msgspec.msgpack.Decoder(QuoteWire)
_DECODE_HEARTBEAT = msgspec.msgpack.Decoder(Heartbeat)
_SNAPSHOT_FAILURES: tuple[type[Exception], ...] = (
    *UNREACHABLE,
    msgspec.DecodeError,
    msgspec.ValidationError,
)


class RedisBoardPublisher:
    """Copies a local board to Redis: each change coalesced per symbol, written, announced.

    Changes that arrive while a write is in flight go out together in the next one (the
    latest quote per symbol), so a burst of ticks costs one round trip, not one per tick.
    After a failed write the whole board is written again once Redis answers.
    """

    def __init__(
        self,
        redis: Redis,
        board: LocalBoard,
        *,
        heartbeat_s: float = 1.0,
        origin: str | None = None,
        key: str = BOARD_KEY,
        channel: str = BOARD_CHANNEL,
        wall_clock: Callable[[], float] = time.time,
    ) -> None:
        if heartbeat_s <= 0:
            raise ValueError("heartbeat_s must be positive")
        self.origin = origin or uuid.uuid4().hex[:12]
        self.published = 0  # messages sent, heartbeats included
        self._redis = redis
        self._board = board
        self._heartbeat_s = heartbeat_s
        self._key = key
        self._channel = channel
        self._wall_clock = wall_clock
        self._pending: dict[str, Quote] = {}
        self._everything = True  # the first write (and one after a failure) sends the board
        self._wake = asyncio.Event()

    def _changed(self, quote: Quote) -> None:
        self._pending[quote.symbol] = quote
        self._wake.set()

    async def run(self) -> None:
        """Publishes until cancelled; Redis failures are logged and retried at the heartbeat."""
        unsubscribe = self._board.subscribe(self._changed)
        try:
            while True:
                await self.flush()
                self._wake.clear()
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._wake.wait(), self._heartbeat_s)
        finally:
            unsubscribe()

    async def flush(self) -> None:
        """Writes and announces what changed (the whole board when due); a heartbeat if nothing."""
        if self._everything:
            quotes = [q for s in self._board.symbols() if (q := self._board.latest(s)) is not None]
            self._pending.clear()
        else:
            quotes, self._pending = list(self._pending.values()), {}
        wires = [QuoteWire.from_domain(q) for q in quotes]
        message = BoardMessage(self.origin, self._board.max_age_s, wires)
        try:
            async with self._redis.pipeline(transaction=False) as pipe:
                if wires:
                    pipe.hset(self._key, mapping={w.symbol: _ENCODE.encode(w) for w in wires})
                pipe.publish(self._channel, _ENCODE.encode(message))
                beat = Heartbeat(self.origin, self._wall_clock(), message.max_age_s)
                pipe.set(heartbeat_key(self._key), _ENCODE.encode(beat))
                await pipe.execute()
        except UNREACHABLE as exc:
            if not self._everything:
                _log.warning("quote_board.publish_failed", error=type(exc).__name__)
            self._everything = True
            return
        self._everything = False
        self.published += 1


class RedisBoardFollower:
    """Keeps a local board a copy of the publishers' board; see the module docstring."""

    def __init__(
        self,
        redis: Redis,
        broadcast: Broadcast,
        board: LocalBoard,
        clock: Clock,
        *,
        stale_after_s: float,
        key: str = BOARD_KEY,
        channel: str = BOARD_CHANNEL,
    ) -> None:
        if stale_after_s <= 0:
            raise ValueError("stale_after_s must be positive")
        self.live = asyncio.Event()  # set while a publisher is heard
        self.applied = 0
        self._redis = redis
        self._broadcast = broadcast
        self._board = board
        self._clock = clock
        self._stale_after = stale_after_s
        self._key = key
        self._channel = channel
        self._heard_at: float | None = None
        board.set_down(True)  # nothing heard yet: no price is a price to trade on

    async def run(self) -> None:
        """Follows until cancelled (the broadcast reconnects by itself)."""
        watch = asyncio.create_task(self._watch())
        try:
            await self._broadcast.listen(
                [self._channel], self._on_message, self._on_connect, self._on_disconnect
            )
        finally:
            await cancel_and_wait(watch)

    async def _on_connect(self) -> None:
        # The snapshot after the subscription is live: later changes come as messages, and
        # an older quote than the one held is dropped, so the order of the two cannot matter.
        try:
            snapshot = cast("dict[bytes, bytes]", await self._redis.hgetall(self._key))
        except UNREACHABLE as exc:
            _log.warning("quote_board.snapshot_failed", error=type(exc).__name__)
            return
        for raw in snapshot.values():
            with contextlib.suppress(msgspec.DecodeError, msgspec.ValidationError):
                self._apply(_DECODE_QUOTE.decode(raw))
        _log.info("quote_board.following", symbols=len(snapshot))
        await self._recent_heartbeat()

    async def _recent_heartbeat(self) -> None:
        """Live at once when a publisher spoke within `stale_after_s` (its own wall clock)."""
        try:
            raw = cast("bytes | None", await self._redis.get(heartbeat_key(self._key)))
            beat = None if raw is None else _DECODE_HEARTBEAT.decode(raw)
        except _SNAPSHOT_FAILURES:
            return
        if beat is None:
            return
        age = max(0.0, self._clock.now().timestamp() - beat.at)
        if age < self._stale_after:
            self._heard(beat.origin, beat.max_age_s, self._clock.monotonic() - age)

    async def _on_message(self, _channel: str, data: bytes) -> None:
        try:
            message = _DECODE_MESSAGE.decode(data)
        except (msgspec.DecodeError, msgspec.ValidationError):
            _log.warning("quote_board.undecodable")
            return
        for wire in message.quotes:
            self._apply(wire)
        self._heard(message.origin, message.max_age_s, self._clock.monotonic())

    def _heard(self, origin: str, max_age_s: float | None, at: float) -> None:
        self._board.set_max_age(max_age_s)
        self._heard_at = at
        if not self.live.is_set():
            self._board.set_down(False)
            self.live.set()
            _log.info("quote_board.live", publisher=origin)

    def _apply(self, wire: QuoteWire) -> None:
        if self._board.apply(wire.to_domain()):
            self.applied += 1

    async def _on_disconnect(self) -> None:
        self._stale("subscription lost")

    def _stale(self, why: str) -> None:
        self._board.set_down(True)
        self._heard_at = None
        if self.live.is_set():
            self.live.clear()
            _log.warning("quote_board.stale", why=why)

    async def _watch(self) -> None:
        while True:
            await self._clock.sleep(self._stale_after / 4)
            heard = self._heard_at
            if heard is not None and self._clock.monotonic() - heard > self._stale_after:
                self._stale(f"no publisher heard for {self._stale_after:g} s")
