"""What the overview gathers: trading states, per-account orders, P&L and margin, and alerts.

Every figure comes from the application services the API routes call, with the caller's
principal (an owner sees their own accounts only). The market-data feed's report is for
everyone (as GET /api/v1/providers); the Kafka streams are a desk matter (their API route is
for risk officers and admins): only the desk sees their alerts here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from adapters.http.core import CoreServices
from adapters.http.safety import SafetyServices
from adapters.http.trading import TradingServices
from application.market_data.providers import ProviderService
from application.safety.margin import DEFAULT_WARNING_BUFFER
from application.trading.accounts import AccountView
from domain.errors import DomainError
from domain.killswitch.state import TradingState
from domain.killswitch.switch import ScopeState
from domain.market_data.breaker import BreakerState
from domain.principals import Principal

# The desk's view of a firm with many accounts stops here; the accounts page lists the rest.
MAX_ACCOUNTS = 50


@dataclass(frozen=True, slots=True)
class Alert:
    """One line of the alerts list; `level` is bad (act now) or warn (look soon)."""

    level: str
    source: str
    text: str
    href: str


@dataclass(frozen=True, slots=True)
class AccountLine:
    """One account's row: open orders, P&L and margin (None where a mark is missing)."""

    account: AccountView
    realized: Decimal
    unrealized: Decimal | None
    margin_buffer: Decimal | None
    margin_call: bool
    state: TradingState

    @property
    def margin_low(self) -> bool:
        return self.margin_call or (
            self.margin_buffer is not None and self.margin_buffer < DEFAULT_WARNING_BUFFER
        )


@dataclass(frozen=True, slots=True)
class Overview:
    states: list[ScopeState]
    accounts: list[AccountLine]
    more_accounts: int
    alerts: list[Alert] = field(default_factory=list)

    @property
    def open_orders(self) -> int:
        return sum(line.account.open_orders for line in self.accounts)

    @property
    def halted(self) -> list[ScopeState]:
        return [s for s in self.states if s.state is not TradingState.ACTIVE]


@dataclass(frozen=True)
class OverviewSources:
    """What the overview reads: the contexts' bundles and the market-data feed's providers."""

    trading: TradingServices
    safety: SafetyServices
    core: CoreServices
    providers: ProviderService | None


async def gather(sources: OverviewSources, principal: Principal, desk: bool) -> Overview:
    states = await sources.safety.killswitch.status_for(principal)
    by_key = {s.scope.key: s.state for s in states}
    accounts = await sources.trading.accounts.list_accounts(principal)
    shown = accounts[:MAX_ACCOUNTS]
    lines = [await _line(sources.trading, principal, a, by_key) for a in shown]
    alerts = _state_alerts(states) + _in_doubt_alerts(sources.core, accounts, desk)
    alerts += _margin_alerts(lines) + _provider_alerts(sources.providers)
    if desk:
        alerts += _stream_alerts(sources.core)
    return Overview(states, lines, len(accounts) - len(shown), alerts)


async def _line(
    trading: TradingServices,
    principal: Principal,
    account: AccountView,
    states: dict[str, TradingState],
) -> AccountLine:
    positions = await trading.accounts.positions(principal, account.id)
    realized = sum((p.realized_pnl for p in positions), Decimal(0))
    marks_known = all(p.unrealized_pnl is not None for p in positions)
    unrealized = (
        sum((p.unrealized_pnl or Decimal(0) for p in positions), Decimal(0))
        if marks_known
        else None
    )
    buffer: Decimal | None = None
    call = False
    try:
        margin = await trading.margin.status(principal, account.id)
        buffer, call = margin.margin_buffer, margin.margin_call
    except DomainError:  # a held symbol without a mark or reference data: no guess
        pass
    state = states.get(f"account:{account.id}", TradingState.ACTIVE)
    return AccountLine(account, realized, unrealized, buffer, call, state)


def _state_alerts(states: list[ScopeState]) -> list[Alert]:
    return [
        Alert(
            "bad" if s.state is TradingState.HALTED else "warn",
            "kill switch",
            f"{s.scope.key} is {s.state.value}" + (f": {s.reason}" if s.reason else ""),
            "/console/kill-switch",
        )
        for s in states
        if s.state is not TradingState.ACTIVE
    ]


def _in_doubt_alerts(
    services: CoreServices, accounts: list[AccountView], desk: bool
) -> list[Alert]:
    """Orders never acknowledged by their broker that the watch could not resolve (the desk
    sees every account's; an owner, their own)."""
    mine = {a.id for a in accounts}
    return [
        Alert(
            "bad",
            "orders in doubt",
            f"{o.order_id} ({o.account_id}) never acknowledged by {o.broker}: {o.reason}",
            f"/console/accounts/{o.account_id}",
        )
        for o in services.in_doubt.snapshot.orders
        if desk or o.account_id in mine
    ]


def _margin_alerts(lines: list[AccountLine]) -> list[Alert]:
    alerts = []
    for line in lines:
        href = f"/console/accounts/{line.account.id}"
        if line.margin_call:
            text = f"{line.account.id}: margin call (equity below maintenance)"
            alerts.append(Alert("bad", "margin", text, href))
        elif line.margin_low and line.margin_buffer is not None:
            text = f"{line.account.id}: margin buffer {line.margin_buffer:.1%} (warning under 10%)"
            alerts.append(Alert("warn", "margin", text, href))
    return alerts


def _provider_alerts(providers: ProviderService | None) -> list[Alert]:
    if providers is None:  # this instance serves no market data
        return []
    report = providers.report()
    href = "/console/providers"
    alerts = [
        Alert(
            "warn",
            "providers",
            f"{p.name}: breaker {p.state.value}" + (f" ({p.last_error})" if p.last_error else ""),
            href,
        )
        for p in report.providers
        if p.state is not BreakerState.CLOSED
    ]
    if report.active is None:
        alerts.insert(0, Alert("bad", "providers", "no market-data provider can serve", href))
    return alerts


def _stream_alerts(services: CoreServices) -> list[Alert]:
    if services.streams is None:  # Kafka is not configured
        return []
    report = services.streams.snapshot()
    href = "/console/streams"
    return [
        Alert(
            "warn",
            "streams",
            f"{a.kind.value} on {a.subject}: {a.value:g} over {a.threshold:g}",
            href,
        )
        for a in report.alerts
    ]
