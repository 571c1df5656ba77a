"""An account's P&L and exposure over time, as chart series: stored daily snapshots plus now.

Why a series module of its own: the console draws these (uPlot reads numbers), while the
performance report (application/analytics/performance.py) answers statistics. The conventions:
- x: each snapshot's day at 00:00 UTC in unix seconds, and the live point at `now`.
- P&L (cumulative): equity minus the first snapshot's equity minus the external flows booked
  since (net_flow of every later snapshot): deposits are not profit. The live point counts
  no flow after the last snapshot (none is known until the next snapshot is taken).
- realized (cumulative): the running sum of the snapshots' realized P&L (the live point
  repeats the last sum: fills since the snapshot are realized by the next one).
- exposure: gross is the snapshot's gross exposure (sum of |market value|); net is its market
  value (longs minus shorts). The live point values the open positions at current marks.
Numbers are floats: they are drawn, never added up again (the pages show Decimal figures).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, time
from decimal import Decimal

from ports.trading.equity import EquitySnapshot

ZERO = Decimal(0)


@dataclass(frozen=True, slots=True)
class LivePoint:
    """The account now, at current marks (None where a held symbol has no mark)."""

    at: datetime
    equity: Decimal | None
    gross_exposure: Decimal | None
    net_exposure: Decimal | None


@dataclass(frozen=True, slots=True)
class ChartSeries:
    """`{"x": [...], "series": {...}}` as the console's charts read it."""

    x: list[int]
    series: dict[str, list[float | None]]

    def as_json(self) -> dict[str, object]:
        return {"x": self.x, "series": self.series}


def _day_start(snapshot: EquitySnapshot) -> int:
    return int(datetime.combine(snapshot.day, time(), tzinfo=UTC).timestamp())


def _live_x(snapshots: Sequence[EquitySnapshot], live: LivePoint | None) -> int | None:
    """The live point's x, or None when it would not come after the last snapshot's."""
    if live is None:
        return None
    at = int(live.at.timestamp())
    if snapshots and at <= _day_start(snapshots[-1]):
        return None
    return at


def pnl_series(snapshots: Sequence[EquitySnapshot], live: LivePoint | None) -> ChartSeries:
    """Cumulative P&L and cumulative realized P&L per day, then now."""
    x: list[int] = []
    pnl: list[float | None] = []
    realized: list[float | None] = []
    base = snapshots[0].equity if snapshots else None
    flows = ZERO
    booked = ZERO
    for k, snapshot in enumerate(snapshots):
        if k > 0:
            flows += snapshot.net_flow
        booked += snapshot.realized_pnl
        x.append(_day_start(snapshot))
        pnl.append(float(snapshot.equity - snapshots[0].equity - flows))
        realized.append(float(booked))
    at = _live_x(snapshots, live)
    if at is not None and live is not None:
        x.append(at)
        if live.equity is None:
            pnl.append(None)
        else:
            pnl.append(float(live.equity - (base if base is not None else live.equity) - flows))
        realized.append(float(booked))
    return ChartSeries(x, {"P&L": pnl, "Realized": realized})


def exposure_series(snapshots: Sequence[EquitySnapshot], live: LivePoint | None) -> ChartSeries:
    """Gross and net exposure per day, then now."""
    x = [_day_start(s) for s in snapshots]
    gross: list[float | None] = [float(s.gross_exposure) for s in snapshots]
    net: list[float | None] = [float(s.market_value) for s in snapshots]
    at = _live_x(snapshots, live)
    if at is not None and live is not None:
        x.append(at)
        gross.append(None if live.gross_exposure is None else float(live.gross_exposure))
        net.append(None if live.net_exposure is None else float(live.net_exposure))
    return ChartSeries(x, {"Gross": gross, "Net": net})
