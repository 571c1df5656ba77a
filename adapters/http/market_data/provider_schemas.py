"""Market-data provider DTOs: the failover feed's health report and manual failover."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Annotated

import msgspec

from adapters.http.market_data.quote_schemas import SourceQualityOut
from adapters.http.schemas.common import Input, Mirror, Output
from adapters.http.wire_format import AnalyticOut
from application.market_data.providers import FailoverResult, ProviderHealth, ProviderReport
from application.market_data.quote_pump import PumpStatus
from domain.market_data.breaker import Transition
from domain.market_data.source_quality import SourceQuality
from ports.market_data.marketdata import RateLimitUsage

ProviderName = Annotated[
    str, msgspec.Meta(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
]


class TransitionOut(Output):
    source: str
    target: str
    at: datetime
    reason: str

    @classmethod
    def from_domain(cls, transition: Transition) -> TransitionOut:
        return cls.from_attributes(
            transition, source=transition.source.value, target=transition.target.value
        )


class RateLimitOut(Mirror[RateLimitUsage]):
    """The provider's request budget as it last reported it."""

    limit: int
    remaining: int
    used_fraction: AnalyticOut
    resets_at: datetime | None


class ProviderOut(Output):
    """One provider: breaker state, rates over its window, latency of recent answers (ms)."""

    name: str
    tier: int
    state: str
    forced_open: bool
    active: bool
    pinned: bool
    failure_rate: AnalyticOut
    slow_rate: AnalyticOut
    window_calls: int
    latency_p50_ms: AnalyticOut | None
    latency_p99_ms: AnalyticOut | None
    calls: int
    failures: int
    last_error: str | None
    last_error_at: datetime | None
    rate_limit: RateLimitOut | None
    cooling_until: datetime | None
    transitions: list[TransitionOut]

    @classmethod
    def from_domain(cls, health: ProviderHealth) -> ProviderOut:
        return cls.from_attributes(
            health,
            state=health.state.value,
            latency_p50_ms=health.p50_ms,
            latency_p99_ms=health.p99_ms,
            rate_limit=None
            if health.rate_limit is None
            else RateLimitOut.from_domain(health.rate_limit),
            transitions=[TransitionOut.from_domain(t) for t in health.transitions],
        )


class BreakerSettingsOut(Output):
    """Count-based window of the last `window_size` calls, judged from `minimum_calls`."""

    window_size: int
    minimum_calls: int
    failure_rate_threshold: AnalyticOut
    slow_call_seconds: AnalyticOut
    slow_rate_threshold: AnalyticOut
    open_seconds: AnalyticOut
    half_open_calls: int


class ConsensusSettingsOut(Output):
    """Outlier when |mid - median| > max(k x MAD, floor); agreement needs `min_agreeing`."""

    mad_multiplier: AnalyticOut
    floor_bps: AnalyticOut
    tolerance_bps: AnalyticOut
    min_agreeing: int


class PumpOut(Output):
    """The quote pump feeding the gate's prices from the feed: mode, symbols, freshness."""

    mode: str
    symbols: list[str]
    last_quote_at: dict[str, datetime]
    stream_starts: int
    next_stream_in_seconds: AnalyticOut | None
    error_count: int
    recent_errors: list[str]

    @classmethod
    def from_domain(cls, status: PumpStatus) -> PumpOut:
        return cls.from_attributes(
            status,
            symbols=list(status.symbols),
            last_quote_at=dict(status.last_quote_at),
            next_stream_in_seconds=status.next_stream_in_s,
            recent_errors=[f"{e.at.isoformat()} {e.where}: {e.message}" for e in status.errors],
        )


class ProvidersOut(Output):
    """The market-data feed now: who serves, each provider's health, the failover settings.

    `quote_pump` is null when the core reads the synthetic board directly (no pump runs).
    """

    at: datetime
    active: str | None
    pinned: str | None
    call_timeout_seconds: AnalyticOut
    breaker: BreakerSettingsOut
    consensus: ConsensusSettingsOut
    providers: list[ProviderOut]
    quote_pump: PumpOut | None = None
    # Each source's data-quality grade over its recent consensus reads (docs/live-quotes.md).
    quality: list[SourceQualityOut] = msgspec.field(default_factory=list)

    @classmethod
    def from_domain(
        cls, report: ProviderReport, quality: Sequence[SourceQuality] = ()
    ) -> ProvidersOut:
        breaker, policy = report.settings.breaker, report.settings.consensus
        return cls.from_attributes(
            report,
            call_timeout_seconds=report.settings.call_timeout_s,
            breaker=BreakerSettingsOut.from_attributes(
                breaker,
                failure_rate_threshold=breaker.failure_rate,
                slow_call_seconds=breaker.slow_call_s,
                slow_rate_threshold=breaker.slow_rate,
                open_seconds=breaker.open_s,
            ),
            consensus=ConsensusSettingsOut.from_attributes(
                policy,
                mad_multiplier=float(policy.mad_multiplier),
                floor_bps=float(policy.floor_bps),
                tolerance_bps=float(policy.tolerance_bps),
            ),
            providers=[ProviderOut.from_domain(p) for p in report.providers],
            quote_pump=None if report.pump is None else PumpOut.from_domain(report.pump),
            quality=[SourceQualityOut.from_domain(q) for q in quality],
        )


class FailoverIn(Input):
    """Switch providers: `to` pins one ahead of all; without it, away from the active one.
    `restore` undoes every manual switch (not together with `to`)."""

    to: ProviderName | None = None
    restore: bool = False


class FailoverOut(Mirror[FailoverResult]):
    """Who served before and who serves now."""

    previous: str | None
    active: str | None
    pinned: str | None
    restored: bool
