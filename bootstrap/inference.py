"""Wiring inference (docs/inference.md): models, provider, batching, news, rater."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from pathlib import Path

import structlog

from adapters.gpu.batching import BatchSettings
from adapters.gpu.inference import ModelInference, RuntimeDescription
from adapters.gpu.manifest import ManifestError, ModelEntry
from adapters.gpu.model_rater import ModelRiskRater
from adapters.gpu.model_store import ModelStore, Runnable
from adapters.gpu.onnx_runtime import (
    CPU_EP,
    OrtModel,
    ProviderChoice,
    ProviderUnavailable,
    choose_providers,
    describe_device,
)
from adapters.memory.news import InMemoryNews
from adapters.news.merged import MergedNews, NewsSource
from adapters.news.replay import JsonLinesNews
from application.inference.trade_context import BarsFetcher, MarketTradeContext
from bootstrap.market_vendors import NEWS_VENDORS, VaultSource
from bootstrap.settings import Settings, SettingsError, source_weight_pairs
from domain.inference.sentiment import SentimentSettings
from domain.risk.analysis import HeadroomRater
from ports.core.clock import Clock
from ports.inference.news import NewsPort
from ports.inference.sentiment import SentimentSource
from ports.trading.rater import RiskRater

_log = structlog.get_logger("bulwark.inference")


def provider_choice(settings: Settings) -> ProviderChoice:
    """BULWARK_INFERENCE_PROVIDER on this machine; SettingsError (one line) for a forced
    provider that cannot run here."""
    try:
        return choose_providers(settings.inference.provider)
    except ProviderUnavailable as exc:
        raise SettingsError(str(exc)) from None


def inference_problem(settings: Settings) -> str | None:
    """`bulwark serve`'s preflight: why the inference settings cannot start, or None."""
    if not settings.inference.enabled:
        return None
    if settings.inference.provider in ("auto", "cpu"):  # always runs: no need to load onnxruntime
        return None
    try:
        provider_choice(settings)
    except SettingsError as exc:
        return exc.message
    return None


def batch_settings(settings: Settings) -> BatchSettings:
    return BatchSettings(
        max_batch=settings.inference.batch_size,
        wait_s=settings.inference.wait_ms / 1000.0,
        queue_bound=settings.inference.queue_bound,
    )


def model_store(settings: Settings, choose: Callable[[], ProviderChoice]) -> ModelStore:
    """The models directory's store; nothing is read until the warm-up or the first use, each
    model loads with its own first use, and the runtime's providers are chosen (onnxruntime
    loaded) by the first model's load: a process with no models, or one that never reads them,
    does not load onnxruntime."""
    folder = Path(settings.inference.models_dir)
    threads = settings.inference.threads

    def load(path: Path, entry: ModelEntry) -> Runnable:
        choice = choose()
        if choice.runtime == "tensorrt":
            from adapters.gpu.tensorrt_runner import TensorRTEngine

            try:
                batch = settings.inference.batch_size  # no model call is ever larger
                return TensorRTEngine(path, entry, batch, batch)
            except ManifestError as exc:  # ONNX-ML heads: TensorRT has no such operators
                _log.info("tensorrt_fallback_cpu", model=entry.name, reason=str(exc))
                return OrtModel(path, entry, (CPU_EP,), threads)
        return OrtModel(path, entry, choice.providers, threads)

    return ModelStore(folder, load)


def inference(
    settings: Settings, store: ModelStore, choose: Callable[[], ProviderChoice]
) -> ModelInference:
    """The batched InferencePort; the providers are chosen (onnxruntime loaded) when a model
    loads or the status is first read, not when the process starts."""

    def describe() -> RuntimeDescription:
        choice = choose()
        first = "TensorRT engine" if choice.runtime == "tensorrt" else choice.providers[0]
        return RuntimeDescription(choice.runtime, choice.reason, describe_device(first), first)

    return ModelInference(
        store,
        encoder=settings.inference.encoder,
        batching=batch_settings(settings),
        describe=describe,
    )


# The contexts whose requests run the models (sentiment, keywords, the model catalogue): only
# an instance serving one of them warms the models at start (BULWARK_INFERENCE_WARMUP).
MODEL_CONTEXTS = ("inference", "markets", "strategies", "model_signals")


def models_warmed(settings: Settings) -> bool:
    """Whether every model is loaded at start-up: BULWARK_INFERENCE_WARMUP, and a context served
    that runs them (trading only with BULWARK_RISK_RATER=model). Otherwise each model loads with
    its first use, and an instance whose contexts run none loads none."""
    inference = settings.inference
    if not (inference.enabled and inference.warmup):
        return False
    rated = inference.risk_rater == "model" and settings.core.serves("trading")
    return rated or any(map(settings.core.serves, MODEL_CONTEXTS))


async def inference_lifetime(
    store: ModelStore, inference: ModelInference, settings: Settings
) -> AsyncIterator[None]:
    """Loads the models on a thread at start-up where `models_warmed`, polls the models
    directory for a new build every BULWARK_INFERENCE_RELOAD_SECONDS (once the manifest has
    been read), and stops the model thread at shutdown."""
    task = None
    if settings.inference.enabled:
        task = asyncio.get_running_loop().create_task(_watch(store, settings))
    try:
        yield
    finally:
        if task is not None:
            task.cancel()
            await asyncio.gather(task, return_exceptions=True)
        inference.close()


async def _watch(store: ModelStore, settings: Settings) -> None:
    if models_warmed(settings):
        await _quietly(store.load, "models_loaded", store)
    every = settings.inference.reload_seconds
    while every > 0:
        await asyncio.sleep(every)
        if store.manifest_read:
            await _quietly(store.refresh, "models_checked", store)


async def _quietly(step: Callable[[], object], event: str, store: ModelStore) -> None:
    try:
        changed = await asyncio.to_thread(step)
    except Exception as exc:  # a request will meet the same error, with its own answer
        _log.warning("models_load_failed", error=f"{type(exc).__name__}: {exc}")
        return
    if changed is not False:
        _log.info(event, models=store.names(), problems=list(store.problems))


def served(settings: Settings, service: object) -> object | None:
    """The service for the API, or None with BULWARK_INFERENCE_ENABLED=false (the routes then
    answer 409 CAPABILITY_NOT_CONFIGURED and /api/status shows no inference line)."""
    return service if settings.inference.enabled else None


def news_port(settings: Settings, clock: Clock, vault: VaultSource = None) -> NewsPort:
    """The file (BULWARK_NEWS_FILE), merged with the vendors of BULWARK_NEWS_SOURCES when set
    (adapters/news/merged.py: deduplicated, each vendor asked at most every refresh)."""
    file_news = JsonLinesNews(Path(settings.news.file), clock) if settings.news.file else None
    vendors = settings.market_vendors.news_sources
    if not vendors:
        return file_news or InMemoryNews(clock)
    refresh = settings.market_vendors.news_refresh_seconds
    sources = [
        NewsSource(vendor, NEWS_VENDORS[vendor](settings, clock, vault), refresh)
        for vendor in dict.fromkeys(vendors)
    ]
    if file_news is not None:
        sources.append(NewsSource("file", file_news, refresh_s=0))
    return MergedNews(
        sources,
        clock,
        lookback_s=settings.news.max_age_hours * 3600,
        refresh_s=refresh,
    )


async def news_lifetime(news: NewsPort) -> AsyncIterator[None]:
    """Polls the vendors' news for the symbols the sentiment engine follows (a merged feed
    only), until shutdown."""
    if not isinstance(news, MergedNews):
        yield
        return
    stop = asyncio.Event()
    task = asyncio.get_running_loop().create_task(news.run(stop))
    try:
        yield
    finally:
        stop.set()
        await asyncio.gather(task, return_exceptions=True)
        await news.aclose()


def sentiment_settings(settings: Settings) -> SentimentSettings:
    return SentimentSettings(
        source_weights=source_weight_pairs(settings),
        default_source_weight=settings.news.default_weight,
        half_life_hours=settings.news.half_life_hours,
        max_age_hours=settings.news.max_age_hours,
    )


def risk_rater(settings: Settings, store: ModelStore) -> RiskRater:
    """BULWARK_RISK_RATER: the rules, or the risk model with the rules as its fallback."""
    rules = HeadroomRater()
    if settings.inference.risk_rater == "model" and settings.inference.enabled:
        return ModelRiskRater(store, rules)
    return rules


def trade_context(
    settings: Settings, market_feed: object, sentiment: SentimentSource
) -> MarketTradeContext | None:
    """Volatility (the market feed's daily bars) and news sentiment, for the model rater."""
    if settings.inference.risk_rater != "model" or not settings.inference.enabled:
        return None
    bars: BarsFetcher | None = getattr(market_feed, "bars", None)
    return MarketTradeContext(bars, sentiment)
