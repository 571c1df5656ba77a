"""Signal model ports: fit a model, keep trained models with their cards, score features.

- SignalModelTrainer: fits a model kind ("lightgbm", "linear") on a feature matrix and a label
  vector; the fitted model predicts in process (walk-forward folds) and exports ONNX bytes with
  one float32 input `features` (batch, n_features) and one float32 output `score` (batch, 1).
- SignalModelRegistry: stores an exported model and its card under the card's name (a new
  save replaces the model of that name), lists cards by name, reads one (UnknownSignalModel
  for a name not stored).
- SignalScorer: runs a stored model on feature rows (the ONNX runner behind a dynamic batcher,
  off the event loop); returns one raw prediction per row.
"""

from __future__ import annotations

from typing import Protocol

import numpy as np
import numpy.typing as npt

from domain.errors import NotFound
from domain.model_signals.card import SignalModelCard

Features = npt.NDArray[np.float32]
Predictions = npt.NDArray[np.float64]


class UnknownSignalModel(NotFound):
    """No signal model of that name is stored."""

    code = "UNKNOWN_SIGNAL_MODEL"


class FittedSignalModel(Protocol):
    def predict(self, features: Features) -> Predictions: ...

    def to_onnx(self, n_features: int) -> bytes: ...


class SignalModelTrainer(Protocol):
    def fit(self, kind: str, features: Features, labels: Predictions) -> FittedSignalModel: ...


class SignalModelRegistry(Protocol):
    def save(self, card: SignalModelCard, model: bytes) -> None: ...

    def cards(self) -> list[SignalModelCard]: ...

    def card(self, name: str) -> SignalModelCard: ...

    def model_bytes(self, name: str) -> bytes: ...


class SignalScorer(Protocol):
    async def score(self, name: str, features: Features) -> Predictions: ...
