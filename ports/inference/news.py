"""News port: the articles and posts the sentiment engine reads (a file/replay adapter here)."""

from __future__ import annotations

from datetime import datetime
from typing import Protocol

from domain.inference.sentiment import NewsItem


class NewsPort(Protocol):
    """Items mentioning a symbol, newest first, published at or after `since`."""

    async def items_for(self, symbol: str, since: datetime, limit: int = 200) -> list[NewsItem]: ...
