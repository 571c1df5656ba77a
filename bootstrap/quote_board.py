"""Who shares the quote board in this process, and the paper books of a process that follows.

Every process that decides orders needs the same reference prices. With Redis
(BULWARK_REDIS_URL) the feed's owners publish their board and the other processes follow it
(adapters/redis/quote_board.py). Without Redis each process has only its own board: a
non-synthetic feed runs its quote pump in every process (the same provider, so the same
prices, give or take a poll); the synthetic ticks are seeded but counted from each process's
start, so two ticking processes drift apart: keep them off (the default) and let each
process set the static demo prices (`bulwark consume` does with BULWARK_DEMO=true).
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Awaitable, Callable
from decimal import Decimal
from typing import TYPE_CHECKING, Literal

import structlog

from adapters.brokers.paper import PaperBroker
from adapters.memory.marketdata import InMemoryMarketData
from bootstrap.settings import Settings
from ports.core.clock import Clock
from ports.core.unit_of_work import UnitOfWork

if TYPE_CHECKING:  # the Redis client loads with a shared board only (below)
    from adapters.redis.quote_board import RedisBoardFollower, RedisBoardPublisher

Process = Literal["serve", "consume"]
Role = Literal["publish", "follow", "local"]

_log = structlog.get_logger("bulwark.quote_board")


def runs_a_feed(settings: Settings) -> bool:
    """A quote pump (a non-synthetic primary) or synthetic ticks: this process moves prices."""
    return (
        settings.market_data.primary != "synthetic"
        or settings.market_data.synthetic_tick_seconds > 0
    )


def board_role(settings: Settings, process: Process) -> Role:
    """What this process does with its board: see the quote_board setting."""
    if settings.redis.url is None or settings.quotes.board == "local":
        return "local"
    if settings.quotes.board != "auto":
        return settings.quotes.board
    if process == "consume" and not runs_a_feed(settings):
        return "follow"
    return "publish"


async def quote_board_lifetime(
    settings: Settings, process: Process, board: InMemoryMarketData, clock: Clock
) -> AsyncIterator[RedisBoardPublisher | RedisBoardFollower | None]:
    """Runs the publisher or the follower of this process's board for its lifetime.

    On a Redis client of its own (built here, in the loop that uses it): the heartbeats
    stay off the pool the order path's rate limits and idempotency keys use.
    """
    role = board_role(settings, process)
    if role == "local" or settings.redis.url is None:
        yield None
        return
    from adapters.redis.broadcast import RedisBroadcast
    from adapters.redis.client import redis_from_url
    from adapters.redis.quote_board import RedisBoardFollower, RedisBoardPublisher

    redis = redis_from_url(settings.redis.url, max_connections=4, client_name="bulwark-board")
    sharing: RedisBoardPublisher | RedisBoardFollower
    if role == "publish":
        sharing = RedisBoardPublisher(
            redis, board, heartbeat_s=settings.quotes.board_heartbeat_seconds
        )
    else:
        sharing = RedisBoardFollower(
            redis,
            RedisBroadcast(redis, settings.redis.url),
            board,
            clock,
            stale_after_s=settings.quotes.max_age_seconds,
        )
    try:
        async with _running(sharing, role, process, settings) as running:
            yield running
    finally:
        await redis.aclose()


@contextlib.asynccontextmanager
async def _running(
    sharing: RedisBoardPublisher | RedisBoardFollower,
    role: Role,
    process: Process,
    settings: Settings,
) -> AsyncIterator[RedisBoardPublisher | RedisBoardFollower]:
    from adapters.redis.quote_board import RedisBoardFollower

    task = asyncio.create_task(sharing.run(), name=f"quote-board-{role}")
    _log.info("quote_board_sharing", role=role, process=process)
    if isinstance(sharing, RedisBoardFollower):
        # Orders arriving before the first price would all be denied: wait for a publisher
        # (a bounded while; after it the board stays down and fails closed until one speaks).
        try:
            await asyncio.wait_for(sharing.live.wait(), settings.quotes.max_age_seconds)
        except TimeoutError:
            _log.warning("quote_board_no_publisher", waited_seconds=settings.quotes.max_age_seconds)
    try:
        yield sharing
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task


def paper_accounts_from(
    uow_factory: Callable[[], UnitOfWork],
) -> Callable[[str], Awaitable[Decimal | None]]:
    """The cash of a paper account the store knows, for a paper broker that meets it first.

    A process that did not create an account (`bulwark consume` beside the one that did)
    opens its paper book on first use, with the account's cash in the store.
    """

    async def cash_of(account_id: str) -> Decimal | None:
        async with uow_factory() as uow:
            account = await uow.accounts.get(account_id)
        if account is None or account.broker != "paper":
            return None
        return account.cash

    return cash_of


def open_paper_books_from_store(broker: PaperBroker, uow_factory: Callable[[], UnitOfWork]) -> None:
    broker.open_accounts_with(paper_accounts_from(uow_factory))
