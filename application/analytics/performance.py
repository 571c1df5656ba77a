"""An account's performance over a date range, from its stored daily snapshots and its fills.

The figures and their conventions come from domain.analytics: returns are time-weighted
daily returns with external flows at the start of the day (equity_curve), the return
statistics read the unit value those returns compound to (performance.return_stats), trade
statistics come from closing fills (fills_replay), and benchmark-relative figures pair each
of the account's returns with the benchmark's return over the same span (benchmark.
span_returns: from the close on or before the previous snapshot's day to the close of the
snapshot's day; a day without a benchmark close is left out).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, timedelta
from decimal import Decimal
from itertools import pairwise

from application.core.access import account_seen
from application.core.provider_closes import provider_closes
from application.trading.snapshots import instrument_map
from domain.analytics.benchmark import BenchmarkStats, align, benchmark_stats, span_returns
from domain.analytics.equity_curve import (
    Turnover,
    average_exposure,
    time_weighted_returns,
    turnover,
    unit_values,
)
from domain.analytics.fills_replay import replay
from domain.analytics.performance import ReturnStats, TradeStats, return_stats, trade_stats
from domain.errors import DomainError
from domain.principals import Principal
from ports.core.clock import Clock
from ports.core.unit_of_work import UnitOfWorkFactory
from ports.market_data.marketdata import BarSource, ProviderError, QuoteUnavailable
from ports.trading.equity import EquityHistory, EquitySnapshot

ZERO = Decimal(0)
DEFAULT_DAYS = 365
MAX_DAYS = 3660  # ten years of calendar days: one query reads at most this many snapshots
MAX_SYMBOL = 32


class InvalidPerformanceQuery(DomainError):
    """A date range that is reversed or too long, or a malformed benchmark symbol."""

    code = "INVALID_PERFORMANCE_QUERY"


class UnknownBenchmark(DomainError):
    """The market-data provider knows no daily bars of the benchmark symbol."""

    code = "UNKNOWN_BENCHMARK"


class BenchmarkUnavailable(DomainError):
    """The market-data provider failed while reading the benchmark's bars."""

    code = "BENCHMARK_UNAVAILABLE"


@dataclass(frozen=True, slots=True)
class CurvePoint:
    """One day of the curve: equity, its time-weighted return, drawdown of the unit value."""

    day: date
    equity: Decimal
    net_flow: Decimal
    daily_return: float | None  # None on the first day: the starting point
    drawdown: float  # below the running peak of the unit value, as a fraction of it


@dataclass(frozen=True, slots=True)
class BenchmarkReport:
    symbol: str
    stats: BenchmarkStats


@dataclass(frozen=True, slots=True)
class PerformanceReport:
    """Everything the performance endpoint answers (conventions: the module docstring)."""

    account_id: str
    start: date
    end: date
    curve: tuple[CurvePoint, ...]
    returns: ReturnStats | None  # None under two snapshots
    trades: TradeStats
    exposure: float | None
    turnover: Turnover | None
    net_flows: Decimal
    realized_pnl: Decimal
    benchmark: BenchmarkReport | None


@dataclass(eq=False)
class PerformanceService:
    """Reads stored snapshots (never values anything itself) and the benchmark's daily bars."""

    uow_factory: UnitOfWorkFactory
    history: EquityHistory
    bars: BarSource
    clock: Clock

    async def performance(
        self,
        principal: Principal,
        account_id: str,
        start: date | None = None,
        end: date | None = None,
        benchmark: str | None = None,
    ) -> PerformanceReport:
        """The account's performance from `start` to `end` (inclusive days, UTC)."""
        end = end or self.clock.now().astimezone(UTC).date()
        start = start or end - timedelta(days=DEFAULT_DAYS)
        if start > end:
            raise InvalidPerformanceQuery("`from` must not be after `to`", field="from")
        if (end - start).days > MAX_DAYS:
            raise InvalidPerformanceQuery(
                f"the range may span at most {MAX_DAYS} days", field="from"
            )
        symbol = _symbol(benchmark) if benchmark is not None else None
        async with self.uow_factory() as uow:
            await account_seen(uow, principal, account_id)  # NotFound for an unseen account
            fills = await uow.fills.list(account_id)
            multipliers = {s: i.multiplier for s, i in (await instrument_map(uow)).items()}
        snapshots = await self.history.range(account_id, start, end)
        closed = [
            t.result for t in replay(fills, multipliers).trades if start <= t.at.date() <= end
        ]
        curve, daily = _curve(snapshots)
        bench = None
        if symbol is not None:
            closes = await self._closes(symbol, start, end)
            periods = [(a.day, b.day) for a, b in pairwise(snapshots)]
            paired = align(daily, span_returns(closes, periods))
            bench = BenchmarkReport(symbol, benchmark_stats(*paired))
        equity = [s.equity for s in snapshots]
        return PerformanceReport(
            account_id=account_id,
            start=start,
            end=end,
            curve=curve,
            returns=_return_stats(snapshots),
            trades=trade_stats(closed),
            exposure=average_exposure([s.gross_exposure for s in snapshots], equity),
            turnover=turnover([s.traded_notional for s in snapshots], equity),
            net_flows=sum((s.net_flow for s in snapshots[1:]), ZERO),
            realized_pnl=sum((s.realized_pnl for s in snapshots), ZERO),
            benchmark=bench,
        )

    async def snapshots(
        self, principal: Principal, account_id: str, days: int
    ) -> list[EquitySnapshot]:
        """The account's stored snapshots of the last `days` days, oldest first (the
        console's charts); NotFound for an account the principal may not see."""
        if not 1 <= days <= MAX_DAYS:
            raise InvalidPerformanceQuery(f"days must be between 1 and {MAX_DAYS}", field="days")
        end = self.clock.now().astimezone(UTC).date()
        async with self.uow_factory() as uow:
            await account_seen(uow, principal, account_id)  # NotFound for another owner's account
        return await self.history.range(account_id, end - timedelta(days=days), end)

    async def _closes(self, symbol: str, start: date, end: date) -> dict[date, Decimal]:
        """The benchmark's daily closes from a week before `start` (the first period's base)
        to `end`."""
        try:
            closes = await provider_closes(self.bars, symbol, start - timedelta(days=7), end)
        except ProviderError as exc:
            raise BenchmarkUnavailable(f"the bars of {symbol} could not be read: {exc}") from None
        except QuoteUnavailable:
            raise UnknownBenchmark(
                f"no daily bars are known for {symbol}", field="benchmark"
            ) from None
        if not closes:
            raise UnknownBenchmark(f"no daily bars are known for {symbol}", field="benchmark")
        return closes


def _curve(snapshots: Sequence[EquitySnapshot]) -> tuple[tuple[CurvePoint, ...], dict[date, float]]:
    equity = [s.equity for s in snapshots]
    flows = [s.net_flow for s in snapshots]
    returns = time_weighted_returns(equity, flows)
    units = unit_values(equity, flows)
    points = []
    peak = Decimal(0)
    for k, snapshot in enumerate(snapshots):
        peak = max(peak, units[k])
        fall = (peak - units[k]) / peak if peak > ZERO else ZERO
        daily = None if k == 0 else float(returns[k - 1])
        points.append(
            CurvePoint(snapshot.day, snapshot.equity, snapshot.net_flow, daily, float(fall))
        )
    by_day = {p.day: p.daily_return for p in points if p.daily_return is not None}
    return tuple(points), by_day


def _return_stats(snapshots: Sequence[EquitySnapshot]) -> ReturnStats | None:
    if len(snapshots) < 2:
        return None
    units = unit_values([s.equity for s in snapshots], [s.net_flow for s in snapshots])
    try:
        return return_stats(units)
    except ValueError:  # the unit value reached zero (a total loss): no ratio means anything
        return None


def _symbol(raw: str) -> str:
    symbol = raw.strip().upper()
    if not symbol or len(symbol) > MAX_SYMBOL or not all(c.isalnum() or c in ".-/" for c in symbol):
        raise InvalidPerformanceQuery(
            f"benchmark must be a symbol of 1 to {MAX_SYMBOL} letters, digits or . - /",
            field="benchmark",
        )
    return symbol
