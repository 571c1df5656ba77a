"""Portfolio and tax: the ledger (portfolios, their accounts, transactions, daily valuations)
and the fill path into it, tax views and harvesting, illiquid and alternative assets,
giving, and planning (profiles, Monte Carlo, homeostasis)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from dependency_injector import containers, providers

from application.portfolio.alternatives import AlternativesService
from application.portfolio.corporate_action_import import CorporateActionImportService
from application.portfolio.giving import GivingService
from application.portfolio.giving_suggestion import GivingSuggestionService
from application.portfolio.held_returns import HeldReturnsFitter
from application.portfolio.household_holdings import HouseholdHoldingsReader
from application.portfolio.illiquid_assets import IlliquidAssetService
from application.portfolio.ledger_changes import LedgerChanges
from application.portfolio.planning import PlanningService
from application.portfolio.portfolios import PortfolioService
from application.portfolio.settlement import Settlement
from application.portfolio.stored_plan import StoredPlanReader
from application.portfolio.valuations import ValuationService
from bootstrap import portfolios as portfolios_wiring
from bootstrap import tax as tax_wiring
from bootstrap.containers import aggregation_store
from bootstrap.containers.stores import store_provider
from bootstrap.corporate_action_sources import corporate_action_sources
from bootstrap.wealth import alternatives_limits

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncEngine

    from adapters.memory.giving import InMemoryGivingStore
    from adapters.memory.illiquid import InMemoryIlliquidAssetStore
    from adapters.memory.planning import InMemoryPlanningProfileRepository
    from adapters.memory.portfolios import InMemoryPortfolioStore
    from adapters.postgres.giving import SqlGivingStore
    from adapters.postgres.illiquid import SqlIlliquidAssetStore
    from adapters.postgres.planning import SqlPlanningProfileRepository
    from adapters.postgres.portfolios import SqlPortfolioStore


def memory_portfolio_store() -> InMemoryPortfolioStore:
    from adapters.memory.portfolios import InMemoryPortfolioStore

    return InMemoryPortfolioStore()


def sql_portfolio_store(engine: AsyncEngine) -> SqlPortfolioStore:
    from adapters.postgres.portfolios import SqlPortfolioStore

    return SqlPortfolioStore(engine)


def memory_illiquid_store() -> InMemoryIlliquidAssetStore:
    from adapters.memory.illiquid import InMemoryIlliquidAssetStore

    return InMemoryIlliquidAssetStore()


def sql_illiquid_store(engine: AsyncEngine) -> SqlIlliquidAssetStore:
    from adapters.postgres.illiquid import SqlIlliquidAssetStore

    return SqlIlliquidAssetStore(engine)


def memory_giving_store() -> InMemoryGivingStore:
    from adapters.memory.giving import InMemoryGivingStore

    return InMemoryGivingStore()


def sql_giving_store(engine: AsyncEngine) -> SqlGivingStore:
    from adapters.postgres.giving import SqlGivingStore

    return SqlGivingStore(engine)


def memory_planning_profiles() -> InMemoryPlanningProfileRepository:
    from adapters.memory.planning import InMemoryPlanningProfileRepository

    return InMemoryPlanningProfileRepository()


def sql_planning_profiles(engine: AsyncEngine) -> SqlPlanningProfileRepository:
    from adapters.postgres.planning import SqlPlanningProfileRepository

    return SqlPlanningProfileRepository(engine)


class PortfolioContainer(containers.DeclarativeContainer):
    """The ledger and what reads it, over the core and the market data it is given."""

    core = providers.DependenciesContainer()
    market_data = providers.DependenciesContainer()
    wealth = providers.DependenciesContainer()

    portfolio_store = store_provider(core, memory_portfolio_store, sql_portfolio_store)
    # The fill path: each fill the order booking books lands in the portfolio holding its account.
    # Every ledger write of this process is told here; the risk figures' cache listens.
    ledger_changes = providers.Singleton(LedgerChanges)
    portfolio_fills = providers.Singleton(
        portfolios_wiring.fill_booking, core.bus, portfolio_store, ledger_changes
    )
    portfolio_fill_path = providers.Resource(
        portfolios_wiring.fill_path_lifetime, portfolio_fills.provider
    )
    # Portfolios, transactions checked by the tax engine, CSV imports, holdings at the quotes,
    # performance from the feed's daily closes; a US trade without a settlement date settles
    # T+1 on the exchange calendar (the process's session source, cached offline).
    portfolios = providers.Singleton(
        PortfolioService, portfolio_store, core.uow_factory, core.clock, core.ids, core.quotes,
        csv_parser=portfolios_wiring.CSV_PARSER,  # column-wise, pyarrow
        changes=ledger_changes,
        settlement=providers.Singleton(Settlement, core.calendar_sessions),
    )  # fmt: skip
    # Corporate actions imported from Alpaca or Polygon (bootstrap/corporate_action_sources.py).
    corporate_actions = providers.Singleton(
        CorporateActionImportService, portfolios, portfolio_store, core.clock,
        providers.Callable(
            corporate_action_sources, core.settings, core.clock, core.key_vault.provider
        ),
        changes=ledger_changes,
    )  # fmt: skip
    valuations = providers.Singleton(ValuationService, portfolio_store, market_data.market_feed)
    # Volatility, Sharpe, drawdown, beta and tax drag from the bar store, cached per portfolio.
    risk = providers.Singleton(
        portfolios_wiring.portfolio_risk, portfolios, portfolio_store,
        market_data.bar_store.provider, core.clock, ledger_changes,
    )  # fmt: skip
    # Tax views and harvesting (bootstrap/tax.py): computed on read from the caller's ledger.
    tax = providers.Singleton(
        tax_wiring.tax_service, portfolio_store, core.quotes, market_data.market_feed,
        core.uow_factory, core.clock, wealth.investor_profile_store,
    )  # fmt: skip

    # The alternatives allocator (docs/alternatives.md) and the ledger's illiquid assets.
    alternatives = providers.Singleton(
        AlternativesService, providers.Callable(alternatives_limits, core.settings)
    )
    illiquid_store = store_provider(core, memory_illiquid_store, sql_illiquid_store)
    illiquid_assets = providers.Singleton(
        IlliquidAssetService, illiquid_store, portfolios, core.clock, core.ids
    )
    # Each user's donations, and suggestions from the ledger's valuations.
    giving_store = store_provider(core, memory_giving_store, sql_giving_store)
    giving = providers.Singleton(GivingService, giving_store, core.clock, core.ids)
    giving_suggestions = providers.Singleton(
        GivingSuggestionService, giving, core.clock, portfolios, valuations
    )

    # The linked (Plaid) items' store: the aggregation context reads and writes it; kept here
    # so that the household holdings (below) read the same one without a cycle.
    linked_accounts_store = store_provider(
        core, aggregation_store.memory_store, aggregation_store.sql_store
    )
    # Everything a user holds: trading accounts, ledger portfolios, illiquid assets, linked
    # accounts (application/portfolio/household_holdings.py).
    household = providers.Singleton(
        HouseholdHoldingsReader, core.uow_factory, core.quotes, core.clock,
        portfolios=portfolio_store, illiquid=illiquid_store, linked=linked_accounts_store,
    )  # fmt: skip

    # Planning: each user's profile, the Monte Carlo on the compute backend within its
    # budget, homeostasis from everything the user holds; the plan's fitted return and
    # volatility from every priced security held (trading accounts, ledger, linked accounts).
    planning_profiles = store_provider(core, memory_planning_profiles, sql_planning_profiles)
    planning = providers.Singleton(
        PlanningService,
        planning_profiles, core.uow_factory, core.quotes, core.compute, core.compute_budget,
        core.clock, core.audit, investor_profiles=wealth.investor_profile_store,
        household=household,
        stored_plans=providers.Singleton(
            StoredPlanReader, household,
            providers.Singleton(
                HeldReturnsFitter, core.uow_factory, core.quotes,
                market_data.bar_store.provider, core.clock,
                portfolios=portfolio_store, linked=linked_accounts_store,
            ),
            core.clock, plans=wealth.retirement_plan_store,
        ),
    )  # fmt: skip
