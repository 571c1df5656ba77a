"""The market-data feed: the failover composite over the providers the settings name."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Callable

import structlog

from adapters.alpaca.http import AlpacaCredentials
from adapters.market_data.alpaca import AlpacaMarketData
from adapters.market_data.failover import FailoverConfig, FailoverMarketData
from adapters.market_data.replay import ReplayMarketData
from adapters.market_data.replay_files import ReplayDataError
from adapters.market_data.synthetic import QuoteBoard, SyntheticMarketData
from adapters.memory.marketdata import InMemoryMarketData
from application.market_data.quote_pump import QuotePump, QuotePumpConfig
from bootstrap.closing import close_quietly
from bootstrap.market_vendors import VENDORS, VaultSource
from bootstrap.settings import Settings, SettingsError, env_name
from domain.market_data.breaker import BreakerConfig
from ports.core.clock import Clock
from ports.core.unit_of_work import UnitOfWork
from ports.market_data.marketdata import MarketDataProvider

_log = structlog.get_logger("bulwark.market_feed")


def feed_kinds(settings: Settings) -> list[str]:
    """The providers in priority order: market_data, then each fallback not already named."""
    kinds: list[str] = [settings.market_data.primary]
    for kind in settings.market_data.fallbacks:
        if kind != "none" and kind not in kinds:
            kinds.append(kind)
    return kinds


def feed_config(settings: Settings) -> FailoverConfig:
    return FailoverConfig(
        call_timeout_s=settings.market_data.call_timeout_seconds,
        breaker=BreakerConfig(
            window_size=settings.market_data.breaker_window,
            minimum_calls=settings.market_data.breaker_minimum_calls,
            failure_rate=settings.market_data.breaker_failure_rate,
            slow_call_s=settings.market_data.breaker_slow_call_seconds,
            slow_rate=settings.market_data.breaker_slow_rate,
            open_s=settings.market_data.breaker_open_seconds,
            half_open_calls=settings.market_data.breaker_half_open_calls,
        ),
        costs=tuple(settings.market_data.costs.items()),
    )


def provider_of(
    kind: str,
    settings: Settings,
    board: QuoteBoard,
    clock: Clock,
    vault: VaultSource = None,
) -> MarketDataProvider:
    """One provider; the synthetic one reads the in-process quote board, a keyed vendor
    (bootstrap/market_vendors.py) its key from the settings or the vault."""
    if kind in VENDORS:
        return VENDORS[kind](settings, clock, vault)
    if kind == "synthetic":
        return SyntheticMarketData(
            board,
            clock,
            seed=settings.market_data.synthetic_seed,
            tick_seconds=settings.market_data.synthetic_tick_seconds or 1.0,
            # The primary (the offline demo): its prices stand until set or moved.
            standing=settings.market_data.primary == "synthetic",
        )
    if kind == "replay":
        path = settings.market_data.replay_path
        if not path:
            raise SettingsError(
                f"{env_name('market_data_replay_path')} (a .csv or .parquet file, or a "
                "directory of them) is required when the market data or a fallback is replay"
            )
        try:
            return ReplayMarketData.from_path(path, clock)
        except ReplayDataError as exc:
            raise SettingsError(f"{env_name('market_data_replay_path')}: {exc}") from None
    if kind == "alpaca":
        if settings.brokers.alpaca_key_id is None or settings.brokers.alpaca_secret_key is None:
            raise SettingsError("BULWARK_ALPACA_KEY_ID and BULWARK_ALPACA_SECRET_KEY are required")
        credentials = AlpacaCredentials(
            settings.brokers.alpaca_key_id.reveal(), settings.brokers.alpaca_secret_key.reveal()
        )
        return AlpacaMarketData.create(
            credentials,
            clock,
            data_url=settings.market_data.alpaca_data_url,
            stream_url=settings.market_data.alpaca_stream_url,
            feed=settings.market_data.alpaca_data_feed,
        )
    raise SettingsError(f"{env_name('market_data')}: unknown provider {kind}")


def build_market_feed(
    settings: Settings, board: QuoteBoard, clock: Clock, vault: VaultSource = None
) -> FailoverMarketData:
    """One tier per provider, in the order of `feed_kinds`."""
    tiers = [[provider_of(kind, settings, board, clock, vault)] for kind in feed_kinds(settings)]
    return FailoverMarketData(tiers, clock, feed_config(settings))


def build_quote_pump(
    settings: Settings,
    feed: FailoverMarketData,
    board: InMemoryMarketData,
    uow_factory: Callable[[], UnitOfWork],
    clock: Clock,
) -> QuotePump | None:
    """The pump that copies the feed's quotes to the core's board; None with a synthetic primary.

    It reads a failover composite over the feed's providers without the synthetic ones: those
    read the board itself, so their quotes would be the pump's own writes coming back (a stale
    price made to look fresh, and a stream that echoes every write).
    """
    if settings.market_data.primary == "synthetic":
        return None
    tiers = [[p] for p in feed.providers() if not isinstance(p, SyntheticMarketData)]
    source = FailoverMarketData(tiers, clock, feed_config(settings))
    config = QuotePumpConfig(
        poll_s=settings.quotes.pump_poll_seconds, refresh_s=settings.quotes.pump_refresh_seconds
    )
    return QuotePump(source, board, uow_factory, clock, config)


async def market_feed_lifetime(
    feed: FailoverMarketData,
    settings: Settings,
    board: InMemoryMarketData | None = None,
    pump: QuotePump | None = None,
    *,
    following: bool = False,
) -> AsyncIterator[FailoverMarketData]:
    """Ticks the synthetic provider when asked to, or runs the quote pump (with a maximum quote
    age on the board) when the primary is not synthetic; closes the providers at shutdown.
    Neither when `following` another process's board (bootstrap/quote_board.py): that board
    is the one source of this process's prices."""
    ticker: asyncio.Task[None] | None = None
    stop = asyncio.Event()
    pumping: asyncio.Task[None] | None = None
    if following:
        _log.info("quote_board_followed", primary=settings.market_data.primary)
    elif pump is not None and board is not None:
        board.set_max_age(settings.quotes.max_age_seconds)
        pumping = asyncio.create_task(pump.run(stop))
        _log.info(
            "quote_pump_started",
            primary=settings.market_data.primary,
            max_age_seconds=settings.quotes.max_age_seconds,
        )
    elif settings.market_data.synthetic_tick_seconds > 0:
        # Not with the pump: ticks would move the real prices and make stale ones look fresh.
        synthetic = [p for p in feed.providers() if isinstance(p, SyntheticMarketData)]
        if synthetic:
            ticker = asyncio.create_task(
                synthetic[0].run(settings.market_data.synthetic_tick_seconds)
            )
            _log.info(
                "synthetic_ticking", every_seconds=settings.market_data.synthetic_tick_seconds
            )
    try:
        yield feed
    finally:
        if pumping is not None:
            stop.set()
            with contextlib.suppress(asyncio.CancelledError):
                await pumping
        if ticker is not None:
            ticker.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await ticker
        await close_quietly(feed.providers())
