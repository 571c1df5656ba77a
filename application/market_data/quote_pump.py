"""Keeps the core's quote board fed from a market-data provider: streams, polls when it must.

The core (risk gate, margin, loss triggers, paper fills) reads prices from one quote board.
With a provider other than the board itself as the source, the pump copies its quotes there:
- The symbols are every instrument the store knows plus those of open positions and orders,
  read again every `refresh_s`; a changed set restarts the stream.
- It subscribes with `stream_quotes`. When the stream fails or ends, it tries again after a
  backoff (doubling, with jitter) and meanwhile polls `quote` for each symbol.
- A symbol not written for `poll_s` is polled even while the stream is up: a quiet symbol
  would otherwise age past the board's maximum age, and a provider's current quote is fresh
  news even when its price did not move.
- A quote older (by its own `at`) than the last one written for its symbol is dropped, so a
  stream that replays from the start (a replay provider) cannot move prices back; one stamped
  more than `FUTURE_SKEW` after the clock's now is dropped too (a replay stream running ahead
  of the clock would be look-ahead): polling then gives the quote as of now.
Nothing it meets is raised: failures are counted and kept (last few) for health and tests.
"""

from __future__ import annotations

import asyncio
import contextlib
import random
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Literal, Protocol

from application.core.pacing import pause
from ports.core.clock import Clock
from ports.core.unit_of_work import UnitOfWork
from ports.market_data.marketdata import MarketDataProvider, ProviderError, Quote, QuoteUnavailable

Mode = Literal["idle", "stream", "poll"]


FUTURE_SKEW = timedelta(seconds=5)  # clocks disagree a little; more is not a live quote


class QuoteSink(Protocol):
    """Where the pump writes quotes (the in-memory quote board); raises ValueError on a bad one."""

    def set_quote(
        self,
        symbol: str,
        bid: Decimal,
        ask: Decimal,
        last: Decimal | None = None,
        *,
        bid_size: Decimal = ...,
        ask_size: Decimal = ...,
    ) -> Quote: ...


@dataclass(frozen=True, slots=True)
class QuotePumpConfig:
    """How often to poll quiet symbols, re-read the symbols, and back off a failed stream."""

    poll_s: float = 2.0
    refresh_s: float = 30.0
    backoff_min_s: float = 1.0
    backoff_max_s: float = 60.0
    errors_kept: int = 20

    def __post_init__(self) -> None:
        if min(self.poll_s, self.refresh_s, self.backoff_min_s) <= 0:
            raise ValueError("poll, refresh and backoff intervals must be positive")
        if self.backoff_max_s < self.backoff_min_s or self.errors_kept < 1:
            raise ValueError("backoff_max_s must be at least backoff_min_s; keep an error")


@dataclass(frozen=True, slots=True)
class PumpError:
    """One failure the pump met: where (stream, poll, symbols, quote) and what."""

    at: datetime
    where: str
    message: str


@dataclass(frozen=True, slots=True)
class PumpStatus:
    """What the pump is doing, for health reports and tests."""

    mode: Mode
    symbols: tuple[str, ...]
    last_quote_at: dict[str, datetime]
    stream_starts: int
    next_stream_in_s: float | None
    errors: tuple[PumpError, ...]
    error_count: int


async def tracked_symbols(uow: UnitOfWork) -> set[str]:
    """Every instrument's symbol plus the symbols of open positions and open orders."""
    symbols = {instrument.symbol for instrument in await uow.instruments.list()}
    for account in await uow.accounts.list():
        symbols.update(s for s in account.positions if account.position_quantity(s))
        symbols.update(order.symbol for order in account.open_orders.values())
    return symbols


class QuotePump:
    """Feeds a QuoteSink from a MarketDataProvider; see the module docstring for the rules.

    `step()` does one round (symbols, stream supervision, polls); `run(stop)` repeats it
    every `poll_s` until `stop` is set. Both are safe to call with a fake clock.
    """

    def __init__(
        self,
        provider: MarketDataProvider,
        sink: QuoteSink,
        uow_factory: Callable[[], UnitOfWork],
        clock: Clock,
        config: QuotePumpConfig | None = None,
        jitter: Callable[[], float] = random.random,
    ) -> None:
        self._provider = provider
        self._sink = sink
        self._uow_factory = uow_factory
        self._clock = clock
        self._config = config or QuotePumpConfig()
        self._jitter = jitter
        self._symbols: tuple[str, ...] = ()
        self._next_refresh: float | None = None
        self._stream: asyncio.Task[None] | None = None
        self._streamed = False  # the running stream has delivered a quote
        self._stream_starts = 0
        self._next_stream: float | None = None
        self._backoff = self._config.backoff_min_s
        self._quote_at: dict[str, datetime] = {}  # the provider's own time of the last written
        self._written_at: dict[str, datetime] = {}  # our clock's time of the last write
        self._written_mono: dict[str, float] = {}
        self._errors: deque[PumpError] = deque(maxlen=self._config.errors_kept)
        self._error_count = 0

    # -- observation -------------------------------------------------------------
    def status(self) -> PumpStatus:
        live = self._stream is not None and not self._stream.done()
        mode: Mode = (
            "idle" if not self._symbols else "stream" if live and self._streamed else "poll"
        )
        wait = None
        if self._next_stream is not None and not live:
            wait = max(0.0, self._next_stream - self._clock.monotonic())
        return PumpStatus(
            mode=mode,
            symbols=self._symbols,
            last_quote_at=dict(self._written_at),
            stream_starts=self._stream_starts,
            next_stream_in_s=wait,
            errors=tuple(self._errors),
            error_count=self._error_count,
        )

    # -- the loop ------------------------------------------------------------------
    async def run(self, stop: asyncio.Event) -> None:
        """Step every `poll_s` until `stop` is set; then close the stream."""
        try:
            while not stop.is_set():
                try:
                    await self.step()
                except Exception as exc:  # a background loop must outlive any one failure
                    self._error("step", f"{type(exc).__name__}: {exc}")
                await pause(self._clock, self._config.poll_s, stop)
        finally:
            await self.close()

    async def step(self) -> None:
        """One round: re-read the symbols when due, supervise the stream, poll what is due."""
        now = self._clock.monotonic()
        if self._next_refresh is None or now >= self._next_refresh:
            await self._refresh_symbols()
            self._next_refresh = now + self._config.refresh_s
        await self._supervise_stream()
        await self._poll_due()

    async def close(self) -> None:
        """Stop the stream (idempotent)."""
        task, self._stream = self._stream, None
        if task is not None:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task

    # -- symbols -------------------------------------------------------------------
    async def _refresh_symbols(self) -> None:
        try:
            async with self._uow_factory() as uow:
                symbols = tuple(sorted(await tracked_symbols(uow)))
        except Exception as exc:  # keep the last known set; the store may be back next time
            self._error("symbols", f"{type(exc).__name__}: {exc}")
            return
        if symbols != self._symbols:
            self._symbols = symbols
            await self.close()  # restart the stream on the new set at once
            self._next_stream = None
            self._backoff = self._config.backoff_min_s

    # -- stream --------------------------------------------------------------------
    async def _supervise_stream(self) -> None:
        task = self._stream
        if task is not None and task.done():
            self._stream = None
            exc = task.exception()
            if exc is None:
                self._error("stream", "the stream ended")
            else:
                self._error("stream", f"{type(exc).__name__}: {exc}")
            if self._streamed:  # it served for a while: try again soon
                self._backoff = self._config.backoff_min_s
            self._next_stream = self._clock.monotonic() + self._backoff * (1 + self._jitter())
            self._backoff = min(self._backoff * 2, self._config.backoff_max_s)
        if self._stream is None and self._symbols:
            due = self._next_stream is None or self._clock.monotonic() >= self._next_stream
            if due:
                self._streamed = False
                self._stream_starts += 1
                self._stream = asyncio.create_task(self._consume(self._symbols))
                await asyncio.sleep(0)  # let it subscribe before this round polls

    async def _consume(self, symbols: Sequence[str]) -> None:
        wanted = set(symbols)
        stream = self._provider.stream_quotes(list(symbols))
        try:
            async for quote in stream:
                if quote.symbol in wanted:
                    self._streamed = True
                    self._write(quote)
        finally:
            aclose = getattr(stream, "aclose", None)
            if aclose is not None:
                with contextlib.suppress(Exception):
                    await aclose()

    # -- polling -------------------------------------------------------------------
    async def _poll_due(self) -> None:
        horizon = self._clock.monotonic() - self._config.poll_s
        for symbol in self._symbols:
            written = self._written_mono.get(symbol)
            if written is not None and written > horizon:
                continue
            try:
                quote = await self._provider.quote(symbol)
            except ProviderError as exc:
                self._error("poll", str(exc))
                continue
            except QuoteUnavailable:
                continue  # no provider lists it: the board keeps no price, the gate denies
            except Exception as exc:  # a provider leaking a library error must not stop us
                self._error("poll", f"{symbol}: {type(exc).__name__}: {exc}")
                continue
            self._write(quote)

    # -- writing -------------------------------------------------------------------
    def _write(self, quote: Quote) -> None:
        symbol = quote.symbol
        previous = self._quote_at.get(symbol)
        if previous is not None and quote.at < previous:
            return
        if quote.at > self._clock.now() + FUTURE_SKEW:
            return
        try:
            self._sink.set_quote(
                symbol,
                quote.bid,
                quote.ask,
                quote.last,
                bid_size=quote.bid_size,
                ask_size=quote.ask_size,
            )
        except ValueError as exc:  # crossed or negative: not a price to trade on
            self._error("quote", f"{symbol}: {exc}")
            return
        self._quote_at[symbol] = quote.at
        self._written_at[symbol] = self._clock.now()
        self._written_mono[symbol] = self._clock.monotonic()

    def _error(self, where: str, message: str) -> None:
        self._error_count += 1
        self._errors.append(PumpError(self._clock.now(), where, message))
