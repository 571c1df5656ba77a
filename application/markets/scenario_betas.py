"""Factor betas of held symbols estimated from the bar history store, for the stress.

Reads the split- and dividend-adjusted daily closes (Timeframe.D1) of the symbols and the
factor proxies (domain/analytics/scenarios/factor_betas.py: SPY for equity, USO for oil, UUP
for the dollar unless others are given) over enough calendar days to hold `window` trading
days (window x 7/5 + 14) up to the clock's today, and fits each symbol's betas by OLS over
its last `window` daily returns common with every proxy. A symbol with too little history
answers NoBetaEstimate with the reason; nothing is stored.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, timedelta

from application.core.stored_closes import daily_closes_between
from domain.analytics.scenarios.factor_betas import (
    DEFAULT_PROXIES,
    MIN_OBSERVATIONS,
    WINDOW,
    BetaEstimate,
    NoBetaEstimate,
    estimate_betas,
)
from domain.analytics.scenarios.factors import Factor
from ports.core.clock import Clock
from ports.market_data.bar_store import BarStore

MARGIN_DAYS = 14  # holidays and a late last bar


@dataclass(frozen=True, slots=True)
class BetaSettings:
    """The estimation's window (daily returns), the minimum returns and the proxies."""

    window: int = WINDOW
    min_observations: int = MIN_OBSERVATIONS
    proxies: Mapping[Factor, str] = field(default_factory=lambda: DEFAULT_PROXIES)


@dataclass(eq=False)
class StoredBetas:
    bars: BarStore
    clock: Clock

    async def estimate(
        self, symbols: Sequence[str], settings: BetaSettings
    ) -> dict[str, BetaEstimate | NoBetaEstimate]:
        """Each symbol's estimate (module doc), in the order given."""
        if not symbols:
            return {}
        today = self.clock.now().astimezone(UTC).date()
        first = today - timedelta(days=settings.window * 7 // 5 + MARGIN_DAYS)
        wanted = sorted({*symbols, *settings.proxies.values()})
        found = await daily_closes_between(self.bars, wanted, first, today)
        closes = {s: c.pairs() for s, c in found.items()}
        return {
            symbol: estimate_betas(
                symbol,
                closes,
                settings.proxies,
                window=settings.window,
                min_observations=settings.min_observations,
            )
            for symbol in symbols
        }
