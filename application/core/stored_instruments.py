"""Stored instruments read by symbol, and the sector each symbol is weighed in: the reading
the analytics (holdings, bonds, attribution books) and rebalancing (attribution) use cases
share, kept in core so that every context may import it. Each call reads in a unit of work
of its own.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from domain.risk.metrics import UNCLASSIFIED
from domain.trading.instruments import Instrument
from ports.core.unit_of_work import UnitOfWorkFactory


async def stored_instruments(
    uow_factory: UnitOfWorkFactory, symbols: Iterable[str]
) -> dict[str, Instrument]:
    """The stored instruments of `symbols`, by symbol (a symbol without one is absent)."""
    found: dict[str, Instrument] = {}
    async with uow_factory() as uow:
        for symbol in symbols:
            instrument = await uow.instruments.get(symbol)
            if instrument is not None:
                found[symbol] = instrument
    return found


async def stored_sectors(
    uow_factory: UnitOfWorkFactory, symbols: Iterable[str], named: Mapping[str, str]
) -> dict[str, str]:
    """Each symbol's sector: the one `named` for it, else its stored instrument's, else
    UNCLASSIFIED (the stored instruments are read only for the symbols not named)."""
    wanted = list(symbols)
    instruments = await stored_instruments(uow_factory, [s for s in wanted if not named.get(s)])
    return {
        s: named.get(s) or (instruments[s].sector if s in instruments else UNCLASSIFIED)
        for s in wanted
    }
