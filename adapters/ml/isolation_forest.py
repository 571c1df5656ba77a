"""The login anomaly model: scikit-learn's IsolationForest, fitted per installation."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
from sklearn.ensemble import IsolationForest


class IsolationForestScorer:
    """An AnomalyScorer over a fitted forest: `score` is minus sklearn's decision function
    (above 0: an outlier at the fitted contamination)."""

    def __init__(self, forest: Any) -> None:
        self._forest = forest

    def score(self, row: Sequence[float]) -> float:
        return float(-self._forest.decision_function(np.asarray([row], dtype=np.float64))[0])

    def anomalous(self, row: Sequence[float]) -> bool:
        return self.score(row) > 0.0


class IsolationForestTrainer:
    """An AnomalyTrainer: fixed `random_state`, so one history always gives one model."""

    def __init__(
        self, random_state: int = 7, trees: int = 100, contamination: float = 0.02
    ) -> None:
        self._random_state = random_state
        self._trees = trees
        self._contamination = contamination

    def fit(self, rows: Sequence[Sequence[float]]) -> IsolationForestScorer:
        forest = IsolationForest(
            n_estimators=self._trees,
            contamination=self._contamination,
            random_state=self._random_state,
        )
        forest.fit(np.asarray(rows, dtype=np.float64))
        return IsolationForestScorer(forest)
