"""Stored bar history for readers: checked range requests answered in pages."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from domain.errors import DomainError
from domain.market_data.bars import Timeframe
from ports.market_data.bar_store import MAX_PAGE, BarPage, BarStore

MAX_SYMBOL_LENGTH = 32
# Bars are kept for times in [EARLIEST, LATEST): epoch seconds, and far from datetime's limits.
EARLIEST = datetime(1970, 1, 1, tzinfo=UTC)
LATEST = datetime(3000, 1, 1, tzinfo=UTC)


class InvalidBarRequest(DomainError):
    """A bar history request that cannot be answered as asked (the field says which part)."""

    code = "INVALID_BAR_REQUEST"


@dataclass(eq=False)
class BarHistory:
    """Pages of one symbol's stored bars, raw or adjusted for splits and dividends."""

    store: BarStore

    async def page(
        self,
        symbol: str,
        timeframe: Timeframe,
        start: datetime,
        end: datetime,
        *,
        adjusted: bool = False,
        cursor: str | None = None,
        limit: int = 1000,
    ) -> BarPage:
        """Bars starting in [start, end), oldest first; InvalidBarRequest or InvalidBarCursor
        (code INVALID_CURSOR) for a request that cannot be read."""
        name = symbol.strip().upper()
        if not name or len(name) > MAX_SYMBOL_LENGTH:
            raise InvalidBarRequest(
                f"symbol: expected 1 to {MAX_SYMBOL_LENGTH} characters", field="symbol"
            )
        if start.tzinfo is None or end.tzinfo is None:
            raise InvalidBarRequest("start and end need a time zone (e.g. Z)", field="start")
        if end <= start:
            raise InvalidBarRequest("end must be after start", field="end")
        if start < EARLIEST or end > LATEST:
            raise InvalidBarRequest(
                f"start and end must lie in [{EARLIEST.isoformat()}, {LATEST.isoformat()}]",
                field="start" if start < EARLIEST else "end",
            )
        if not 1 <= limit <= MAX_PAGE:
            raise InvalidBarRequest(f"limit: expected 1 to {MAX_PAGE}", field="limit")
        return await self.store.read(
            name, timeframe, start, end, limit=limit, cursor=cursor, adjusted=adjusted
        )
