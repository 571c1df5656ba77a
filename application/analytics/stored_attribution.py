"""Brinson attribution of a stored portfolio against a benchmark, with the regime shifts of the
range: the alternative to posted figures of POST /api/v1/analytics/attribution.

The caller names one of its ledger portfolios (`portfolio_id`; another owner's answers 404
PORTFOLIO_NOT_FOUND), a date range and a period length (monthly by default, or weekly;
domain/portfolio/stored_periods.py cuts the range), and the benchmark: either another of its
portfolios (`benchmark_portfolio_id`, owner-scoped the same way) or weighted constituents
(`benchmark`: symbols with weights >= 0, divided by their sum, the benchmark rebalanced to
them at every period's start; a constituent may name its sector).

From what is stored (application/analytics/stored_books.py): each portfolio's holdings at
every period's start (its ledger's trades on or before that day, every account together;
positions in another currency than the portfolio's base are left out and named), the bar
store's split- and dividend-adjusted daily closes (the last close on or before a boundary,
at most MAX_CLOSE_AGE days old), and each symbol's sector (the constituent's, else its
stored instrument's, else UNCLASSIFIED). Cash is not weighed: weights are of the invested
holdings. A sector's weight is the sum of its symbols', its return their weight-averaged
return (a sector one side does not hold takes the other side's return:
domain/portfolio/holdings_attribution.py). The periods then go through the posted-figures
path unchanged (application/analytics/attribution.py: Brinson effects, linking, CUSUM).

Regime shifts (`regime`: the benchmark's daily level, the default, or the portfolio's, or
none): each period read in the regime of that level at its end, runs of one regime as
segments with their effects (domain/analytics/regime_segments.py). The level's history before
the start is read back REGIME_LOOKBACK_DAYS.

Refusals: 422 INVALID_ATTRIBUTION_INPUT naming the field (`end` before `start`, a range past
MAX_RANGE_DAYS or ending after today, both or neither benchmark, a bad constituent), 422
INSUFFICIENT_STORED_HISTORY saying what is missing (a symbol without a close near a boundary,
nothing held on a period's start, fewer than 200 daily levels before the first period's end
for the regime reading), 404 PORTFOLIO_NOT_FOUND.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import Enum

from application.analytics.attribution import (
    AttributionReport,
    AttributionRequest,
    CusumSettings,
    PeriodInput,
    SectorInput,
    analyse_attribution,
)
from application.analytics.stored_books import Books, Constituent, StoredBooks
from application.portfolio.portfolios import PortfolioService
from domain.analytics.montecarlo.regime_model import Regime
from domain.analytics.regime_detection import MIN_HISTORY
from domain.analytics.regime_segments import (
    REGIME_WINDOW,
    RegimeChange,
    RegimeSegment,
    levels_up_to,
    period_readings,
    regime_segments,
)
from domain.portfolio.attribution import AttributionModel, InvalidAttributionInput
from domain.portfolio.holdings_attribution import HoldingsPeriod, sector_inputs
from domain.portfolio.linking import LinkingMethod
from domain.portfolio.stored_periods import (
    InsufficientStoredHistory,
    PeriodLength,
    boundaries,
    daily_level,
)
from domain.principals import Principal
from ports.core.clock import Clock
from ports.core.unit_of_work import UnitOfWorkFactory
from ports.market_data.bar_store import BarStore

MAX_RANGE_DAYS = 20 * 366
MAX_CONSTITUENTS = 2_000
REGIME_LOOKBACK_DAYS = 400  # calendar days before the start: ~275 trading days

__all__ = [
    "MAX_CONSTITUENTS",
    "MAX_RANGE_DAYS",
    "REGIME_LOOKBACK_DAYS",
    "Constituent",
    "RegimeShifts",
    "RegimeSource",
    "StoredAttribution",
    "StoredAttributionRequest",
    "StoredAttributionService",
    "StoredAttributionSource",
]


class RegimeSource(Enum):
    """Whose daily level the regime is read on."""

    BENCHMARK = "benchmark"
    PORTFOLIO = "portfolio"
    NONE = "none"


@dataclass(frozen=True, slots=True)
class StoredAttributionRequest:
    portfolio_id: str
    start: date
    end: date
    period: PeriodLength = PeriodLength.MONTHLY
    benchmark_portfolio_id: str | None = None
    benchmark: tuple[Constituent, ...] = ()
    model: AttributionModel = AttributionModel.BRINSON_FACHLER
    linking: LinkingMethod = LinkingMethod.CARINO
    cusum: CusumSettings = field(default_factory=CusumSettings)
    regime: RegimeSource = RegimeSource.BENCHMARK


@dataclass(frozen=True, slots=True)
class StoredAttributionSource:
    """What the periods were built from."""

    portfolio_id: str
    benchmark_portfolio_id: str | None
    benchmark_constituents: int  # 0 with a benchmark portfolio
    period: PeriodLength
    left_out: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class RegimeShifts:
    """The regime read at each period's end, its segments and the dated changes."""

    series: RegimeSource
    window: int
    labels: tuple[Regime, ...]
    segments: tuple[RegimeSegment, ...]
    changes: tuple[RegimeChange, ...]


@dataclass(frozen=True, slots=True)
class StoredAttribution:
    report: AttributionReport
    source: StoredAttributionSource
    regimes: RegimeShifts | None


def _invalid(message: str, where: str) -> InvalidAttributionInput:
    return InvalidAttributionInput(message, field=where)


def _check(req: StoredAttributionRequest, today: date) -> None:
    if req.end <= req.start:
        raise _invalid(f"end {req.end} must be after start {req.start}", "end")
    if req.end > today:
        raise _invalid(f"end {req.end} is after today {today}", "end")
    if (req.end - req.start).days > MAX_RANGE_DAYS:
        raise _invalid(f"at most {MAX_RANGE_DAYS:,} days from start to end", "end")
    if (req.benchmark_portfolio_id is None) == (not req.benchmark):
        raise _invalid(
            "give exactly one benchmark: benchmark_portfolio_id or benchmark (constituents)",
            "benchmark",
        )
    if len(req.benchmark) > MAX_CONSTITUENTS:
        raise _invalid(f"at most {MAX_CONSTITUENTS:,} constituents", "benchmark")
    seen: set[str] = set()
    for i, c in enumerate(req.benchmark):
        if not c.symbol.strip() or c.symbol in seen:
            raise _invalid(f"symbols must be non-empty and unique; {c.symbol!r} is not",
                           f"benchmark[{i}].symbol")  # fmt: skip
        if not (math.isfinite(c.weight) and c.weight >= 0.0):
            raise _invalid("a weight must be a finite number >= 0", f"benchmark[{i}].weight")
        seen.add(c.symbol)
    if req.benchmark and not math.fsum(c.weight for c in req.benchmark) > 0.0:
        raise _invalid("the constituents' weights must not all be 0", "benchmark")


@dataclass(eq=False)
class StoredAttributionService:
    """Attribution and regime shifts from stored data (module doc)."""

    portfolios: PortfolioService
    uow_factory: UnitOfWorkFactory
    # The bar history store, built on first use; None: stored attribution is not offered.
    bars: Callable[[], BarStore] | None
    clock: Clock

    async def attribute(
        self, principal: Principal, req: StoredAttributionRequest
    ) -> StoredAttribution:
        _check(req, self.clock.now().date())
        mine = await self.portfolios.get(principal, req.portfolio_id)  # 404: not the caller's
        theirs = None
        if req.benchmark_portfolio_id is not None:
            theirs = await self.portfolios.get(principal, req.benchmark_portfolio_id)
        if self.bars is None:
            raise InsufficientStoredHistory("no bar history store is configured", field="start")
        bounds = boundaries(req.start, req.end, req.period)
        regime = req.regime is not RegimeSource.NONE
        since = req.start - timedelta(days=REGIME_LOOKBACK_DAYS) if regime else req.start
        books = await StoredBooks(self.portfolios.store, self.uow_factory, self.bars()).read(
            mine, theirs, req.benchmark, bounds, since
        )
        periods = []
        for i, (p, b) in enumerate(zip(books.portfolio, books.benchmark, strict=True)):
            at_start, at_end = books.prices[i], books.prices[i + 1]
            held = HoldingsPeriod(
                p.weights(at_start), b.weights(at_start),
                {s: at_end[s] / at_start[s] - 1.0 for s in p.units.keys() | b.units.keys()},
            )  # fmt: skip
            w_p, w_b, r_p, r_b = sector_inputs(held, books.sectors, books.sector_names)
            rows = zip(books.sector_names, w_p, w_b, r_p, r_b, strict=True)
            periods.append(
                PeriodInput(bounds[i], bounds[i + 1], tuple(SectorInput(*row) for row in rows))
            )
        report = analyse_attribution(
            AttributionRequest(tuple(periods), req.model, req.linking, req.cusum)
        )
        source = StoredAttributionSource(
            mine.id, theirs.id if theirs else None, len(req.benchmark), req.period,
            books.left_out,
        )  # fmt: skip
        shifts = _shifts(req.regime, books, bounds, report, since) if regime else None
        return StoredAttribution(report, source, shifts)


def _shifts(
    series: RegimeSource,
    books: Books,
    bounds: tuple[date, ...],
    report: AttributionReport,
    since: date,
) -> RegimeShifts:
    side = books.benchmark if series is RegimeSource.BENCHMARK else books.portfolio
    days, levels = daily_level([b.units for b in side], bounds, books.closes, since)
    first_end = bounds[1]
    if levels_up_to(days, first_end) < MIN_HISTORY:
        raise InsufficientStoredHistory(
            f"the {series.value}'s daily level has {levels_up_to(days, first_end)} stored "
            f"closes from {since} to the first period's end {first_end}; the regime reading "
            f"needs {MIN_HISTORY}: backfill its symbols' daily bars from {since} "
            "(docs/bar-store.md), start later, or ask regime: none",
            field="start",
        )
    readings = period_readings(days, levels, bounds[1:])  # every later end has more levels
    labels = tuple(r.label for r in readings)
    rows = [p.attribution for p in report.periods]
    segments, changes = regime_segments(
        labels, bounds[:-1], bounds[1:], rows, report.linked.coefficients
    )
    return RegimeShifts(series, REGIME_WINDOW, labels, segments, changes)
