"""A RiskRater backed by the `risk-rater` model, with the rule-based rater as its fallback.

`rate` computes the trade's features (domain.risk.rater_model), runs the model and answers
its most probable rating with the three probabilities. The rules still have the last word on
hard facts: an order the gate denies, or one that would cause a margin call, is DANGER whatever
the model says (fail closed). If the model is missing, refused, raises or answers something
that is not three finite probabilities, the rule-based rating is returned with `fallback`
saying why, so the caller sees which rater answered.

One row through a 10-32-16-3 MLP is tens of microseconds: it runs inline in the analysis
(synchronously, like the rule-based rater), not through the batcher.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from adapters.gpu.model_store import ModelStore
from domain.risk.analysis import RiskAssessment, RiskRating, TradeFacts
from domain.risk.rater_model import RATINGS, trade_features
from ports.trading.rater import RiskRater

RISK_MODEL = "risk-rater"


class ModelRiskRater:
    """RiskRater over a model of the store; `fallback` rates when the model cannot."""

    def __init__(self, store: ModelStore, fallback: RiskRater, model: str = RISK_MODEL) -> None:
        self._store = store
        self._fallback = fallback
        self._model = model

    def rate(self, facts: TradeFacts) -> RiskAssessment:
        rules = self._fallback.rate(facts)
        try:
            loaded = self._store.get(self._model)
            output = loaded.runnable.run({"features": trade_features(facts)[None, :]})
            probabilities = np.asarray(output["probabilities"], dtype=np.float64)[0]
            if probabilities.shape != (len(RATINGS),) or not np.all(np.isfinite(probabilities)):
                raise ValueError(f"answered {probabilities.shape} non-finite or ill-shaped")
        except Exception as exc:  # any failure: the rules answer, and say so
            reason = f"model {self._model} unavailable ({type(exc).__name__}: {exc})"
            return replace(rules, fallback=reason[:300])
        rating = RATINGS[int(np.argmax(probabilities))]
        reasons = [
            f"model {loaded.entry.name} {loaded.entry.version}: "
            + ", ".join(f"{r.value} {p:.0%}" for r, p in zip(RATINGS, probabilities, strict=True))
        ]
        if rules.rating is RiskRating.DANGER and rating is not RiskRating.DANGER:
            rating = RiskRating.DANGER
            reasons.append("the rules rate it DANGER, which the model cannot lower")
        reasons.extend(rules.reasons)
        return RiskAssessment(
            rating,
            tuple(reasons),
            rater=f"model:{loaded.entry.name}",
            probabilities=tuple(
                (r, round(float(p), 6)) for r, p in zip(RATINGS, probabilities, strict=True)
            ),
        )
