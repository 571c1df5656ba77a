"""A backtest's request and result as JSON documents: decimals as strings, times as ISO 8601,
so a Decimal comes back exactly as it went in."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from adapters.postgres.rows import decimal_or_none, decimal_text
from domain.backtests.model import (
    BacktestMetrics,
    BacktestRequest,
    BacktestResult,
    DataSource,
    DeniedOrder,
    EquityPoint,
    FeeModel,
    TradeRecord,
)
from domain.market_data.bars import Timeframe


def _req_dec(value: Any) -> Decimal:
    return Decimal(str(value))


def request_doc(request: BacktestRequest) -> dict[str, Any]:
    return {
        "strategy_id": request.strategy_id,
        "symbols": list(request.symbols),
        "start": request.start.isoformat(),
        "end": request.end.isoformat(),
        "timeframe": request.timeframe.value,
        "starting_cash": str(request.starting_cash),
        "commission_per_share": str(request.fees.per_share),
        "commission_bps": str(request.fees.bps),
        "slippage_bps": str(request.slippage_bps),
        "source": request.source.value,
        "adjusted": request.adjusted,
    }


def request_of(doc: dict[str, Any]) -> BacktestRequest:
    return BacktestRequest(
        strategy_id=doc["strategy_id"],
        symbols=tuple(doc["symbols"]),
        start=date.fromisoformat(doc["start"]),
        end=date.fromisoformat(doc["end"]),
        timeframe=Timeframe(doc["timeframe"]),
        starting_cash=_req_dec(doc["starting_cash"]),
        fees=FeeModel(_req_dec(doc["commission_per_share"]), _req_dec(doc["commission_bps"])),
        slippage_bps=_req_dec(doc["slippage_bps"]),
        source=DataSource(doc.get("source", DataSource.SYNTHETIC.value)),
        adjusted=bool(doc.get("adjusted", False)),
    )


def result_doc(result: BacktestResult) -> dict[str, Any]:
    m = result.metrics
    return {
        "bars": result.bars,
        "source": result.source.value,
        "adjusted": result.adjusted,
        "orders_sent": result.orders_sent,
        "denied_total": result.denied_total,
        "open_positions": {k: str(v) for k, v in result.open_positions.items()},
        "equity": [[p.day.isoformat(), str(p.equity)] for p in result.equity],
        "trades": [
            [t.symbol, t.direction, str(t.quantity), t.entry_at.isoformat(), str(t.entry_price),
             t.exit_at.isoformat(), str(t.exit_price), str(t.fees), str(t.pnl), t.exit_reason,
             t.entry_reason, t.exit_detail]
            for t in result.trades
        ],
        "denied": [
            [d.at.isoformat(), d.symbol, d.side, str(d.quantity), d.action, list(d.reasons),
             d.message]
            for d in result.denied
        ],
        "metrics": None if m is None else {
            "total_return": m.total_return, "cagr": m.cagr,
            "volatility_annual": m.volatility_annual, "sharpe": m.sharpe, "sortino": m.sortino,
            "calmar": m.calmar, "max_drawdown": m.max_drawdown,
            "max_drawdown_days": m.max_drawdown_days, "trades": m.trades,
            "win_rate": m.win_rate, "profit_factor": m.profit_factor,
            "average_win": decimal_text(m.average_win),
            "average_loss": decimal_text(m.average_loss),
            "exposure": m.exposure, "time_in_market": m.time_in_market,
            "turnover_annual": m.turnover_annual, "fees_paid": str(m.fees_paid),
            "final_equity": str(m.final_equity),
        },
    }  # fmt: skip


def _trade(row: list[Any]) -> TradeRecord:
    """A stored trade; one stored before trades kept their reasons has ten fields."""
    s, direction, q, ea, ep, xa, xp, f, p, r = row[:10]
    entry_reason, exit_detail = (row[10], row[11]) if len(row) >= 12 else ("", "")
    return TradeRecord(
        s, direction, _req_dec(q), datetime.fromisoformat(ea), _req_dec(ep),
        datetime.fromisoformat(xa), _req_dec(xp), _req_dec(f), _req_dec(p), r,
        entry_reason, exit_detail,
    )  # fmt: skip


def result_of(doc: dict[str, Any]) -> BacktestResult:
    m = doc["metrics"]
    metrics = None
    if m is not None:
        metrics = BacktestMetrics(
            **{
                **m,
                "average_win": decimal_or_none(m["average_win"]),
                "average_loss": decimal_or_none(m["average_loss"]),
                "fees_paid": _req_dec(m["fees_paid"]),
                "final_equity": _req_dec(m["final_equity"]),
            }
        )
    return BacktestResult(
        equity=tuple(EquityPoint(date.fromisoformat(d), _req_dec(v)) for d, v in doc["equity"]),
        trades=tuple(_trade(row) for row in doc["trades"]),
        denied=tuple(
            DeniedOrder(datetime.fromisoformat(at), s, side, _req_dec(q), action,
                        tuple(reasons), message)
            for at, s, side, q, action, reasons, message in doc["denied"]
        ),
        metrics=metrics,
        bars=int(doc["bars"]),
        orders_sent=int(doc["orders_sent"]),
        denied_total=int(doc.get("denied_total", len(doc["denied"]))),
        open_positions={k: _req_dec(v) for k, v in doc["open_positions"].items()},
        source=DataSource(doc.get("source", DataSource.SYNTHETIC.value)),
        adjusted=bool(doc.get("adjusted", False)),
    )  # fmt: skip
