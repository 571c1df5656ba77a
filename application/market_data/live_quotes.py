"""Live quotes for many clients: each client gets the latest quote of each symbol it follows.

The board's listener does constant work per quote whatever the number of clients: the quote
is encoded once and appended to a shared log; no client's queue is touched. Each client pulls
what changed since its cursor when it is ready to send, keeping only the latest quote per
symbol: a client that reads slowly skips the quotes overtaken meanwhile (counted as drops),
and never holds back the feed or another client. Waiting clients are woken at most once per
`flush_s`, so a burst of quotes reaches them as one frame.

The log is trimmed to the slowest client's cursor each wake, and never holds more than
`log_size` entries: what a lagging client had not read yet is then folded into its own
carry (one entry per symbol it follows), so memory stays bounded by the clients' symbols.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from ports.market_data.marketdata import MarkBoard, Quote

# A symbol a client may follow: letters, digits and . - / (BRK.B, BTC/USD, ES-2026M), 1 to 24.
SYMBOL_PATTERN = re.compile(r"^[A-Z0-9][A-Z0-9./\-]{0,23}$")
Entry = tuple[str, bytes]  # (symbol, the quote's encoded JSON object)


class InvalidSymbols(ValueError):
    """A subscription the client must fix: a malformed symbol, or too many symbols."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


def normalise_symbols(raw: Iterable[str]) -> list[str]:
    """Symbols upper-cased and stripped, in order, each once; InvalidSymbols for a bad one."""
    symbols: dict[str, None] = {}
    for item in raw:
        symbol = item.strip().upper()
        if not SYMBOL_PATTERN.match(symbol):
            raise InvalidSymbols("INVALID_SYMBOL", f"not a symbol: {item[:30]!r}")
        symbols[symbol] = None
    return list(symbols)


@dataclass(eq=False)
class QuoteClient:
    """One connected client: what it follows, how far it read, what it was spared."""

    symbols: set[str] = field(default_factory=set)
    cursor: int = 0
    # Quotes of its symbols taken out of the log before it read them (latest per symbol).
    carry: dict[str, bytes] = field(default_factory=dict)
    dropped: int = 0  # quotes overtaken by a newer one of their symbol before being sent
    delivered: int = 0


class LiveQuotes:
    """The fan-out of the process's quote board to its connected clients."""

    def __init__(
        self,
        board: MarkBoard,
        encode: Callable[[Quote], bytes],
        *,
        max_symbols: int = 100,
        flush_s: float = 0.01,
        log_size: int = 100_000,
    ) -> None:
        if max_symbols < 1 or flush_s < 0 or log_size < 1:
            raise ValueError("max_symbols and log_size at least 1, flush_s not negative")
        self.max_symbols = max_symbols
        self._board = board
        self._encode = encode
        self._flush_s = flush_s
        self._log_size = log_size
        self._log: list[Entry] = []
        self._base = 0  # the sequence number of _log[0]
        self._latest: dict[str, bytes] = {}
        self._clients: set[QuoteClient] = set()
        self._followed: dict[str, int] = {}  # symbol -> clients following it
        self._loop: asyncio.AbstractEventLoop | None = None
        self._woken: asyncio.Future[None] | None = None
        self._wake_pending = False
        self._unsubscribe: Callable[[], None] | None = None
        self.dropped = 0  # over all clients, since start
        self.delivered = 0
        self.quotes_in = 0  # quotes of followed symbols taken from the board

    # -- clients ------------------------------------------------------------------------
    @property
    def connections(self) -> int:
        return len(self._clients)

    def clients(self) -> list[QuoteClient]:
        """The clients connected now (their counts of quotes sent and dropped)."""
        return list(self._clients)

    def connect(self) -> QuoteClient:
        """A new client following nothing yet (on the serving event loop)."""
        self._loop = asyncio.get_running_loop()
        if self._unsubscribe is None:
            self._unsubscribe = self._board.subscribe(self._on_quote)
        client = QuoteClient(cursor=self._sequence)
        self._clients.add(client)
        return client

    def disconnect(self, client: QuoteClient) -> None:
        if client not in self._clients:
            return
        self.follow(client, (), replace=True)
        self._clients.discard(client)
        if not self._clients and self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None
            self._log.clear()
            self._base = 0

    def follow(self, client: QuoteClient, symbols: Iterable[str], *, replace: bool = False) -> None:
        """Adds `symbols` to what `client` follows (all of it with `replace`); the latest
        quote of each newly followed symbol is sent first. InvalidSymbols past the limit."""
        wanted = set(symbols) if replace else client.symbols | set(symbols)
        if len(wanted) > self.max_symbols:
            raise InvalidSymbols(
                "TOO_MANY_SYMBOLS", f"at most {self.max_symbols} symbols per connection"
            )
        for symbol in wanted - client.symbols:
            self._followed[symbol] = self._followed.get(symbol, 0) + 1
            held = self._latest.get(symbol) or self._snapshot(symbol)
            if held is not None:
                client.carry[symbol] = held
                self._schedule_wake(0.0)
        for symbol in client.symbols - wanted:
            self._unfollow_symbol(symbol)
            client.carry.pop(symbol, None)
        client.symbols = wanted

    def unfollow(self, client: QuoteClient, symbols: Iterable[str]) -> None:
        self.follow(client, client.symbols - set(symbols), replace=True)

    async def next_batch(self, client: QuoteClient) -> list[bytes]:
        """The latest quote of each of `client`'s symbols that changed since its last batch,
        waiting until there is one."""
        while True:
            batch = self._pull(client)
            if batch:
                return batch
            await self._wait()

    # -- the board's side ---------------------------------------------------------------
    def _on_quote(self, quote: Quote) -> None:
        if quote.symbol not in self._followed:
            return
        loop = self._loop
        if loop is None:
            return
        try:
            here = asyncio.get_running_loop()
        except RuntimeError:
            here = None
        if here is loop:
            self._take(quote)
        else:  # a board updated from another thread: hand the quote to the serving loop
            loop.call_soon_threadsafe(self._take, quote)

    def _take(self, quote: Quote) -> None:
        if quote.symbol not in self._followed:
            return
        data = self._encode(quote)
        self._latest[quote.symbol] = data
        self._log.append((quote.symbol, data))
        self.quotes_in += 1
        if len(self._log) > self._log_size:
            self._trim(self._base + len(self._log) - self._log_size // 2)
        self._schedule_wake(self._flush_s)

    def _schedule_wake(self, after_s: float) -> None:
        if self._wake_pending or self._woken is None or self._loop is None:
            return  # a wake is coming, or nobody waits (a client pulls before it waits)
        self._wake_pending = True
        if after_s > 0:
            self._loop.call_later(after_s, self._wake)
        else:
            self._loop.call_soon(self._wake)

    def _wake(self) -> None:
        self._wake_pending = False
        woken, self._woken = self._woken, None
        if woken is not None and not woken.done():
            woken.set_result(None)
        if self._clients:
            self._trim(min(c.cursor for c in self._clients))

    async def _wait(self) -> None:
        if self._woken is None:
            self._woken = asyncio.get_running_loop().create_future()
        await asyncio.shield(self._woken)

    # -- the log ------------------------------------------------------------------------
    @property
    def _sequence(self) -> int:
        return self._base + len(self._log)

    def _pull(self, client: QuoteClient) -> list[bytes]:
        start = max(client.cursor, self._base) - self._base
        entries = self._log[start:] if start < len(self._log) else ()
        client.cursor = self._sequence
        symbols = client.symbols
        latest = client.carry
        client.carry = {}
        matched = len(latest)
        for symbol, data in entries:
            if symbol in symbols:
                matched += 1
                latest[symbol] = data
        dropped = matched - len(latest)
        client.dropped += dropped
        client.delivered += len(latest)
        self.dropped += dropped
        self.delivered += len(latest)
        return list(latest.values())

    def _trim(self, upto: int) -> None:
        """Drops the log's entries before sequence `upto`, folding them into the carry of
        each client that had not read them."""
        cut = upto - self._base
        if cut <= 0:
            return
        gone = self._log[:cut]
        for client in self._clients:
            if client.cursor < upto:
                skip = max(client.cursor - self._base, 0)
                carry, symbols = client.carry, client.symbols
                for symbol, data in gone[skip:]:
                    if symbol in symbols:
                        if symbol in carry:
                            client.dropped += 1
                            self.dropped += 1
                        carry[symbol] = data
                client.cursor = upto
        del self._log[:cut]
        self._base = upto

    def _snapshot(self, symbol: str) -> bytes | None:
        quote = self._board.latest(symbol)
        return None if quote is None else self._encode(quote)

    def _unfollow_symbol(self, symbol: str) -> None:
        left = self._followed.get(symbol, 0) - 1
        if left > 0:
            self._followed[symbol] = left
        else:
            self._followed.pop(symbol, None)
            self._latest.pop(symbol, None)
