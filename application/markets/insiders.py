"""Insider transactions use cases: net insider buying per symbol over a window, and a
symbol's Form 4 rows (docs/markets-macro.md; what counts: domain/analytics/insiders.py).

Windows are inclusive, by transaction date; the default is the 90 days up to `end` (default
today, UTC), at most 5 years. Refusals: 422 INVALID_MARKET_INPUT naming the parameter.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from application.markets.query_dates import history_window
from domain.analytics.futures import InvalidMarketInput
from domain.analytics.insiders import InsiderTransaction, NetInsiderActivity, net_buying
from ports.core.clock import Clock
from ports.markets.insiders import InsiderTransactionsPort

DEFAULT_WINDOW_DAYS = 90
MAX_SYMBOLS = 100
MAX_ROWS = 1000
_SYMBOL = re.compile(r"^[A-Z0-9.\-]{1,16}$")


@dataclass(frozen=True, slots=True)
class NetBuyingView:
    start: date
    end: date
    activity: tuple[NetInsiderActivity, ...]
    source: str


@dataclass(frozen=True, slots=True)
class InsiderRows:
    symbol: str
    start: date
    end: date
    rows: tuple[InsiderTransaction, ...]
    truncated: bool  # more than MAX_ROWS rows in the window: the newest MAX_ROWS are kept
    source: str


@dataclass(eq=False)
class InsiderService:
    insiders: InsiderTransactionsPort
    clock: Clock

    async def net_buying(
        self, start_text: str | None, end_text: str | None, symbols_text: str | None
    ) -> NetBuyingView:
        start, end = self._window(start_text, end_text)
        symbols = None if not symbols_text else _symbols(symbols_text)
        rows = await self.insiders.transactions(start, end, symbols)
        return NetBuyingView(start, end, tuple(net_buying(rows, start, end)), self.insiders.name)

    async def transactions(
        self, symbol: str, start_text: str | None, end_text: str | None
    ) -> InsiderRows:
        (wanted,) = _symbols(symbol, field="symbol")
        start, end = self._window(start_text, end_text)
        rows = await self.insiders.transactions(start, end, [wanted])
        newest = sorted(rows, key=lambda r: (r.transaction_date, r.owner_name), reverse=True)
        return InsiderRows(
            wanted, start, end, tuple(newest[:MAX_ROWS]), len(newest) > MAX_ROWS,
            self.insiders.name,
        )  # fmt: skip

    def _window(self, start_text: str | None, end_text: str | None) -> tuple[date, date]:
        refusal = InvalidMarketInput
        return history_window(start_text, end_text, refusal, self.clock, DEFAULT_WINDOW_DAYS)


def _symbols(text: str, field: str = "symbols") -> list[str]:
    parts = [p.strip().upper() for p in text.split(",")]
    if not parts or len(parts) > MAX_SYMBOLS or any(not _SYMBOL.match(p) for p in parts):
        raise InvalidMarketInput(
            f"{field}: 1 to {MAX_SYMBOLS} comma-separated symbols (letters, digits, '.', '-')",
            field=field,
        )
    return parts
