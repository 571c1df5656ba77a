"""Finnhub's trades websocket as a StreamProtocol (the rules are ws_stream.py's).

wss://ws.finnhub.io?token=KEY: the key rides in the URL, so a bad one is refused at the
upgrade (HTTP 401, fatal). There is no greeting. Each symbol is subscribed by a message of
its own, {"type":"subscribe","symbol":"AAPL"}. Frames are objects: {"type":"trade","data":
[{"s","p","v","t"(ms)}, ...]}, {"type":"ping"} (the server's keep-alive, nothing to answer) and
{"type":"error","msg":...} (e.g. too many symbols for the plan: fatal).

Finnhub streams trades, not quotes: a Quote here is the symbol's last trade (bid and ask 0, so
its mid is `last`), one per symbol and frame (the latest of the frame's trades).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from datetime import UTC, datetime
from decimal import Decimal
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import msgspec

from adapters.market_data.ws_stream import Channel, Decoded, MalformedFrame, StreamFailed
from ports.market_data.marketdata import Quote

STREAM_URL = "wss://ws.finnhub.io"
ZERO = Decimal(0)
_ENCODER = msgspec.json.Encoder()


class FinnhubTrade(msgspec.Struct):
    s: str
    p: Decimal
    t: int
    v: Decimal = ZERO


class FinnhubFrame(msgspec.Struct):
    type: str
    data: list[FinnhubTrade] | None = None
    msg: str | None = None


_DECODER = msgspec.json.Decoder(FinnhubFrame)


class FinnhubProtocol:
    """Finnhub's trades stream protocol (module doc); `key` reads the API key per connection."""

    provider = "finnhub"

    def __init__(self, key: Callable[[], Awaitable[str]]) -> None:
        self._key = key

    async def open_url(self, url: str) -> str:
        parts = urlsplit(url)
        query = [(k, v) for k, v in parse_qsl(parts.query) if k != "token"]
        query.append(("token", await self._key()))
        return urlunsplit(parts._replace(query=urlencode(query)))

    async def handshake(self, ws: Channel) -> None:
        return None  # the token in the URL is the authentication

    def subscribe(self, symbols: frozenset[str]) -> Sequence[str]:
        return [_action("subscribe", symbol) for symbol in sorted(symbols)]

    def unsubscribe(self, symbols: frozenset[str]) -> Sequence[str]:
        return [_action("unsubscribe", symbol) for symbol in sorted(symbols)]

    def decode(self, frame: str | bytes) -> Decoded:
        try:
            message = _DECODER.decode(frame)
        except msgspec.DecodeError as exc:
            raise MalformedFrame(str(exc)) from exc
        if message.type == "error":
            raise StreamFailed("error", message.msg or "", fatal=True)
        if message.type != "trade":
            return Decoded()  # ping, or a type this adapter does not read
        latest: dict[str, Quote] = {}
        for trade in message.data or []:
            if trade.p <= 0:
                continue
            at = datetime.fromtimestamp(trade.t / 1000, tz=UTC)
            seen = latest.get(trade.s)
            if seen is None or at >= seen.at:
                latest[trade.s] = Quote(symbol=trade.s, bid=ZERO, ask=ZERO, last=trade.p, at=at)
        return Decoded(quotes=list(latest.values()))


def _action(action: str, symbol: str) -> str:
    return _ENCODER.encode({"type": action, "symbol": symbol}).decode()
