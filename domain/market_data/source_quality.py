"""A market-data source's data quality over its recent consensus rounds, graded A to D (pure).

Each time the sources are asked for the same symbol together (a consensus round), each one
leaves an observation: it did not answer (a gap), or it answered a quote of some age that
agreed with the consensus or was flagged an outlier. Over the last `window` observations a
source has a gap rate, a disagreement rate (outliers among its answers) and a staleness (the
median age of its quotes). Its grade is the worst of the three against the bands below: one
bad dimension is enough to make a source a poor choice, however good the others.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from statistics import median


class Grade(StrEnum):
    A = "A"
    B = "B"
    C = "C"
    D = "D"
    UNRATED = "unrated"  # no observation yet


@dataclass(frozen=True, slots=True)
class QualityBands:
    """The most each grade allows: (gap rate, disagreement rate, staleness seconds)."""

    a: tuple[float, float, float] = (0.01, 0.01, 2.0)
    b: tuple[float, float, float] = (0.05, 0.05, 10.0)
    c: tuple[float, float, float] = (0.20, 0.20, 60.0)


@dataclass(frozen=True, slots=True)
class Observation:
    """One source in one round: no answer (`answered` False), or its quote's age and whether
    the consensus flagged it an outlier."""

    answered: bool
    age_s: float = 0.0
    outlier: bool = False


@dataclass(frozen=True, slots=True)
class SourceQuality:
    """A source's figures over its recent rounds, and its grade."""

    source: str
    rounds: int
    gap_rate: float
    disagreement_rate: float
    staleness_s: float | None  # the median age of its answers; None without one
    grade: Grade


def grade_of(
    gap_rate: float, disagreement_rate: float, staleness_s: float | None, bands: QualityBands
) -> Grade:
    stale = 0.0 if staleness_s is None else staleness_s
    for grade, (gaps, disagreements, age) in (
        (Grade.A, bands.a),
        (Grade.B, bands.b),
        (Grade.C, bands.c),
    ):
        if gap_rate <= gaps and disagreement_rate <= disagreements and stale <= age:
            return grade
    return Grade.D


def quality_of(
    source: str, observations: Iterable[Observation], bands: QualityBands | None = None
) -> SourceQuality:
    seen = list(observations)
    if not seen:
        return SourceQuality(source, 0, 0.0, 0.0, None, Grade.UNRATED)
    answers = [o for o in seen if o.answered]
    gap_rate = 1 - len(answers) / len(seen)
    disagreement = sum(o.outlier for o in answers) / len(answers) if answers else 0.0
    staleness = median(o.age_s for o in answers) if answers else None
    if not answers:
        return SourceQuality(source, len(seen), gap_rate, 0.0, None, Grade.D)
    grade = grade_of(gap_rate, disagreement, staleness, bands or QualityBands())
    return SourceQuality(source, len(seen), gap_rate, disagreement, staleness, grade)


@dataclass
class QualityLedger:
    """The last `window` observations of each source (bounded memory)."""

    window: int = 200
    bands: QualityBands = field(default_factory=QualityBands)
    _seen: dict[str, deque[Observation]] = field(default_factory=dict)

    def record(self, source: str, observation: Observation) -> None:
        kept = self._seen.get(source)
        if kept is None:
            kept = self._seen[source] = deque(maxlen=self.window)
        kept.append(observation)

    def quality(self, source: str) -> SourceQuality:
        return quality_of(source, self._seen.get(source, ()), self.bands)


def cheapest_first(names: list[str], costs: Mapping[str, Decimal]) -> list[str]:
    """`names` (in their configured order) with the priced ones first, cheapest first, ties
    and unpriced ones in the configured order; with no prices the configured order stands."""
    position = {name: i for i, name in enumerate(names)}
    priced = sorted((n for n in names if n in costs), key=lambda n: (costs[n], position[n]))
    return priced + [n for n in names if n not in costs]
