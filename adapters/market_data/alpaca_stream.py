"""Alpaca's quote stream: one shared websocket, re-authenticated and resubscribed on drops.

The reconnect, backoff and fan-out rules are the shared stream's (ws_stream.py); this module
is Alpaca's protocol: a `connected` greeting, the key pair in an `auth` action answered by
`authenticated`, `subscribe`/`unsubscribe` actions naming `quotes`, and arrays of messages
whose `T` says what each is (`q` a quote, `error` an error with Alpaca's code).
"""

from __future__ import annotations

from collections.abc import Sequence

import msgspec

from adapters.alpaca.http import AlpacaCredentials
from adapters.market_data.alpaca_wire import StreamMessage
from adapters.market_data.ws_stream import (
    Backoff,
    Channel,
    Decoded,
    QuoteConsumer,
    QuoteStream,
    Sleep,
    StreamFailed,
    StreamHealth,
    StreamOptions,
)
from ports.core.clock import Clock

__all__ = [
    "FATAL_CODES",
    "AlpacaProtocol",
    "AlpacaQuoteStream",
    "Backoff",
    "QuoteConsumer",
    "Sleep",
    "StreamFailed",
    "StreamHealth",
    "StreamOptions",
]

# Stream error codes no reconnect can cure: auth failed, symbol limit exceeded, insufficient
# subscription (e.g. SIP without the plan), subscribe action invalid for this feed.
FATAL_CODES = frozenset({402, 405, 409, 410})
_ENCODER = msgspec.json.Encoder()
_DECODER = msgspec.json.Decoder(list[StreamMessage])


def alpaca_failure(code: int | None, message: str) -> StreamFailed:
    return StreamFailed(code, message, fatal=code in FATAL_CODES)


class AlpacaProtocol:
    """Alpaca's stream protocol (module doc). A frame that is not JSON is a drop, as before."""

    provider = "alpaca"

    def __init__(self, credentials: AlpacaCredentials) -> None:
        self._credentials = credentials

    async def open_url(self, url: str) -> str:
        return url

    async def handshake(self, ws: Channel) -> None:
        self._expect(await ws.recv(), "connected")
        await ws.send(_ENCODER.encode(self._credentials.auth_message()).decode())
        self._expect(await ws.recv(), "authenticated")

    @staticmethod
    def _expect(frame: str | bytes, wanted: str) -> None:
        for message in _DECODER.decode(frame):
            if message.T == "error":
                raise alpaca_failure(message.code, message.msg or "")
            if message.T == "success" and message.msg == wanted:
                return
        raise StreamFailed(None, f"expected {wanted!r}, got {frame!r:.200}")

    def subscribe(self, symbols: frozenset[str]) -> Sequence[str]:
        return [self._action("subscribe", symbols)]

    def unsubscribe(self, symbols: frozenset[str]) -> Sequence[str]:
        return [self._action("unsubscribe", symbols)]

    @staticmethod
    def _action(action: str, symbols: frozenset[str]) -> str:
        return _ENCODER.encode({"action": action, "quotes": sorted(symbols)}).decode()

    def decode(self, frame: str | bytes) -> Decoded:
        decoded = Decoded()
        for message in _DECODER.decode(frame):
            if message.T == "q":
                quote = message.quote()
                if quote is not None:
                    decoded.quotes.append(quote)
            elif message.T == "error":
                raise alpaca_failure(message.code, message.msg or "")
        return decoded


class AlpacaQuoteStream(QuoteStream):
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
        super().__init__(url, AlpacaProtocol(credentials), clock=clock, options=options)
