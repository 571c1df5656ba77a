"""In-process signal store."""

from __future__ import annotations

from collections.abc import Sequence

from domain.market_data.signals import Signal, SignalKey
from ports.strategies.signals import SignalCursor, SignalSearch


def _order(signal: Signal) -> tuple[object, str]:
    return (signal.created_at, signal.id)


class InMemorySignalRepository:
    """A SignalRepository held in a dict keyed by (symbol, timeframe, pattern, at)."""

    events_in_outbox = False

    def __init__(self) -> None:
        self._signals: dict[SignalKey, Signal] = {}
        self._ids: set[str] = set()

    async def add(self, signals: Sequence[Signal]) -> list[Signal]:
        stored = []
        for signal in signals:
            # A taken id is skipped like a taken key, as the SQL table's primary key does.
            if signal.key not in self._signals and signal.id not in self._ids:
                self._signals[signal.key] = signal
                self._ids.add(signal.id)
                stored.append(signal)
        return stored

    async def page(self, search: SignalSearch) -> list[Signal]:
        found = [s for s in self._signals.values() if _matches(s, search)]
        found.sort(key=_order, reverse=True)
        return found[: max(search.limit, 0)]


def _matches(signal: Signal, search: SignalSearch) -> bool:
    if search.symbol is not None and signal.symbol != search.symbol:
        return False
    if search.pattern is not None and signal.pattern is not search.pattern:
        return False
    if search.timeframe is not None and signal.timeframe is not search.timeframe:
        return False
    if search.min_score is not None and abs(signal.score) < search.min_score:
        return False
    return search.after is None or _before(signal, search.after)


def _before(signal: Signal, cursor: SignalCursor) -> bool:
    """Whether `signal` comes after the cursor in newest-first order."""
    return (signal.created_at, signal.id) < (cursor.created_at, cursor.signal_id)
