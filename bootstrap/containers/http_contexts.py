"""The API's contexts: each context's HTTP bundle, built from its container, and the list of
contexts the API's listener serves (adapters/http/contexts.py)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from dependency_injector import containers, providers

from bootstrap.containers import http
from bootstrap.containers import http_contexts_parts as parts
from bootstrap.settings import Settings
from bootstrap.settings.core import ALWAYS_SERVED
from domain.errors import CapabilityNotConfigured

if TYPE_CHECKING:
    from adapters.http.contexts import HttpContext


def _context(build: Callable[..., HttpContext], **services: Any) -> providers.Provider[HttpContext]:
    """A context of the API over its bundle of use cases: `build` imports the context's
    package only when the API's listener is built."""
    return providers.Singleton(build, **services)


def inference_served(settings: Settings) -> str:
    """With BULWARK_INFERENCE_ENABLED=false the inference routes answer 409
    CAPABILITY_NOT_CONFIGURED (`inference_off`)."""
    return "on" if settings.inference.enabled else "off"


def inference_off(settings: Settings) -> CapabilityNotConfigured:
    """What the inference routes answer where inference is turned off."""
    setting = settings.inference.var("enabled")
    return CapabilityNotConfigured(
        "model inference",
        (setting,),
        f"model inference is turned off on this instance: set {setting}=true",
    )


def served_contexts(chosen: tuple[str, ...], **contexts: providers.Provider[Any]) -> list[Any]:
    """The contexts this instance serves, in the given order: those BULWARK_SERVED_CONTEXTS
    names (all when it is empty; `health` and `core` always), built (None for one turned off).
    A context not chosen is never built."""
    wanted = [n for n in contexts if not chosen or n in chosen or n in ALWAYS_SERVED]
    built = (contexts[name]() for name in wanted)
    return [context for context in built if context is not None]


class HttpContextsContainer(containers.DeclarativeContainer):
    """One bundle per context the API serves, over the contexts' containers."""

    core = providers.DependenciesContainer()
    identity = providers.DependenciesContainer()
    devices = providers.DependenciesContainer()
    notifications = providers.DependenciesContainer()
    keys = providers.DependenciesContainer()
    surveillance = providers.DependenciesContainer()
    portfolio = providers.DependenciesContainer()
    markets = providers.DependenciesContainer()
    inference = providers.DependenciesContainer()
    analytics = providers.DependenciesContainer()
    strategies = providers.DependenciesContainer()
    review = providers.DependenciesContainer()
    wealth = providers.DependenciesContainer()
    trading = providers.DependenciesContainer()
    safety = providers.DependenciesContainer()
    events: providers.Dependency[Any] = (
        providers.Dependency()
    )  # the WebSocket hub (bootstrap/containers/application.py)
    idempotency: providers.Dependency[Any] = (
        providers.Dependency()
    )  # Idempotency-Key claims across instances
    market_data = providers.DependenciesContainer()
    model_signals = providers.DependenciesContainer()
    rebalancing = providers.DependenciesContainer()
    aggregation = providers.DependenciesContainer()

    # What every request reads at the edge, and what /ready and /api/status read.
    edge = providers.Singleton(
        parts.edge_services,
        clock=core.clock, auth=core.auth, api_keys=core.api_keys,
        rate_limiter=core.api_rate_limiter,
    )  # fmt: skip
    probes = providers.Singleton(
        http.readiness_probes,
        providers.Callable(http.store_probe, core.store_kind, core.engine.provider),
        core.kafka_link,
        providers.Selector(core.shared_kind, local=providers.Object(None), redis=core.redis_client),
    )
    settings_summary = providers.Singleton(http.summary, core.settings)

    health_context = providers.Singleton(
        parts.health_context,
        providers.Singleton(parts.health_services, core.clock, probes),
    )
    core_context = _context(
        parts.core_context,
        clock=core.clock, auth=core.auth, accounts=trading.accounts, events=events,
        probes=probes, settings_summary=settings_summary,
        streams=providers.Selector(
            core.kafka_kind, none=providers.Object(None), kafka=core.kafka_link.provided.monitor
        ),
        in_doubt=safety.in_doubt_watch, compute=core.compute, jobs=core.job_holdings,
        ops_alerts=providers.Singleton(
            parts.ops_alert_relay,
            core.uow_factory, core.notifier,
        ),
    )  # fmt: skip
    trading_context = _context(
        parts.trading_context,
        accounts=trading.accounts, orders=trading.orders, risk=trading.risk,
        account_admin=trading.account_admin, account_sync=trading.account_sync,
        instruments=trading.instruments, agents=safety.agents, api_keys=core.api_keys,
        margin=safety.margin, idempotency=idempotency, held_orders=trading.held_orders,
    )  # fmt: skip
    safety_context = _context(
        parts.safety_context,
        killswitch=safety.killswitch, succession=safety.succession,
        drill_faults=safety.drill_faults,
    )  # fmt: skip
    identity_context = _context(
        parts.identity_context,
        auth=core.auth, users=identity.user_admin, invitations=identity.invitations,
        password_resets=identity.password_resets, workspaces=identity.workspaces,
        kyc=identity.kyc,
    )  # fmt: skip
    devices_context = _context(
        parts.devices_context,
        devices=devices.devices, step_up=devices.step_up,
        cookie_days=core.settings.provided.devices.cookie_days,
    )  # fmt: skip
    notifications_context = _context(
        parts.notifications_context,
        inbox=notifications.notification_service, endpoints=notifications.notification_endpoints,
        role_defaults=notifications.notification_role_defaults,
        price_alerts=notifications.price_alert_service,
        web_push_key=core.settings.provided.channels.web_push_vapid_public_key,
    )  # fmt: skip
    keys_context = _context(
        parts.keys_context,
        clock=core.clock, key_rotations=keys.key_rotations, key_vault=core.key_vault,
        broker_credentials=providers.Singleton(
            parts.broker_credential_service,
            core.uow_factory, core.key_vault,
        ),
    )  # fmt: skip
    surveillance_context = _context(
        parts.surveillance_context, surveillance=surveillance.surveillance
    )
    audit_context = _context(parts.audit_context, audit_log=core.audit_log_service)
    portfolio_context = _context(
        parts.portfolio_context,
        clock=core.clock, portfolios=portfolio.portfolios, valuations=portfolio.valuations,
        tax=portfolio.tax, planning=portfolio.planning, alternatives=portfolio.alternatives,
        illiquid_assets=portfolio.illiquid_assets, giving=portfolio.giving,
        giving_suggestions=portfolio.giving_suggestions,
    )  # fmt: skip
    markets_context = _context(
        parts.markets_context,
        rates=markets.rates, futures=markets.futures, macro=markets.macro,
        insiders=markets.insiders, scenarios=markets.scenarios, form13f=markets.form13f,
        filing_calendar=markets.filing_calendar, fear_greed=markets.fear_greed, hype=markets.hype,
    )  # fmt: skip
    inference_context = providers.Selector(
        providers.Callable(inference_served, core.settings),
        on=_context(
            parts.inference_context,
            inference=inference.inference, ml_models=inference.ml_models,
            sentiment=inference.sentiment, keywords=inference.keywords,
        ),
        off=providers.Singleton(
            parts.inference_unconfigured,
            providers.Callable(inference_off, core.settings),
        ),
    )  # fmt: skip
    analytics_context = _context(
        parts.analytics_context,
        performance=analytics.performance, value_at_risk=analytics.value_at_risk,
        scenario_simulation=analytics.scenario_simulation,
        american_options=analytics.american_options, market_regime=analytics.market_regime,
        fixed_income=analytics.fixed_income, optimization=analytics.optimization,
        crypto=analytics.crypto, crypto_wallets=analytics.crypto_wallets, esg=analytics.esg,
        compute=core.compute, compute_budget=core.compute_budget,
    )  # fmt: skip

    strategies_context = _context(
        parts.strategies_context,
        strategies=strategies.strategies, strategy_processor=strategies.strategy_processor,
        backtests=strategies.backtests, signals=strategies.signals,
    )  # fmt: skip

    review_context = _context(
        parts.review_context, reviews=review.reviews, model_records=review.model_records
    )

    wealth_context = _context(
        parts.wealth_context,
        profiles=wealth.investor_profiles, retirement=wealth.retirement,
        estate_tax=wealth.estate_tax,
    )  # fmt: skip

    market_data_context = _context(
        parts.market_data_context,
        providers=market_data.provider_service, market=market_data.market_service,
        bar_history=market_data.bar_history, options_chain=market_data.options_chain,
        quote_quality=market_data.quote_quality,
        live_quotes=providers.Singleton(
            parts.live_quotes, core.market,
            core.settings.provided.market_data.ws_quotes_max_symbols,
            core.settings.provided.market_data.ws_quotes_flush_ms,
        ),
    )  # fmt: skip

    model_signals_context = _context(parts.model_signals_context, catalogue=model_signals.catalogue)

    rebalancing_context = _context(
        parts.rebalancing_context,
        rebalancing=rebalancing.service, limits=rebalancing.limits,
        attribution=rebalancing.attribution,
    )  # fmt: skip

    aggregation_context = _context(
        parts.aggregation_context,
        aggregation=aggregation.service, webhooks=aggregation.webhooks,
    )  # fmt: skip

    # The agents' MCP server at /mcp (streamable HTTP), its tools calling this app in process.
    mcp_context = providers.Singleton(
        parts.mcp_context,
        providers.Singleton(parts.streamable_http_endpoint),
    )

    calendars_context = _context(
        parts.calendars_context,
        sessions=providers.Singleton(
            parts.venue_sessions_query, core.calendar_sessions
        ),
    )  # fmt: skip

    # The operator console's pages (they read the other served contexts' bundles).
    console_context = providers.Singleton(parts.console_context)

    # What the API's listener mounts, each context with its own routes.
    served = providers.Callable(
        served_contexts,
        core.settings.provided.core.served_contexts,
        # Market data first: its bars name the Timeframe schema's default (1m) in the document.
        market_data=market_data_context.provider, health=health_context.provider,
        core=core_context.provider, trading=trading_context.provider,
        safety=safety_context.provider, identity=identity_context.provider,
        devices=devices_context.provider, notifications=notifications_context.provider,
        keys=keys_context.provider, surveillance=surveillance_context.provider,
        audit=audit_context.provider, portfolio=portfolio_context.provider,
        markets=markets_context.provider, inference=inference_context.provider,
        analytics=analytics_context.provider, strategies=strategies_context.provider,
        review=review_context.provider, wealth=wealth_context.provider,
        model_signals=model_signals_context.provider, rebalancing=rebalancing_context.provider,
        aggregation=aggregation_context.provider, mcp=mcp_context.provider,
        calendars=calendars_context.provider, console=console_context.provider,
    )  # fmt: skip
