"""The VIX and put/call series derived from the index's option chain (MarketSeriesPort "chain").

- vix: the index's 30-day constant-maturity ATM implied volatility in vol points (IV x 100),
  the quantity the VIX measures on the S&P 500 (the CBOE's own index uses the whole OTM strip;
  this is its at-the-money proxy). Earlier days are the IVs the daily IV recorder stored
  (ports/market_data/iv_history.py) for the index; today's is computed from the chain now.
- put_call: today's put volume / call volume over the index's whole chain
  (domain/analytics/options/chain_metrics.py `put_call_ratios`); earlier days come from the
  Fear & Greed history the recorder keeps (application/markets/fear_greed.py merges them).
"""

from __future__ import annotations

from datetime import date, timedelta

from application.market_data.options_chain import OptionsChainService
from domain.analytics.sentiment.errors import UnknownSeries
from ports.core.clock import Clock
from ports.market_data.iv_history import IVHistoryStore
from ports.markets.fear_greed import SERIES, SeriesPoint

VOL_POINTS = 100.0
MAX_DAYS = 4000


class ChainSeries:
    """MarketSeriesPort over the option chains of `index` (module doc)."""

    name = "chain"

    def __init__(
        self, chains: OptionsChainService, iv_history: IVHistoryStore, clock: Clock, index: str
    ) -> None:
        self._chains = chains
        self._iv_history = iv_history
        self._clock = clock
        self.index = index.strip().upper()

    async def series(self, name: str, start: date, end: date) -> list[SeriesPoint]:
        if name not in SERIES:
            raise UnknownSeries(f"unknown series {name[:40]!r}; one of {', '.join(SERIES)}")
        today = self._clock.now().date()
        points: list[SeriesPoint] = []
        if name == "vix" and start < today:
            up_to = min(end, today - timedelta(days=1))
            days = min(MAX_DAYS, (up_to - start).days + 1)
            stored = await self._iv_history.last(self.index, up_to=up_to, limit=days)
            points = [
                SeriesPoint(e.day, e.iv * VOL_POINTS) for e in stored if start <= e.day <= up_to
            ]
        if start <= today <= end:
            value = await self._today(name)
            if value is not None:
                points.append(SeriesPoint(today, value))
        return points

    async def _today(self, name: str) -> float | None:
        if name == "vix":
            iv = await self._chains.current_iv(self.index)
            return None if iv is None else iv * VOL_POINTS
        view = await self._chains.chain(self.index)
        return view.put_call.by_volume
