"""The learned combiner's fit: the library method that turns readings and outcomes into
weights (domain/strategies/combiner.py runs it walk-forward)."""

from __future__ import annotations

from typing import Protocol

from domain.market_data.bars import FloatArray
from domain.strategies.combiner import BoolArray, Weights


class CombinerFitter(Protocol):
    """Fits an L2-penalised logistic regression of `rises` (whether each bar's next close was
    higher) on `features` (rows: bars; columns: the sources' readings in [-1, 1], in source
    order), with an unpenalised intercept; returns the intercept and one weight per column.
    Deterministic: the same data give the same weights. `rises` holds both outcomes."""

    def fit(self, features: FloatArray, rises: BoolArray) -> Weights: ...
