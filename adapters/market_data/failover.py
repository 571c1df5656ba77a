"""The failover composite: providers in priority tiers behind circuit breakers, with consensus.

Routing: each call goes to the first provider in priority order (a pinned one first, then
tier by tier, listed order within a tier) whose breaker allows it and that is not cooling
down after a 429. Each attempt is bounded by `call_timeout_s` (asyncio.timeout): a hanging
provider costs one timeout, then the next one answers.

Against a breaker count a retryable ProviderError (429s included), a timeout, and any other
exception (a provider that leaks one is failing). Not counted:
- QuoteUnavailable (an unknown symbol), a healthy answer. The symbol is then asked of lower
  tiers only: one tier's providers are taken as equivalent replicas, while a lower tier may
  be another source that lists it. When nobody knows it, the call raises QuoteUnavailable.
- A non-retryable ProviderError ("not offered"): the next provider is asked instead.

`stream_quotes` reads the first provider that can stream and resumes on the next one when
its stream fails (after a stream has delivered, the ones before it may be tried again).
Quotes around a switch may repeat or be missed (nothing deduplicates), and a silent stream
is not a failure (a quiet market is not an outage).
"""

from __future__ import annotations

import asyncio
import math
from collections import deque
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import TypeVar

from application.market_data.providers import (
    FeedSettings,
    NoProviderAvailable,
    ProviderHealth,
    UnknownProvider,
)
from application.market_data.quote_quality import SourceAnswer
from domain.market_data.bars import Bar, Timeframe
from domain.market_data.book import OrderBook
from domain.market_data.breaker import BreakerConfig, BreakerState, CircuitBreaker
from domain.market_data.consensus import Consensus, ConsensusPolicy, ProviderPrice, consensus
from domain.market_data.fundamentals import KeyRatios
from domain.market_data.options import OptionChain
from domain.market_data.source_quality import cheapest_first
from domain.market_data.statements import FinancialStatements, StatementPeriod
from ports.core.clock import Clock
from ports.market_data.marketdata import (
    MarketDataProvider,
    ProviderError,
    ProviderRateLimited,
    Quote,
    QuoteUnavailable,
    RateLimitUsage,
)

T = TypeVar("T")
Call = Callable[[MarketDataProvider], Awaitable[T]]


@dataclass(frozen=True, slots=True)
class FailoverConfig:
    """Per-call timeout, breaker and consensus parameters, and how many latencies to keep."""

    call_timeout_s: float = 2.0
    breaker: BreakerConfig = field(default_factory=BreakerConfig)
    consensus: ConsensusPolicy = field(default_factory=ConsensusPolicy)
    latency_samples: int = 200
    # What one call to a provider costs, by name: priced providers are tried first, cheapest
    # first; the unpriced ones after them, in the configured order (none priced: that order).
    costs: tuple[tuple[str, Decimal], ...] = ()

    def __post_init__(self) -> None:
        if self.call_timeout_s <= 0 or self.latency_samples < 1:
            raise ValueError("call_timeout_s must be positive and latency_samples at least 1")
        if any(cost < 0 for _, cost in self.costs):
            raise ValueError("a provider's cost per call cannot be negative")


class _Member:
    """One provider with its breaker and the figures the health report shows."""

    def __init__(self, provider: MarketDataProvider, tier: int, config: FailoverConfig) -> None:
        self.provider = provider
        self.name = provider.name
        self.tier = tier
        self.breaker = CircuitBreaker(config.breaker)
        self.latencies: deque[float] = deque(maxlen=config.latency_samples)
        self.calls = 0
        self.failures = 0
        self.last_error: str | None = None
        self.last_error_at: datetime | None = None
        self.cooling_until: datetime | None = None


class _Unhealthy(Exception):
    """An attempt that failed; `counted` tells whether it went against the breaker."""

    def __init__(self, message: str, *, counted: bool) -> None:
        super().__init__(message)
        self.counted = counted


def _percentile_ms(samples: Sequence[float], q: float) -> float | None:
    if not samples:
        return None
    ordered = sorted(samples)
    return ordered[max(0, math.ceil(q * len(ordered)) - 1)] * 1000.0


def _reference_prices(symbols: list[str]) -> Call[dict[str, Decimal]]:
    return lambda provider: provider.reference_prices(symbols)


class FailoverMarketData:
    """A MarketDataProvider over prioritised providers; see the module docstring for the rules."""

    name = "failover"

    def __init__(
        self,
        tiers: Sequence[Sequence[MarketDataProvider]],
        clock: Clock,
        config: FailoverConfig | None = None,
    ) -> None:
        self._config = config or FailoverConfig()
        self._clock = clock
        self._members = [
            _Member(p, tier, self._config) for tier, group in enumerate(tiers) for p in group
        ]
        if not self._members:
            raise ValueError("a failover feed needs at least one provider")
        names = [m.name for m in self._members]
        if len(set(names)) != len(names):
            raise ValueError(f"provider names must be unique: {names}")
        self._by_name = {m.name: m for m in self._members}
        self._pinned: str | None = None
        ranked = cheapest_first(names, dict(self._config.costs))
        self._ranked = [self._by_name[name] for name in ranked]

    # -- MarketDataPort / MarketDataProvider ----------------------------------
    async def quote(self, symbol: str) -> Quote:
        return await self._call(lambda p: p.quote(symbol))

    async def reference_prices(self, symbols: list[str]) -> dict[str, Decimal]:
        """Asks down the order for the symbols still missing; a provider's gaps go lower."""
        found: dict[str, Decimal] = {}
        wanted = list(dict.fromkeys(symbols))
        answered_tier: int | None = None
        for member in self._order():
            missing = [s for s in wanted if s not in found]
            if not missing:
                break
            if member.tier == answered_tier or not self._admit(member):
                continue
            try:
                prices = await self._attempt(member, _reference_prices(missing))
            except (_Unhealthy, QuoteUnavailable):
                continue
            found.update({s: v for s, v in prices.items() if s in missing})
            answered_tier = member.tier
        return found

    async def bars(
        self,
        symbol: str,
        timeframe: Timeframe,
        *,
        start: datetime | None = None,
        end: datetime | None = None,
        limit: int = 500,
    ) -> list[Bar]:
        return await self._call(
            lambda p: p.bars(symbol, timeframe, start=start, end=end, limit=limit)
        )

    async def order_book(self, symbol: str, depth: int = 10) -> OrderBook:
        return await self._call(lambda p: p.order_book(symbol, depth))

    async def order_book_answered(self, symbol: str, depth: int = 10) -> tuple[OrderBook, str]:
        """`order_book`'s answer and the name of the provider that gave it (a fallback's when
        the one ahead of it failed on this call, though its breaker may still be closed)."""
        return await self._answered(lambda p: p.order_book(symbol, depth))

    async def option_chain(self, underlying: str, expiry: date | None = None) -> OptionChain:
        return await self._call(lambda p: p.option_chain(underlying, expiry))

    async def key_ratios(self, symbol: str) -> KeyRatios:
        """The first provider offering fundamentals answers; one without is passed over."""
        return await self._call(lambda p: _key_ratios(p, symbol))

    async def financial_statements(
        self, symbol: str, period: StatementPeriod, limit: int
    ) -> FinancialStatements:
        """From the first provider that offers statements (the others are passed over)."""
        return await self._call(lambda p: _statements(p, symbol, period, limit))

    async def stream_quotes(self, symbols: Sequence[str]) -> AsyncIterator[Quote]:
        failed: set[str] = set()
        errors: list[str] = []
        retryable = False
        while True:
            member = next(
                (m for m in self._order() if m.name not in failed and self._admit(m)), None
            )
            if member is None:
                message = "no provider can stream: " + "; ".join(errors)
                raise ProviderError(self.name, message, retryable=retryable or not errors)
            member.calls += 1
            started = self._clock.monotonic()
            delivered = False
            stream = member.provider.stream_quotes(symbols)
            try:
                async for quote in stream:
                    if not delivered:
                        delivered = True
                        self._succeeded(member, started)
                    yield quote
                return
            except ProviderError as exc:
                self._failed(member, exc.message, counted=exc.retryable)
                errors.append(f"{member.name}: {exc.message}")
                retryable = retryable or exc.retryable
            except QuoteUnavailable as exc:
                self._failed(member, str(exc), counted=False)
                errors.append(f"{member.name}: {exc}")
            except Exception as exc:  # a leaked library error is a failing stream too
                self._failed(member, f"{type(exc).__name__}: {exc}", counted=True)
                errors.append(f"{member.name}: {type(exc).__name__}")
                retryable = True
            finally:
                aclose = getattr(stream, "aclose", None)
                if aclose is not None:
                    await aclose()
            if delivered:  # it served for a while: the providers before it may serve again
                failed, errors = {member.name}, errors[-1:]
            else:
                failed.add(member.name)

    def rate_limit(self) -> RateLimitUsage | None:
        """The budget of the provider serving now (None when none can, or it does not say)."""
        active = self.active()
        return None if active is None else self._by_name[active].provider.rate_limit()

    # -- consensus --------------------------------------------------------------
    async def consensus_quote(self, symbol: str) -> Consensus:
        """Asks every provider that may be called, concurrently, and takes their consensus."""
        members = [m for m in self._order() if self._admit(m)]
        answers = await asyncio.gather(
            *(self._attempt(m, lambda p: p.quote(symbol)) for m in members),
            return_exceptions=True,
        )
        prices = [
            ProviderPrice(m.name, a.bid, a.ask, a.last)
            for m, a in zip(members, answers, strict=True)
            if isinstance(a, Quote)
        ]
        if prices:
            return consensus(symbol, prices, self._config.consensus)
        unknown = next((a for a in answers if isinstance(a, QuoteUnavailable)), None)
        if unknown is not None:
            raise unknown
        errors = [f"{m.name}: {a}" for m, a in zip(members, answers, strict=True)]
        raise ProviderError(self.name, f"no quote for {symbol}: " + "; ".join(errors))

    async def source_quotes(self, symbol: str) -> list[SourceAnswer]:
        """Every provider that may be called, asked concurrently: its quote or why none."""
        members = [m for m in self._order() if self._admit(m)]
        answers = await asyncio.gather(
            *(self._attempt(m, lambda p: p.quote(symbol)) for m in members),
            return_exceptions=True,
        )
        return [
            SourceAnswer(m.name, a, None)
            if isinstance(a, Quote)
            else SourceAnswer(
                m.name, None, str(a) or type(a).__name__, isinstance(a, QuoteUnavailable)
            )
            for m, a in zip(members, answers, strict=True)
        ]

    async def fresh_quote(self, symbol: str, max_age_s: float) -> SourceAnswer:
        """The first provider in cost order (cheapest first) whose quote is at most
        `max_age_s` old; QuoteUnavailable when each answer was older or missing."""
        now = self._clock.now()
        stale: list[str] = []
        answered = False
        for member in self._order():
            if not self._admit(member):
                continue
            try:
                quote = await self._attempt(member, lambda p: p.quote(symbol))
            except _Unhealthy as exc:
                stale.append(f"{member.name}: {exc}")
                continue
            except QuoteUnavailable as exc:
                answered = True
                stale.append(f"{member.name}: {exc}")
                continue
            answered = True
            age = (now - quote.at).total_seconds()
            if age <= max_age_s:
                return SourceAnswer(member.name, quote, None)
            stale.append(f"{member.name}: {age:.1f}s old")
        message = f"no quote of {symbol} within {max_age_s:g}s: " + "; ".join(stale)
        if not answered:  # every source failed or none may be called: an outage, not a symbol
            raise ProviderError(self.name, message)
        raise QuoteUnavailable(message)

    # -- operator view and manual failover --------------------------------------
    def active(self) -> str | None:
        """The provider a call would go to now (None: every breaker is open)."""
        return next((m.name for m in self._order() if self._serves(m)), None)

    def pinned(self) -> str | None:
        return self._pinned

    def providers(self) -> list[MarketDataProvider]:
        """The providers in priority order (the composition root closes them)."""
        return [m.provider for m in self._members]

    def settings(self) -> FeedSettings:
        return FeedSettings(
            self._config.call_timeout_s, self._config.breaker, self._config.consensus
        )

    def health(self) -> list[ProviderHealth]:
        active = self.active()
        return [
            ProviderHealth(
                name=m.name,
                tier=m.tier,
                state=m.breaker.state_at(self._clock.now()),
                forced_open=m.breaker.forced,
                active=m.name == active,
                pinned=m.name == self._pinned,
                failure_rate=m.breaker.failure_rate,
                slow_rate=m.breaker.slow_rate,
                window_calls=m.breaker.calls_in_window,
                p50_ms=_percentile_ms(m.latencies, 0.50),
                p99_ms=_percentile_ms(m.latencies, 0.99),
                calls=m.calls,
                failures=m.failures,
                last_error=m.last_error,
                last_error_at=m.last_error_at,
                rate_limit=m.provider.rate_limit(),
                cooling_until=self._cooling_until(m),
                transitions=m.breaker.transitions,
            )
            for m in self._members
        ]

    def failover(self, to: str | None = None) -> str:
        """Away from the active provider (its breaker forced open), or pinned to `to`."""
        now = self._clock.now()
        if to is not None:
            member = self._by_name.get(to)
            if member is None:
                raise UnknownProvider(f"market-data provider {to} not found")
            if member.breaker.forced:
                member.breaker.reset(now, "manual failover to it")
            elif member.breaker.state_at(now) is BreakerState.OPEN:
                raise NoProviderAvailable(f"{to} cannot serve: its breaker is open")
            self._pinned = to
            return to
        current = self.active()
        others = [m for m in self._order() if m.name != current and self._serves(m)]
        if current is None or not others:
            raise NoProviderAvailable(f"no provider other than {current} can serve")
        if self._pinned == current:
            self._pinned = None
        self._by_name[current].breaker.force_open(now, "manual failover")
        return others[0].name

    def restore(self) -> str | None:
        """Undoes every manual switch: no pin, forced breakers closed again."""
        now = self._clock.now()
        self._pinned = None
        for member in self._members:
            if member.breaker.forced:
                member.breaker.reset(now, "restored")
        return self.active()

    # -- routing ----------------------------------------------------------------
    def _order(self) -> list[_Member]:
        if self._pinned is None:
            return self._ranked
        pinned = self._by_name[self._pinned]
        return [pinned, *(m for m in self._ranked if m is not pinned)]

    def _cooling_until(self, member: _Member) -> datetime | None:
        if member.cooling_until is not None and member.cooling_until <= self._clock.now():
            member.cooling_until = None  # the wait is over
        return member.cooling_until

    def _serves(self, member: _Member) -> bool:
        state = member.breaker.state_at(self._clock.now())
        return state is not BreakerState.OPEN and self._cooling_until(member) is None

    def _admit(self, member: _Member) -> bool:
        if self._cooling_until(member) is not None:
            return False
        return member.breaker.allow(self._clock.now())

    async def _call(self, call: Call[T]) -> T:
        result, _ = await self._answered(call)
        return result

    async def _answered(self, call: Call[T]) -> tuple[T, str]:
        """The first answer in priority order, and the name of the provider that gave it."""
        errors: list[str] = []
        skipped: list[_Member] = []
        unknown: QuoteUnavailable | None = None
        unknown_tier: int | None = None
        counted = 0
        for member in self._order():
            if member.tier == unknown_tier:
                continue
            if not self._admit(member):
                skipped.append(member)
                continue
            try:
                return await self._attempt(member, call), member.name
            except _Unhealthy as failure:
                errors.append(f"{member.name}: {failure}")
                counted += failure.counted
            except QuoteUnavailable as exc:
                unknown, unknown_tier = exc, member.tier
        if unknown is not None:
            raise unknown
        for member in skipped:
            cooling = self._cooling_until(member) is not None
            errors.append(
                f"{member.name}: {'cooling down after a 429' if cooling else 'breaker open'}"
            )
        # Only "not offered" answers: say so, not retryable (another try cannot help).
        raise ProviderError(self.name, "; ".join(errors), retryable=counted + len(skipped) > 0)

    async def _attempt(self, member: _Member, call: Call[T]) -> T:
        """One bounded call: _Unhealthy on failure, QuoteUnavailable for an unknown symbol."""
        member.calls += 1
        started = self._clock.monotonic()
        timeout = self._config.call_timeout_s
        try:
            async with asyncio.timeout(timeout):
                result = await call(member.provider)
        except asyncio.CancelledError:
            member.breaker.release(self._clock.now())
            raise
        except TimeoutError:
            message = f"timed out after {timeout:g}s"
            self._failed(member, message, counted=True, duration_s=timeout)
            raise _Unhealthy(message, counted=True) from None
        except ProviderRateLimited as exc:
            if exc.retry_after_s:
                until = self._clock.now() + timedelta(seconds=exc.retry_after_s)
                member.cooling_until = until
            self._failed(member, exc.message, counted=True)
            raise _Unhealthy(exc.message, counted=True) from None
        except ProviderError as exc:
            self._failed(member, exc.message, counted=exc.retryable)
            raise _Unhealthy(exc.message, counted=exc.retryable) from None
        except QuoteUnavailable:
            self._succeeded(member, started)
            raise
        except Exception as exc:  # a provider that leaks a library error is failing
            message = f"{type(exc).__name__}: {exc}"
            self._failed(member, message, counted=True)
            raise _Unhealthy(message, counted=True) from None
        self._succeeded(member, started)
        return result

    def _succeeded(self, member: _Member, started: float) -> None:
        elapsed = max(0.0, self._clock.monotonic() - started)
        member.latencies.append(elapsed)
        member.breaker.record_success(elapsed, self._clock.now())

    def _failed(
        self, member: _Member, message: str, *, counted: bool, duration_s: float | None = None
    ) -> None:
        now = self._clock.now()
        member.last_error, member.last_error_at = message, now
        if counted:
            member.failures += 1
            member.breaker.record_failure(now, duration_s)
        else:
            member.breaker.release(now)


async def _key_ratios(provider: MarketDataProvider, symbol: str) -> KeyRatios:
    ask = getattr(provider, "key_ratios", None)
    if ask is None:  # not offered: the next provider is asked
        raise ProviderError(provider.name, "fundamentals are not offered", retryable=False)
    ratios: KeyRatios = await ask(symbol)
    return ratios


async def _statements(
    provider: MarketDataProvider, symbol: str, period: StatementPeriod, limit: int
) -> FinancialStatements:
    ask = getattr(provider, "financial_statements", None)
    if ask is None:  # not offered: the next provider is asked
        raise ProviderError(provider.name, "financial statements are not offered", retryable=False)
    statements: FinancialStatements = await ask(symbol, period, limit)
    return statements
