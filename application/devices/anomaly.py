"""The login anomaly score: rules until the installation has history, then its own model.

An IsolationForest (behind the AnomalyTrainer port) is fitted on this installation's own
login history once it holds `min_history` logins, and fitted again after `retrain_every`
more or when `retrain_interval` has passed. Fitting runs in a worker thread, one at a time;
logins are judged by the model in place meanwhile (or by the rules while there is none).
"""

from __future__ import annotations

import asyncio
from datetime import datetime

import numpy as np

from application.devices.config import DeviceConfig
from domain.identity.login_anomaly import (
    Assessment,
    LoginContext,
    assess_by_rules,
    features,
    rare_traits,
    rule_traits,
)
from ports.devices.devices import AnomalyScorer, AnomalyTrainer, LoginHistory, LoginRecord


def record_row(record: LoginRecord) -> list[float]:
    """The feature row of a stored login."""
    context = LoginContext(
        record.user_id, record.device_id, record.at, record.network, record.new_device,
        record.new_network, record.failures_before, record.hour_gap, 0,
    )  # fmt: skip
    return features(context)


class LoginAnomaly:
    """Scores logins; retrains itself from the login history when due."""

    def __init__(
        self, history: LoginHistory, trainer: AnomalyTrainer | None, config: DeviceConfig
    ) -> None:
        self._history = history
        self._trainer = trainer
        self._config = config
        self._scorer: AnomalyScorer | None = None
        self._training: np.ndarray = np.zeros((0, 6))
        self._fitted_at: datetime | None = None
        self._since_fit: int | None = None  # logins since the last fit (None: not read yet)
        self._fitting: asyncio.Task[bool] | None = None

    @property
    def trained(self) -> bool:
        return self._scorer is not None

    @property
    def scorer(self) -> AnomalyScorer | None:
        return self._scorer

    @property
    def fitted_at(self) -> datetime | None:
        return self._fitted_at

    def assess(self, context: LoginContext) -> Assessment:
        """The model's verdict when trained (with the traits rare in the history), else the
        rules'."""
        scorer = self._scorer
        if scorer is None:
            return assess_by_rules(context)
        row = features(context)
        unusual = rare_traits(row, self._training)
        score = scorer.score(row)
        if score > 0 and not unusual:
            unusual = rule_traits(context)
        return Assessment(score > 0, round(score, 6), unusual, "model")

    async def retrain(self, now: datetime) -> bool:
        """Fit on the newest logins; False (rules only) while there are too few."""
        self._since_fit = 0
        if self._trainer is None:
            return False
        records = await self._history.recent(self._config.training_window)
        if len(records) < self._config.min_history:
            return False
        rows = [record_row(r) for r in reversed(records)]
        scorer = await asyncio.to_thread(self._trainer.fit, rows)
        self._scorer, self._training, self._fitted_at = scorer, np.asarray(rows), now
        return True

    async def note_login(self, now: datetime) -> asyncio.Task[bool] | None:
        """Count one login (already in the history); start a fit in the background when one
        is due (its task)."""
        if self._since_fit is None:
            self._since_fit = await self._history.count() if self._scorer is None else 1
        else:
            self._since_fit += 1
        if self._trainer is None or (self._fitting is not None and not self._fitting.done()):
            return None
        if not self._due(now):
            return None
        self._fitting = asyncio.ensure_future(self.retrain(now))
        return self._fitting

    def _due(self, now: datetime) -> bool:
        since = self._since_fit or 0
        if self._scorer is None:
            return since >= self._config.min_history
        stale = (
            self._fitted_at is not None and now - self._fitted_at >= self._config.retrain_interval
        )
        return since >= self._config.retrain_every or stale
