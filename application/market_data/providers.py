"""Market-data providers: the health report of the failover feed and manual failover (audited)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from application.market_data.quote_pump import PumpStatus, QuotePump
from domain.errors import Conflict, DomainError, Forbidden, NotFound
from domain.market_data.breaker import BreakerConfig, BreakerState, Transition
from domain.market_data.consensus import ConsensusPolicy
from domain.principals import Principal, Role
from ports.core.clock import Clock
from ports.core.events import AuditEntry, AuditLog
from ports.market_data.marketdata import RateLimitUsage

OPERATORS = frozenset({Role.RISK_OFFICER, Role.ADMIN})


class UnknownProvider(NotFound):
    """No provider of the feed has this name."""

    code = "UNKNOWN_PROVIDER"


class NoProviderAvailable(Conflict):
    """The switch would leave no provider to serve (or the named one cannot serve now)."""

    code = "NO_PROVIDER_AVAILABLE"


class InvalidFailover(DomainError):
    """A failover request that asks for two things at once (a target and a restore)."""

    code = "INVALID_FAILOVER"


@dataclass(frozen=True, slots=True)
class ProviderHealth:
    """One provider of the feed as seen now: breaker, recent rates and latency, budget, errors.

    Rates are over the breaker's window; latencies (ms) over the latest answered calls, None
    before any. `active` marks the provider a call would go to now.
    """

    name: str
    tier: int
    state: BreakerState
    forced_open: bool
    active: bool
    pinned: bool
    failure_rate: float
    slow_rate: float
    window_calls: int
    p50_ms: float | None
    p99_ms: float | None
    calls: int
    failures: int
    last_error: str | None
    last_error_at: datetime | None
    rate_limit: RateLimitUsage | None
    cooling_until: datetime | None  # after a 429: not asked again before this
    transitions: tuple[Transition, ...]


@dataclass(frozen=True, slots=True)
class FeedSettings:
    """How the feed fails over: per-call timeout, breaker and consensus parameters."""

    call_timeout_s: float
    breaker: BreakerConfig
    consensus: ConsensusPolicy


class ProviderFeed(Protocol):
    """The failover market-data feed as an operator sees it.

    `failover(None)` forces the active provider's breaker open (the next one serves);
    `failover(name)` pins `name` ahead of every tier. Both raise UnknownProvider or
    NoProviderAvailable and return the provider that serves afterwards. `restore` undoes
    every manual switch and returns the provider that serves then (None: none can).
    """

    def health(self) -> list[ProviderHealth]: ...

    def active(self) -> str | None: ...

    def pinned(self) -> str | None: ...

    def settings(self) -> FeedSettings: ...

    def failover(self, to: str | None = None) -> str: ...

    def restore(self) -> str | None: ...


@dataclass(frozen=True, slots=True)
class ProviderReport:
    """The feed now: each provider's health, who serves, any manual pin, and the settings.

    `pump` is what feeds the core's prices from a non-synthetic feed (None: no pump runs).
    """

    at: datetime
    active: str | None
    pinned: str | None
    providers: tuple[ProviderHealth, ...]
    settings: FeedSettings
    pump: PumpStatus | None = None


@dataclass(frozen=True, slots=True)
class FailoverCommand:
    """Switch providers by hand: to `to` (None: away from the active one), or `restore`."""

    principal: Principal
    to: str | None = None
    restore: bool = False


@dataclass(frozen=True, slots=True)
class FailoverResult:
    previous: str | None
    active: str | None
    pinned: str | None
    restored: bool


@dataclass(eq=False)
class ProviderService:
    """Reports on the market-data feed; switches providers by hand for risk officers and admins."""

    feed: ProviderFeed
    clock: Clock
    audit: AuditLog
    pump: QuotePump | None = None

    def report(self) -> ProviderReport:
        providers = tuple(self.feed.health())
        return ProviderReport(
            at=self.clock.now(),
            active=self.feed.active(),
            pinned=self.feed.pinned(),
            providers=providers,
            settings=self.feed.settings(),
            pump=None if self.pump is None else self.pump.status(),
        )

    async def failover(self, command: FailoverCommand) -> FailoverResult:
        """Audited whether it switches or is refused (unknown provider, nothing to switch to)."""
        actor = command.principal
        if actor.role not in OPERATORS:
            raise Forbidden("only a risk officer or an admin can switch market-data providers")
        if command.restore and command.to is not None:
            raise InvalidFailover("give either a provider to switch to or restore, not both")
        previous = self.feed.active()
        action = "marketdata.restore" if command.restore else "marketdata.failover"
        target = command.to or previous or "market-data"
        try:
            active = self.feed.restore() if command.restore else self.feed.failover(command.to)
        except (UnknownProvider, NoProviderAvailable) as refused:
            await self._record(actor, action, target, "refused", {"code": refused.code})
            raise
        details: dict[str, object] = {"from": previous, "to": active}
        await self._record(actor, action, target, "ok", details)
        return FailoverResult(previous, active, self.feed.pinned(), command.restore)

    async def _record(
        self, actor: Principal, action: str, target: str, outcome: str, details: dict[str, object]
    ) -> None:
        await self.audit.record(
            AuditEntry(actor.id, action, target, outcome, self.clock.now(), details)
        )
