"""What the HTTP adapter needs from the core: the use cases, handed in by the composition root."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from adapters.http.events import EventHub
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
from application.core.audit_log import AuditLogService
from application.core.compute_budget import ComputeBudget
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
from application.market_data.market import MarketService
from application.market_data.options_chain import OptionsChainService
from application.market_data.providers import ProviderService
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
from application.notifications.api import NotificationService
from application.notifications.endpoints import NotificationEndpoints
from application.portfolio.alternatives import AlternativesService
from application.portfolio.giving import GivingService
from application.portfolio.giving_suggestion import GivingSuggestionService
from application.portfolio.illiquid_assets import IlliquidAssetService
from application.portfolio.planning import PlanningService
from application.portfolio.portfolios import PortfolioService
from application.portfolio.tax import TaxService
from application.portfolio.valuations import ValuationService
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
from application.trading.in_doubt_watch import InDoubtWatch
from application.trading.instrument_catalog import InstrumentCatalog
from application.trading.orders import OrderService
from application.trading.risk import RiskService
from ports.clock import Clock
from ports.compute import ComputePort
from ports.idempotency import IdempotencyStore
from ports.inference import InferencePort
from ports.ratelimit import RateLimiter

# Where the app keeps its HttpConfig in `app.state` (for handlers that read it directly).
HTTP_CONFIG_STATE_KEY = "http_config"
# A readiness probe: answers (ok, details) about one component.
Probe = Callable[[], Awaitable[tuple[bool, Mapping[str, Any]]]]


@dataclass(frozen=True)
class HttpConfig:
    """Limits and switches of the HTTP surface (from settings)."""

    version: str = "0.1.0"
    max_body_bytes: int = 1_048_576
    json_max_depth: int = 64
    json_max_string_bytes: int = 65_536
    login_rate_per_minute: int = 10
    refresh_rate_per_minute: int = 30
    kill_switch_rate_per_minute: int = 30
    api_rate_per_minute: int = 1200
    ws_ping_seconds: float = 20.0
    ws_queue_size: int = 1000
    docs_enabled: bool = True
    cors_origins: tuple[str, ...] = ()
    hsts_seconds: int = 31_536_000
    kyc_max_bytes: int = 10_485_760  # the KYC upload route's own body limit
    analytics_max_body_bytes: int = 67_108_864  # the options compute routes' own limit
    # /metrics: a bearer token a scrape must bring when set; hidden: 404 to all
    # (prod without a token: nothing about the desk is served by default).
    metrics_token: str | None = field(default=None, repr=False)
    metrics_hidden: bool = False


@dataclass
class ApiServices:
    """The use cases the controllers call; built by bootstrap, never by the adapter."""

    clock: Clock
    auth: AuthService
    api_keys: ApiKeyService
    accounts: AccountQueries
    orders: OrderService
    risk: RiskService
    killswitch: KillSwitchService
    agents: AgentService
    margin: MarginService
    succession: SuccessionService
    workspaces: WorkspaceService
    events: EventHub
    rate_limiter: RateLimiter
    probes: Mapping[str, Probe] = field(default_factory=dict)
    settings_summary: Mapping[str, Any] = field(default_factory=dict)
    streams: StreamMonitorService | None = None  # None when Kafka is not configured
    # Idempotency-Key claims across instances; None: the orders table's unique key alone.
    idempotency: IdempotencyStore | None = None
    signals: SignalService | None = None
    providers: ProviderService | None = None  # the market-data feed's report and failover
    market: MarketService | None = None  # depth of market, bars with indicators
    bar_history: BarHistory | None = None  # stored bar history (routes/bar_history.py)
    broker_credentials: BrokerCredentialService | None = None  # a view over the key vault
    key_vault: KeyVaultService | None = None  # the API-key vault (routes/key_vault.py)
    # User management, invitations and sign-up, password reset (routes/users.py).
    users: UserAdminService | None = None
    invitations: InvitationService | None = None
    password_resets: PasswordResetService | None = None
    performance: PerformanceService | None = None  # stored equity snapshots' analytics
    strategies: StrategyService | None = None  # the owners' strategies
    strategy_processor: StrategyProcessor | None = None  # agents' signals
    backtests: BacktestService | None = None  # strategies' backtests
    account_admin: AccountAdmin | None = None  # open, change, close accounts
    account_sync: AccountSync | None = None  # import an account's state from its broker
    instruments: InstrumentCatalog | None = None  # instrument reference data
    key_rotations: KeyRotationJobs | None = None  # KEK status and rotation (admin)
    drill_faults: DrillFaultControl | None = None  # the paper broker's drill faults (admin)
    # Users' webhook, Slack and Telegram endpoints (routes/notification_endpoints.py).
    notification_endpoints: NotificationEndpoints | None = None
    kyc: KycService | None = None  # KYC documents (routes/kyc.py)
    notifications: NotificationService | None = None  # inbox, preferences, deliveries
    audit_log: AuditLogService | None = None  # the hash-chained audit log
    # The quant kernels' backend (CPU or CUDA; /api/status shows it) and the budget
    # heavy requests run through (off the loop, bounded; 503 COMPUTE_BUSY / COMPUTE_TIME_BUDGET).
    compute: ComputePort | None = None
    compute_budget: ComputeBudget | None = None
    planning: PlanningService | None = None  # Monte Carlo, homeostasis, autopilot
    options_chain: OptionsChainService | None = None  # option chains, IV rank
    # POST /api/v1/risk/var and /risk/scenario-simulation.
    value_at_risk: ValueAtRiskService | None = None
    scenario_simulation: ScenarioSimulationService | None = None
    # POST /api/v1/analytics/options/american and /analytics/regime.
    american_options: AmericanOptionsService | None = None
    market_regime: RegimeDetectionService | None = None
    # The portfolio ledger's routes (routes/portfolios.py).
    portfolios: PortfolioService | None = None
    valuations: ValuationService | None = None  # daily valuation series and returns
    # /api/v1/tax lots, realized, wash sales, Form 8949, harvesting.
    tax: TaxService | None = None
    # POST /api/v1/analytics/fixed-income/bond and /ladder.
    fixed_income: FixedIncomeService | None = None
    rates: RatesService | None = None  # Treasury curve, inversions, FRED
    # POST /api/v1/analytics/optimization (docs/optimization.md).
    optimization: OptimizationService | None = None
    # /api/v1/planning/alternatives/* and /planning/illiquid-assets.
    alternatives: AlternativesService | None = None
    illiquid_assets: IlliquidAssetService | None = None
    # Futures and macro, insiders, scenarios and stress, 13F, filing calendar.
    futures: FuturesService | None = None
    macro: MacroService | None = None
    insiders: InsiderService | None = None
    scenarios: ScenarioService | None = None
    form13f: Form13FService | None = None
    filing_calendar: FilingCalendarService | None = None
    # /api/v1/ml/*, /api/v1/sentiment, the inference line of /api/status.
    inference: InferencePort | None = None
    ml_models: MlModelService | None = None
    sentiment: SentimentService | None = None
    keywords: KeywordService | None = None
    # /analytics/crypto, /analytics/esg, /planning/giving.
    crypto: CryptoAnalyticsService | None = None
    crypto_wallets: WalletBalanceService | None = None
    esg: EsgService | None = None
    giving: GivingService | None = None
    giving_suggestions: GivingSuggestionService | None = None
    # /api/v1/surveillance/alerts (routes/surveillance.py).
    surveillance: SurveillanceService | None = None
    # /api/v1/analytics/fear-greed and /analytics/hype.
    fear_greed: FearGreedService | None = None
    hype: HypeService | None = None
    # Orders approved but never acknowledged by their broker, as the watch last left them.
    in_doubt: InDoubtWatch | None = None
