"""The trading context's routes: orders, accounts and their administration, instruments, risk
rules, margin, agents."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, TypeAlias

from litestar.connection import ASGIConnection
from litestar.di import NamedDependency
from litestar.types import ASGIApp, ControllerRouterHandler

from adapters.http.contexts import HttpContext, served_bundle
from adapters.http.problems import problems_with
from application.core.admission import OrderAdmission
from application.identity.apikeys import ApiKeyService
from application.safety.agents import AgentService
from application.safety.margin import MarginService
from application.trading.account_admin import AccountAdmin
from application.trading.account_sync import AccountSync
from application.trading.accounts import AccountQueries
from application.trading.attribution_export import AttributionExport
from application.trading.held_orders import HeldOrders
from application.trading.instrument_catalog import InstrumentCatalog
from application.trading.orders import OrderService
from application.trading.risk import RiskService
from ports.core.idempotency import IdempotencyStore

NAME = "trading"
# The problems every trading route documents; a route adds its own: `problems(404, ...)`.
problems = problems_with(401, 403)


@dataclass(frozen=True)
class TradingServices:
    """What the trading routes call."""

    accounts: AccountQueries
    orders: OrderService
    risk: RiskService
    account_admin: AccountAdmin  # open, change, close accounts
    account_sync: AccountSync  # import an account's state from its broker
    instruments: InstrumentCatalog  # instrument reference data
    agents: AgentService
    api_keys: ApiKeyService  # an agent's keys
    margin: MarginService
    held_orders: HeldOrders  # orders a HOLD rule held for a person: the queue, approve, reject
    attribution: AttributionExport  # the orders of a period with their attribution, exported
    # Idempotency-Key claims across instances; None: the orders table's unique key alone.
    idempotency: IdempotencyStore | None = None
    # This worker's admission to the order path (503 OVERLOADED past its bound); None: off.
    admission: OrderAdmission | None = None


TradingDep: TypeAlias = NamedDependency[TradingServices]


def trading_of(connection: ASGIConnection[Any, Any, Any, Any]) -> TradingServices:
    """The trading bundle, read from the request (the order path and the console's pages)."""
    services: TradingServices = served_bundle(connection, NAME)
    return services


def controllers(config: Any) -> Sequence[ControllerRouterHandler]:
    from adapters.http.trading import (
        account_admin,
        accounts,
        agents,
        attribution,
        held_orders,
        instruments,
        margin,
        orders,
        risk,
    )

    return [
        held_orders.HeldOrderController,  # before /orders/{order_id}: /orders/held is its own
        *attribution.CONTROLLERS,  # before /orders/{order_id} too: /orders/attribution
        orders.OrderController,
        *accounts.CONTROLLERS,
        *risk.CONTROLLERS,
        *margin.CONTROLLERS,
        *agents.CONTROLLERS,
        *account_admin.CONTROLLERS,
        *instruments.CONTROLLERS,
    ]


def context(services: TradingServices) -> HttpContext:
    """The trading routes over `services`; order submissions behind this worker's admission
    control when it has one (adapters/http/trading/admission.py)."""
    admission = services.admission
    if admission is None:
        return HttpContext(NAME, services, controllers)

    def admitting(app: ASGIApp) -> ASGIApp:
        from adapters.http.trading.admission import OrderAdmissionLayer

        return OrderAdmissionLayer(app, admission)

    return HttpContext(NAME, services, controllers, around_app=admitting)
