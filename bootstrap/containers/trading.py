"""Trading and the gate: the order service, the pre-trade risk checks, each account's risk
book and equity history, accounts and instruments through the API and CLI."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from dependency_injector import containers, providers

from application.model_records.recorder import PredictionRecorder
from application.trading.account_admin import AccountAdmin
from application.trading.account_openings import AccountOpenings
from application.trading.account_sync import AccountSync
from application.trading.accounts import AccountQueries
from application.trading.attribution_export import AttributionExport
from application.trading.held_orders import HeldOrders
from application.trading.instrument_catalog import InstrumentCatalog
from application.trading.order_audit import OrderAuditTrail
from application.trading.order_booking import OrderDispatch
from application.trading.order_gate import OrderGate
from application.trading.order_journal import OrderJournal
from application.trading.orders import OrderService
from application.trading.risk import RiskService
from application.trading.risk_books import RiskBooks
from application.trading.rule_guards import RuleGuards
from application.trading.trading_state_cache import TradingStateCache
from bootstrap.containers.safety import in_doubt_grace, order_hold_ttl
from bootstrap.containers.stores import store_provider
from bootstrap.crash_rehearsal import rehearsing_store
from bootstrap.order_audit import order_audit_lifetime
from bootstrap.reference_data import asset_directory, brokers_off, routed_brokers
from bootstrap.settings import Settings
from domain.killswitch.switch import EmergencyHalt, TradingStateChanged
from ports.core.clock import Clock

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncEngine

    from adapters.memory.equity import InMemoryEquityHistory
    from adapters.postgres.equity import SqlEquityHistory


def trading_state_cache(clock: Clock, bus: Any, settings: Settings) -> TradingStateCache | None:
    """The order path's cache of trading states on a SQL store (None when set to 0 ms).

    This process's own changes evict at once through the bus; the cluster's broadcast adds
    every other instance's (bootstrap/cluster.py). The memory store needs none: its reads are
    in-process already."""
    max_ms = settings.safety.trading_state_cache_ms
    if max_ms <= 0:
        return None
    cache = TradingStateCache(clock, max_ms / 1000)
    for kind in (TradingStateChanged, EmergencyHalt):
        bus.subscribe(kind, cache.heard)
    return cache


def memory_equity_history() -> InMemoryEquityHistory:
    from adapters.memory.equity import InMemoryEquityHistory

    return InMemoryEquityHistory()


def sql_equity_history(engine: AsyncEngine) -> SqlEquityHistory:
    from adapters.postgres.equity import SqlEquityHistory

    return SqlEquityHistory(engine)


class TradingContainer(containers.DeclarativeContainer):
    """Orders and the gate, over the core, the inference (the risk rater) and the market data
    (the bar history store, for the held positions' correlation) it is given."""

    core = providers.DependenciesContainer()
    inference = providers.DependenciesContainer()
    market_data = providers.DependenciesContainer()
    connections = providers.DependenciesContainer()

    # Each account's aggregate and risk view, held between orders
    # (application/trading/risk_books.py).
    risk_books = providers.Singleton(RiskBooks, core.quotes, core.market)
    # The scopes' trading states the order path reads, kept at most
    # BULWARK_TRADING_STATE_CACHE_MS (application/trading/trading_state_cache.py).
    trading_states = providers.Selector(
        core.store_kind,
        memory=providers.Object(None),
        sql=providers.Singleton(trading_state_cache, core.clock, core.bus, core.settings),
    )
    # The order path's stages (application/trading/orders.py): gate -> journal -> dispatch.
    # Tests only: a crash before the decisions are stored (bootstrap/crash_rehearsal.py).
    orders_store = providers.Singleton(
        rehearsing_store, core.settings.provided.core.env, core.uow_factory
    )
    order_gate = providers.Singleton(
        OrderGate,
        core.policies, core.quotes, core.clock,
        latch=core.latch, books=risk_books, states=trading_states, throttle=core.throttle,
        checks=core.gate_checks,
        max_order_notional=providers.Callable(
            lambda s: Decimal(s.http.max_order_notional), core.settings
        ),
        meter=core.meter, tracer=core.tracing.provided.tracer,
    )  # fmt: skip
    # Each placed order's `order.placed` audit entry, journaled with its decision and chained
    # off the order path in turns (application/trading/order_audit.py); what an earlier run
    # left is chained at start, what is journaled at a stop.
    order_audit = providers.Singleton(OrderAuditTrail, core.order_journal_projection)
    order_audit_writing = providers.Resource(order_audit_lifetime, order_audit, core.database)
    order_journal = providers.Singleton(
        OrderJournal,
        core.ids, core.clock, core.publisher,
        hold_ttl=providers.Callable(order_hold_ttl, core.settings),
        tracer=core.tracing.provided.tracer, audit=order_audit,
    )  # fmt: skip
    order_dispatch = providers.Singleton(
        OrderDispatch,
        orders_store, core.brokers, core.publisher, core.clock, core.locks,
        latch=core.latch, books=risk_books, tracer=core.tracing.provided.tracer,
        in_doubt_grace=providers.Callable(in_doubt_grace, core.settings),
    )  # fmt: skip
    orders = providers.Singleton(
        OrderService, orders_store, core.locks, order_gate, order_journal, order_dispatch
    )
    # Orders a HOLD rule held for a person: the queue, approve, reject.
    held_orders = providers.Singleton(
        HeldOrders, core.uow_factory, orders, core.clock, core.audit, core.publisher,
        approvals_required=providers.Callable(
            lambda s: s.safety.held_orders_approvals, core.settings
        ),
    )  # fmt: skip
    # Daily equity snapshots (analytics) and the risk checks' drawdown read them.
    equity_history = store_provider(core, memory_equity_history, sql_equity_history)
    # Every model's predictions (docs/ai-review.md): the risk rater's here, the reviewer's too,
    # one store with the sentiment's and the signal models' (the inference context's).
    prediction_store = inference.prediction_store
    prediction_recorder = providers.Singleton(
        PredictionRecorder, prediction_store, core.clock, core.ids
    )
    # What other contexts add: checks before a rule changes or goes, steps of opening an account
    # (live trading's required and default limits: bootstrap/containers/live_trading.py).
    rule_guards = providers.Singleton(RuleGuards)
    account_openings = providers.Singleton(AccountOpenings)
    risk = providers.Singleton(
        RiskService,
        core.uow_factory, core.quotes, core.clock, core.ids, core.policies, core.audit,
        inference.risk_rater, orders,
        equity_history=equity_history, trade_context=inference.trade_context,
        predictions=prediction_recorder, bars=market_data.bar_store.provider,
        states=trading_states, guards=rule_guards,
    )  # fmt: skip
    accounts = providers.Singleton(AccountQueries, core.uow_factory, core.quotes)
    # The orders of a period with their attribution (API and `bulwark orders export`).
    attribution_export = providers.Singleton(
        AttributionExport, core.uow_factory, core.audit, core.clock
    )
    account_admin = providers.Singleton(
        AccountAdmin,
        core.uow_factory, core.clock, core.ids, core.audit, core.locks,
        providers.Callable(routed_brokers, core.brokers),
        books=risk_books, open_paper=core.paper_broker.provided.seed_account,
        brokers_off=providers.Callable(brokers_off, core.settings),
        connections=connections.service.provided.routable, openings=account_openings,
    )  # fmt: skip
    account_sync = providers.Singleton(
        AccountSync,
        core.uow_factory, core.brokers, core.clock, core.ids, core.audit, core.locks,
        books=risk_books, publisher=core.publisher, in_doubt=orders,
    )  # fmt: skip
    instruments = providers.Singleton(
        InstrumentCatalog,
        core.uow_factory, core.clock, core.audit,
        providers.Singleton(asset_directory, core.settings, core.clock, core.key_vault),
    )  # fmt: skip
    # Called when `bulwark consume` gives Kafka partitions up (a rebalance, a stop): accounts
    # keyed to them may be decided by another process until they come back, so what this
    # process holds of them in memory (accounts and their risk books) is dropped and read
    # again from the store on next use (the version check would catch a stale copy anyway).
    on_accounts_released = providers.Callable(lambda books: books.forget_all, risk_books)
    # Lapsed holds released, once a minute, in the one process that holds its lease.
    watches = providers.Dict(held_orders=held_orders.provided.sweep)
