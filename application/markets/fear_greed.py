"""Fear & Greed use cases: today's composite, one from posted inputs, the stored history and
each input's series (docs/sentiment-indices.md; the math: domain/analytics/sentiment).

The live composite gathers its inputs (application/markets/fear_greed_inputs.py) at most once per
`cache_seconds` while all five are available (a missing one is asked for again); weights
given with a request re-weigh the same inputs. When the available
inputs carry less than `min_coverage` of the weight, the live index answers 503
DATA_SOURCE_UNAVAILABLE naming each missing input and why (its sources are at fault); posted
inputs answer 422 INSUFFICIENT_INPUTS (the request is).
"""

from __future__ import annotations

import asyncio
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from application.markets.fear_greed_inputs import FearGreedInputs, RawInput, stored_values
from application.markets.query_dates import history_window
from domain.analytics.sentiment.errors import (
    InsufficientInputs,
    InvalidSentimentInput,
    UnknownSeries,
    UnknownSeriesPath,
)
from domain.analytics.sentiment.fear_greed import (
    DEFAULT_RULES,
    EQUAL_WEIGHTS,
    INPUTS,
    MAX_WINDOW,
    Band,
    FearGreedScore,
    FearGreedWeights,
    NormalisationRule,
    NormalisedInput,
    composite,
    normalise,
    parse_weights,
)
from ports.core.clock import Clock
from ports.markets.data_files import DataSourceUnavailable
from ports.markets.fear_greed import SERIES, ComponentRecord, FearGreedHistoryStore, FearGreedRecord

DEFAULT_HISTORY_DAYS = 365
MAX_HISTORY_DAYS = 5 * 366
MAX_HISTORY_POINTS = MAX_WINDOW


@dataclass(frozen=True, slots=True)
class ComponentView:
    """One input in a composite: its weight, raw value and score, or why it is missing."""

    name: str
    weight: float
    raw: float | None
    score: float | None
    method: str | None
    observations: int
    as_of: date | None
    source: str
    reason: str | None


@dataclass(frozen=True, slots=True)
class FearGreedView:
    day: date
    as_of: datetime
    score: float
    band: Band
    coverage: float
    weights: Mapping[str, float]
    components: tuple[ComponentView, ...]
    missing: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class HistoryView:
    start: date
    end: date
    records: tuple[FearGreedRecord, ...]


@dataclass(frozen=True, slots=True)
class SeriesView:
    name: str
    start: date
    end: date
    points: tuple[tuple[date, float], ...]
    source: str


@dataclass(frozen=True, slots=True)
class PostedInputs:
    """A composite to compute from given raw values (any subset of INPUTS), each optionally
    with its earlier observations (oldest first), and optional weights."""

    inputs: Mapping[str, float]
    history: Mapping[str, Sequence[float]]
    weights: Mapping[str, float] | None = None


class FearGreedService:
    def __init__(
        self,
        inputs: FearGreedInputs,
        store: FearGreedHistoryStore,
        clock: Clock,
        weights: FearGreedWeights = EQUAL_WEIGHTS,
    ) -> None:
        self._inputs = inputs
        self._store = store
        self._clock = clock
        self.weights = weights
        config = inputs.config
        self.min_coverage = config.min_coverage
        self.rules = {
            name: NormalisationRule(rule.low, rule.high, config.window, config.min_history)
            for name, rule in DEFAULT_RULES.items()
        }
        self._lock = asyncio.Lock()
        self._cached: tuple[date, float, dict[str, RawInput]] | None = None

    async def current(self, weights_text: str | None = None) -> FearGreedView:
        """Today's composite (UTC day) with the configured weights or those given."""
        weights = self.weights if not weights_text else parse_weights(weights_text)
        today = self._clock.now().date()
        raw = await self._raw(today)
        return self._view(today, raw, weights, live=True)

    async def record_today(self) -> FearGreedRecord:
        """Today's composite with the configured weights, as the recorder stores it."""
        today = self._clock.now().date()
        view = self._view(today, await self._raw(today), self.weights, live=True)
        components = []
        for c in view.components:
            if c.raw is not None and c.score is not None and c.method is not None:
                components.append(ComponentRecord(c.name, c.raw, c.score, c.method, c.weight))
        return FearGreedRecord(
            day=today,
            score=view.score,
            label=view.band.value,
            coverage=view.coverage,
            components=tuple(components),
            recorded_at=self._clock.now(),
            sources={c.name: c.source for c in view.components},
        )

    async def compute(self, posted: PostedInputs) -> FearGreedView:
        """The composite of posted raw values (module doc); nothing is read or stored."""
        weights = self.weights if posted.weights is None else FearGreedWeights(posted.weights)
        for name in (*posted.inputs, *posted.history):
            if name not in INPUTS:
                raise UnknownSeries(
                    f"unknown input {name[:40]!r}; one of {', '.join(INPUTS)}", field=name
                )
        for name, value in posted.inputs.items():
            if not math.isfinite(value):
                raise InvalidSentimentInput(
                    f"inputs.{name}: a finite number", field=f"inputs.{name}"
                )
        for name, past in posted.history.items():
            if len(past) > MAX_HISTORY_POINTS:
                raise InvalidSentimentInput(
                    f"history.{name}: at most {MAX_HISTORY_POINTS} values", field=f"history.{name}"
                )
            if not all(math.isfinite(v) for v in past):
                raise InvalidSentimentInput(
                    f"history.{name}: values must be finite numbers", field=f"history.{name}"
                )
        today = self._clock.now().date()
        raw = {
            name: RawInput(name, value, None, "posted", tuple(posted.history.get(name, ())))
            for name, value in posted.inputs.items()
        }
        return self._view(today, raw, weights, live=False)

    async def history(self, start_text: str | None, end_text: str | None) -> HistoryView:
        """The stored days in [start, end] (default the 365 days up to today), oldest first."""
        start, end = self._window(start_text, end_text)
        records = await self._store.between(start, end, MAX_HISTORY_DAYS)
        return HistoryView(start, end, tuple(records))

    async def series(self, name: str, start_text: str | None, end_text: str | None) -> SeriesView:
        """One input's raw values per day: the source's series for vix and put_call (with the
        stored days it lacks), the stored raw values for the computed inputs."""
        if name not in INPUTS:
            raise UnknownSeriesPath(f"unknown series {name[:40]!r}; one of {', '.join(INPUTS)}")
        start, end = self._window(start_text, end_text)
        stored = stored_values(await self._store.between(start, end, MAX_HISTORY_DAYS))[name]
        source = "stored"
        if name in SERIES:
            port = self._inputs.series_port
            points = await port.series(name, start, end)
            stored.update({p.day: p.value for p in points})
            source = port.name
        points_out = tuple((day, stored[day]) for day in sorted(stored) if start <= day <= end)
        return SeriesView(name, start, end, points_out, source)

    async def _raw(self, today: date) -> dict[str, RawInput]:
        async with self._lock:
            cached = self._cached
            now = self._clock.monotonic()
            ttl = self._inputs.config.cache_seconds
            if cached is not None and cached[0] == today and now - cached[1] < ttl:
                return cached[2]
            raw = await self._inputs.gather(today)
            # Only a complete reading is kept: a source that was down is asked again next time.
            complete = all(item.value is not None for item in raw.values())
            self._cached = (today, now, raw) if complete else None
            return raw

    def _view(
        self, today: date, raw: Mapping[str, RawInput], weights: FearGreedWeights, *, live: bool
    ) -> FearGreedView:
        normalised: dict[str, NormalisedInput] = {
            name: normalise(name, item.value, item.history, self.rules[name])
            for name, item in raw.items()
            if item.value is not None
        }
        try:
            result = composite(normalised, weights, self.min_coverage)
        except InsufficientInputs as exc:
            if not live:
                raise
            reasons = ", ".join(
                f"{n}: {raw[n].reason}" for n in INPUTS if n in raw and raw[n].reason
            )
            raise DataSourceUnavailable(
                f"{exc.message}; {reasons or 'no input was available'}", retry_after=60.0
            ) from None
        return self._assemble(today, raw, weights, result)

    def _assemble(
        self,
        today: date,
        raw: Mapping[str, RawInput],
        weights: FearGreedWeights,
        result: FearGreedScore,
    ) -> FearGreedView:
        scored = {c.name: c for c in result.components}
        components = []
        for name in INPUTS:
            item = raw.get(name)
            done = scored.get(name)
            components.append(
                ComponentView(
                    name=name,
                    weight=weights.of(name),
                    raw=done.raw if done else None,
                    score=done.score if done else None,
                    method=done.method.value if done else None,
                    observations=done.observations if done else 0,
                    as_of=item.as_of if item else None,
                    source=item.source if item else "posted",
                    reason=None if done else (item.reason if item else "NOT_GIVEN"),
                )
            )
        return FearGreedView(
            today, self._clock.now(), result.score, result.band, result.coverage,
            {name: weights.of(name) for name in INPUTS}, tuple(components), result.missing,
        )  # fmt: skip

    def _window(self, start_text: str | None, end_text: str | None) -> tuple[date, date]:
        refusal = InvalidSentimentInput
        return history_window(start_text, end_text, refusal, self._clock, DEFAULT_HISTORY_DAYS)
