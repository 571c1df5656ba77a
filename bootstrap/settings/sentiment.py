"""Sentiment indices: Fear & Greed and the HypeMeter (social mentions)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, ClassVar, Literal

import msgspec

from bootstrap.settings.base import Section, SettingsError


class FearGreedSettings(Section, frozen=True, kw_only=True):
    """The Fear & Greed index: its series, universe, weights and recorder."""

    env_prefix: ClassVar[str] = "fear_greed_"

    # docs/sentiment-indices.md: the VIX and put/call series from the index's option chain
    # (chain) or from CSV files (file: `dir`, empty = the shipped SYNTHETIC sample);
    # momentum from the index's daily bars, breadth over the universe (empty: every symbol the
    # market board quotes), social from the news sentiment; weights as name=weight pairs
    # summing to 1 (empty: 0.2 each); below min_coverage of the weight the index answers 503.
    series: Literal["chain", "file"] = "chain"
    dir: str | None = None
    index: Annotated[str, msgspec.Meta(pattern=r"^[A-Za-z0-9][A-Za-z0-9.\-]{0,15}$")] = "SPY"
    universe: tuple[str, ...] = ()
    weights: tuple[str, ...] = ()
    window_days: Annotated[int, msgspec.Meta(ge=20, le=2520)] = 252
    min_history: Annotated[int, msgspec.Meta(ge=1, le=2520)] = 20
    max_stale_days: Annotated[int, msgspec.Meta(ge=0, le=366)] = 7
    min_coverage: Annotated[float, msgspec.Meta(gt=0, le=1)] = 0.5
    cache_seconds: Annotated[float, msgspec.Meta(ge=0, le=86_400)] = 60.0
    # How often the daily recorder looks (0: never; `bulwark fear-greed record` on demand).
    record_seconds: Annotated[float, msgspec.Meta(ge=0, le=86_400)] = 3600.0

    def weight_pairs(self) -> dict[str, float]:
        """BULWARK_FEAR_GREED_WEIGHTS as {input: weight} summing to 1 (empty: the defaults)."""
        names = ("vix", "put_call", "momentum", "breadth", "social")
        values = _pairs(self.weights, self.var("weights"), names, 1.0)
        if values and abs(sum(values.values()) - 1.0) > 1e-6:
            raise SettingsError(
                f"{self.var('weights')}: the weights must sum to 1 "
                f"(they sum to {sum(values.values()):g})"
            )
        return values

    def check(self) -> None:
        if self.min_history > self.window_days:
            raise SettingsError(
                f"{self.var('min_history')}: expected at most "
                f"{self.var('window_days')} ({self.window_days})"
            )
        if self.dir and not Path(self.dir).is_dir():
            raise SettingsError(f"{self.var('dir')}: {self.dir!r} is not a directory")
        self.weight_pairs()


class HypeMeterSettings(Section, frozen=True, kw_only=True):
    """The HypeMeter: where social mentions come from, how long they are kept, spike rules."""

    env_prefix: ClassVar[str] = ""

    # Mentions for the HypeMeter: none (an empty in-memory feed), file (social_file, JSON
    # lines replayed against the clock) or kafka (social_kafka_topic on BULWARK_KAFKA_BOOTSTRAP,
    # bad records to BULWARK_KAFKA_TOPIC_DLQ); kept social_retention_hours, at most
    # social_max_mentions. Engagement weights as likes=,comments=,shares=,views= pairs.
    social_source: Literal["none", "file", "kafka"] = "none"
    social_file: str | None = None
    social_kafka_topic: str = "bulwark.social.mentions"
    social_retention_hours: Annotated[float, msgspec.Meta(gt=0, le=720)] = 48.0
    social_max_mentions: Annotated[int, msgspec.Meta(ge=1000, le=10_000_000)] = 200_000
    hype_engagement_weights: tuple[str, ...] = ()
    hype_window_minutes: Annotated[int, msgspec.Meta(ge=5, le=1440)] = 60
    hype_baseline_windows: Annotated[int, msgspec.Meta(ge=3, le=168)] = 24
    hype_spike_sigma: Annotated[float, msgspec.Meta(gt=0, le=100)] = 5.0
    hype_min_mentions: Annotated[int, msgspec.Meta(ge=1, le=1_000_000)] = 5

    def engagement_weight_pairs(self) -> dict[str, float]:
        """BULWARK_HYPE_ENGAGEMENT_WEIGHTS as {count: weight} (the others keep their defaults)."""
        names = ("likes", "comments", "shares", "views")
        return _pairs(
            self.hype_engagement_weights, self.var("hype_engagement_weights"), names, 1000.0
        )

    def check(self) -> None:
        if self.social_source == "file" and not self.social_file:
            raise SettingsError(
                f"{self.var('social_file')} is required when {self.var('social_source')}=file"
            )
        hype_window = self.hype_window_minutes * (self.hype_baseline_windows + 1) / 60
        if hype_window > self.social_retention_hours:
            raise SettingsError(
                f"{self.var('hype_window_minutes')} x ({self.var('hype_baseline_windows')} + 1) "
                f"is {hype_window:g} hours, more than {self.var('social_retention_hours')}"
            )
        self.engagement_weight_pairs()


def _pairs(
    pairs: tuple[str, ...], var: str, names: tuple[str, ...], top: float
) -> dict[str, float]:
    values: dict[str, float] = {}
    for pair in pairs:
        name, _, number = pair.partition("=")
        try:
            value = float(number)
        except ValueError:
            value = -1.0
        if name.strip() not in names or not 0 <= value <= top or name.strip() in values:
            raise SettingsError(
                f"{var}: expected name=weight pairs, each name once out of "
                f"{', '.join(names)}, weights within [0, {top:g}] (got {pair!r})"
            )
        values[name.strip()] = value
    return values
