"""Model signals (docs/model-signals.md): the model folder, the batched ONNX scorer, the
catalogue the API and `bulwark models list` read, the MODEL signals for the strategy engine,
and the walk-forward training `bulwark models train-signal` runs."""

from __future__ import annotations

from typing import TYPE_CHECKING

from dependency_injector import containers, providers

from adapters.gpu.batching import BatchSettings
from application.model_signals.catalogue import SignalModelCatalogue
from application.model_signals.serving import ModelSignals
from application.model_signals.training import TrainSignalModel
from bootstrap.model_signals import model_signal_lifetime, sentiment_signal_lifetime

if TYPE_CHECKING:
    from pathlib import Path

    from adapters.signal_models.file_registry import FolderSignalModelRegistry
    from adapters.signal_models.onnx_scorer import OnnxSignalScorer
    from adapters.signal_models.trainers import SignalModelFitter
    from ports.model_signals.signal_models import Features, Predictions, SignalModelRegistry


def batch_settings(max_batch: int, wait_ms: float) -> BatchSettings:
    return BatchSettings(max_batch=max_batch, wait_s=wait_ms / 1000.0, queue_bound=max_batch * 16)


def folder_signal_model_registry(folder: str | Path) -> FolderSignalModelRegistry:
    from adapters.signal_models.file_registry import FolderSignalModelRegistry

    return FolderSignalModelRegistry(folder)


def onnx_signal_scorer(
    registry: SignalModelRegistry, settings: BatchSettings | None
) -> OnnxSignalScorer:
    from adapters.signal_models.onnx_scorer import OnnxSignalScorer

    return OnnxSignalScorer(registry, settings)


def signal_model_fitter() -> SignalModelFitter:
    from adapters.signal_models.trainers import SignalModelFitter

    return SignalModelFitter()


def predict_once(model: bytes, features: Features) -> Predictions:
    from adapters.signal_models.onnx_scorer import predict_once as predict

    return predict(model, features)


class ModelSignalsContainer(containers.DeclarativeContainer):
    core = providers.DependenciesContainer()
    market_data = providers.DependenciesContainer()
    strategies = providers.DependenciesContainer()
    inference = providers.DependenciesContainer()

    registry = providers.Singleton(
        folder_signal_model_registry,
        core.settings.provided.model_signals.dir,
    )
    scorer = providers.Singleton(
        onnx_signal_scorer, registry,
        providers.Singleton(
            batch_settings, core.settings.provided.model_signals.max_batch,
            core.settings.provided.model_signals.wait_ms,
        ),
    )  # fmt: skip
    catalogue = providers.Singleton(SignalModelCatalogue, registry)
    # Every MODEL signal recorded, off the serving path, to be judged by outcomes.
    model_signals = providers.Singleton(ModelSignals, registry, scorer, inference.score_recorder)
    training = providers.Singleton(
        TrainSignalModel, market_data.bar_store, providers.Singleton(
            signal_model_fitter
        ), registry, core.clock,
        providers.Object(predict_once),
    )  # fmt: skip
    live = providers.Resource(
        model_signal_lifetime, core.settings, strategies.strategy_processor,
        strategies.strategy_stores.provided.strategies, market_data.bar_store,
        registry, model_signals, core.clock, core.job_leases,
    )  # fmt: skip
    # The followed symbols' news readings as SENTIMENT signals, when they move.
    sentiment_live = providers.Resource(
        sentiment_signal_lifetime, core.settings, strategies.strategy_processor,
        strategies.strategy_stores.provided.strategies, inference.sentiment, core.quotes,
        core.clock, core.job_leases,
    )  # fmt: skip
