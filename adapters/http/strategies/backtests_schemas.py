"""Backtest DTOs: the request (strategy, symbols, dates, costs) and the run with its results.

Money and quantities are decimal strings on the way out, as everywhere in the API; ratios
(Sharpe, drawdown fractions) are JSON numbers or null when they do not exist for the data.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Annotated

import msgspec

from adapters.http.schemas.common import Input, Mirror, Output, Symbol
from adapters.http.schemas.strategies import Ident
from adapters.http.wire_format import AnalyticOut, MoneyOut, PriceOut, QuantityOut, RateOut
from adapters.wire.numbers import BasisPoints, FeePerUnit, Money
from domain.backtests.model import (
    Backtest,
    BacktestMetrics,
    BacktestRequest,
    BacktestResult,
    DataSource,
    FeeModel,
)
from domain.market_data.bars import Timeframe

MAX_SYMBOLS_ON_THE_WIRE = 1000
ZERO = Decimal(0)


class CommissionIn(Input):
    """Commission on every fill: per share plus basis points of the notional (both default 0)."""

    per_share: FeePerUnit | None = None
    bps: BasisPoints | None = None


class BacktestIn(Input):
    """Run `strategy_id` (yours) over the symbols' recorded bars from `from` to `to`."""

    strategy_id: Ident
    symbols: Annotated[list[Symbol], msgspec.Meta(min_length=1, max_length=MAX_SYMBOLS_ON_THE_WIRE)]
    from_: date = msgspec.field(name="from")
    to: date
    timeframe: Timeframe = Timeframe.D1
    starting_cash: Money = Money("100000")
    commission: CommissionIn | None = None
    slippage_bps: BasisPoints | None = None
    # "synthetic": the shipped demo set; "store": the historical bar store (real symbols).
    source: DataSource = DataSource.SYNTHETIC
    adjusted: bool = False  # store bars adjusted for splits and dividends (source "store")

    def to_domain(self) -> BacktestRequest:
        fees = FeeModel()
        if self.commission is not None:
            fees = FeeModel(self.commission.per_share or ZERO, self.commission.bps or ZERO)
        return BacktestRequest(
            strategy_id=self.strategy_id,
            symbols=tuple(s.strip().upper() for s in self.symbols),
            start=self.from_,
            end=self.to,
            timeframe=self.timeframe,
            starting_cash=Decimal(self.starting_cash),
            fees=fees,
            slippage_bps=self.slippage_bps or ZERO,
            source=self.source,
            adjusted=self.adjusted,
        )


class BacktestRequestOut(Output):
    strategy_id: str
    symbols: list[str]
    from_: date = msgspec.field(name="from")
    to: date
    timeframe: str
    starting_cash: MoneyOut
    commission_per_share: PriceOut
    commission_bps: RateOut
    slippage_bps: RateOut
    source: str
    adjusted: bool


class DataOut(Output):
    """Where a run's bars came from and whether they were adjusted for corporate actions."""

    source: str  # "synthetic" or "store"
    adjusted: bool


class MetricsOut(Mirror[BacktestMetrics]):
    total_return: AnalyticOut
    cagr: AnalyticOut | None
    volatility_annual: AnalyticOut | None
    sharpe: AnalyticOut | None
    sortino: AnalyticOut | None
    calmar: AnalyticOut | None
    max_drawdown: AnalyticOut
    max_drawdown_days: int
    trades: int
    win_rate: AnalyticOut | None
    profit_factor: AnalyticOut | None
    average_win: MoneyOut | None
    average_loss: MoneyOut | None
    exposure: AnalyticOut
    time_in_market: AnalyticOut
    turnover_annual: AnalyticOut
    fees_paid: MoneyOut
    final_equity: MoneyOut


class EquityOut(Output):
    day: date
    equity: MoneyOut


class TradeOut(Output):
    symbol: str
    direction: str
    quantity: QuantityOut
    entry_at: datetime
    entry_price: PriceOut
    exit_at: datetime
    exit_price: PriceOut
    fees: MoneyOut
    pnl: MoneyOut
    exit_reason: str
    entry_reason: str  # the entry decision's reason: a fused score's terms and their weights
    exit_detail: str  # the exit decision's reason


class DeniedOut(Output):
    at: datetime
    symbol: str
    side: str
    quantity: QuantityOut
    action: str
    reasons: list[str]
    message: str


class ResultOut(Output):
    data: DataOut
    metrics: MetricsOut | None
    equity: list[EquityOut]
    trades: list[TradeOut]
    denied: list[DeniedOut]
    bars: int
    orders_sent: int
    denied_total: int  # every denial; `denied` lists the first 10,000
    open_positions: dict[str, QuantityOut]

    @classmethod
    def from_domain(cls, r: BacktestResult) -> ResultOut:
        return cls(
            data=DataOut(source=r.source.value, adjusted=r.adjusted),
            metrics=None if r.metrics is None else MetricsOut.from_domain(r.metrics),
            equity=[EquityOut.from_attributes(p) for p in r.equity],
            trades=[
                TradeOut.from_attributes(t)
                for t in r.trades
            ],
            denied=[
                DeniedOut.from_attributes(d, reasons=list(d.reasons))
                for d in r.denied
            ],
            bars=r.bars,
            orders_sent=r.orders_sent,
            denied_total=r.denied_total,
            open_positions=dict(r.open_positions),
        )  # fmt: skip


class BacktestOut(Output):
    """A run: status (queued, running, succeeded, failed, canceled), percent done, and once
    succeeded its `result`."""

    id: str
    status: str
    progress: AnalyticOut  # 0..1
    percent: int  # 0..100
    request: BacktestRequestOut
    created_at: datetime
    started_at: datetime | None = None
    finished_at: datetime | None = None
    error: str | None = None
    result: ResultOut | None = None

    @classmethod
    def from_domain(cls, b: Backtest, *, with_result: bool = True) -> BacktestOut:
        q = b.request
        request = BacktestRequestOut(
            strategy_id=q.strategy_id, symbols=list(q.symbols), from_=q.start, to=q.end,
            timeframe=q.timeframe.value, starting_cash=q.starting_cash,
            commission_per_share=q.fees.per_share, commission_bps=q.fees.bps,
            slippage_bps=q.slippage_bps, source=q.source.value, adjusted=q.adjusted,
        )  # fmt: skip
        return cls.from_attributes(
            b,
            status=b.status.value,
            progress=round(b.progress, 4),
            percent=int(b.progress * 100),
            request=request,
            result=None if b.result is None or not with_result else ResultOut.from_domain(b.result),
        )


class BacktestPageOut(Output):
    """Your backtests, newest first, without their results; pass `next_after` as `after`."""

    items: list[BacktestOut]
    next_after: str | None = None
