"""Markets: rates (the Treasury curve, FRED), futures, macro, Form 4 insiders, scenarios and
stress on the caller's portfolios, 13F documents, the filing calendar and its reminders, and
the sentiment indices (Fear & Greed and its daily history, the HypeMeter over social)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from dependency_injector import containers, providers

from application.analytics.stored_holdings import StoredHoldings
from application.markets.fear_greed_recorder import FearGreedRecorder
from application.markets.form13f import Form13FService
from application.markets.futures import FuturesService
from application.markets.insiders import InsiderService
from application.markets.macro import MacroService
from application.markets.official_13f_list import Official13FListService
from application.markets.rates import RatesService
from application.markets.scenario_betas import StoredBetas
from application.markets.scenarios import ScenarioService
from bootstrap import markets as markets_wiring
from bootstrap import rates as rates_wiring
from bootstrap import sentiment_indices as sentiment_wiring
from bootstrap.closing import client_lifetime
from bootstrap.containers.stores import store_provider
from bootstrap.periodic import serving_job

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncEngine

    from adapters.memory.fear_greed import InMemoryFearGreedHistory
    from adapters.memory.filing_reminders import InMemoryFilingReminderStore
    from adapters.memory.official_13f_list import InMemoryOfficial13FList
    from adapters.postgres.fear_greed import SqlFearGreedHistory
    from adapters.postgres.filing_reminders import SqlFilingReminderStore
    from adapters.postgres.official_13f_list import SqlOfficial13FList


def memory_filing_reminders() -> InMemoryFilingReminderStore:
    from adapters.memory.filing_reminders import InMemoryFilingReminderStore

    return InMemoryFilingReminderStore()


def sql_filing_reminders(engine: AsyncEngine) -> SqlFilingReminderStore:
    from adapters.postgres.filing_reminders import SqlFilingReminderStore

    return SqlFilingReminderStore(engine)


def memory_official_13f_list() -> InMemoryOfficial13FList:
    from adapters.memory.official_13f_list import InMemoryOfficial13FList

    return InMemoryOfficial13FList()


def sql_official_13f_list(engine: AsyncEngine) -> SqlOfficial13FList:
    from adapters.postgres.official_13f_list import SqlOfficial13FList

    return SqlOfficial13FList(engine)


def memory_fear_greed_store() -> InMemoryFearGreedHistory:
    from adapters.memory.fear_greed import InMemoryFearGreedHistory

    return InMemoryFearGreedHistory()


def sql_fear_greed_store(engine: AsyncEngine) -> SqlFearGreedHistory:
    from adapters.postgres.fear_greed import SqlFearGreedHistory

    return SqlFearGreedHistory(engine)


class MarketsContainer(containers.DeclarativeContainer):
    """Market series and indices, over core, market data, portfolio and inference."""

    core = providers.DependenciesContainer()
    market_data = providers.DependenciesContainer()
    portfolio = providers.DependenciesContainer()
    inference = providers.DependenciesContainer()

    # FRED downloads on disk (default) or FRED's API.
    rates_client = providers.Singleton(rates_wiring.rates_client, core.settings)
    rates_port = providers.Singleton(rates_wiring.rates_port, core.settings, rates_client)
    rates = providers.Singleton(RatesService, rates_port, core.clock)
    rates_client_closing = providers.Resource(client_lifetime, rates_client.provider)
    economic_series = providers.Singleton(
        markets_wiring.economic_series, core.settings, rates_client
    )
    futures = providers.Singleton(
        FuturesService, providers.Singleton(markets_wiring.futures, core.settings), core.clock
    )
    macro = providers.Singleton(MacroService, economic_series, rates_port, core.clock)
    insiders = providers.Singleton(
        InsiderService, providers.Singleton(markets_wiring.insiders, core.settings), core.clock
    )
    scenarios = providers.Singleton(
        ScenarioService, providers.Singleton(markets_wiring.scenarios, core.settings),
        portfolio.portfolios, core.compute_budget,
        providers.Singleton(
            StoredHoldings, core.uow_factory, core.quotes, portfolio.portfolios
        ),
        providers.Singleton(StoredBetas, market_data.bar_store, core.clock),
    )  # fmt: skip
    # The Official List of 13(f) Securities, joined to the instruments by CUSIP once imported;
    # before that the file master (BULWARK_SEC13F_DIR, the shipped sample).
    official_13f_list = store_provider(core, memory_official_13f_list, sql_official_13f_list)
    official_13f_list_service = providers.Singleton(
        Official13FListService, official_13f_list, core.clock, core.audit
    )
    form13f = providers.Singleton(
        Form13FService, providers.Singleton(markets_wiring.securities, core.settings),
        providers.Singleton(markets_wiring.information_table_schema), portfolio.portfolios,
        core.compute_budget, core.clock, official_list=official_13f_list,
        uow_factory=core.uow_factory,
    )  # fmt: skip
    filing_reminders = store_provider(core, memory_filing_reminders, sql_filing_reminders)
    filing_calendar = providers.Singleton(
        markets_wiring.filing_calendar, filing_reminders, core.notification_center, core.clock
    )
    filing_reminder_loop = providers.Resource(
        serving_job, "filing_reminders", markets_wiring.send_due_reminders,
        filing_calendar.provider, core.settings.provided.markets.filing_reminder_seconds,
        core.process, core.job_leases,
    )  # fmt: skip

    # Fear & Greed from the VIX and put/call series, momentum and breadth from the feed,
    # social from the news sentiment; its daily history and recorder.
    fear_greed_store = store_provider(core, memory_fear_greed_store, sql_fear_greed_store)
    fear_greed = providers.Singleton(
        sentiment_wiring.fear_greed_service, core.settings,
        providers.Singleton(
            sentiment_wiring.fear_greed_series, core.settings, market_data.options_chain,
            market_data.iv_history, core.clock,
        ),
        market_data.market_feed, inference.served_sentiment, fear_greed_store, core.market,
        core.clock,
    )  # fmt: skip
    fear_greed_recorder = providers.Singleton(
        FearGreedRecorder, fear_greed, fear_greed_store, core.clock
    )
    fear_greed_recording = providers.Resource(
        serving_job, "fear_greed_record", sentiment_wiring.record_fear_greed,
        fear_greed_recorder.provider, core.settings.provided.fear_greed.record_seconds,
        core.process, core.job_leases,
    )  # fmt: skip
    # The HypeMeter over the social feed (none, a replayed file or a Kafka topic) and keywords.
    social = providers.Singleton(sentiment_wiring.social_port, core.settings, core.clock)
    social_feed = providers.Resource(
        sentiment_wiring.social_lifetime, core.settings, social.provider, core.process
    )
    hype = providers.Singleton(
        sentiment_wiring.hype_service, core.settings, social, core.clock,
        inference.served_keywords,
    )  # fmt: skip
