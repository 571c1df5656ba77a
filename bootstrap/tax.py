"""Wiring the tax views: lots, gains, wash sales, Form 8949, harvesting.

The service reads the caller's ledger from the portfolio store, prices from `quotes` (the
reference prices the other use cases read), daily bars from the failover market feed (return
correlations for replacement suggestions) and open BUY orders through the unit of work; the
caller's investor profile gives harvesting its filing status when the request leaves it out.
"""

from __future__ import annotations

from application.portfolio.tax import TaxService
from ports.core.clock import Clock
from ports.core.unit_of_work import UnitOfWorkFactory
from ports.market_data.marketdata import MarketDataPort, MarketDataProvider
from ports.portfolio.portfolios import PortfolioStore
from ports.wealth.investor_profiles import InvestorProfileRepository


def tax_service(
    portfolios: PortfolioStore,
    prices: MarketDataPort,
    history: MarketDataProvider,
    uow_factory: UnitOfWorkFactory,
    clock: Clock,
    profiles: InvestorProfileRepository | None = None,
) -> TaxService:
    return TaxService(
        portfolios, prices, clock, history=history, uow_factory=uow_factory, profiles=profiles
    )
