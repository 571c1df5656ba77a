"""`/console/accounts`: the accounts a caller may see, one account's positions, and its charts.

The figures come from the same use cases as the API (AccountQueries, MarginService,
PerformanceService), called with the signed-in principal: an owner sees their own accounts,
a desk role all of them, and another owner's account answers 404 like the API does.
The charts read `pnl.json` / `exposure.json` (application/analytics/account_charts.py: stored daily
snapshots plus the live point now).

**Open a paper account** posts to AccountAdmin.open as POST /api/v1/accounts with broker
"paper" does: a refused field (the name, the currency, the initial cash) is shown beside it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import Annotated, Any

from litestar import Request, Response, get, post
from litestar.params import FromPath, QueryParameter
from litestar.response import Template

from adapters.http.console.form_fields import FieldReader
from adapters.http.console.pages import ACTING, ConsolePage, form_page, go_to, page
from adapters.http.contexts import bundle_of
from adapters.http.problems import domain_status
from adapters.http.security import caller_of, edge_of
from adapters.http.trading import trading_of
from application.analytics.account_charts import ChartSeries, LivePoint, exposure_series, pnl_series
from application.analytics.performance import PerformanceService
from application.trading.account_admin import OpenAccount
from application.trading.accounts import AccountView, PositionView
from domain.errors import DomainError, NotFound
from domain.principals import Principal
from domain.trading.account_profile import AccountType, TradingType
from ports.trading.equity import EquitySnapshot

ZERO = Decimal(0)
DEFAULT_CHART_DAYS = 365
ChartDays = Annotated[int, QueryParameter(ge=1, le=3660)]


async def _margin_buffer(request: Request[Any, Any, Any], account_id: str) -> Decimal | None:
    """The margin buffer (excess / equity), or None where it cannot be valued (a held symbol
    without a mark or an instrument): shown as a dash, never as a guess."""
    caller = caller_of(request)
    try:
        status = await trading_of(request).margin.status(caller.principal, account_id)
    except NotFound:
        raise
    except DomainError:
        return None
    return status.margin_buffer


def _exposures(positions: list[PositionView]) -> tuple[Decimal | None, Decimal | None]:
    """(gross, net) at current marks; None when a position has no mark."""
    values = [p.market_value for p in positions]
    if any(v is None for v in values):
        return None, None
    known = [v for v in values if v is not None]
    return sum((abs(v) for v in known), ZERO), sum(known, ZERO)


class AccountsPageController(ConsolePage):
    """`/console/accounts`, `/console/accounts/{id}` and its chart data."""

    path = "/accounts"

    @get("/")
    async def accounts(self, request: Request[Any, Any, Any]) -> Template:
        return await _accounts_page(request)

    @post("/", guards=[ACTING], status_code=303)
    async def open_paper(self, request: Request[Any, Any, Any]) -> Template | Response[Any]:
        caller = caller_of(request)
        fields = FieldReader(await request.form())
        cash = fields.decimal("initial_cash")
        account_type = fields.choice("account_type", [t.value for t in AccountType])
        trading_type = fields.choice("trading_type", [t.value for t in TradingType])
        if fields.errors or cash is None or account_type is None or trading_type is None:
            return await _accounts_page(request, fields)
        command = OpenAccount(
            caller.principal,
            fields.text("name"),
            "paper",
            fields.text("base_currency") or "USD",
            AccountType(account_type),
            TradingType(trading_type),
            cash,
        )
        try:
            opened = await trading_of(request).account_admin.open(command)
        except DomainError as refused:
            if refused.field is None or domain_status(refused) >= 500:
                raise
            fields.errors[refused.field] = f"{refused.message} ({refused.code})"
            return await _accounts_page(request, fields, code=refused.code)
        return go_to(request, f"/console/accounts/{opened.id}")

    @get("/{account_id:str}")
    async def account(self, request: Request[Any, Any, Any], account_id: FromPath[str]) -> Template:
        caller = caller_of(request)
        queries = trading_of(request).accounts
        view = await queries.account(caller.principal, account_id)
        positions = await queries.positions(caller.principal, account_id)
        gross, net = _exposures(positions)
        realized = sum((p.realized_pnl for p in positions), ZERO)
        unrealized = None
        if all(p.unrealized_pnl is not None for p in positions):
            unrealized = sum((p.unrealized_pnl or ZERO for p in positions), ZERO)
        return page(
            request,
            "account.html",
            title=f"Account {view.id}",
            context={
                "account": view,
                "positions": positions,
                "margin_buffer": await _margin_buffer(request, account_id),
                "gross": gross,
                "net": net,
                "realized": realized,
                "unrealized": unrealized,
            },
        )

    @get("/{account_id:str}/pnl.json")
    async def pnl(
        self,
        request: Request[Any, Any, Any],
        account_id: FromPath[str],
        days: ChartDays = DEFAULT_CHART_DAYS,
    ) -> dict[str, object]:
        return await _chart(request, account_id, days, pnl_series)

    @get("/{account_id:str}/exposure.json")
    async def exposure(
        self,
        request: Request[Any, Any, Any],
        account_id: FromPath[str],
        days: ChartDays = DEFAULT_CHART_DAYS,
    ) -> dict[str, object]:
        return await _chart(request, account_id, days, exposure_series)


async def _accounts_page(
    request: Request[Any, Any, Any], fields: FieldReader | None = None, code: str | None = None
) -> Template:
    """The accounts and the paper-account form; `fields`: a refused form, typed values kept."""
    caller = caller_of(request)
    views = await trading_of(request).accounts.list_accounts(caller.principal)
    buffers = {v.id: await _margin_buffer(request, v.id) for v in views}
    status, code = fields.outcome(code) if fields is not None else (200, None)
    return form_page(
        request,
        "accounts.html",
        title="Accounts",
        status_code=status,
        code=code or "",
        context={
            "accounts": views,
            "buffers": buffers,
            "typed": fields.values if fields is not None else {},
            "errors": fields.errors if fields is not None else {},
            "account_types": list(AccountType),
            "trading_types": list(TradingType),
        },
    )


async def _chart(
    request: Request[Any, Any, Any],
    account_id: str,
    days: int,
    series: Callable[[Sequence[EquitySnapshot], LivePoint | None], ChartSeries],
) -> dict[str, object]:
    """One chart's JSON: `series` drawn from the account's history (pnl.json, exposure.json)."""
    snapshots, live = await _history(request, account_id, days)
    return series(snapshots, live).as_json()


async def _history(
    request: Request[Any, Any, Any], account_id: str, days: int
) -> tuple[list[EquitySnapshot], LivePoint]:
    """The stored snapshots (none where snapshots are not kept) and the account now."""
    trading = trading_of(request)
    principal: Principal = caller_of(request).principal
    view: AccountView = await trading.accounts.account(principal, account_id)  # 404 first
    positions = await trading.accounts.positions(principal, account_id)
    analytics = bundle_of(request, "analytics")
    performance: PerformanceService | None = None if analytics is None else analytics.performance
    snapshots = (
        [] if performance is None else await performance.snapshots(principal, account_id, days)
    )
    gross, net = _exposures(positions)
    live = LivePoint(edge_of(request).clock.now(), view.equity, gross, net)
    return snapshots, live
