"""`/console/tax-harvesting`: the caller's tax-loss harvesting candidates, the lots a wash sale
blocks (with the window that blocks them), and one click to sell a candidate through the gate.

The plan is the use case behind POST /api/v1/tax/harvesting (TaxService.harvest) with the
signed-in principal: only the caller's own lots, of one of their portfolios when one is chosen
(another user's portfolio answers 404). Nothing is stored by looking.

SELL is an order like any other: OrderService.submit with the caller's principal, origin the
console, a market sell of the lot's quantity in the lot's trading account, so the pre-trade gate
decides it exactly as for POST /api/v1/orders and its decision (placed, or denied with its reason
codes) is shown beside the candidate. The lot is read again from the plan on the server: the form
names only the lot, never its account or quantity; a lot that is not (or no longer) one of the
caller's candidates answers 404, one held in a manual account 422 HARVEST_NOT_TRADABLE. Each
candidate's form carries an idempotency key: a double click replays the first order.
"""

from __future__ import annotations

import secrets
from typing import Any

from litestar import Request, get, post
from litestar.response import Template

from adapters.http.console.analytics_view import own_portfolios
from adapters.http.console.form_fields import FieldReader
from adapters.http.console.pages import ACTING, ConsolePage, fragment, is_htmx, page
from adapters.http.console.tax_harvesting_view import (
    FILING_STATUSES,
    HarvestForm,
    HarvestNotTradable,
    candidate_of,
    plan_view,
    read_form,
    trading_accounts,
)
from adapters.http.contexts import bundle_or_not_found
from adapters.http.problems import domain_status
from adapters.http.security import caller_of
from adapters.http.trading import trading_of
from application.portfolio.tax_harvesting import HarvestRequest
from application.trading.orders import SubmitOrder, origin_for
from domain.errors import DomainError
from domain.trading.orders import Channel, OrderStatus, OrderType, Side, TimeInForce

TITLE = "Tax-loss harvesting"
# The form's field beside which the use case's refusal of its own field is shown.
FORM_FIELDS = {"ordinary_income": "income", "filing_status": "filing"}


def _tax(request: Request[Any, Any, Any]) -> Any:
    return bundle_or_not_found(request, "portfolio", "tax is not served by this instance").tax


def fresh_key() -> str:
    return secrets.token_urlsafe(18)


async def _context(request: Request[Any, Any, Any], form: HarvestForm) -> dict[str, Any]:
    portfolios = await own_portfolios(request)
    plan = None
    if form.request is not None:
        try:
            report = await _tax(request).harvest(caller_of(request).principal, form.request)
        except DomainError as exc:
            if exc.field is None or domain_status(exc) != 422:
                raise  # another's portfolio: 404, the error page
            name = FORM_FIELDS.get(exc.field, exc.field)
            form.errors[name] = f"{name}: {exc.message}"
        else:
            plan = plan_view(report, trading_accounts(portfolios))
    return {
        "form": form.values,
        "errors": form.errors,
        "plan": plan,
        "portfolios": portfolios,
        "filings": FILING_STATUSES,
        "keys": {c["lot_id"]: fresh_key() for c in (plan or {}).get("candidates", [])},
    }


class TaxHarvestingPageController(ConsolePage):
    """`/console/tax-harvesting` and its SELL."""

    path = "/tax-harvesting"

    @get("/")
    async def harvesting(self, request: Request[Any, Any, Any]) -> Template:
        form = read_form(request.query_params)
        context = await _context(request, form)
        status = 422 if form.errors else 200
        return page(
            request, "tax_harvesting.html", title=TITLE, status_code=status, context=context
        )

    @post("/sell", guards=[ACTING], status_code=200)
    async def sell(self, request: Request[Any, Any, Any]) -> Template:
        reader = FieldReader(await request.form())
        lot_id = reader.text("lot_id")[:64]
        portfolio_id = reader.text("portfolio_id")[:64] or None
        key = reader.text("idempotency_key")[:200] or fresh_key()
        principal = caller_of(request).principal
        report = await _tax(request).harvest(principal, HarvestRequest(portfolio_id=portfolio_id))
        candidate = candidate_of(report, lot_id)
        lot = candidate.lot.lot
        if lot.account_id not in trading_accounts(await own_portfolios(request)):
            raise HarvestNotTradable(
                f"lot {lot.id} is held in a manual account: sell it at its institution, "
                "then book the sale in the portfolio"
            )
        result = await trading_of(request).orders.submit(
            SubmitOrder(
                principal=principal,
                account_id=lot.account_id,
                symbol=lot.symbol,
                side=Side.SELL,
                quantity=lot.quantity,
                origin=origin_for(principal, None, Channel.CONSOLE),
                order_type=OrderType.MARKET,
                time_in_force=TimeInForce.DAY,
                idempotency_key=f"console:harvest:{key}",
            )
        )
        order = result.order
        status, code = 200, None
        if order.status in (OrderStatus.DENIED, OrderStatus.REJECTED):
            status, code = 422, "ORDER_" + order.status.value.upper()
        sale = {
            "order": order,
            "replayed": result.replayed,
            "problem": None,
            "lot_id": lot.id,
            "lot_method": candidate.lot_method.value,
        }
        if is_htmx(request):
            return fragment(
                request,
                "partials/tax_harvest_sale.html",
                status_code=status,
                code=code,
                context=sale,
            )
        context = await _context(request, read_form({"portfolio_id": portfolio_id or ""}))
        return page(
            request,
            "tax_harvesting.html",
            title=TITLE,
            status_code=status,
            context={**context, "sale": sale},
        )
