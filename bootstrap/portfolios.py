"""Wiring the portfolio ledger: the store by store kind, the fill path's service,
the broker CSV parser."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable

from adapters.memory.bus import InProcessEventBus
from application.portfolio.ledger_changes import LedgerChanges
from application.portfolio.portfolio_fills import PortfolioFillBooking
from application.portfolio.portfolio_risk import PortfolioRiskService
from application.portfolio.portfolios import PortfolioService
from application.portfolio.transaction_import import CsvParser, ImportBatch, ImportContext
from domain.trading.fills import FillBooked
from ports.core.clock import Clock
from ports.market_data.bar_store import BarStore
from ports.portfolio.portfolios import PortfolioStore


def parse_transaction_csv(text: str, context: ImportContext) -> ImportBatch:
    """adapters/arrow/transaction_csv.py's parser, imported (with pyarrow) by the first import
    of a file, not by every process that wires the ledger."""
    from adapters.arrow.transaction_csv import parse_transaction_csv as parse

    return parse(text, context)


# The import's parser: column-wise with pyarrow, the reference row parser's answers for every
# file (adapters/arrow/transaction_csv.py; docs/ledger.md has the figures).
CSV_PARSER: CsvParser = parse_transaction_csv


def fill_booking(
    bus: InProcessEventBus, store: PortfolioStore, changes: LedgerChanges
) -> PortfolioFillBooking:
    """The fill path: every FillBooked event on the bus books its ledger transaction (a
    publish's fills together: the portfolios holding their accounts are read once)."""
    booking = PortfolioFillBooking(store, changes=changes)
    bus.subscribe_batch(FillBooked, booking.on_fills_booked)  # type: ignore[arg-type]
    return booking


async def fill_path_lifetime(booking: Callable[[], PortfolioFillBooking]) -> AsyncIterator[None]:
    """Subscribes the fill path at start-up (the bus keeps it for the process's life)."""
    booking()
    yield


def portfolio_risk(
    portfolios: PortfolioService,
    store: PortfolioStore,
    bars: Callable[[], BarStore],
    clock: Clock,
    changes: LedgerChanges,
) -> PortfolioRiskService:
    """The risk figures, their cache emptied by every ledger change of this process."""
    service = PortfolioRiskService(portfolios, store, bars, clock)
    changes.subscribe(service.invalidate)
    return service
