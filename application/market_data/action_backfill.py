"""Copy a vendor's splits and cash dividends of a range into the bar store, so its adjusted
reads (BarStore.read(adjusted=True)) hold them. Idempotent: the store keeps one action per
(symbol, kind, ex date), the last write winning."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from ports.market_data.bar_store import BarStore
from ports.market_data.market_reference import CorporateActionsSource
from ports.market_data.marketdata import ProviderError, QuoteUnavailable


@dataclass(frozen=True, slots=True)
class SymbolActions:
    """How many actions one symbol had in the range, or why none could be read."""

    symbol: str
    stored: int = 0
    failed: str | None = None


@dataclass(eq=False)
class ActionBackfill:
    """Reads each symbol's actions from the source and writes them to the store."""

    source: CorporateActionsSource
    store: BarStore

    async def run(self, symbols: Sequence[str], first: date, last: date) -> list[SymbolActions]:
        outcomes: list[SymbolActions] = []
        for symbol in symbols:
            try:
                actions = await self.source.corporate_actions(symbol, first, last)
            except ProviderError as exc:  # before QuoteUnavailable: it is one
                outcomes.append(SymbolActions(symbol, failed=f"provider failed: {exc}"))
                continue
            except QuoteUnavailable:
                outcomes.append(SymbolActions(symbol, failed="unknown to the provider"))
                continue
            await self.store.write_actions(actions)
            outcomes.append(SymbolActions(symbol, stored=len(actions)))
        return outcomes
