"""Analytics: equity snapshots and performance, VaR and scenario simulation, options and
regime calculations, fixed income, optimisation, crypto and DeFi, ESG; heavy requests run
within the core's compute budget."""

from __future__ import annotations

from typing import TYPE_CHECKING

from dependency_injector import containers, providers

from adapters.optimization.cvxpy_optimizer import CvxpyOptimizer
from application.analytics.american_options import AmericanOptionsService
from application.analytics.bond_holdings import StoredBondsService
from application.analytics.crypto import CryptoAnalyticsService
from application.analytics.crypto_gas import LiveGasService
from application.analytics.crypto_wallet_book import CryptoWalletBook
from application.analytics.crypto_wallets import WalletBalanceService
from application.analytics.equity_snapshots import EquitySnapshots
from application.analytics.esg import EsgService
from application.analytics.fixed_income import FixedIncomeService
from application.analytics.market_regime import RegimeDetectionService
from application.analytics.optimization import OptimizationService
from application.analytics.optimization_inputs import StoredInputs
from application.analytics.performance import PerformanceService
from application.analytics.scenario_simulation import ScenarioSimulationService
from application.analytics.stored_attribution import StoredAttributionService
from application.analytics.value_at_risk import ValueAtRiskService
from bootstrap import compute as compute_wiring
from bootstrap import crypto as crypto_wiring
from bootstrap import esg as esg_wiring
from bootstrap.closing import client_lifetime
from bootstrap.containers.stores import store_provider
from bootstrap.performance import snapshot_loop
from bootstrap.settings import Settings

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncEngine

    from adapters.memory.crypto_wallets import InMemoryCryptoWalletStore
    from adapters.postgres.crypto_wallets import SqlCryptoWalletStore


def memory_crypto_wallet_store() -> InMemoryCryptoWalletStore:
    from adapters.memory.crypto_wallets import InMemoryCryptoWalletStore

    return InMemoryCryptoWalletStore()


def sql_crypto_wallet_store(engine: AsyncEngine) -> SqlCryptoWalletStore:
    from adapters.postgres.crypto_wallets import SqlCryptoWalletStore

    return SqlCryptoWalletStore(engine)


def optimizer_warmed(settings: Settings) -> bool:
    """Whether the optimiser's solvers load at start: BULWARK_COMPUTE_WARMUP, and analytics
    served (its routes are the optimiser's requests)."""
    return settings.compute.warmup and settings.core.serves("analytics")


class AnalyticsContainer(containers.DeclarativeContainer):
    """Calculations, over the core, market data, trading (equity history) and portfolio."""

    core = providers.DependenciesContainer()
    market_data = providers.DependenciesContainer()
    trading = providers.DependenciesContainer()
    portfolio = providers.DependenciesContainer()

    # Daily equity snapshots and the performance they feed (bootstrap/performance.py).
    equity_snapshots = providers.Singleton(
        EquitySnapshots, core.uow_factory, core.quotes, trading.equity_history, core.clock,
        batch_size=core.settings.provided.analytics.equity_snapshot_batch,
    )  # fmt: skip
    performance = providers.Singleton(
        PerformanceService,
        core.uow_factory, trading.equity_history, market_data.market_feed, core.clock,
    )  # fmt: skip
    equity_snapshot_loop = providers.Resource(
        snapshot_loop, core.settings, equity_snapshots.provider, core.process, core.job_leases
    )
    # VaR of a series or an account's stored returns, the regime-switching simulation.
    value_at_risk = providers.Singleton(
        ValueAtRiskService, core.uow_factory, core.quotes, core.clock, core.compute_budget,
        equity_history=trading.equity_history,
    )  # fmt: skip
    # The scenario run fits its model to the assets' stored daily bars when it can.
    scenario_simulation = providers.Singleton(
        ScenarioSimulationService, core.uow_factory, core.quotes, core.compute_budget,
        core.compute, bars=market_data.bar_store.provider, clock=core.clock,
        portfolios=portfolio.portfolios,
    )  # fmt: skip
    american_options = providers.Singleton(AmericanOptionsService, core.compute_budget)
    market_regime = providers.Singleton(
        RegimeDetectionService,
        core.compute_budget,
        bars=market_data.bar_store.provider,
        clock=core.clock,
    )
    # Brinson attribution of a stored portfolio against a benchmark, with its regime shifts.
    attribution = providers.Singleton(
        StoredAttributionService, portfolio.portfolios, core.uow_factory,
        market_data.bar_store.provider, core.clock,
    )  # fmt: skip
    fixed_income = providers.Singleton(FixedIncomeService, core.compute_budget)
    # The bonds a stored portfolio holds: their instruments' terms, the ledger's quantities.
    stored_bonds = providers.Singleton(
        StoredBondsService, core.compute_budget, portfolio.portfolios, core.uow_factory,
        core.clock,
    )  # fmt: skip
    # Portfolio optimisation (docs/optimization.md): cvxpy + Clarabel, the solver libraries
    # imported on a background thread at start-up (BULWARK_COMPUTE_WARMUP), not in a request.
    optimizer = providers.Singleton(CvxpyOptimizer)
    # Stored inputs: a portfolio's or account's holdings, the bar store's closes, sectors.
    optimization_inputs = providers.Singleton(
        StoredInputs, core.uow_factory, core.quotes, market_data.bar_store,
        portfolio.portfolios,
    )  # fmt: skip
    optimization = providers.Singleton(
        OptimizationService, optimizer, core.compute_budget, optimization_inputs
    )
    # Warmed where analytics is served (a container built for another context's use of it,
    # the rebalancing's optimiser, say, loads the solvers on first use).
    optimizer_warmup = providers.Resource(
        compute_wiring.compute_warmup, optimizer,
        providers.Callable(optimizer_warmed, core.settings),
    )  # fmt: skip
    # Crypto and DeFi (wallets from a fixture file or JSON-RPC endpoints), ESG from a CSV.
    crypto = providers.Singleton(CryptoAnalyticsService, core.compute_budget)
    chain_client = providers.Singleton(crypto_wiring.chain_http_client, core.settings)
    chain_port = providers.Singleton(crypto_wiring.chain_port, core.settings, chain_client)
    crypto_wallets = providers.Singleton(WalletBalanceService, chain_port, core.quotes)
    # Users' stored wallets and their aggregated portfolio; live gas from the chains.
    crypto_wallet_store = store_provider(core, memory_crypto_wallet_store, sql_crypto_wallet_store)
    crypto_wallet_book = providers.Singleton(
        CryptoWalletBook, crypto_wallet_store, crypto_wallets, core.clock, core.ids, core.audit
    )
    crypto_gas = providers.Singleton(LiveGasService, chain_port, crypto)
    chain_client_closing = providers.Resource(client_lifetime, chain_client.provider)
    esg_data = providers.Singleton(esg_wiring.esg_data, core.settings)
    esg = providers.Singleton(
        EsgService, esg_data, core.compute_budget, portfolio.portfolios, core.uow_factory,
        core.quotes,
    )  # fmt: skip
