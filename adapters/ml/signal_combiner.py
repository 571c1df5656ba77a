"""The learned combiner's fit on scikit-learn: LogisticRegression, L2 penalty, lbfgs.

C = 1 (the penalty 1/2 |w|^2 against the summed log-loss; the intercept is not penalised by
lbfgs). The readings are scores on one scale, [-1, 1], so they are not standardised: a
weight is the log-odds of a rise per unit of its source's score, comparable across sources.
"""

from __future__ import annotations

import numpy as np

from domain.market_data.bars import FloatArray
from domain.strategies.combiner import BoolArray, Weights

PENALTY_C = 1.0  # the inverse of the L2 penalty's strength
MAX_ITERATIONS = 1_000
TOLERANCE = 1e-8  # the gradient tolerance of lbfgs (sklearn's default 1e-4 stops early)


class LogisticCombinerFitter:
    """A CombinerFitter (ports/strategies/combiner.py) on scikit-learn."""

    def __init__(self, c: float = PENALTY_C) -> None:
        self._c = c

    def fit(self, features: FloatArray, rises: BoolArray) -> Weights:
        # Imported on the first fit: building the service costs no scikit-learn import.
        from sklearn.linear_model import LogisticRegression

        model = LogisticRegression(C=self._c, tol=TOLERANCE, max_iter=MAX_ITERATIONS)
        model.fit(np.asarray(features, dtype=np.float64), np.asarray(rises, dtype=bool))
        return Weights(float(model.intercept_[0]), tuple(float(w) for w in model.coef_[0]))
