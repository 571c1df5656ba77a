"""Train a signal model from the bar store, walk-forward, and save it with its card.

Rows are (symbol, bar) pairs: the features at the bar's close (domain/model_signals/features.py,
causal) and the label, the forward log return over `horizon` bars (walk_forward.py). A row
enters training only when every feature and its label are defined. The folds cut the bar axis
(every symbol's bar i falls in the same block), so no symbol's future informs another's past.
The final model is fitted on every labelled row, exported to ONNX, checked against the
in-process predictions, and saved with the card.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime

import numpy as np

from domain.market_data.bars import BarSeries, Timeframe
from domain.model_signals.card import MODEL_KINDS, SignalModelCard, check_model_name
from domain.model_signals.features import FEATURE_NAMES, WARMUP_BARS, feature_tensor
from domain.model_signals.walk_forward import (
    FoldMetrics,
    InvalidSplit,
    forward_returns,
    hit_rate,
    information_coefficient,
    walk_forward_folds,
)
from ports.core.clock import Clock
from ports.market_data.bar_store import BarStore
from ports.model_signals.signal_models import (
    Features,
    Predictions,
    SignalModelRegistry,
    SignalModelTrainer,
)

Progress = Callable[[float], None]
ONNX_TOLERANCE = 1e-4  # the exported model's predictions against the in-process ones


class TrainingFailed(ValueError):
    """The bars cannot train a model (too few, none stored); the message says why."""


@dataclass(frozen=True, slots=True)
class TrainRequest:
    name: str
    kind: str
    symbols: tuple[str, ...]
    start: datetime
    end: datetime
    timeframe: Timeframe = Timeframe.D1
    horizon: int = 5
    folds: int = 4


def bars_hash(series: dict[str, BarSeries]) -> str:
    """SHA-256 over the symbols and their columns, in symbol order (the card's data_hash)."""
    digest = hashlib.sha256()
    for name in sorted(series):
        s = series[name]
        digest.update(name.encode() + b"\0")
        for column in (s.start, s.open, s.high, s.low, s.close, s.volume):
            digest.update(np.ascontiguousarray(column, dtype=np.float64).tobytes())
    return digest.hexdigest()


def _rows(series: dict[str, BarSeries], horizon: int) -> tuple[Features, Predictions, np.ndarray]:
    """Feature rows, labels and each row's bar position counted from the series' end, over
    every symbol: rows are aligned on the bar axis by their position from the last bar."""
    longest = max(len(s) for s in series.values())
    features, labels, positions = [], [], []
    for name in sorted(series):
        s = series[name]
        tensor = feature_tensor(s.close[None, :], s.volume[None, :])[0]
        label = forward_returns(s.close[None, :], horizon)[0]
        keep = ~np.isnan(tensor).any(axis=1) & ~np.isnan(label)
        features.append(tensor[keep])
        labels.append(label[keep])
        positions.append(np.nonzero(keep)[0] + (longest - len(s)))
    return (
        np.concatenate(features).astype(np.float32),
        np.concatenate(labels),
        np.concatenate(positions),
    )


@dataclass(eq=False)
class TrainSignalModel:
    bars: BarStore
    trainer: SignalModelTrainer
    registry: SignalModelRegistry
    clock: Clock
    onnx_predict: Callable[[bytes, Features], Predictions]

    async def run(self, request: TrainRequest, progress: Progress | None = None) -> SignalModelCard:
        show = progress or (lambda _: None)
        check_model_name(request.name)
        if request.kind not in MODEL_KINDS:
            raise TrainingFailed(f"model must be one of {', '.join(MODEL_KINDS)}")
        series = await self.bars.series(
            list(request.symbols), request.timeframe, request.start, request.end
        )
        if not series:
            raise TrainingFailed(
                "no bars stored for these symbols and days (bulwark bars backfill)"
            )
        show(0.05)
        features, labels, positions = _rows(series, request.horizon)
        longest = max(len(s) for s in series.values())
        try:
            folds = walk_forward_folds(longest, request.folds, request.horizon, WARMUP_BARS - 1)
        except InvalidSplit as exc:
            raise TrainingFailed(str(exc)) from None
        metrics = []
        for step, fold in enumerate(folds):
            train = (positions >= fold.train_start) & (positions < fold.train_end)
            test = (positions >= fold.test_start) & (positions < fold.test_end)
            if train.sum() < 2 * len(FEATURE_NAMES) or not test.any():
                raise TrainingFailed(f"fold {fold.index} has too few rows; store more bars")
            fitted = self.trainer.fit(request.kind, features[train], labels[train])
            predicted = fitted.predict(features[test])
            metrics.append(
                FoldMetrics(
                    fold.index, int(train.sum()), int(test.sum()),
                    hit_rate(predicted, labels[test]),
                    information_coefficient(predicted, labels[test]),
                )
            )  # fmt: skip
            show(0.1 + 0.75 * (step + 1) / len(folds))
        final = self.trainer.fit(request.kind, features, labels)
        model = final.to_onnx(len(FEATURE_NAMES))
        in_process = final.predict(features)
        exported = self.onnx_predict(model, features)
        if not np.allclose(exported, in_process, atol=ONNX_TOLERANCE, rtol=1e-3):
            raise TrainingFailed("the exported ONNX model disagrees with the trained model")
        scale = float(np.std(in_process)) or 1.0
        now = self.clock.now()
        card = SignalModelCard(
            name=request.name, version=now.strftime("%Y%m%dT%H%M%SZ"), kind=request.kind,
            features=FEATURE_NAMES, horizon=request.horizon, timeframe=request.timeframe.value,
            symbols=tuple(sorted(series)), train_from=request.start, train_to=request.end,
            trained_at=now, rows=len(labels), data_hash=bars_hash(series),
            onnx_sha256=hashlib.sha256(model).hexdigest(), score_scale=scale,
            folds=tuple(metrics),
        )  # fmt: skip
        self.registry.save(card, model)
        show(1.0)
        return card


def symbols_of(text: Sequence[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(s.strip().upper() for s in text if s.strip()))
