"""Databento Live: streamed top-of-book quotes over its raw TCP gateway, under the shared stream
rules (ws_stream.py: reconnect with backoff, resubscribe, fan-out, fatal refusals).

The gateway of a dataset is `<dataset, dots as dashes, lower case>.lsg.databento.com:13000`
(`tcp://xnas-itch.lsg.databento.com:13000`). Control messages are lines of `key=value` pairs
joined by `|`:

- the gateway greets (`lsg_version=...`) and challenges (`cram=<challenge>`);
- the client answers `auth=<sha256 hex of "<challenge>|<key>">-<last 5 characters of the
  key>|dataset=<dataset>|encoding=json|ts_out=0` (the key itself never crosses the wire);
- the gateway answers `success=1|session_id=...`, or `success=0|error=...` (fatal);
- subscriptions are `schema=mbp-1|stype_in=raw_symbol|symbols=AAPL,MSFT` lines, then
  `start_session` once; later subscriptions are added to the running session. The Live API has
  no unsubscribe: a symbol nobody reads any more stays subscribed until the next connection
  (its quotes are not delivered), and the connection closes after the last reader.

With `encoding=json` every record is a JSON line with a header `hd` (`rtype`, `instrument_id`,
`ts_event` in nanoseconds): symbol mappings (rtype 22) name an instrument id by the asked
symbol (`stype_in_symbol`), MBP-1 records (rtype 1) carry the top level (`levels[0]`:
`bid_px`, `ask_px` fixed point in units of 1e-9, the undefined price for an empty side;
`bid_sz`, `ask_sz`), errors (rtype 21, `err`) end the stream, system messages (rtype 23:
heartbeats) need no answer. A Quote's `last` is the instrument's last trade (an MBP-1 record
with action `T`) once one was seen, its mid before.

The Databento adapter (adapters/market_data/vendors/databento.py) streams its quotes from here.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
from collections.abc import AsyncIterator, Sequence
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from datetime import UTC, datetime
from decimal import Decimal, InvalidOperation
from typing import Any
from urllib.parse import urlsplit

import msgspec

from adapters.market_data.ws_stream import (
    Channel,
    Decoded,
    MalformedFrame,
    QuoteStream,
    StreamFailed,
    StreamOptions,
)
from ports.core.clock import Clock
from ports.market_data.marketdata import Quote

PORT = 13_000
SCHEMA = "mbp-1"
ZERO = Decimal(0)
UNDEFINED_PRICE = 2**63 - 1  # the fixed-point price of an empty level
_SYMBOLS_A_LINE = 500
_RTYPE_MBP1, _RTYPE_ERROR, _RTYPE_MAPPING, _RTYPE_SYSTEM = 1, 21, 22, 23
_LINE_LIMIT = 1 << 20


def gateway_url(dataset: str) -> str:
    """The Live gateway of `dataset`, as a tcp:// URL."""
    return f"tcp://{dataset.replace('.', '-').lower()}.lsg.databento.com:{PORT}"


def cram_reply(challenge: str, key: str) -> str:
    """The authentication of `key` for `challenge`: sha256("<challenge>|<key>") and the bucket."""
    digest = hashlib.sha256(f"{challenge}|{key}".encode()).hexdigest()
    return f"{digest}-{key[-5:]}"


class LineChannel:
    """A TCP connection read and written as text lines (the Channel the stream drives)."""

    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self._reader = reader
        self._writer = writer

    async def recv(self) -> str:
        line = await self._readline()
        if line is None:
            raise ConnectionError("the gateway closed the connection")
        return line

    async def send(self, message: str) -> None:
        self._writer.write(message.encode() + b"\n")
        await self._writer.drain()

    async def close(self) -> None:
        self._writer.close()
        with contextlib.suppress(OSError):
            await self._writer.wait_closed()

    def __aiter__(self) -> AsyncIterator[str]:
        return self._lines()

    async def _lines(self) -> AsyncIterator[str]:
        while (line := await self._readline()) is not None:
            yield line

    async def _readline(self) -> str | None:
        """The next line without its end; None at the end of the stream."""
        try:
            raw = await self._reader.readline()
        except ValueError as exc:  # a line past the limit
            raise ConnectionError(f"a line too long from the gateway: {exc}") from exc
        if not raw:
            return None
        return raw.decode(errors="replace").rstrip("\r\n")


@asynccontextmanager
async def tcp_lines(url: str, open_timeout_s: float) -> AsyncIterator[Channel]:
    """A LineChannel to `url` (tcp://host:port), closed on exit."""
    parts = urlsplit(url)
    if parts.scheme != "tcp" or not parts.hostname or parts.port is None:
        raise StreamFailed(None, f"not a tcp://host:port URL: {url!r}", fatal=True)
    reader, writer = await asyncio.wait_for(
        asyncio.open_connection(parts.hostname, parts.port, limit=_LINE_LIMIT), open_timeout_s
    )
    channel = LineChannel(reader, writer)
    try:
        yield channel
    finally:
        await channel.close()


def _fields(line: str | bytes) -> dict[str, str]:
    text = line.decode() if isinstance(line, bytes) else line
    return dict(part.split("=", 1) for part in text.split("|") if "=" in part)


class DatabentoLiveProtocol:
    """Databento's Live gateway protocol (module doc) for one dataset."""

    provider = "databento"

    def __init__(self, key: str, dataset: str) -> None:
        self._key = key
        self._dataset = dataset
        self._started = False
        self._names: dict[int, str] = {}
        self._last_trade: dict[int, Decimal] = {}

    async def open_url(self, url: str) -> str:
        return url

    async def handshake(self, ws: Channel) -> None:
        challenge = None
        while challenge is None:  # the greeting (lsg_version=...) comes first
            challenge = _fields(await ws.recv()).get("cram")
        auth = (
            f"auth={cram_reply(challenge, self._key)}|dataset={self._dataset}"
            "|encoding=json|ts_out=0"
        )
        await ws.send(auth)
        answer = _fields(await ws.recv())
        if answer.get("success") != "1":
            raise StreamFailed("auth", answer.get("error", "authentication failed"), fatal=True)
        self._started = False

    def subscribe(self, symbols: frozenset[str]) -> Sequence[str]:
        ordered = sorted(symbols)
        chunks = [ordered[i : i + _SYMBOLS_A_LINE] for i in range(0, len(ordered), _SYMBOLS_A_LINE)]
        lines = [f"schema={SCHEMA}|stype_in=raw_symbol|symbols={','.join(c)}" for c in chunks]
        if not self._started:
            self._started = True
            lines.append("start_session")
        return lines

    def unsubscribe(self, symbols: frozenset[str]) -> Sequence[str]:
        return []  # the Live API has none (module doc)

    def decode(self, frame: str | bytes) -> Decoded:
        try:
            record = msgspec.json.decode(frame)
            header = record["hd"]
            rtype, instrument = int(header["rtype"]), int(header["instrument_id"])
            if rtype == _RTYPE_MAPPING:
                self._names[instrument] = str(record["stype_in_symbol"])
            elif rtype == _RTYPE_ERROR:
                raise StreamFailed("error", str(record.get("err", "")), fatal=True)
            elif rtype == _RTYPE_MBP1:
                quote = self._quote(instrument, header, record)
                return Decoded(quotes=[] if quote is None else [quote])
        except (msgspec.DecodeError, KeyError, TypeError, ValueError, InvalidOperation) as exc:
            raise MalformedFrame(f"{type(exc).__name__}: {exc}") from exc
        return Decoded()  # a mapping, a heartbeat or another system message

    def _quote(self, instrument: int, header: Any, record: Any) -> Quote | None:
        symbol = self._names.get(instrument)
        if symbol is None:
            return None  # not mapped (yet): not a symbol anyone asked for by name
        if record.get("action") == "T":
            self._last_trade[instrument] = _price(record["price"])
        top = record["levels"][0]
        bid, ask = _price(top["bid_px"]), _price(top["ask_px"])
        if bid <= 0 and ask <= 0:
            return None
        mid = (bid + ask) / 2 if bid > 0 and ask > 0 else max(bid, ask)
        return Quote(
            symbol=symbol,
            bid=bid,
            ask=ask,
            last=self._last_trade.get(instrument, mid),
            at=_nanos(header["ts_event"]),
            bid_size=Decimal(int(top["bid_sz"])) if bid > 0 else ZERO,
            ask_size=Decimal(int(top["ask_sz"])) if ask > 0 else ZERO,
        )


def _price(value: Any) -> Decimal:
    """A price: fixed point (an integer or a string of digits, units of 1e-9; the undefined
    price is 0) or a decimal string (`pretty_px`)."""
    if value is None:
        return ZERO
    if isinstance(value, bool):
        raise ValueError(f"not a price: {value!r}")
    text = str(value)
    if "." in text:
        price = Decimal(text)
    else:
        fixed = int(text)
        price = ZERO if fixed == UNDEFINED_PRICE else Decimal(fixed).scaleb(-9)
    if not price.is_finite() or price < 0:
        raise ValueError(f"not a price: {value!r}")
    return price


def _nanos(value: Any) -> datetime:
    text = str(value)
    if text.isdigit():
        seconds, nanos = divmod(int(text), 1_000_000_000)
        return datetime.fromtimestamp(seconds, tz=UTC).replace(microsecond=nanos // 1000)
    return datetime.fromisoformat(text.replace("Z", "+00:00")).astimezone(UTC)


class DatabentoLiveStream(QuoteStream):
    """Quotes of one dataset from Databento's Live gateway, shared by every reader."""

    def __init__(
        self,
        key: str,
        dataset: str,
        *,
        clock: Clock,
        url: str | None = None,
        options: StreamOptions | None = None,
    ) -> None:
        super().__init__(
            url or gateway_url(dataset),
            DatabentoLiveProtocol(key, dataset),
            clock=clock,
            options=options,
            connector=_tcp,
        )


def _tcp(url: str, open_timeout_s: float) -> AbstractAsyncContextManager[Channel]:
    return tcp_lines(url, open_timeout_s)
