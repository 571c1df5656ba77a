"""The market-data feed: the failover composite over the providers the settings name."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator

import structlog

from adapters.alpaca.http import AlpacaCredentials
from adapters.marketdata.alpaca import AlpacaMarketData
from adapters.marketdata.failover import FailoverConfig, FailoverMarketData
from adapters.marketdata.replay import ReplayMarketData
from adapters.marketdata.replay_files import ReplayDataError
from adapters.marketdata.synthetic import QuoteBoard, SyntheticMarketData
from bootstrap.closing import close_quietly
from bootstrap.settings import Settings, SettingsError, env_name
from domain.marketdata.breaker import BreakerConfig
from ports.clock import Clock
from ports.marketdata import MarketDataProvider

_log = structlog.get_logger("bulwark.market_feed")


def feed_kinds(settings: Settings) -> list[str]:
    """The providers in priority order: market_data, then each fallback not already named."""
    kinds: list[str] = [settings.market_data]
    for kind in settings.market_data_fallbacks:
        if kind != "none" and kind not in kinds:
            kinds.append(kind)
    return kinds


def feed_config(settings: Settings) -> FailoverConfig:
    return FailoverConfig(
        call_timeout_s=settings.market_data_call_timeout_seconds,
        breaker=BreakerConfig(
            window_size=settings.market_data_breaker_window,
            minimum_calls=settings.market_data_breaker_minimum_calls,
            failure_rate=settings.market_data_breaker_failure_rate,
            slow_call_s=settings.market_data_breaker_slow_call_seconds,
            slow_rate=settings.market_data_breaker_slow_rate,
            open_s=settings.market_data_breaker_open_seconds,
            half_open_calls=settings.market_data_breaker_half_open_calls,
        ),
    )


def provider_of(
    kind: str, settings: Settings, board: QuoteBoard, clock: Clock
) -> MarketDataProvider:
    """One provider; the synthetic one reads the in-process quote board."""
    if kind == "synthetic":
        return SyntheticMarketData(
            board,
            clock,
            seed=settings.synthetic_seed,
            tick_seconds=settings.synthetic_tick_seconds or 1.0,
        )
    if kind == "replay":
        path = settings.market_data_replay_path
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
        if settings.alpaca_key_id is None or settings.alpaca_secret_key is None:
            raise SettingsError("BULWARK_ALPACA_KEY_ID and BULWARK_ALPACA_SECRET_KEY are required")
        credentials = AlpacaCredentials(
            settings.alpaca_key_id.reveal(), settings.alpaca_secret_key.reveal()
        )
        return AlpacaMarketData.create(
            credentials,
            clock,
            data_url=settings.alpaca_data_url,
            stream_url=settings.alpaca_stream_url,
            feed=settings.alpaca_data_feed,
        )
    raise SettingsError(f"{env_name('market_data')}: unknown provider {kind}")


def build_market_feed(settings: Settings, board: QuoteBoard, clock: Clock) -> FailoverMarketData:
    """One tier per provider, in the order of `feed_kinds`."""
    tiers = [[provider_of(kind, settings, board, clock)] for kind in feed_kinds(settings)]
    return FailoverMarketData(tiers, clock, feed_config(settings))


async def market_feed_lifetime(
    feed: FailoverMarketData, settings: Settings
) -> AsyncIterator[FailoverMarketData]:
    """Ticks the synthetic provider when asked to; closes the providers at shutdown."""
    ticker: asyncio.Task[None] | None = None
    if settings.synthetic_tick_seconds > 0:
        synthetic = [p for p in feed.providers() if isinstance(p, SyntheticMarketData)]
        if synthetic:
            ticker = asyncio.create_task(synthetic[0].run(settings.synthetic_tick_seconds))
            _log.info("synthetic_ticking", every_seconds=settings.synthetic_tick_seconds)
    try:
        yield feed
    finally:
        if ticker is not None:
            ticker.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await ticker
        await close_quietly(feed.providers())
