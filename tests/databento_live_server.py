"""A local server speaking Databento's Live gateway protocol (raw TCP, JSON records).

Serves tcp://127.0.0.1:<port> in the test's own event loop. A connection gets the greeting
(`lsg_version=...`) and a fresh `cram=` challenge, must answer `auth=<sha256("cram|key")>-<last 5
of the key>|dataset=...|encoding=json|ts_out=0` (anything else: `success=0|error=...` and the
close), then sends `schema=mbp-1|stype_in=raw_symbol|symbols=...` lines and `start_session`.
Once started, each subscribed symbol gets a symbol-mapping record (its instrument id), and
`publish` sends MBP-1 records (fixed-point prices, nanosecond times) to the connections
subscribed to the symbol. Faults: `drop` aborts every connection, `send_raw` sends any line,
`send_error` an error record, `heartbeat` a system record.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import json
import secrets
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from tests.kit.fake_server import FakeServer

DATASET = "XNAS.ITCH"
UNDEFINED = 2**63 - 1


@dataclass(eq=False)
class GatewayConnection:
    writer: asyncio.StreamWriter
    received: list[str] = field(default_factory=list)
    authenticated: bool = False
    started: bool = False
    symbols: set[str] = field(default_factory=set)
    closed: bool = False

    def subscriptions(self) -> list[str]:
        return [line for line in self.received if line.startswith("schema=")]


def _fixed(price: str | None) -> str:
    return str(UNDEFINED) if price is None else str(int(Decimal(price).scaleb(9)))


def _nanos(at: datetime | None) -> str:
    moment = at or datetime.now(UTC)
    return str(int(moment.timestamp()) * 1_000_000_000 + moment.microsecond * 1000)


class DatabentoLiveServer(FakeServer):
    scheme = "tcp"

    def __init__(self, key: str = "db-test-key-0123456789ABCDE", dataset: str = DATASET) -> None:
        super().__init__()
        self.key = key
        self.dataset = dataset
        self._server: asyncio.Server | None = None
        self._changed = asyncio.Event()
        self._ids: dict[str, int] = {}
        self.connections: list[GatewayConnection] = []

    # -- reading -----------------------------------------------------------------------
    def live(self) -> list[GatewayConnection]:
        return [c for c in self.connections if not c.closed]

    def subscribed(self) -> set[str]:
        found: set[str] = set()
        for connection in self.live():
            if connection.started:
                found |= connection.symbols
        return found

    async def wait_until(self, condition: Callable[[], bool], timeout_s: float = 2.0) -> None:
        async with asyncio.timeout(timeout_s):
            while not condition():
                self._changed.clear()
                await self._changed.wait()

    def instrument(self, symbol: str) -> int:
        return self._ids.setdefault(symbol, 10_000 + len(self._ids))

    # -- sending -----------------------------------------------------------------------
    async def publish(
        self,
        symbol: str,
        bid: str | None,
        ask: str | None,
        *,
        bid_size: int = 300,
        ask_size: int = 200,
        trade: str | None = None,
        at: datetime | None = None,
    ) -> int:
        stamp = _nanos(at)
        record = {
            "ts_recv": stamp,
            "hd": {"ts_event": stamp, "rtype": 1, "publisher_id": 2,
                   "instrument_id": self.instrument(symbol)},
            "action": "T" if trade is not None else "A",
            "side": "N" if trade is not None else "B",
            "depth": 0,
            "price": _fixed(trade if trade is not None else bid),
            "size": 100, "flags": 130, "ts_in_delta": 1500, "sequence": 1,
            "levels": [{"bid_px": _fixed(bid), "ask_px": _fixed(ask),
                        "bid_sz": bid_size if bid else 0, "ask_sz": ask_size if ask else 0,
                        "bid_ct": 1, "ask_ct": 1}],
        }  # fmt: skip
        reached = 0
        for connection in self.live():
            if connection.started and symbol in connection.symbols:
                await self._write(connection, json.dumps(record))
                reached += 1
        return reached

    async def send_raw(self, line: str) -> None:
        for connection in self.live():
            await self._write(connection, line)

    async def send_error(self, message: str) -> None:
        await self.send_raw(json.dumps({"hd": self._header(21, 0), "err": message}))

    async def heartbeat(self) -> None:
        await self.send_raw(json.dumps({"hd": self._header(23, 0), "msg": "Heartbeat"}))

    async def drop(self) -> None:
        for connection in self.live():
            connection.writer.transport.abort()

    @staticmethod
    def _header(rtype: int, instrument: int) -> dict[str, Any]:
        return {"ts_event": _nanos(None), "rtype": rtype, "publisher_id": 0,
                "instrument_id": instrument}  # fmt: skip

    async def _write(self, connection: GatewayConnection, line: str) -> None:
        with contextlib.suppress(ConnectionError):
            connection.writer.write(line.encode() + b"\n")
            await connection.writer.drain()

    # -- lifecycle ---------------------------------------------------------------------
    async def start(self) -> None:
        self._server = await asyncio.start_server(self._handle, "127.0.0.1", 0)
        self.port = self._server.sockets[0].getsockname()[1]

    async def stop(self) -> None:
        if self._server is not None:
            self._server.close()
            for connection in self.live():
                connection.writer.transport.abort()
            await self._server.wait_closed()
            self._server = None

    # -- the protocol ------------------------------------------------------------------
    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        connection = GatewayConnection(writer)
        self.connections.append(connection)
        self._changed.set()
        try:
            await self._converse(connection, reader)
        except (ConnectionError, asyncio.IncompleteReadError):
            pass
        finally:
            connection.closed = True
            writer.close()
            self._changed.set()

    async def _converse(self, connection: GatewayConnection, reader: asyncio.StreamReader) -> None:
        challenge = secrets.token_hex(16)
        await self._write(connection, "lsg_version=0.7.2")
        await self._write(connection, f"cram={challenge}")
        auth = (await reader.readline()).decode().rstrip("\n")
        connection.received.append(auth)
        digest = hashlib.sha256(f"{challenge}|{self.key}".encode()).hexdigest()
        wanted = f"auth={digest}-{self.key[-5:]}|dataset={self.dataset}|encoding=json|ts_out=0"
        if auth != wanted:
            await self._write(connection, "success=0|error=Authentication failed.")
            return
        connection.authenticated = True
        await self._write(connection, "success=1|session_id=1")
        while line := (await reader.readline()).decode().rstrip("\n"):
            connection.received.append(line)
            fields = dict(p.split("=", 1) for p in line.split("|") if "=" in p)
            if line == "start_session":
                connection.started = True
                await self._map(connection, connection.symbols)
            elif "symbols" in fields:
                asked = {s for s in fields["symbols"].split(",") if s}
                connection.symbols |= asked
                if connection.started:
                    await self._map(connection, asked)
            self._changed.set()

    async def _map(self, connection: GatewayConnection, symbols: set[str]) -> None:
        for symbol in sorted(symbols):
            instrument = self.instrument(symbol)
            record = {
                "hd": self._header(22, instrument),
                "stype_in": 255,
                "stype_in_symbol": symbol,
                "stype_out": 7,
                "stype_out_symbol": str(instrument),
                "start_ts": "0",
                "end_ts": "0",
            }
            await self._write(connection, json.dumps(record))
