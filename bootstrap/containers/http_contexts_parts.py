"""What the API's contexts are built with: each factory imports its HTTP package (and the
libraries it loads) only when the API's listener builds that context, so a command that
builds a container without the API never pays for them."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Mapping
    from typing import Any

    from adapters.http.contexts import HttpContext
    from adapters.http.core import EdgeServices, HealthServices
    from adapters.http.events import EventHub
    from adapters.http.mcp import McpEndpoint
    from adapters.http.services import Probe
    from adapters.mcp.http_endpoint import StreamableHttpEndpoint
    from application.aggregation.service import AggregationService
    from application.aggregation.webhooks import AggregationWebhooks
    from application.analytics.american_options import AmericanOptionsService
    from application.analytics.crypto import CryptoAnalyticsService
    from application.analytics.crypto_wallets import WalletBalanceService
    from application.analytics.esg import EsgService
    from application.analytics.fixed_income import FixedIncomeService
    from application.analytics.market_regime import RegimeDetectionService
    from application.analytics.optimization import OptimizationService
    from application.analytics.performance import PerformanceService
    from application.analytics.scenario_simulation import ScenarioSimulationService
    from application.analytics.value_at_risk import ValueAtRiskService
    from application.calendars.sessions import VenueSessionsQuery
    from application.core.audit_log import AuditLogService
    from application.core.compute_budget import ComputeBudget
    from application.devices.service import DeviceService
    from application.devices.step_up import StepUp
    from application.identity.apikeys import ApiKeyService
    from application.identity.auth import AuthService
    from application.identity.invitations import InvitationService
    from application.identity.kyc import KycService
    from application.identity.password_reset import PasswordResetService
    from application.identity.user_admin import UserAdminService
    from application.identity.workspaces import WorkspaceService
    from application.inference.keywords import KeywordService
    from application.inference.ml_models import MlModelService
    from application.inference.sentiment import SentimentService
    from application.keys.broker_credentials import BrokerCredentialService
    from application.keys.rotation_jobs import KeyRotationJobs
    from application.keys.vault import KeyVaultService
    from application.market_data.bar_history import BarHistory
    from application.market_data.live_quotes import LiveQuotes
    from application.market_data.market import MarketService
    from application.market_data.options_chain import OptionsChainService
    from application.market_data.providers import ProviderService
    from application.market_data.quote_quality import QuoteQuality
    from application.market_data.stream_monitor import StreamMonitorService
    from application.markets.fear_greed import FearGreedService
    from application.markets.filing_calendar import FilingCalendarService
    from application.markets.form13f import Form13FService
    from application.markets.futures import FuturesService
    from application.markets.hype import HypeService
    from application.markets.insiders import InsiderService
    from application.markets.macro import MacroService
    from application.markets.rates import RatesService
    from application.markets.scenarios import ScenarioService
    from application.model_records.record import ModelRecords
    from application.model_signals.catalogue import SignalModelCatalogue
    from application.notifications.api import NotificationService
    from application.notifications.endpoints import NotificationEndpoints
    from application.notifications.ops_alerts import OpsAlertRelay
    from application.notifications.role_defaults import RoleDefaults
    from application.portfolio.alternatives import AlternativesService
    from application.portfolio.giving import GivingService
    from application.portfolio.giving_suggestion import GivingSuggestionService
    from application.portfolio.illiquid_assets import IlliquidAssetService
    from application.portfolio.planning import PlanningService
    from application.portfolio.portfolios import PortfolioService
    from application.portfolio.tax import TaxService
    from application.portfolio.valuations import ValuationService
    from application.price_alerts.service import PriceAlerts
    from application.rebalancing.attribution import StoredAttributionService
    from application.rebalancing.limits import AutopilotLimitsService
    from application.rebalancing.service import RebalancingService
    from application.review.service import ReviewService
    from application.safety.agents import AgentService
    from application.safety.drill_faults import DrillFaultControl
    from application.safety.killswitch import KillSwitchService
    from application.safety.margin import MarginService
    from application.safety.succession import SuccessionService
    from application.strategies.backtests import BacktestService
    from application.strategies.service import StrategyService
    from application.strategies.signals import SignalService
    from application.strategies.strategy_processor import StrategyProcessor
    from application.surveillance.alerts import SurveillanceService
    from application.trading.account_admin import AccountAdmin
    from application.trading.account_sync import AccountSync
    from application.trading.accounts import AccountQueries
    from application.trading.held_orders import HeldOrders
    from application.trading.in_doubt_watch import InDoubtWatch
    from application.trading.instrument_catalog import InstrumentCatalog
    from application.trading.orders import OrderService
    from application.trading.risk import RiskService
    from application.wealth.estate import EstateTaxService
    from application.wealth.profiles import InvestorProfileService
    from application.wealth.retirement import RetirementService
    from domain.errors import CapabilityNotConfigured
    from ports.calendars import SessionSource
    from ports.core.clock import Clock
    from ports.core.compute import ComputePort
    from ports.core.events import Notifier
    from ports.core.idempotency import IdempotencyStore
    from ports.core.leases import JobLeaseStatus
    from ports.core.ratelimit import RateLimiter
    from ports.core.unit_of_work import UnitOfWorkFactory
    from ports.inference.inference import InferencePort
    from ports.market_data.marketdata import MarkBoard


def core_context(
    *,
    clock: Clock,
    auth: AuthService,
    accounts: AccountQueries,
    events: EventHub,
    probes: Mapping[str, Probe],
    settings_summary: Mapping[str, Any],
    streams: StreamMonitorService | None,
    in_doubt: InDoubtWatch,
    compute: ComputePort,
    jobs: JobLeaseStatus | None,
    ops_alerts: OpsAlertRelay | None,
) -> HttpContext:
    from adapters.http.core import CoreServices, context

    return context(
        CoreServices(
            clock=clock,
            auth=auth,
            accounts=accounts,
            events=events,
            probes=probes,
            settings_summary=settings_summary,
            streams=streams,
            in_doubt=in_doubt,
            compute=compute,
            jobs=jobs,
            ops_alerts=ops_alerts,
        )
    )


def trading_context(
    *,
    accounts: AccountQueries,
    orders: OrderService,
    risk: RiskService,
    account_admin: AccountAdmin,
    account_sync: AccountSync,
    instruments: InstrumentCatalog,
    agents: AgentService,
    api_keys: ApiKeyService,
    margin: MarginService,
    idempotency: IdempotencyStore | None,
    held_orders: HeldOrders,
) -> HttpContext:
    from adapters.http.trading import TradingServices, context

    return context(
        TradingServices(
            accounts=accounts,
            orders=orders,
            risk=risk,
            account_admin=account_admin,
            account_sync=account_sync,
            instruments=instruments,
            agents=agents,
            api_keys=api_keys,
            margin=margin,
            idempotency=idempotency,
            held_orders=held_orders,
        )
    )


def safety_context(
    *, killswitch: KillSwitchService, succession: SuccessionService, drill_faults: DrillFaultControl
) -> HttpContext:
    from adapters.http.safety import SafetyServices, context

    return context(
        SafetyServices(killswitch=killswitch, succession=succession, drill_faults=drill_faults)
    )


def identity_context(
    *,
    auth: AuthService,
    users: UserAdminService,
    invitations: InvitationService,
    password_resets: PasswordResetService,
    workspaces: WorkspaceService,
    kyc: KycService,
) -> HttpContext:
    from adapters.http.identity import IdentityServices, context

    return context(
        IdentityServices(
            auth=auth,
            users=users,
            invitations=invitations,
            password_resets=password_resets,
            workspaces=workspaces,
            kyc=kyc,
        )
    )


def devices_context(*, devices: DeviceService, step_up: StepUp, cookie_days: int) -> HttpContext:
    from adapters.http.devices import DevicesServices, context

    return context(DevicesServices(devices=devices, step_up=step_up, cookie_days=cookie_days))


def notifications_context(
    *,
    inbox: NotificationService,
    endpoints: NotificationEndpoints,
    role_defaults: RoleDefaults,
    price_alerts: PriceAlerts,
    web_push_key: str | None,
) -> HttpContext:
    from adapters.http.notifications import NotificationsServices, context

    return context(
        NotificationsServices(
            inbox=inbox,
            endpoints=endpoints,
            role_defaults=role_defaults,
            price_alerts=price_alerts,
            web_push_key=web_push_key,
        )
    )


def keys_context(
    *,
    clock: Clock,
    key_rotations: KeyRotationJobs,
    key_vault: KeyVaultService,
    broker_credentials: BrokerCredentialService,
) -> HttpContext:
    from adapters.http.keys import KeysServices, context

    return context(
        KeysServices(
            clock=clock,
            key_rotations=key_rotations,
            key_vault=key_vault,
            broker_credentials=broker_credentials,
        )
    )


def surveillance_context(*, surveillance: SurveillanceService) -> HttpContext:
    from adapters.http.surveillance import SurveillanceServices, context

    return context(SurveillanceServices(surveillance=surveillance))


def audit_context(*, audit_log: AuditLogService) -> HttpContext:
    from adapters.http.audit import AuditServices, context

    return context(AuditServices(audit_log=audit_log))


def portfolio_context(
    *,
    clock: Clock,
    portfolios: PortfolioService,
    valuations: ValuationService,
    tax: TaxService,
    planning: PlanningService,
    alternatives: AlternativesService,
    illiquid_assets: IlliquidAssetService,
    giving: GivingService,
    giving_suggestions: GivingSuggestionService,
) -> HttpContext:
    from adapters.http.portfolio import PortfolioServices, context

    return context(
        PortfolioServices(
            clock=clock,
            portfolios=portfolios,
            valuations=valuations,
            tax=tax,
            planning=planning,
            alternatives=alternatives,
            illiquid_assets=illiquid_assets,
            giving=giving,
            giving_suggestions=giving_suggestions,
        )
    )


def markets_context(
    *,
    rates: RatesService,
    futures: FuturesService,
    macro: MacroService,
    insiders: InsiderService,
    scenarios: ScenarioService,
    form13f: Form13FService,
    filing_calendar: FilingCalendarService,
    fear_greed: FearGreedService,
    hype: HypeService,
) -> HttpContext:
    from adapters.http.markets import MarketsServices, context

    return context(
        MarketsServices(
            rates=rates,
            futures=futures,
            macro=macro,
            insiders=insiders,
            scenarios=scenarios,
            form13f=form13f,
            filing_calendar=filing_calendar,
            fear_greed=fear_greed,
            hype=hype,
        )
    )


def analytics_context(
    *,
    performance: PerformanceService,
    value_at_risk: ValueAtRiskService,
    scenario_simulation: ScenarioSimulationService,
    american_options: AmericanOptionsService,
    market_regime: RegimeDetectionService,
    fixed_income: FixedIncomeService,
    optimization: OptimizationService,
    crypto: CryptoAnalyticsService,
    crypto_wallets: WalletBalanceService,
    esg: EsgService,
    compute: ComputePort,
    compute_budget: ComputeBudget,
) -> HttpContext:
    from adapters.http.analytics import AnalyticsServices, context

    return context(
        AnalyticsServices(
            performance=performance,
            value_at_risk=value_at_risk,
            scenario_simulation=scenario_simulation,
            american_options=american_options,
            market_regime=market_regime,
            fixed_income=fixed_income,
            optimization=optimization,
            crypto=crypto,
            crypto_wallets=crypto_wallets,
            esg=esg,
            compute=compute,
            compute_budget=compute_budget,
        )
    )


def strategies_context(
    *,
    strategies: StrategyService,
    strategy_processor: StrategyProcessor,
    backtests: BacktestService,
    signals: SignalService,
) -> HttpContext:
    from adapters.http.strategies import StrategiesServices, context

    return context(
        StrategiesServices(
            strategies=strategies,
            strategy_processor=strategy_processor,
            backtests=backtests,
            signals=signals,
        )
    )


def review_context(*, reviews: ReviewService, model_records: ModelRecords) -> HttpContext:
    from adapters.http.review import ReviewServices, context

    return context(ReviewServices(reviews=reviews, model_records=model_records))


def wealth_context(
    *, profiles: InvestorProfileService, retirement: RetirementService, estate_tax: EstateTaxService
) -> HttpContext:
    from adapters.http.wealth import WealthServices, context

    return context(WealthServices(profiles=profiles, retirement=retirement, estate_tax=estate_tax))


def market_data_context(
    *,
    providers: ProviderService | None,
    market: MarketService | None,
    bar_history: BarHistory | None,
    options_chain: OptionsChainService | None,
    quote_quality: QuoteQuality | None,
    live_quotes: LiveQuotes | None,
) -> HttpContext:
    from adapters.http.market_data import MarketDataServices, context

    return context(
        MarketDataServices(
            providers=providers,
            market=market,
            bar_history=bar_history,
            options_chain=options_chain,
            quote_quality=quote_quality,
            live_quotes=live_quotes,
        )
    )


def model_signals_context(*, catalogue: SignalModelCatalogue) -> HttpContext:
    from adapters.http.model_signals import ModelSignalsServices, context

    return context(ModelSignalsServices(catalogue=catalogue))


def rebalancing_context(
    *,
    rebalancing: RebalancingService,
    limits: AutopilotLimitsService,
    attribution: StoredAttributionService,
) -> HttpContext:
    from adapters.http.rebalancing import RebalancingServices, context

    return context(
        RebalancingServices(rebalancing=rebalancing, limits=limits, attribution=attribution)
    )


def aggregation_context(
    *, aggregation: AggregationService, webhooks: AggregationWebhooks
) -> HttpContext:
    from adapters.http.aggregation import AggregationServices, context

    return context(AggregationServices(aggregation=aggregation, webhooks=webhooks))


def calendars_context(*, sessions: VenueSessionsQuery) -> HttpContext:
    from adapters.http.calendars import CalendarsServices, context

    return context(CalendarsServices(sessions=sessions))


def edge_services(
    clock: Clock, auth: AuthService, api_keys: ApiKeyService, rate_limiter: RateLimiter
) -> EdgeServices:
    from adapters.http.core import EdgeServices

    return EdgeServices(clock=clock, auth=auth, api_keys=api_keys, rate_limiter=rate_limiter)


def health_context(services: HealthServices) -> HttpContext:
    from adapters.http.core import health_context as build

    return build(services)


def mcp_context(endpoint: McpEndpoint) -> HttpContext:
    from adapters.http.mcp import context as build

    return build(endpoint)


def health_services(clock: Clock, probes: Mapping[str, Probe]) -> HealthServices:
    from adapters.http.core import HealthServices

    return HealthServices(clock, probes)


def inference_context(
    *,
    inference: InferencePort,
    ml_models: MlModelService,
    sentiment: SentimentService,
    keywords: KeywordService,
) -> HttpContext:
    from adapters.http.inference import InferenceServices, context

    return context(
        InferenceServices(
            inference=inference, ml_models=ml_models, sentiment=sentiment, keywords=keywords
        )
    )


def streamable_http_endpoint() -> StreamableHttpEndpoint:
    from adapters.mcp.http_endpoint import StreamableHttpEndpoint

    return StreamableHttpEndpoint()


def ops_alert_relay(uow_factory: UnitOfWorkFactory, notifier: Notifier) -> OpsAlertRelay:
    from application.notifications.ops_alerts import OpsAlertRelay

    return OpsAlertRelay(uow_factory, notifier)


def broker_credential_service(
    uow_factory: UnitOfWorkFactory, vault: KeyVaultService
) -> BrokerCredentialService:
    from application.keys.broker_credentials import BrokerCredentialService

    return BrokerCredentialService(uow_factory, vault)


def inference_unconfigured(missing: CapabilityNotConfigured) -> HttpContext:
    from adapters.http.inference import unconfigured as build

    return build(missing)


def live_quotes(board: MarkBoard, max_symbols: int, flush_ms: float) -> LiveQuotes:
    from adapters.http.market_data.quotes_socket import live_quotes as build

    return build(board, max_symbols, flush_ms)


def venue_sessions_query(source: SessionSource) -> VenueSessionsQuery:
    from application.calendars.sessions import VenueSessionsQuery

    return VenueSessionsQuery(source)


def console_context() -> HttpContext:
    """The operator console's pages, imported only by a process that serves them."""
    from adapters.http.console.app import context

    return context()
