"""The login anomaly model: scikit-learn's IsolationForest, fitted per installation.

Scoring one login through sklearn costs milliseconds (its per-call validation and threads);
the fitted trees are copied into plain lists once, and a login's path through each is walked
here: the same number as sklearn's `decision_function` (tests compare them), in about a
hundred microseconds.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import numpy as np

_EULER_GAMMA = 0.5772156649015329


def average_path_length(n: int) -> float:
    """The mean depth of an unsuccessful search in a binary tree of `n` points (the forest's
    normaliser, as sklearn's `_average_path_length`)."""
    if n <= 1:
        return 0.0
    if n == 2:
        return 1.0
    return 2.0 * (math.log(n - 1.0) + _EULER_GAMMA) - 2.0 * (n - 1.0) / n


class _Tree:
    __slots__ = ("features", "leaf_depth", "left", "right", "threshold")

    def __init__(self, tree: Any, columns: Sequence[int]) -> None:
        inner = tree.tree_
        self.left = inner.children_left.tolist()
        self.right = inner.children_right.tolist()
        self.features = [columns[f] if f >= 0 else -1 for f in inner.feature.tolist()]
        self.threshold = inner.threshold.tolist()
        self.leaf_depth = [average_path_length(int(n)) for n in inner.n_node_samples.tolist()]

    def path_length(self, row: Sequence[float]) -> float:
        node, edges = 0, 0
        left, right, features, threshold = self.left, self.right, self.features, self.threshold
        while left[node] != -1:
            node = left[node] if row[features[node]] <= threshold[node] else right[node]
            edges += 1
        return edges + self.leaf_depth[node]


class IsolationForestScorer:
    """An AnomalyScorer over a fitted forest: `score` is minus sklearn's decision function
    (above 0: an outlier at the fitted contamination)."""

    def __init__(self, forest: Any) -> None:
        self.forest = forest
        self._trees = [
            _Tree(tree, [int(c) for c in columns])
            for tree, columns in zip(forest.estimators_, forest.estimators_features_, strict=True)
        ]
        self._norm = len(self._trees) * average_path_length(int(forest.max_samples_))
        self._offset = float(forest.offset_)

    def score(self, row: Sequence[float]) -> float:
        values = [float(v) for v in row]
        depth = sum(tree.path_length(values) for tree in self._trees)
        score_samples = -(2.0 ** (-depth / self._norm))
        return float(self._offset - score_samples)

    def sklearn_score(self, row: Sequence[float]) -> float:
        """The same through sklearn (slow; for tests)."""
        return float(-self.forest.decision_function(np.asarray([row], dtype=np.float64))[0])


class IsolationForestTrainer:
    """An AnomalyTrainer: fixed `random_state`, so one history always gives one model."""

    def __init__(
        self, random_state: int = 7, trees: int = 100, contamination: float = 0.02
    ) -> None:
        self._random_state = random_state
        self._trees = trees
        self._contamination = contamination

    def fit(self, rows: Sequence[Sequence[float]]) -> IsolationForestScorer:
        from sklearn.ensemble import IsolationForest  # ~1.7 s to import: at the first fit only

        forest = IsolationForest(
            n_estimators=self._trees,
            contamination=self._contamination,
            random_state=self._random_state,
        )
        forest.fit(np.asarray(rows, dtype=np.float64))
        return IsolationForestScorer(forest)
