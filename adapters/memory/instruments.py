"""The in-memory instrument search: the filters of InstrumentSearch, as the SQL query reads them."""

from __future__ import annotations

from domain.trading.instruments import Instrument
from ports.core.repositories import InstrumentSearch


def instrument_matches(instrument: Instrument, criteria: InstrumentSearch) -> bool:
    """True when `instrument` passes every filter of `criteria` (and lies after its cursor)."""
    prefix = criteria.prefix
    if prefix and not (
        instrument.symbol.startswith(prefix.upper())
        or instrument.name.lower().startswith(prefix.lower())
    ):
        return False
    return (
        (criteria.asset_class is None or instrument.asset_class is criteria.asset_class)
        and (criteria.active is None or instrument.active is criteria.active)
        and (criteria.after is None or instrument.symbol > criteria.after)
        and (
            criteria.identifier is None
            or criteria.identifier in (instrument.cusip, instrument.isin, instrument.figi)
        )
    )
