"""A model's record: hit rate and calibration per version and period, input drift, alerts.

`ModelRecords.record` reads the predictions of one model over a range and reports, per
version and per period (day, week or month, UTC), how many were made and resolved, their hit
rate, their reliability bins and expected calibration error, and the input drift of the
period (the largest population stability index over the numeric inputs) against the
reference window: the `reference_days` before the range. Supervisors and viewers read every
owner's predictions; others their own only.

`DriftWatch.check` compares each watched model's last `window` with the reference window
before it and tells the risk desk through the notification center when the PSI passes the
threshold (once per model and window).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum

from application.core.access import sees_everything
from domain.errors import DomainError
from domain.inference.outcomes import (
    ReliabilityBin,
    expected_calibration_error,
    hit_rate,
    population_stability,
    reliability_bins,
)
from domain.principals import Principal, Role
from ports.core.clock import Clock
from ports.core.events import Notification, Notifier, Severity
from ports.core.unit_of_work import UnitOfWorkFactory
from ports.model_records.predictions import Prediction, PredictionStore

DRIFT_EVENT = "model.drift"
DEFAULT_DRIFT_THRESHOLD = 0.25
MAX_RANGE = timedelta(days=366)
_INCLUSIVE = timedelta(microseconds=1)
_DESK = frozenset({Role.RISK_OFFICER, Role.ADMIN})


class Period(StrEnum):
    DAY = "day"
    WEEK = "week"
    MONTH = "month"


class InvalidRecordQuery(DomainError):
    """A range that is empty, reversed or longer than MAX_RANGE (422)."""

    code = "INVALID_RECORD_QUERY"


def period_start(at: datetime, period: Period) -> datetime:
    day = at.astimezone(UTC).replace(hour=0, minute=0, second=0, microsecond=0)
    if period is Period.WEEK:
        return day - timedelta(days=day.weekday())
    if period is Period.MONTH:
        return day.replace(day=1)
    return day


@dataclass(frozen=True, slots=True)
class Drift:
    psi: float | None
    feature: str | None  # the input with the largest PSI
    reference_count: int


@dataclass(frozen=True, slots=True)
class PeriodRecord:
    version: str
    period_start: datetime
    predictions: int
    resolved: int
    judged: int
    hit_rate: float | None
    calibration_error: float | None
    bins: tuple[ReliabilityBin, ...]
    drift: Drift


@dataclass(frozen=True, slots=True)
class ModelRecord:
    model: str
    start: datetime
    end: datetime
    period: Period
    rows: tuple[PeriodRecord, ...]


def input_drift(reference: Sequence[Prediction], current: Sequence[Prediction]) -> Drift:
    """The largest PSI over the inputs present in both samples."""
    names = sorted(
        {n for p in reference for n in p.inputs} & {n for p in current for n in p.inputs}
    )
    worst: tuple[float, str] | None = None
    for name in names:
        ref = [p.inputs[name] for p in reference if name in p.inputs]
        cur = [p.inputs[name] for p in current if name in p.inputs]
        psi = population_stability(ref, cur)
        if psi is not None and (worst is None or psi > worst[0]):
            worst = (psi, name)
    if worst is None:
        return Drift(None, None, len(reference))
    return Drift(worst[0], worst[1], len(reference))


def period_record(
    version: str,
    start: datetime,
    predictions: Sequence[Prediction],
    reference: Sequence[Prediction],
    bins: int,
) -> PeriodRecord:
    resolved = [p for p in predictions if p.outcome is not None]
    judged = [p for p in resolved if p.outcome is not None and p.outcome.hit is not None]
    hits = [bool(p.outcome and p.outcome.hit) for p in judged]
    confident = [p for p in judged if p.confidence is not None]
    table = reliability_bins(
        [float(p.confidence or 0.0) for p in confident],
        [bool(p.outcome and p.outcome.hit) for p in confident],
        bins,
    )
    return PeriodRecord(
        version, start, len(predictions), len(resolved), len(judged), hit_rate(hits),
        expected_calibration_error(table), tuple(table), input_drift(reference, predictions),
    )  # fmt: skip


class ModelRecords:
    def __init__(
        self, store: PredictionStore, clock: Clock, reference_days: int = 30, bins: int = 10
    ) -> None:
        self._store = store
        self._clock = clock
        self._reference = timedelta(days=reference_days)
        self._bins = bins

    async def record(
        self,
        principal: Principal,
        model: str,
        start: datetime | None = None,
        end: datetime | None = None,
        period: Period = Period.DAY,
    ) -> ModelRecord:
        end = end or self._clock.now() + _INCLUSIVE  # by default up to now, now included
        start = start or end - timedelta(days=30)
        if start >= end:
            raise InvalidRecordQuery("start must be before end")
        if end - start > MAX_RANGE:
            raise InvalidRecordQuery("a record covers at most 366 days")
        owner = None if sees_everything(principal) else principal.id
        current = await self._store.between(model, start, end, owner)
        reference = await self._store.between(model, start - self._reference, start, owner)
        groups: dict[tuple[str, datetime], list[Prediction]] = defaultdict(list)
        for p in current:
            groups[(p.version, period_start(p.made_at, period))].append(p)
        by_version: dict[str, list[Prediction]] = defaultdict(list)
        for p in reference:
            by_version[p.version].append(p)
        rows = tuple(
            period_record(version, at, groups[(version, at)], by_version[version], self._bins)
            for version, at in sorted(groups)
        )
        return ModelRecord(model, start, end, period, rows)

    async def standing(self, principal: Principal, model: str, days: int = 30) -> ModelStanding:
        """The latest version over the last `days` as one row (see ModelStanding)."""
        end = self._clock.now() + _INCLUSIVE
        start = end - timedelta(days=days)
        owner = None if sees_everything(principal) else principal.id
        current = await self._store.between(model, start, end, owner)
        if not current:
            return ModelStanding(model, None, 0)
        version = current[-1].version  # oldest first: the last made is the newest version
        reference = await self._store.between(model, start - self._reference, start, owner)
        row = period_record(
            version, start, [p for p in current if p.version == version],
            [p for p in reference if p.version == version], self._bins,
        )  # fmt: skip
        return ModelStanding(model, row, len({p.version for p in current}))


@dataclass(frozen=True, slots=True)
class ModelStanding:
    """A model's latest version judged over a window: what the console's models page lists
    (`latest` None: no prediction in the window)."""

    model: str
    latest: PeriodRecord | None
    versions: int  # versions that made predictions in the window


class DriftWatch:
    """Alerts the risk desk when a watched model's inputs drift past the threshold."""

    def __init__(
        self,
        store: PredictionStore,
        uow_factory: UnitOfWorkFactory,
        notifier: Notifier,
        clock: Clock,
        models: Sequence[str],
        *,
        threshold: float = DEFAULT_DRIFT_THRESHOLD,
        window: timedelta = timedelta(days=1),
        reference_days: int = 30,
    ) -> None:
        self._store = store
        self._uow = uow_factory
        self._notifier = notifier
        self._clock = clock
        self._models = tuple(models)
        self._threshold = threshold
        self._window = window
        self._reference = timedelta(days=reference_days)
        self._alerted: dict[str, datetime] = {}  # model -> end of the window last alerted

    async def check(self) -> dict[str, Drift]:
        """Each watched model's drift now; alerts for those past the threshold."""
        now = self._clock.now()
        start = now - self._window
        drifts: dict[str, Drift] = {}
        for model in self._models:
            current = await self._store.between(model, start, now)
            reference = await self._store.between(model, start - self._reference, start)
            drift = input_drift(reference, current)
            drifts[model] = drift
            if drift.psi is None or drift.psi <= self._threshold:
                continue
            last = self._alerted.get(model)
            if last is not None and now - last < self._window:
                continue
            self._alerted[model] = now
            await self._alert(model, drift, len(current))
        return drifts

    async def _alert(self, model: str, drift: Drift, count: int) -> None:
        async with self._uow() as uow:
            desk = [u.id for u in await uow.users.list() if u.active and u.role in _DESK]
        subject = f"Model drift: {model} inputs shifted (PSI {drift.psi:.2f})"
        body = (
            f"The inputs of {model} over the last {self._window} ({count} predictions) moved "
            f"away from the {drift.reference_count} of the reference window before it: "
            f"PSI {drift.psi:.3f} on {drift.feature} (threshold {self._threshold}). "
            f"See GET /api/v1/models/{model}/record."
        )
        for user_id in desk:
            await self._notifier.notify(
                Notification(user_id, subject, body, Severity.WARNING, event_type=DRIFT_EVENT)
            )
