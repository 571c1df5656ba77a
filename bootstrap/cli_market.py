"""The market feed a one-shot console command reads (`bulwark options record-iv`,
`bulwark fear-greed record`), closed when the command is done."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from adapters.market_data.failover import FailoverMarketData
    from bootstrap.containers.commands import Contexts


@asynccontextmanager
async def command_feed(container: Contexts) -> AsyncIterator[FailoverMarketData]:
    """The feed, its providers' connections closed on the way out. In the demo on the
    synthetic provider the board is given the demo instruments' prices first: this process
    runs no board of its own."""
    from bootstrap.closing import close_quietly

    settings = container.settings()
    if settings.core.demo and settings.market_data.primary == "synthetic":
        from bootstrap.demo import set_demo_prices

        set_demo_prices(container.core.market())
    feed = container.market_data.market_feed()
    try:
        yield feed
    finally:
        await close_quietly(feed.providers())
