"""What the vendors' quote-stream tests share: a sleep that records the backoff without
waiting, and a reader that collects a stream's quotes (or its failure) in the background."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator

from ports.market_data.marketdata import ProviderError, Quote


class RecordedSleep:
    """A stream's injected sleep: records each delay and yields without waiting."""

    def __init__(self) -> None:
        self.delays: list[float] = []

    async def __call__(self, seconds: float) -> None:
        self.delays.append(seconds)
        await asyncio.sleep(0)


class Collector:
    """Reads a quote stream in a background task, as a consumer would."""

    def __init__(self, stream: AsyncIterator[Quote]) -> None:
        self.quotes: list[Quote] = []
        self.error: ProviderError | None = None
        self._arrived = asyncio.Event()
        self._task = asyncio.ensure_future(self._read(stream))

    async def _read(self, stream: AsyncIterator[Quote]) -> None:
        try:
            async for quote in stream:
                self.quotes.append(quote)
                self._arrived.set()
        except ProviderError as error:
            self.error = error
            self._arrived.set()

    async def wait_for(self, count: int, timeout_s: float = 2.0) -> list[Quote]:
        async with asyncio.timeout(timeout_s):
            while len(self.quotes) < count and self.error is None:
                self._arrived.clear()
                await self._arrived.wait()
        return self.quotes

    async def failure(self, timeout_s: float = 2.0) -> ProviderError:
        async with asyncio.timeout(timeout_s):
            await asyncio.shield(self._task)
        assert self.error is not None
        return self.error

    async def stop(self) -> None:
        self._task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await self._task
