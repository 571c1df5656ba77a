"""The console's routes: pages behind the cookie session, and the vendored static assets.

The console is a context of the app (`console` in BULWARK_SERVED_CONTEXTS): a process serving
only the API (agents and bots behind a load balancer, say) leaves it out, and neither mounts
its pages nor imports them."""

from __future__ import annotations

from typing import Any

from litestar.datastructures import CacheControlHeader
from litestar.middleware import DefineMiddleware
from litestar.static_files import create_static_files_router

from adapters.http.console.accounts_page import AccountsPageController
from adapters.http.console.aggregation_page import AggregationPageController
from adapters.http.console.attribution_page import AttributionPageController
from adapters.http.console.audit_page import AuditPageController
from adapters.http.console.backtests_page import BacktestsPageController
from adapters.http.console.books_page import BooksPageController
from adapters.http.console.chart_page import ChartPageController
from adapters.http.console.compliance_page import CompliancePageController
from adapters.http.console.connections_page import ConnectionsPageController
from adapters.http.console.crypto_page import CryptoPageController
from adapters.http.console.desk_agents import AgentsDeskController
from adapters.http.console.desk_providers import ProvidersDeskController
from adapters.http.console.desk_risk import RiskDeskController
from adapters.http.console.desk_signals import SignalsDeskController
from adapters.http.console.desk_streams import StreamsDeskController
from adapters.http.console.desk_succession import SuccessionDeskController
from adapters.http.console.devices_page import DevicesPageController
from adapters.http.console.drills_page import DrillsPageController
from adapters.http.console.errors import CONSOLE_EXCEPTION_HANDLERS
from adapters.http.console.esg_page import EsgPageController
from adapters.http.console.events_page import EventsPageController
from adapters.http.console.evidence_page import EvidencePageController
from adapters.http.console.fear_greed_page import FearGreedPageController
from adapters.http.console.fixed_income_page import FixedIncomePageController
from adapters.http.console.form13f_page import Form13FPageController
from adapters.http.console.frontier_page import FrontierPageController
from adapters.http.console.futures_page import FuturesPageController
from adapters.http.console.giving_page import GivingPageController
from adapters.http.console.held_page import HeldPageController
from adapters.http.console.hype_page import HypePageController
from adapters.http.console.illiquid_assets_page import IlliquidAssetsPageController
from adapters.http.console.killswitch import KillSwitchPageController
from adapters.http.console.kyc_page import KycPageController, upload_controller
from adapters.http.console.login import ConsoleLoginController
from adapters.http.console.macro_page import MacroPageController
from adapters.http.console.models_page import ModelsPageController
from adapters.http.console.not_found import not_found_route
from adapters.http.console.notifications_page import NotificationsPageController
from adapters.http.console.oauth_consent import OAuthConsentController
from adapters.http.console.options_page import OptionsPageController
from adapters.http.console.orders_page import OrdersPageController
from adapters.http.console.overview import OverviewController
from adapters.http.console.performance_page import PerformancePageController
from adapters.http.console.planning_page import PlanningPageController
from adapters.http.console.portfolios_page import PortfoliosPageController
from adapters.http.console.push import ConsolePushController
from adapters.http.console.rates_page import RatesPageController
from adapters.http.console.rebalancing_page import RebalancingPageController
from adapters.http.console.retirement_page import RetirementPageController
from adapters.http.console.risk_new import RiskRuleNewController
from adapters.http.console.session import ConsoleSessionMiddleware
from adapters.http.console.simulation_page import SimulationPageController
from adapters.http.console.stress_page import StressPageController
from adapters.http.console.surveillance_page import SurveillancePageController
from adapters.http.console.tax_harvesting_page import TaxHarvestingPageController
from adapters.http.console.templating import STATIC
from adapters.http.console.vault_page import VaultPageController
from adapters.http.console.wealth_page import WealthPageController
from adapters.http.contexts import HttpContext
from adapters.http.routing import AppRouter

# Page controllers, each under /console (a page module adds its controllers here).
CONTROLLERS: list[type] = [
    ConsoleLoginController,
    OverviewController,
    EventsPageController,
    AccountsPageController,
    ConnectionsPageController,
    BooksPageController,
    OrdersPageController,
    HeldPageController,
    KillSwitchPageController,
    DrillsPageController,
    RiskDeskController,
    RiskRuleNewController,
    AgentsDeskController,
    ProvidersDeskController,
    ChartPageController,
    StreamsDeskController,
    SignalsDeskController,
    SuccessionDeskController,
    OptionsPageController,
    PlanningPageController,
    ModelsPageController,
    ConsolePushController,
    NotificationsPageController,
    DevicesPageController,
    VaultPageController,
    PortfoliosPageController,
    BacktestsPageController,
    SurveillancePageController,
    CompliancePageController,
    EvidencePageController,
    FearGreedPageController,
    WealthPageController,
    RebalancingPageController,
    AggregationPageController,
    CryptoPageController,
    EsgPageController,
    GivingPageController,
    KycPageController,
    PerformancePageController,
    HypePageController,
    AttributionPageController,
    FixedIncomePageController,
    FrontierPageController,
    RetirementPageController,
    StressPageController,
    SimulationPageController,
    TaxHarvestingPageController,
    IlliquidAssetsPageController,
    AuditPageController,
    RatesPageController,
    FuturesPageController,
    Form13FPageController,
    MacroPageController,
    OAuthConsentController,
]
# The KYC upload's own body limit (BULWARK_KYC_MAX_BYTES, as the API's upload route).
DEFAULT_KYC_MAX_BYTES = 10_485_760


def console_routers(kyc_max_bytes: int = DEFAULT_KYC_MAX_BYTES) -> list[Any]:
    """The /console pages (cookie session, CSRF, HTML errors) and /console/static; the KYC
    upload takes files up to `kyc_max_bytes`."""
    pages = AppRouter(
        "/console",
        route_handlers=[*CONTROLLERS, upload_controller(kyc_max_bytes)],
        middleware=[DefineMiddleware(ConsoleSessionMiddleware)],
        exception_handlers=CONSOLE_EXCEPTION_HANDLERS,
        include_in_schema=False,
    )
    # Last: an HTML 404 wherever a console path goes astray (see not_found.py).
    pages.register(not_found_route([r.path for r in pages.routes]))
    static = create_static_files_router(
        path="/console/static",
        directories=[STATIC],
        cache_control=CacheControlHeader(max_age=300),
        include_in_schema=False,
    )
    return [pages, static]


NAME = "console"


def context() -> HttpContext:
    """The console as a context of the app: its routers mounted as they are, outside the
    OpenAPI document; its pages read the bundles of the other contexts the app serves."""

    def routers(config: Any) -> list[Any]:
        return console_routers(config.kyc_max_bytes)

    return HttpContext(NAME, None, lambda _config: (), documented=False, own_routers=routers)
