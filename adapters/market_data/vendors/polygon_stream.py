"""Polygon's stocks websocket as a StreamProtocol (the rules are ws_stream.py's).

wss://socket.polygon.io/stocks (real time; wss://delayed.polygon.io/stocks is 15 minutes late).
The server greets with a `connected` status; the client sends {"action":"auth","params":KEY}
and gets `auth_success` or `auth_failed` (fatal: a bad key does not heal). Symbols are
subscribed as quote channels, {"action":"subscribe","params":"Q.AAPL,Q.MSFT"}. Every frame is
an array of events: `status` ones (`max_connections` and `auth_timeout` end the connection, a
drop to retry), and quotes `ev: "Q"` with sym, bp, bs, ap, as and t (Unix milliseconds).
Quote events carry no trade, so a Quote's `last` is its mid (one side when one is missing).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from datetime import UTC, datetime
from decimal import Decimal

import msgspec

from adapters.market_data.alpaca_wire import make_quote
from adapters.market_data.ws_stream import Channel, Decoded, MalformedFrame, StreamFailed

STREAM_URL = "wss://socket.polygon.io/stocks"
DELAYED_STREAM_URL = "wss://delayed.polygon.io/stocks"
ZERO = Decimal(0)
# Statuses that end the connection: fatal ones are not retried.
FATAL_STATUSES = frozenset({"auth_failed"})
DROP_STATUSES = frozenset({"max_connections", "auth_timeout"})
_ENCODER = msgspec.json.Encoder()


class PolygonEvent(msgspec.Struct):
    """Any event of a frame; `ev` tells which (status, Q, T, A, ...)."""

    ev: str
    status: str | None = None
    message: str | None = None
    sym: str | None = None
    bp: Decimal = ZERO
    bs: Decimal = ZERO
    ap: Decimal = ZERO
    as_: Decimal = msgspec.field(default=ZERO, name="as")
    t: int | None = None


_DECODER = msgspec.json.Decoder(list[PolygonEvent])


class PolygonProtocol:
    """Polygon's stocks stream protocol (module doc); `key` reads the API key per connection."""

    provider = "polygon"

    def __init__(self, key: Callable[[], Awaitable[str]]) -> None:
        self._key = key

    async def open_url(self, url: str) -> str:
        return url

    async def handshake(self, ws: Channel) -> None:
        await self._until(ws, "connected")
        auth = {"action": "auth", "params": await self._key()}
        await ws.send(_ENCODER.encode(auth).decode())
        await self._until(ws, "auth_success")

    async def _until(self, ws: Channel, wanted: str) -> None:
        """Read frames until a status `wanted` (the stream bounds the wait)."""
        while True:
            for event in _read(await ws.recv()):
                if event.ev != "status":
                    continue
                _check(event)
                if event.status == wanted:
                    return

    def subscribe(self, symbols: frozenset[str]) -> Sequence[str]:
        return [_action("subscribe", symbols)]

    def unsubscribe(self, symbols: frozenset[str]) -> Sequence[str]:
        return [_action("unsubscribe", symbols)]

    def decode(self, frame: str | bytes) -> Decoded:
        events = _read(frame)
        decoded = Decoded()
        for event in events:
            if event.ev == "status":
                _check(event)
            elif event.ev == "Q":
                if event.sym is None or event.t is None:
                    raise MalformedFrame(f"a quote without sym or t: {frame!r:.200}")
                at = datetime.fromtimestamp(event.t / 1000, tz=UTC)
                quote = make_quote(event.sym, event.bp, event.ap, event.bs, event.as_, at)
                if quote is not None:
                    decoded.quotes.append(quote)
        return decoded


def _read(frame: str | bytes) -> list[PolygonEvent]:
    try:
        return _DECODER.decode(frame)
    except msgspec.DecodeError as exc:
        raise MalformedFrame(str(exc)) from exc


def _check(event: PolygonEvent) -> None:
    """Raise for a status that ends the connection."""
    status, message = event.status or "", event.message or ""
    if status in FATAL_STATUSES:
        raise StreamFailed(status, message, fatal=True)
    if status in DROP_STATUSES:
        raise StreamFailed(status, message)


def _action(action: str, symbols: frozenset[str]) -> str:
    params = ",".join(f"Q.{symbol}" for symbol in sorted(symbols))
    return _ENCODER.encode({"action": action, "params": params}).decode()
