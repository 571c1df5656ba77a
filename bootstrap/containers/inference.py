"""Inference (bootstrap/inference.py): the models directory's store, the pre-trade rater
BULWARK_RISK_RATER picks, the batched InferencePort, sentiment over the news, keywords, the
model catalogue, and the models loaded at start-up and reloaded when rebuilt."""

from __future__ import annotations

from typing import TYPE_CHECKING

from dependency_injector import containers, providers

from application.inference.keywords import KeywordService
from application.inference.ml_models import MlModelService
from application.inference.sentiment import SentimentService
from bootstrap import inference as inference_wiring
from bootstrap import review as review_wiring
from bootstrap.containers.stores import store_provider

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncEngine

    from adapters.memory.reviews import InMemoryPredictionStore
    from adapters.postgres.reviews import SqlPredictionStore


def memory_prediction_store() -> InMemoryPredictionStore:
    from adapters.memory.reviews import InMemoryPredictionStore

    return InMemoryPredictionStore()


def sql_prediction_store(engine: AsyncEngine) -> SqlPredictionStore:
    from adapters.postgres.reviews import SqlPredictionStore

    return SqlPredictionStore(engine)


class InferenceContainer(containers.DeclarativeContainer):
    """Models and what reads them, over the core and the market data it is given."""

    core = providers.DependenciesContainer()
    market_data = providers.DependenciesContainer()

    inference_choice = providers.Singleton(inference_wiring.provider_choice, core.settings)
    model_store = providers.Singleton(
        inference_wiring.model_store, core.settings, inference_choice.provider
    )
    risk_rater = providers.Singleton(inference_wiring.risk_rater, core.settings, model_store)
    inference = providers.Singleton(
        inference_wiring.inference, core.settings, model_store, inference_choice.provider
    )
    news = providers.Singleton(
        inference_wiring.news_port, core.settings, core.clock, core.key_vault.provider
    )
    # With vendors' news: their poll for the followed symbols, and closing them at shutdown.
    news_feed = providers.Resource(inference_wiring.news_lifetime, news)
    # Every model's predictions (docs/ai-review.md); the sentiment's and the signal models'
    # scores go through a bounded queue drained off the serving path.
    prediction_store = store_provider(core, memory_prediction_store, sql_prediction_store)
    score_recorder = providers.Singleton(
        review_wiring.score_recorder, core.settings, prediction_store, core.ids
    )
    score_recording = providers.Resource(
        review_wiring.score_recorder_lifetime, core.settings, score_recorder
    )
    sentiment = providers.Singleton(
        SentimentService, inference, news, core.clock,
        providers.Singleton(inference_wiring.sentiment_settings, core.settings),
        recorder=score_recorder,
    )  # fmt: skip
    keywords = providers.Singleton(KeywordService, inference)
    ml_models = providers.Singleton(MlModelService, inference)
    # BULWARK_INFERENCE_ENABLED=false: the routes answer 409 CAPABILITY_NOT_CONFIGURED, /api/status
    # has no inference line.
    served_inference = providers.Callable(inference_wiring.served, core.settings, inference)
    served_sentiment = providers.Callable(inference_wiring.served, core.settings, sentiment)
    served_keywords = providers.Callable(inference_wiring.served, core.settings, keywords)
    served_ml_models = providers.Callable(inference_wiring.served, core.settings, ml_models)
    # What the risk checks read of a symbol beyond its price: volatility and sentiment.
    trade_context = providers.Singleton(
        inference_wiring.trade_context, core.settings, market_data.market_feed, sentiment
    )
    inference_running = providers.Resource(
        inference_wiring.inference_lifetime, model_store, inference, core.settings
    )
