"""An account's stored daily returns: time-weighted, read from its equity history.

Pre-trade VaR (application/trading/risk.py) and the portfolio-risk endpoint
(application/analytics/value_at_risk.py) read them; the daily snapshots are written by the
equity snapshot job (application/analytics/equity_snapshots.py).
"""

from __future__ import annotations

from datetime import date, timedelta

from domain.analytics.equity_curve import time_weighted_returns
from ports.trading.equity import EquityHistory

STORED_RETURNS = 252  # the portfolio-risk GET's VaR reads at most a year of daily returns


async def stored_returns(
    history: EquityHistory, account_id: str, today: date, periods: int = STORED_RETURNS
) -> list[float]:
    """The account's last `periods` time-weighted daily returns, oldest first."""
    start = today - timedelta(days=periods * 7 // 5 + 10)  # calendar days holding that many
    snapshots = await history.range(account_id, start, today)
    returns = time_weighted_returns([s.equity for s in snapshots], [s.net_flow for s in snapshots])
    return [float(r) for r in returns[-periods:]]
