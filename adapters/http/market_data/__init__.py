"""The market-data context's routes: quotes and their consensus, depth and bars, stored bar
history, option chains, the feed's providers, and the live quotes socket."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, TypeAlias

from litestar.di import NamedDependency
from litestar.types import ControllerRouterHandler

from adapters.http.contexts import HttpContext
from application.market_data.bar_history import BarHistory
from application.market_data.fundamentals import FundamentalsService
from application.market_data.live_quotes import LiveQuotes
from application.market_data.market import MarketDataUnavailable, MarketService
from application.market_data.options_chain import OptionsChainService
from application.market_data.providers import ProviderService
from application.market_data.quote_quality import QuoteQuality
from application.market_data.statements import StatementsService
from domain.errors import NotFound, StoreUnavailable

NAME = "market_data"


@dataclass(frozen=True)
class MarketDataServices:
    """What the market-data routes call. A use case left out (None) answers as unconfigured:
    503 MARKET_DATA_UNAVAILABLE for market views and chains, 503 STORE_UNAVAILABLE for bar
    history, 404 for the providers' report."""

    providers: ProviderService | None = None  # the failover feed's report and failover
    market: MarketService | None = None  # depth of market, bars with indicators
    bar_history: BarHistory | None = None  # stored bar history
    options_chain: OptionsChainService | None = None  # option chains, IV rank
    live_quotes: LiveQuotes | None = None  # /ws/quotes: the quote board to clients
    # Consensus reads, the sources' grades, the cheapest fresh quote.
    quote_quality: QuoteQuality | None = None
    fundamentals: FundamentalsService | None = None  # key ratios
    statements: StatementsService | None = None  # financial statements and their ratios

    def market_service(self) -> MarketService:
        if self.market is None:
            raise MarketDataUnavailable("market data is not configured", retryable=False)
        return self.market

    def history(self) -> BarHistory:
        if self.bar_history is None:
            raise StoreUnavailable("this server keeps no bar store")
        return self.bar_history

    def chains(self) -> OptionsChainService:
        if self.options_chain is None:
            raise MarketDataUnavailable("option chains are not configured", retryable=False)
        return self.options_chain

    def key_ratios(self) -> FundamentalsService:
        if self.fundamentals is None:
            raise MarketDataUnavailable("fundamentals are not configured", retryable=False)
        return self.fundamentals

    def statements_service(self) -> StatementsService:
        if self.statements is None:
            raise MarketDataUnavailable("financial statements are not configured", retryable=False)
        return self.statements

    def quality(self) -> QuoteQuality:
        if self.quote_quality is None:
            raise MarketDataUnavailable("the feed's sources are not configured", retryable=False)
        return self.quote_quality

    def feed(self) -> ProviderService:
        if self.providers is None:
            raise NotFound("market-data providers are not served by this instance")
        return self.providers


MarketDataDep: TypeAlias = NamedDependency[MarketDataServices]


def controllers(config: Any) -> Sequence[ControllerRouterHandler]:
    from adapters.http.market_data import (
        bar_history,
        fundamentals,
        market,
        options_chain,
        providers,
        quotes,
        statements,
    )

    return [
        *providers.CONTROLLERS,  # /providers, /providers/failover
        *market.CONTROLLERS,  # /market/{symbol}/depth, /bars
        *fundamentals.CONTROLLERS,  # /market/{symbol}/fundamentals
        *statements.CONTROLLERS,  # /market/{symbol}/statements
        *quotes.CONTROLLERS,  # /market/quotes/{symbol}, /consensus
        *bar_history.CONTROLLERS,  # /market/bars: stored bar history
        *options_chain.CONTROLLERS,  # /analytics/options/{symbol}
    ]


def context(services: MarketDataServices) -> HttpContext:
    """The market-data routes over their use cases."""
    from adapters.http.market_data.quotes_socket import quotes_socket

    return HttpContext(NAME, services, controllers, elsewhere=(("/", [quotes_socket]),))
