"""Which venue's calendar an instrument trades by: its asset class, or a per-symbol choice."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from domain.trading.instruments import AssetClass, Instrument

XNYS = "XNYS"  # New York Stock Exchange: US equities and their options
XNAS = "XNAS"  # Nasdaq (the same holidays and hours as XNYS)
CMES = "CMES"  # CME Globex: futures
CRYPTO = "CRYPTO"  # crypto: around the clock, every day
FX = "FX"  # spot currencies: around the clock, Monday to Friday (UTC days)

VENUES = (XNYS, XNAS, CMES, CRYPTO, FX)

DEFAULT_VENUES: Mapping[AssetClass, str] = MappingProxyType(
    {
        AssetClass.EQUITY: XNYS,
        AssetClass.OPTION: XNYS,
        AssetClass.FUTURE: CMES,
        AssetClass.CRYPTO: CRYPTO,
        AssetClass.FX: FX,
    }
)


@dataclass(frozen=True, slots=True)
class VenueMap:
    """A symbol's venue: its own entry in `by_symbol`, else its asset class's; None (a class
    left out): no venue calendar applies, the trading-hours rule's window alone decides."""

    by_class: Mapping[AssetClass, str] = field(default_factory=lambda: DEFAULT_VENUES)
    by_symbol: Mapping[str, str] = field(default_factory=dict)

    def venue_for(self, instrument: Instrument) -> str | None:
        venue = self.by_symbol.get(instrument.symbol)
        return venue if venue is not None else self.by_class.get(instrument.asset_class)
