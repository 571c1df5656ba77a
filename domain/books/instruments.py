"""One instrument under one name across venues: a book's position limit counts AAPL at two
brokers, and BTC at two exchanges, as one holding.

A symbol written as a pair (`BTC/USDT`, `BTC/USD`) is the holding of its base asset; a bare
symbol (`AAPL`, `BTC`) is itself. ccxt already writes each exchange's own names in its unified
form (Kraken's XBT is BTC). An owner's explicit mapping comes first, for what no rule can
know (`BRK.B` at one venue and `BRK/B` at another).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class InstrumentMap:
    """A symbol's canonical instrument: `explicit` first, else the base asset of a pair."""

    explicit: Mapping[str, str] = field(default_factory=dict)
    # Every symbol's canonical name once worked out (the order path asks for the same few).
    known: dict[str, str] = field(default_factory=dict, compare=False, repr=False)

    def canonical(self, symbol: str) -> str:
        found = self.known.get(symbol)
        if found is None:
            found = self.known[symbol] = self._work_out(symbol)
        return found

    def _work_out(self, symbol: str) -> str:
        named = self.explicit.get(symbol)
        if named is not None:
            return named
        base, slash, _quote = symbol.partition("/")
        return base.upper() if slash and base else symbol.upper()
