"""Performance DTOs: money as decimal strings, ratios and fractions as numbers (as in risk)."""

from __future__ import annotations

from datetime import date
from typing import Annotated

import msgspec

from adapters.http.schemas.common import Mirror, Output, doc
from adapters.http.wire_format import AnalyticOut, MoneyOut
from application.analytics.performance import BenchmarkReport, CurvePoint, PerformanceReport
from domain.analytics.equity_curve import Turnover
from domain.analytics.performance import ReturnStats, TradeStats

Fraction = AnalyticOut  # 0.01 = 1 %


class CurvePointOut(Output):
    """One day's snapshot (the last of that UTC day)."""

    date: date
    equity: Annotated[MoneyOut, doc("Cash + signed market value at the snapshot's marks")]
    net_flow: Annotated[MoneyOut, doc("External cash flow of the day (deposits +, withdrawals -)")]
    daily_return: Annotated[
        Fraction | None,
        doc(
            "Time-weighted return of the day, flows at the start of the day: "
            "E_t / (E_(t-1) + F_t) - 1; null on the first day (the starting point)"
        ),
    ]
    drawdown: Annotated[
        Fraction, doc("Fall of the unit value below its running peak, as a fraction of the peak")
    ]

    @classmethod
    def from_domain(cls, point: CurvePoint) -> CurvePointOut:
        return cls.from_attributes(point, date=point.day)


class ReturnStatsOut(Output):
    """Statistics of the unit value the daily time-weighted returns compound to (P = 252)."""

    periods: Annotated[int, doc("Daily returns used (snapshots - 1)")]
    total_return: Annotated[Fraction, doc("Compounded time-weighted return over the range")]
    cagr: Annotated[
        Fraction | None, doc("(1 + total) ** (252 / periods) - 1; null when it overflows")
    ]
    volatility_annual: Annotated[
        Fraction | None, doc("Sample (n - 1) standard deviation of daily returns x sqrt(252)")
    ]
    sharpe: Annotated[
        AnalyticOut | None,
        doc("(mean daily return - rf per day) / sample stdev x sqrt(252), rf = 0"),
    ]
    sortino: Annotated[
        AnalyticOut | None,
        doc("mean / target semideviation (over every day, target 0) x sqrt(252)"),
    ]
    calmar: Annotated[AnalyticOut | None, doc("CAGR / max drawdown; null without a drawdown")]
    max_drawdown: Annotated[Fraction, doc("Largest fall from a running peak, a fraction of it")]
    max_drawdown_days: Annotated[
        int, doc("Longest stretch of snapshots spent below an earlier peak")
    ]

    @classmethod
    def from_domain(cls, stats: ReturnStats) -> ReturnStatsOut:
        return cls.from_attributes(
            stats,
            max_drawdown=stats.drawdown.max_fraction,
            max_drawdown_days=stats.drawdown.longest_periods,
        )


class TradeStatsOut(Mirror[TradeStats]):
    """Closed trades in the range: every fill that reduced or closed a position (average cost),
    its result = realized P&L - that fill's commission."""

    trades: int
    winners: int
    losers: int
    win_rate: Annotated[
        Fraction | None, doc("winners / trades (a breakeven trade is not a winner)")
    ]
    profit_factor: Annotated[
        AnalyticOut | None, doc("gross profit / gross loss; null without loss")
    ]
    average_win: MoneyOut | None
    average_loss: Annotated[MoneyOut | None, doc("A positive amount")]
    gross_profit: MoneyOut
    gross_loss: Annotated[MoneyOut, doc("A positive amount")]


class TurnoverOut(Mirror[Turnover]):
    """Two-sided traded notional (buys and sells) / average snapshot equity."""

    traded_notional: MoneyOut
    average_equity: MoneyOut
    total: Annotated[AnalyticOut, doc("traded notional / average equity over the range")]
    annualized: Annotated[AnalyticOut, doc("total x 252 / snapshots")]


class BenchmarkOut(Output):
    """The account's daily returns against the benchmark's return over the same spans (from its
    close on or before the previous snapshot's day to its close of the snapshot's day; days
    without a benchmark close are left out). P = 252, rf = 0."""

    symbol: str
    points: Annotated[int, doc("Aligned days")]
    benchmark_return: Annotated[
        Fraction | None, doc("The benchmark's compounded return over the aligned days")
    ]
    beta: Annotated[
        AnalyticOut | None,
        doc("Sample cov(r_p, r_b) / sample var(r_b); null under 2 days or flat"),
    ]
    alpha: Annotated[
        Fraction | None,
        doc("Jensen's: mean(r_p - rf) - beta x mean(r_b - rf) per day, x 252 (arithmetic)"),
    ]
    tracking_error: Annotated[
        Fraction | None, doc("Sample stdev of r_p - r_b x sqrt(252); null under 2 days")
    ]
    information_ratio: Annotated[
        AnalyticOut | None, doc("mean(r_p - r_b) x 252 / tracking error; null when it is 0")
    ]

    @classmethod
    def from_domain(cls, report: BenchmarkReport) -> BenchmarkOut:
        s = report.stats
        return cls.from_attributes(
            s,
            symbol=report.symbol,
            benchmark_return=s.benchmark_total_return,
            alpha=s.alpha_annual,
            tracking_error=s.tracking_error_annual,
        )


class PerformanceOut(Output):
    """An account's performance from its daily equity snapshots (taken by the snapshot job)."""

    account_id: str
    from_: Annotated[date, doc("First day of the range (inclusive, UTC)")] = msgspec.field(
        name="from"
    )
    to: Annotated[date, doc("Last day of the range (inclusive, UTC)")]
    points: Annotated[int, doc("Snapshots in the range")]
    equity_curve: list[CurvePointOut]
    returns: Annotated[ReturnStatsOut | None, doc("null under two snapshots")]
    trades: TradeStatsOut
    exposure: Annotated[
        Fraction | None,
        doc("Mean of gross exposure / equity over the snapshots (1 = fully invested)"),
    ]
    turnover: TurnoverOut | None
    net_flows: Annotated[MoneyOut, doc("External flows after the first snapshot, summed")]
    realized_pnl: Annotated[MoneyOut, doc("P&L the range's fills realized, net of commissions")]
    benchmark: Annotated[BenchmarkOut | None, doc("null unless `benchmark` was given")] = None

    @classmethod
    def from_domain(cls, report: PerformanceReport) -> PerformanceOut:
        return cls.from_attributes(
            report,
            from_=report.start,
            to=report.end,
            points=len(report.curve),
            equity_curve=[CurvePointOut.from_domain(p) for p in report.curve],
            returns=None if report.returns is None else ReturnStatsOut.from_domain(report.returns),
            trades=TradeStatsOut.from_domain(report.trades),
            turnover=None if report.turnover is None else TurnoverOut.from_domain(report.turnover),
            benchmark=None
            if report.benchmark is None
            else BenchmarkOut.from_domain(report.benchmark),
        )
