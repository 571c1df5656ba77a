"""A signal model's card: what it reads, what it was trained on, how it scored out of sample."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from domain.errors import DomainError
from domain.model_signals.walk_forward import FoldMetrics

MODEL_KINDS = ("lightgbm", "linear")
_NAME = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")


class InvalidModelName(DomainError):
    """A signal model name must be 1..64 of a-z, 0-9, '-' and '_' (a file name everywhere)."""

    code = "INVALID_MODEL_NAME"


def check_model_name(name: str) -> str:
    if not _NAME.match(name):
        raise InvalidModelName(
            "a model name is 1..64 characters of a-z, 0-9, '-' and '_'", field="name"
        )
    return name


@dataclass(frozen=True, slots=True)
class SignalModelCard:
    """Everything needed to serve and to judge a trained signal model.

    `score_scale`: a prediction p (a forward log return) becomes the signal score
    tanh(p / score_scale), in (-1, 1); it is the standard deviation of the in-sample
    predictions of the final model. `data_hash`: SHA-256 over the training bars (symbols,
    starts, OHLCV) in a fixed order, so two cards trained on the same bars carry the same hash.
    `onnx_sha256`: the exported model file's digest, checked before a model is served.
    """

    name: str
    version: str
    kind: str
    features: tuple[str, ...]
    horizon: int
    timeframe: str
    symbols: tuple[str, ...]
    train_from: datetime
    train_to: datetime
    trained_at: datetime
    rows: int
    data_hash: str
    onnx_sha256: str
    score_scale: float
    folds: tuple[FoldMetrics, ...]

    @property
    def mean_hit_rate(self) -> float:
        return sum(f.hit_rate for f in self.folds) / len(self.folds) if self.folds else 0.0

    @property
    def mean_ic(self) -> float:
        return sum(f.ic for f in self.folds) / len(self.folds) if self.folds else 0.0
