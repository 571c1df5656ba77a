"""A backtest's books: cash after fills and fees, closed trades, the daily equity and exposure,
and the metrics of both at the end (conventions: domain/analytics/performance.py)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from decimal import Decimal

from domain.analytics.performance import return_stats, trade_stats
from domain.backtests.model import BacktestMetrics, EquityPoint, FeeModel, TradeRecord
from domain.numbers import ZERO
from domain.strategies.decide import Holding
from domain.trading.orders import Side


class Ledger:
    """Cash, fees and traded notional from the fills; trades, equity and exposure over time."""

    def __init__(self, cash: Decimal, fees: FeeModel) -> None:
        self.cash = cash
        self._fees = fees
        self.fees_paid = ZERO
        self.traded = ZERO
        self.trades: list[TradeRecord] = []
        self.equity: list[EquityPoint] = []
        self.exposure: list[float] = []

    def fill(self, quantity: Decimal, price: Decimal, side: Side) -> Decimal:
        """Book a fill (unsigned quantity) and its commission; returns the commission."""
        fee = self._fees.fee(quantity, price)
        sign = 1 if side is Side.BUY else -1
        self.cash -= sign * quantity * price + fee
        self.fees_paid += fee
        self.traded += quantity * price
        return fee

    def close(
        self,
        symbol: str,
        holding: Holding,
        entry_fee: Decimal,
        quantity: Decimal,
        price: Decimal,
        at: datetime,
        reason: str,
        *,
        entry_reason: str = "",
        exit_detail: str = "",
    ) -> None:
        """Book the exit fill of `quantity` of `holding` and record the round trip, with the
        decisions' reasons that opened and closed it."""
        long = holding.is_long
        fee = self.fill(quantity, price, Side.SELL if long else Side.BUY)
        gross = (price - holding.entry_price) * quantity * (1 if long else -1)
        fees = entry_fee + fee
        self.trades.append(
            TradeRecord(
                symbol, "long" if long else "short", quantity, holding.opened_at,
                holding.entry_price, at, price, fees, gross - fees, reason, entry_reason,
                exit_detail,
            )
        )  # fmt: skip

    def mark_day(self, day: date, values: Iterable[Decimal]) -> None:
        """The day's closing equity: cash plus the holdings' signed values at the close."""
        total, gross = self.cash, ZERO
        for value in values:
            total += value
            gross += abs(value)
        self.equity.append(EquityPoint(day, total))
        self.exposure.append(float(gross / total) if total > ZERO else 0.0)

    def metrics(self) -> BacktestMetrics | None:
        """None when the curve has fewer than two days (or a day without positive equity)."""
        values = [p.equity for p in self.equity]
        if len(values) < 2 or any(v <= ZERO for v in values):
            return None
        stats = return_stats(values)
        trades = trade_stats([t.pnl for t in self.trades])
        mean_equity = sum(values, ZERO) / len(values)
        years = max(len(values) - 1, 1) / stats.periods_per_year
        exposure = self.exposure
        return BacktestMetrics(
            total_return=stats.total_return,
            cagr=stats.cagr,
            volatility_annual=stats.volatility_annual,
            sharpe=stats.sharpe,
            sortino=stats.sortino,
            calmar=stats.calmar,
            max_drawdown=stats.drawdown.max_fraction,
            max_drawdown_days=stats.drawdown.longest_periods,
            trades=trades.trades,
            win_rate=trades.win_rate,
            profit_factor=trades.profit_factor,
            average_win=trades.average_win,
            average_loss=trades.average_loss,
            exposure=sum(exposure) / len(exposure) if exposure else 0.0,
            time_in_market=sum(1 for e in exposure if e > 0) / len(exposure) if exposure else 0.0,
            turnover_annual=float(self.traded / mean_equity) / years if mean_equity else 0.0,
            fees_paid=self.fees_paid,
            final_equity=values[-1],
        )
