"""Market data: the failover feed and the quote pump onto the core's board, the quote board
shared between processes, the providers' report and watch, the market views, options
chains with their IV history, and the bar history store."""

from __future__ import annotations

from typing import TYPE_CHECKING

from dependency_injector import containers, providers

from application.market_data.bar_history import BarHistory
from application.market_data.fundamentals import FundamentalsService
from application.market_data.market import MarketService
from application.market_data.provider_watch import ProviderWatch
from application.market_data.providers import ProviderService
from application.market_data.quote_quality import QuoteQuality
from application.market_data.statements import StatementsService
from bootstrap import options as options_wiring
from bootstrap.book_sources import book_sources_lifetime, build_book_sources
from bootstrap.containers.stores import store_provider
from bootstrap.market_feed import build_market_feed, build_quote_pump, market_feed_lifetime
from bootstrap.periodic import serving_job
from bootstrap.quote_board import board_role, quote_board_lifetime

if TYPE_CHECKING:
    from pathlib import Path

    from sqlalchemy.ext.asyncio import AsyncEngine

    from adapters.memory.bar_store import InMemoryBarStore
    from adapters.memory.iv_history import InMemoryIVHistoryStore
    from adapters.parquet_bars.store import ParquetBarStore
    from adapters.postgres.bar_history import SqlBarHistoryStore
    from adapters.postgres.iv_history import SqlIVHistoryStore


def memory_iv_history() -> InMemoryIVHistoryStore:
    from adapters.memory.iv_history import InMemoryIVHistoryStore

    return InMemoryIVHistoryStore()


def sql_iv_history(engine: AsyncEngine) -> SqlIVHistoryStore:
    from adapters.postgres.iv_history import SqlIVHistoryStore

    return SqlIVHistoryStore(engine)


def parquet_bar_store(root: str | Path, *, threads: int) -> ParquetBarStore:
    from adapters.parquet_bars.store import ParquetBarStore

    return ParquetBarStore(root, threads=threads)


def sql_bar_history_store(engine: AsyncEngine) -> SqlBarHistoryStore:
    from adapters.postgres.bar_history import SqlBarHistoryStore

    return SqlBarHistoryStore(engine)


def in_memory_bar_store() -> InMemoryBarStore:
    from adapters.memory.bar_store import InMemoryBarStore

    return InMemoryBarStore()


class MarketDataContainer(containers.DeclarativeContainer):
    """Feeds and quotes, over the core it is given."""

    core = providers.DependenciesContainer()

    # The failover feed: the primary provider, then the fallbacks (bootstrap/market_feed.py).
    # A keyed vendor may read its key from the vault (resolved only when it does).
    market_feed = providers.Singleton(
        build_market_feed, core.settings, core.market, core.clock, core.key_vault.provider
    )
    # Another primary than synthetic: the pump copies the feed's quotes to `market` (None else).
    quote_pump = providers.Singleton(
        build_quote_pump, core.settings, market_feed, core.market, core.uow_factory, core.clock
    )
    board_role = providers.Callable(board_role, core.settings, core.process)
    market_feed_resource = providers.Resource(
        market_feed_lifetime,
        market_feed, core.settings, core.market, quote_pump,
        following=providers.Callable(lambda role: role == "follow", board_role),
    )  # fmt: skip
    # With Redis: this board published to the other processes, or theirs followed here.
    quote_board = providers.Resource(
        quote_board_lifetime, core.settings, core.process, core.market, core.clock
    )
    provider_service = providers.Singleton(
        ProviderService, market_feed, core.clock, core.audit, quote_pump
    )
    # The sources' consensus and quality grades, the cheapest fresh quote.
    quote_quality = providers.Singleton(
        QuoteQuality, market_feed, core.clock,
        costs=providers.Callable(lambda settings: settings.market_data.costs, core.settings),
    )  # fmt: skip
    provider_watch = providers.Singleton(
        ProviderWatch, market_feed, core.uow_factory, core.notifier
    )
    # The depth screens' books: the feed, or Databento's MBP-10 for US equities
    # (BULWARK_BOOKS_VENDOR; bootstrap/book_sources.py).
    book_sources = providers.Singleton(
        build_book_sources, core.settings, market_feed, core.clock, core.key_vault.provider
    )
    # Closes a Databento provider built for books alone, at shutdown.
    book_sources_resource = providers.Resource(book_sources_lifetime, book_sources, market_feed)
    market_service = providers.Singleton(
        MarketService,
        market_feed, core.clock, core.settings.provided.markets.market_cache_ttl_seconds,
        whale_z=core.settings.provided.markets.market_whale_z, books=book_sources,
    )  # fmt: skip

    # Options chain and IV history (bootstrap/options.py): the daily IV store, the chain view
    # with computed IVs and Greeks, IV rank, and the once-a-day IV recorder.
    iv_history = store_provider(core, memory_iv_history, sql_iv_history)
    # Key ratios through the feed: the first provider offering fundamentals answers.
    fundamentals = providers.Singleton(FundamentalsService, market_feed)
    # Financial statements through the feed, and the ratios computed from them.
    statements = providers.Singleton(StatementsService, market_feed)
    # The bar history store (docs/bar-store.md): Parquet files read by DuckDB, the database's
    # `market_bars` (shared deployments), or in memory.
    bar_store = providers.Selector(
        providers.Callable(lambda settings: settings.market_data.bars_store, core.settings),
        parquet=providers.Singleton(
            parquet_bar_store,
            core.settings.provided.market_data.bars_dir,
            threads=core.settings.provided.market_data.bars_threads,
        ),
        sql=providers.Singleton(sql_bar_history_store, core.engine),
        memory=providers.Singleton(in_memory_bar_store),
    )
    options_chain = providers.Singleton(
        options_wiring.options_chain, core.settings, market_feed, iv_history, core.clock,
        bar_store.provider,
    )  # fmt: skip
    iv_recorder = providers.Singleton(
        options_wiring.iv_recorder, core.settings, options_chain, iv_history, core.clock,
        core.market,
    )  # fmt: skip
    iv_recording = providers.Resource(
        serving_job, "iv_record", options_wiring.record_ivs, iv_recorder.provider,
        core.settings.provided.analytics.iv_record_seconds, core.process, core.job_leases,
    )  # fmt: skip

    bar_history = providers.Singleton(BarHistory, bar_store)
    # The providers' watch, in the one process that holds its lease.
    watches = providers.Dict(providers=provider_watch.provided.check)
