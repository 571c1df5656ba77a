"""What the HTTP adapter needs from the core: the use cases, handed in by the composition root."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from adapters.http.events import EventHub
from application.account_admin import AccountAdmin
from application.account_sync import AccountSync
from application.accounts import AccountQueries
from application.agents import AgentService
from application.alternatives import AlternativesService
from application.american_options import AmericanOptionsService
from application.apikeys import ApiKeyService
from application.auth import AuthService
from application.backtests import BacktestService
from application.compute_budget import ComputeBudget
from application.crypto import CryptoAnalyticsService
from application.crypto_wallets import WalletBalanceService
from application.drill_faults import DrillFaultControl
from application.esg import EsgService
from application.fear_greed import FearGreedService
from application.filing_calendar import FilingCalendarService
from application.fixed_income import FixedIncomeService
from application.form13f import Form13FService
from application.futures import FuturesService
from application.giving import GivingService
from application.giving_suggestion import GivingSuggestionService
from application.hype import HypeService
from application.illiquid_assets import IlliquidAssetService
from application.in_doubt_watch import InDoubtWatch
from application.insiders import InsiderService
from application.instrument_catalog import InstrumentCatalog
from application.keywords import KeywordService
from application.killswitch import KillSwitchService
from application.macro import MacroService
from application.margin import MarginService
from application.market import MarketService
from application.market_regime import RegimeDetectionService
from application.ml_models import MlModelService
from application.optimization import OptimizationService
from application.options_chain import OptionsChainService
from application.orders import OrderService
from application.performance import PerformanceService
from application.planning import PlanningService
from application.portfolios import PortfolioService
from application.providers import ProviderService
from application.rates import RatesService
from application.risk import RiskService
from application.scenario_simulation import ScenarioSimulationService
from application.scenarios import ScenarioService
from application.sentiment import SentimentService
from application.signals import SignalService
from application.strategies import StrategyService
from application.strategy_processor import StrategyProcessor
from application.stream_monitor import StreamMonitorService
from application.succession import SuccessionService
from application.tax import TaxService
from application.valuations import ValuationService
from application.value_at_risk import ValueAtRiskService
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
    """The shared things every route reads (clock, auth, limits, events) and the use cases of
    the controllers not yet in a context of their own (adapters/http/contexts.py); built by
    bootstrap, never by the adapter."""

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
    performance: PerformanceService | None = None  # stored equity snapshots' analytics
    strategies: StrategyService | None = None  # the owners' strategies
    strategy_processor: StrategyProcessor | None = None  # agents' signals
    backtests: BacktestService | None = None  # strategies' backtests
    account_admin: AccountAdmin | None = None  # open, change, close accounts
    account_sync: AccountSync | None = None  # import an account's state from its broker
    instruments: InstrumentCatalog | None = None  # instrument reference data
    drill_faults: DrillFaultControl | None = None  # the paper broker's drill faults (admin)
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
    # /api/v1/analytics/fear-greed and /analytics/hype.
    fear_greed: FearGreedService | None = None
    hype: HypeService | None = None
    # Orders approved but never acknowledged by their broker, as the watch last left them.
    in_doubt: InDoubtWatch | None = None
