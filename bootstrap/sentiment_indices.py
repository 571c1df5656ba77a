"""Wiring the sentiment indices (docs/sentiment-indices.md): the Fear &
Greed inputs, service, history store and daily recorder; the social feed and the HypeMeter."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Sequence
from datetime import timedelta
from pathlib import Path
from typing import Protocol

import structlog

from adapters.marketfiles.sentiment_series import FileMarketSeries
from adapters.memory.social import InMemorySocial
from adapters.social.replay import JsonLinesSocial
from adapters.wire.json_limits import JsonLimits
from application.market_data.options_chain import OptionsChainService
from application.markets.fear_greed import FearGreedService
from application.markets.fear_greed_chain import ChainSeries
from application.markets.fear_greed_inputs import FearGreedConfig, FearGreedInputs
from application.markets.fear_greed_recorder import FearGreedRecorder
from application.markets.hype import HypeService
from bootstrap.early_join import kafka_config
from bootstrap.settings import Settings, engagement_weight_pairs, fear_greed_weight_pairs
from bootstrap.shipped import shipped_data
from domain.analytics.sentiment.fear_greed import EQUAL_WEIGHTS, FearGreedWeights
from domain.analytics.sentiment.hype import EngagementWeights, HypeSettings
from ports.core.clock import Clock
from ports.inference.sentiment import KeywordSource, SentimentSource
from ports.market_data.iv_history import IVHistoryStore
from ports.market_data.marketdata import MarketDataProvider
from ports.markets.fear_greed import FearGreedHistoryStore, MarketSeriesPort
from ports.markets.social import SocialPort

DATA = shipped_data()
_log = structlog.get_logger("bulwark.sentiment_indices")


class _Board(Protocol):
    def symbols(self) -> list[str]: ...


def fear_greed_series(
    settings: Settings, chains: OptionsChainService, iv_history: IVHistoryStore, clock: Clock
) -> MarketSeriesPort:
    """BULWARK_FEAR_GREED_SERIES: the index's option chain, or the CSV files."""
    if settings.fear_greed.series == "file":
        sample = not settings.fear_greed.dir
        directory = DATA / "fear_greed" if sample else Path(str(settings.fear_greed.dir))
        _log.info("data_source", what="vix and put/call", directory=str(directory), sample=sample)
        return FileMarketSeries(directory)
    return ChainSeries(chains, iv_history, clock, settings.fear_greed.index)


def universe(settings: Settings, board: _Board) -> Callable[[], Sequence[str]]:
    """BULWARK_FEAR_GREED_UNIVERSE, or (empty) every symbol the market board quotes."""
    if settings.fear_greed.universe:
        chosen = tuple(s.upper() for s in settings.fear_greed.universe)
        return lambda: chosen
    return board.symbols


def fear_greed_weights(settings: Settings) -> FearGreedWeights:
    pairs = fear_greed_weight_pairs(settings)
    return FearGreedWeights(pairs) if pairs else EQUAL_WEIGHTS


def fear_greed_service(
    settings: Settings,
    series: MarketSeriesPort,
    market: MarketDataProvider,
    sentiment: SentimentSource | None,
    store: FearGreedHistoryStore,
    board: _Board,
    clock: Clock,
) -> FearGreedService:
    config = FearGreedConfig(
        index=settings.fear_greed.index.upper(),
        window=settings.fear_greed.window_days,
        min_history=settings.fear_greed.min_history,
        max_stale_days=settings.fear_greed.max_stale_days,
        min_coverage=settings.fear_greed.min_coverage,
        cache_seconds=settings.fear_greed.cache_seconds,
    )
    inputs = FearGreedInputs(series, market, sentiment, store, universe(settings, board), config)
    return FearGreedService(inputs, store, clock, fear_greed_weights(settings))


async def record_fear_greed(recorder: FearGreedRecorder) -> None:
    """Records today's composite, a stored day kept (the server's job at start-up, then every
    BULWARK_FEAR_GREED_RECORD_SECONDS)."""
    report = await recorder.record()
    if report.recorded is not None:
        score = round(report.recorded.score, 2)
        _log.info("fear_greed_recorded", day=report.day.isoformat(), score=score)
    elif report.failed:
        _log.warning("fear_greed_not_recorded", day=report.day.isoformat(), why=report.failed)


def social_port(settings: Settings, clock: Clock) -> SocialPort:
    """BULWARK_SOCIAL_SOURCE: none (an empty in-memory feed), file or kafka."""
    if settings.hype.social_source == "file" and settings.hype.social_file:
        return JsonLinesSocial(
            Path(settings.hype.social_file), clock, max_mentions=settings.hype.social_max_mentions
        )
    if settings.hype.social_source == "kafka":
        from adapters.kafka.social import KafkaSocialFeed  # aiokafka: only for this source

        return KafkaSocialFeed(
            kafka_config(settings),
            settings.hype.social_kafka_topic,
            settings.kafka.topic_dlq,
            clock,
            retention=timedelta(hours=settings.hype.social_retention_hours),
            max_mentions=settings.hype.social_max_mentions,
            limits=JsonLimits(
                max_bytes=min(settings.http.max_body_bytes, 64 * 1024),
                max_depth=settings.http.json_max_depth,
                max_string_bytes=settings.http.json_max_string_bytes,
            ),
            idempotent_producer=settings.kafka.idempotent_producer,
        )
    return InMemorySocial(clock, settings.hype.social_max_mentions)


async def social_lifetime(
    settings: Settings, social: Callable[[], SocialPort], process: str
) -> AsyncIterator[None]:
    """The Kafka feed reads while the serve process runs (nothing to run for the others)."""
    feed = social() if settings.hype.social_source == "kafka" and process == "serve" else None
    if feed is None:
        yield
        return
    from adapters.kafka.social import KafkaSocialFeed

    if not isinstance(feed, KafkaSocialFeed):
        yield
        return
    if settings.kafka.create_topics:
        from adapters.kafka.topics import ensure_topics

        await ensure_topics(kafka_config(settings), [feed.topic, feed.dlq_topic])
    await feed.start()
    _log.info("social_feed_started", topic=feed.topic)
    try:
        yield
    finally:
        await feed.stop()


def hype_service(
    settings: Settings, social: SocialPort, clock: Clock, keywords: KeywordSource | None
) -> HypeService:
    defaults = HypeSettings(
        timedelta(minutes=settings.hype.hype_window_minutes),
        settings.hype.hype_baseline_windows,
        settings.hype.hype_spike_sigma,
        settings.hype.hype_min_mentions,
    )
    return HypeService(
        social,
        clock,
        keywords,
        weights=EngagementWeights(**engagement_weight_pairs(settings)),
        defaults=defaults,
        max_lookback=timedelta(hours=settings.hype.social_retention_hours),
    )
