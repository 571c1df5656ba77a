"""The consensus quote across the feed's sources, each source's data-quality grade, and the
cheapest fresh quote (docs/live-quotes.md, "Provider choice").

Each consensus read is a round: every source that may be called is asked at once; the
contributors' median is the consensus (domain/market_data/consensus.py) and each source leaves
an observation (a gap, or its quote's age and whether it was an outlier) in the ledger that
grades it (domain/market_data/source_quality.py).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Protocol

from application.market_data.market import MarketDataUnavailable, SymbolNotFound
from domain.errors import DomainError
from domain.market_data.consensus import Consensus, ConsensusPolicy, ProviderPrice, consensus
from domain.market_data.source_quality import (
    Observation,
    QualityLedger,
    SourceQuality,
)
from ports.core.clock import Clock
from ports.market_data.marketdata import ProviderError, Quote, QuoteUnavailable

MAX_FRESHNESS_S = 86_400.0


@dataclass(frozen=True, slots=True)
class SourceAnswer:
    """One source's answer in a round: its quote, or the reason it gave none (`unknown`: it
    does not know the symbol, a healthy answer)."""

    source: str
    quote: Quote | None
    error: str | None
    unknown: bool = False


class QuoteSources(Protocol):
    """The failover feed asked source by source.

    `source_quotes` asks every source that may be called now, concurrently, and returns one
    answer per source asked (none when every breaker is open). `fresh_quote` walks the sources
    in the feed's order (cheapest first where costs are set) and returns the first quote at
    most `max_age_s` old, raising QuoteUnavailable when there is none.
    """

    async def source_quotes(self, symbol: str) -> list[SourceAnswer]: ...

    async def fresh_quote(self, symbol: str, max_age_s: float) -> SourceAnswer: ...


class InvalidQuoteRequest(DomainError):
    code = "INVALID_QUOTE_REQUEST"


@dataclass(frozen=True, slots=True)
class SourceView:
    """A source in one consensus round."""

    source: str
    mid: Decimal | None
    age_s: float | None
    outlier: bool
    deviation_bps: Decimal | None
    error: str | None


@dataclass(frozen=True, slots=True)
class ConsensusView:
    consensus: Consensus
    sources: tuple[SourceView, ...]


@dataclass(frozen=True, slots=True)
class FreshQuote:
    source: str
    quote: Quote
    age_s: float
    cost: Decimal | None  # what the call to the source cost, where its price is set


class QuoteQuality:
    """Consensus reads, the sources' grades, and quotes by freshness and cost."""

    def __init__(
        self,
        sources: QuoteSources,
        clock: Clock,
        policy: ConsensusPolicy | None = None,
        *,
        costs: Mapping[str, Decimal] | None = None,
        ledger: QualityLedger | None = None,
    ) -> None:
        self._sources = sources
        self._clock = clock
        self._policy = policy or ConsensusPolicy()
        self.costs = dict(costs or {})
        self._ledger = ledger or QualityLedger()
        self._known: dict[str, None] = {}

    async def consensus(self, symbol: str) -> ConsensusView:
        """The sources' consensus on `symbol` now; each source's answer is recorded."""
        symbol = _symbol(symbol)
        answers = await self._sources.source_quotes(symbol)
        prices = [
            ProviderPrice(a.source, a.quote.bid, a.quote.ask, a.quote.last)
            for a in answers
            if a.quote is not None
        ]
        if not prices:
            if answers and all(a.unknown for a in answers):  # no source knows it
                raise SymbolNotFound(f"no source quotes {symbol}")
            for answer in answers:
                self._record(answer.source, Observation(answered=False))
            raise MarketDataUnavailable(f"no source answered for {symbol}")
        result = consensus(symbol, prices, self._policy)
        outliers = {o.provider: o for o in result.outliers}
        now = self._clock.now()
        views = []
        for answer in answers:
            if answer.quote is None:
                self._record(answer.source, Observation(answered=False))
                views.append(SourceView(answer.source, None, None, False, None, answer.error))
                continue
            age = max(0.0, (now - answer.quote.at).total_seconds())
            outlier = outliers.get(answer.source)
            self._record(answer.source, Observation(True, age, outlier is not None))
            mid = answer.quote.mid
            deviation = (
                outlier.deviation_bps
                if outlier is not None
                else (abs(mid - result.mid) / result.mid * 10_000 if result.mid > 0 else None)
            )
            views.append(SourceView(answer.source, mid, age, outlier is not None, deviation, None))
        return ConsensusView(result, tuple(views))

    async def fresh_quote(self, symbol: str, max_age_s: float) -> FreshQuote:
        """The cheapest source's quote at most `max_age_s` old."""
        if not 0 < max_age_s <= MAX_FRESHNESS_S:
            raise InvalidQuoteRequest(
                f"max_age_s must be in (0, {MAX_FRESHNESS_S:g}]", field="max_age_s"
            )
        try:
            answer = await self._sources.fresh_quote(_symbol(symbol), max_age_s)
        except ProviderError as exc:
            raise MarketDataUnavailable(f"no source answered for {symbol}") from exc
        except QuoteUnavailable as exc:
            raise SymbolNotFound(str(exc)) from exc
        if answer.quote is None:  # a feed that breaks its contract: no quote is no answer
            raise SymbolNotFound(f"no quote of {symbol} within {max_age_s:g}s")
        age = max(0.0, (self._clock.now() - answer.quote.at).total_seconds())
        return FreshQuote(answer.source, answer.quote, age, self.costs.get(answer.source))

    def grades(self) -> list[SourceQuality]:
        """Each source seen so far (and each priced one), with its grade."""
        names = dict.fromkeys([*self._known, *self.costs])
        return [self._ledger.quality(name) for name in names]

    def _record(self, source: str, observation: Observation) -> None:
        self._known[source] = None
        self._ledger.record(source, observation)


def _symbol(raw: str) -> str:
    symbol = raw.strip().upper()
    if not symbol or len(symbol) > 24:
        raise InvalidQuoteRequest("symbol: 1 to 24 characters", field="symbol")
    return symbol
