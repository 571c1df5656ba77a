"""`/ws/quotes`: live quotes of the symbols a client follows (docs/live-quotes.md).

Authenticated like /ws/events (a token or API key in the query or the Authorization header,
or the console's session cookie). The client sends `{"action": "subscribe", "symbols": [..]}`
and `{"action": "unsubscribe", "symbols": [..]}`; the server answers `subscribed` with what
the connection follows now, and sends `quotes` frames holding the latest quote of each symbol
that changed since the previous frame (a slow reader skips the quotes overtaken meanwhile).
A message it cannot take is answered with an `error` frame; the connection stays open.
"""

from __future__ import annotations

import asyncio
from datetime import UTC
from typing import Any

import msgspec
from litestar import WebSocket, websocket
from litestar.exceptions import NotAuthorizedException

from adapters.http.console.session import console_credential
from adapters.http.deps import HttpConfigDep
from adapters.http.limits import json_limits
from adapters.http.market_data import MarketDataDep
from adapters.http.security import authenticate, credentials, edge_of
from adapters.http.sockets import (
    CLOSE_UNAUTHENTICATED,
    BadMessage,
    close_socket,
    read_message,
    until_one_ends,
)
from adapters.http.wire_format import PRICE, QUANTITY, decimal_text
from adapters.wire.json_limits import JsonLimits
from application.market_data.live_quotes import (
    InvalidSymbols,
    LiveQuotes,
    QuoteClient,
    normalise_symbols,
)
from ports.market_data.marketdata import MarkBoard, Quote

CLOSE_UNAVAILABLE = 4503  # this instance streams no quotes
FRAME_START = b'{"type":"quotes","quotes":['
FRAME_END = b"]}"


class Sender:
    """The connection's sends, one at a time: quotes, replies and pings come from three tasks,
    and a blocked socket must not see a second send waiting beside the first."""

    def __init__(self, socket: WebSocket[Any, Any, Any]) -> None:
        self._socket = socket
        self._lock = asyncio.Lock()

    async def text(self, data: str | bytes) -> None:
        async with self._lock:
            await self._socket.send_data(data, mode="text")


class QuoteMessage(msgspec.Struct, forbid_unknown_fields=True):
    """A client's message: subscribe, unsubscribe (with symbols), or pong."""

    action: str
    symbols: list[str] = msgspec.field(default_factory=list)


_decode_message = msgspec.json.Decoder(QuoteMessage).decode
_encode = msgspec.json.Encoder().encode


def encode_quote(quote: Quote) -> bytes:
    """One quote as a JSON object: prices and sizes as plain decimal strings, time in UTC."""
    return _encode(
        {
            "symbol": quote.symbol,
            "bid": decimal_text(quote.bid, PRICE),
            "ask": decimal_text(quote.ask, PRICE),
            "last": decimal_text(quote.last, PRICE),
            "bid_size": decimal_text(quote.bid_size, QUANTITY),
            "ask_size": decimal_text(quote.ask_size, QUANTITY),
            "at": quote.at.astimezone(UTC).isoformat().replace("+00:00", "Z"),
        }
    )


def live_quotes(board: MarkBoard, max_symbols: int, flush_ms: float) -> LiveQuotes:
    """The fan-out of `board` to /ws/quotes clients, each quote encoded once."""
    return LiveQuotes(board, encode_quote, max_symbols=max_symbols, flush_s=flush_ms / 1000)


def quotes_frame(batch: list[bytes]) -> bytes:
    return FRAME_START + b",".join(batch) + FRAME_END


@websocket(
    "/ws/quotes",
    summary="Live quotes: ?token=<access token or API key>&symbols=AAPL,MSFT",
    exclude_from_auth=True,
)
async def quotes_socket(
    socket: WebSocket[Any, Any, Any], http_config: HttpConfigDep, market_data: MarketDataDep
) -> None:
    await socket.accept()
    try:
        credential = credentials(socket, allow_query=True) or console_credential(socket)
        caller = await authenticate(edge_of(socket), credential)
    except NotAuthorizedException:
        await close_socket(socket, CLOSE_UNAUTHENTICATED, "unauthenticated")
        return
    hub = market_data.live_quotes
    if hub is None:
        await close_socket(socket, CLOSE_UNAVAILABLE, "live quotes are not served here")
        return
    client = hub.connect()
    send = Sender(socket)
    try:
        await send.text(
            _encode(
                {
                    "type": "welcome",
                    "principal": caller.principal.id,
                    "max_symbols": hub.max_symbols,
                }
            )
        )
        initial = [s for s in (socket.query_params.get("symbols") or "").split(",") if s.strip()]
        if initial:
            await _apply(send, hub, client, QuoteMessage("subscribe", initial))
        limits = json_limits(http_config)
        await _serve(socket, send, hub, client, http_config.ws_ping_seconds, limits)
    finally:
        hub.disconnect(client)


async def _serve(
    socket: WebSocket[Any, Any, Any],
    send: Sender,
    hub: LiveQuotes,
    client: QuoteClient,
    ping_seconds: float,
    limits: JsonLimits,
) -> None:
    tasks = {
        asyncio.create_task(_send_loop(send, hub, client)),
        asyncio.create_task(_receive_loop(socket, send, hub, client, limits)),
        asyncio.create_task(_ping_loop(send, ping_seconds)),
    }
    await until_one_ends(tasks)


async def _send_loop(send: Sender, hub: LiveQuotes, client: QuoteClient) -> None:
    while True:
        batch = await hub.next_batch(client)
        await send.text(quotes_frame(batch))


async def _receive_loop(
    socket: WebSocket[Any, Any, Any],
    send: Sender,
    hub: LiveQuotes,
    client: QuoteClient,
    limits: JsonLimits,
) -> None:
    while True:
        try:
            message = read_message(await socket.receive_text(), limits, _decode_message)
        except BadMessage as refused:
            await _error(send, "BAD_MESSAGE", str(refused))
            continue
        await _apply(send, hub, client, message)


async def _apply(send: Sender, hub: LiveQuotes, client: QuoteClient, message: QuoteMessage) -> None:
    if message.action == "pong":
        return
    if message.action not in {"subscribe", "unsubscribe"}:
        await _error(send, "UNKNOWN_ACTION", f"unknown action {message.action[:30]!r}")
        return
    try:
        symbols = normalise_symbols(message.symbols)
        if message.action == "subscribe":
            hub.follow(client, symbols)
        else:
            hub.unfollow(client, symbols)
    except InvalidSymbols as exc:
        await _error(send, exc.code, exc.message)
        return
    reply = {"type": "subscribed", "symbols": sorted(client.symbols)}
    await send.text(_encode(reply))


async def _error(send: Sender, code: str, message: str) -> None:
    await send.text(_encode({"type": "error", "code": code, "message": message}))


async def _ping_loop(send: Sender, seconds: float) -> None:
    while True:
        await asyncio.sleep(seconds)
        await send.text('{"type":"ping"}')
