"""The HypeMeter: weighted engagement, mention velocity and viral spikes of one symbol.

Engagement of a mention (`EngagementWeights`, defaults documented in docs/sentiment-indices.md):

    engagement = 1 * likes + 2 * comments + 3 * shares + 0.01 * views

a share carries a post to new readers, a comment costs more effort than a like, and a view is
passive (a hundred views weigh one like).

Velocity: mentions per hour in the current window (now - window, now]:

    velocity = mentions in the window / window hours

Spike: the baseline is the velocity of each of the `baseline_windows` windows before the
current one, (now - (k+1) * window, now - k * window] for k = 1..N; with their mean m and
population standard deviation s (ddof = 0),

    spike  <=>  velocity - m > sigma * s   (sigma = 5 by default)
                and at least `min_mentions` mentions in the window

so the velocity must exceed the trailing mean by more than 5 standard deviations: exactly 5
is not a spike, anything above it is. The same rule makes a flat baseline (s = 0) spike on
any velocity above its mean (with the minimum mentions); z = (velocity - m) / s is reported,
None when s = 0.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

import numpy as np

from domain.analytics.sentiment.errors import InvalidSentimentInput
from domain.analytics.sentiment.mentions import Mention

HOUR = timedelta(hours=1)


@dataclass(frozen=True, slots=True)
class EngagementWeights:
    """What one like, comment, share and view add to a mention's engagement (module doc)."""

    likes: float = 1.0
    comments: float = 2.0
    shares: float = 3.0
    views: float = 0.01

    def __post_init__(self) -> None:
        for name in ("likes", "comments", "shares", "views"):
            value = getattr(self, name)
            if not (math.isfinite(value) and 0.0 <= value <= 1_000.0):
                raise InvalidSentimentInput(
                    f"engagement weight {name} must be within [0, 1000]", field=name
                )


def engagement(mention: Mention, weights: EngagementWeights | None = None) -> float:
    """The weighted engagement of one mention (module doc; default weights when None)."""
    weights = weights or DEFAULT_ENGAGEMENT
    return (
        weights.likes * mention.likes
        + weights.comments * mention.comments
        + weights.shares * mention.shares
        + weights.views * mention.views
    )


DEFAULT_ENGAGEMENT = EngagementWeights()


@dataclass(frozen=True, slots=True)
class HypeSettings:
    """The window velocity is measured over, the baseline behind it and the spike rule."""

    window: timedelta = HOUR
    baseline_windows: int = 24
    sigma: float = 5.0
    min_mentions: int = 5

    def __post_init__(self) -> None:
        if self.window <= timedelta(0):
            raise InvalidSentimentInput("the window must be positive", field="window_minutes")
        if self.baseline_windows < 2:
            raise InvalidSentimentInput(
                "the baseline needs at least 2 windows", field="baseline_windows"
            )
        if not (math.isfinite(self.sigma) and self.sigma > 0):
            raise InvalidSentimentInput("sigma must be a positive number", field="sigma")
        if self.min_mentions < 1:
            raise InvalidSentimentInput("min_mentions must be at least 1", field="min_mentions")

    @property
    def lookback(self) -> timedelta:
        """How far back the reading looks: the current window and the baseline's."""
        return self.window * (self.baseline_windows + 1)


@dataclass(frozen=True, slots=True)
class Spike:
    """The current velocity against the baseline's velocities (module doc)."""

    velocity: float
    baseline_mean: float
    baseline_std: float
    z: float | None  # None when the baseline is flat (std 0)
    spike: bool


def spike_test(
    velocity: float, baseline: Sequence[float], sigma: float = 5.0, *, enough: bool = True
) -> Spike:
    """Whether `velocity` exceeds the mean of `baseline` by more than `sigma` population
    standard deviations (module doc); `enough`: the window held the minimum mentions."""
    values = np.asarray(baseline, dtype=np.float64)
    if values.size < 2 or not np.all(np.isfinite(values)) or not math.isfinite(velocity):
        raise InvalidSentimentInput(
            "the baseline needs 2 or more finite velocities", field="baseline"
        )
    mean = float(values.mean())
    std = float(values.std())  # population (ddof = 0)
    excess = velocity - mean
    z = excess / std if std > 0.0 else None
    return Spike(velocity, mean, std, z, bool(enough and excess > sigma * std))


@dataclass(frozen=True, slots=True)
class HypeReading:
    """A symbol's hype at `as_of` over (as_of - window, as_of]."""

    symbol: str
    as_of: datetime
    window: timedelta
    mentions: int
    velocity: float  # mentions per hour
    engagement: float  # the window's mentions' engagement, summed
    engagement_per_hour: float
    spike: Spike
    baseline_velocities: tuple[float, ...]  # oldest first
    top: tuple[tuple[Mention, float], ...]  # the most engaging mentions and their engagement


def window_counts(
    posted: Sequence[datetime], as_of: datetime, window: timedelta, windows: int
) -> list[int]:
    """Mentions in each of `windows` windows ending at `as_of`, oldest first; window k (0 =
    the newest) is (as_of - (k+1) * window, as_of - k * window]."""
    counts = [0] * windows
    width = window.total_seconds()
    for at in posted:
        age = (as_of - at).total_seconds()
        if age < 0:
            continue
        index = math.floor(age / width)
        if index < windows:
            counts[windows - 1 - index] += 1
    return counts


def hype_reading(
    symbol: str,
    mentions: Sequence[Mention],
    as_of: datetime,
    settings: HypeSettings | None = None,
    weights: EngagementWeights | None = None,
    top: int = 5,
) -> HypeReading:
    """The hype of `symbol` from its mentions (any order; those outside the lookback and after
    `as_of` are ignored); the default settings and weights when None."""
    settings = settings or HypeSettings()
    hours = settings.window / HOUR
    counts = window_counts(
        [m.posted_at for m in mentions], as_of, settings.window, settings.baseline_windows + 1
    )
    current = [m for m in mentions if as_of - settings.window < m.posted_at <= as_of]
    velocity = counts[-1] / hours
    baseline = [c / hours for c in counts[:-1]]
    spike = spike_test(
        velocity, baseline, settings.sigma, enough=counts[-1] >= settings.min_mentions
    )
    scored = [(m, engagement(m, weights)) for m in current]
    total = math.fsum(score for _, score in scored)
    heaviest = sorted(scored, key=lambda pair: (-pair[1], -pair[0].posted_at.timestamp()))
    return HypeReading(
        symbol, as_of, settings.window, counts[-1], velocity, total, total / hours, spike,
        tuple(baseline), tuple(heaviest[:top]),
    )  # fmt: skip
