"""`/console/orders`: the order table (filters, cursor pages, cancel) and the place-order form.

An order placed here takes the API's path: OrderService.submit with the caller's principal,
so the pre-trade gate decides exactly as for POST /api/v1/orders (a denial is recorded and its
reason codes are shown inline). The form carries an idempotency key rendered fresh with each
form: a double submit sends the same key twice and the orders table's unique key replays the
first order instead of placing a second (a fresh key comes back with every answer).
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from typing import Annotated, Any, TypeVar

import msgspec
from litestar import Request, get, post
from litestar.params import FromPath, FromQuery
from litestar.response import Template

from adapters.http.console.forms import FORM, InvalidForm
from adapters.http.console.pages import ACTING, ConsolePage, fragment, is_htmx, page
from adapters.http.problems import domain_status
from adapters.http.security import caller_of
from adapters.http.trading import trading_of
from application.trading.accounts import InvalidQuery, OrderQuery
from application.trading.orders import SubmitOrder, origin_for
from domain.errors import DomainError, NotFound
from domain.trading.orders import Channel, Order, OrderStatus, OrderType, Side, TimeInForce

PAGE_SIZE = 50
E = TypeVar("E", bound=StrEnum)
ORDERS_CHANGED = "orders-changed"  # htmx event the table refreshes on (orders.js fires it too)


class StatusFilter(StrEnum):
    """The status groups the table filters by."""

    ALL = "all"
    OPEN = "open"
    FILLED = "filled"
    CANCELLED = "cancelled"
    REJECTED = "rejected"


_S = OrderStatus
STATUS_GROUPS: dict[StatusFilter, frozenset[OrderStatus] | None] = {
    StatusFilter.ALL: None,
    StatusFilter.OPEN: frozenset({_S.NEW, _S.PENDING_SUBMIT, _S.ACCEPTED, _S.PARTIALLY_FILLED}),
    StatusFilter.FILLED: frozenset({_S.FILLED}),
    StatusFilter.CANCELLED: frozenset({_S.CANCELED, _S.EXPIRED}),
    StatusFilter.REJECTED: frozenset({_S.REJECTED, _S.DENIED}),
}


class PlaceOrderForm(msgspec.Struct):
    """The place-order form as posted (every field a string: parsed and checked below)."""

    account_id: str = ""
    symbol: str = ""
    side: str = ""
    quantity: str = ""
    order_type: str = "market"
    limit_price: str = ""
    time_in_force: str = "day"
    idempotency_key: str = ""


@dataclass(frozen=True, slots=True)
class Filters:
    """The table's filters as the query string carries them."""

    account_id: str = ""
    status: StatusFilter = StatusFilter.ALL
    symbol: str = ""
    side: str = ""
    since: str = ""

    def query(self, cursor: str | None = None) -> dict[str, str]:
        """The query string of this view (for the table's refresh and next-page links)."""
        found = {
            "account_id": self.account_id,
            "status": self.status.value,
            "symbol": self.symbol,
            "side": self.side,
            "since": self.since,
            "cursor": cursor or "",
        }
        return {k: v for k, v in found.items() if v and not (k == "status" and v == "all")}


def _since(raw: str) -> datetime | None:
    """A date (YYYY-MM-DD) or a browser's datetime-local (YYYY-MM-DDTHH:MM), read as UTC."""
    if not raw:
        return None
    try:
        parsed = datetime.fromisoformat(raw)
    except ValueError:
        raise InvalidQuery("since must be a date (YYYY-MM-DD) or a date and time") from None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def _side(raw: str) -> Side | None:
    if not raw:
        return None
    try:
        return Side(raw)
    except ValueError:
        raise InvalidQuery("side must be buy or sell") from None


async def _table(
    request: Request[Any, Any, Any], filters: Filters, cursor: str | None
) -> dict[str, Any]:
    """One page of the table; the orders older than `since` end the listing."""
    caller = caller_of(request)
    since = _since(filters.since)
    found = await trading_of(request).accounts.orders(
        caller.principal,
        OrderQuery(
            account_id=filters.account_id or None,
            status=STATUS_GROUPS[filters.status],
            symbol=filters.symbol or None,
            side=_side(filters.side),
            cursor=cursor or None,
            limit=PAGE_SIZE,
        ),
    )
    items, next_cursor = found.items, found.next_cursor
    if since is not None:
        kept = [o for o in items if o.created_at is None or o.created_at >= since]
        if len(kept) < len(items):
            next_cursor = None  # newest first: everything after is older still
        items = kept
    return {
        "orders": items,
        "filters": filters,
        "statuses": list(StatusFilter),
        "refresh_query": filters.query(cursor),
        "next_query": filters.query(next_cursor) if next_cursor else None,
        "first_page": not cursor,
    }


def _fresh_key() -> str:
    return secrets.token_urlsafe(18)


def _decimal(raw: str, name: str, *, required: bool) -> Decimal | None:
    text = raw.strip()
    if not text:
        if required:
            raise InvalidForm(name, message=f"{name} is required")
        return None
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise InvalidForm(name, message=f"{name} must be a number") from None
    if not value.is_finite() or value <= 0:
        raise InvalidForm(name, message=f"{name} must be a positive number")
    return value


def _choice(kind: type[E], raw: str, name: str) -> E:
    try:
        return kind(raw)
    except ValueError:
        allowed = ", ".join(m.value for m in kind)
        raise InvalidForm(name, message=f"{name} must be one of {allowed}") from None


def _command(request: Request[Any, Any, Any], form: PlaceOrderForm) -> SubmitOrder:
    principal = caller_of(request).principal
    if not form.account_id.strip():
        raise InvalidForm("account_id", message="account is required")
    symbol = form.symbol.strip().upper()
    if not symbol or len(symbol) > 32:
        raise InvalidForm("symbol", message="symbol is required (at most 32 characters)")
    order_type = _choice(OrderType, form.order_type, "order_type")
    if order_type not in (OrderType.MARKET, OrderType.LIMIT):
        raise InvalidForm("order_type", message="order_type must be market or limit")
    limit = _decimal(form.limit_price, "limit_price", required=order_type is OrderType.LIMIT)
    key = form.idempotency_key.strip()
    if not key or len(key) > 200:
        raise InvalidForm("form", message="the form has no idempotency key: reload the page")
    return SubmitOrder(
        principal=principal,
        account_id=form.account_id.strip(),
        symbol=symbol,
        side=_choice(Side, form.side, "side"),
        quantity=_decimal(form.quantity, "quantity", required=True) or Decimal(0),
        origin=origin_for(principal, None, Channel.CONSOLE),
        order_type=order_type,
        time_in_force=_choice(TimeInForce, form.time_in_force, "time_in_force"),
        limit_price=limit if order_type is OrderType.LIMIT else None,
        idempotency_key=f"console:{key}",
    )


class OrdersPageController(ConsolePage):
    """`/console/orders`"""

    path = "/orders"

    @get("/")
    async def orders(
        self,
        request: Request[Any, Any, Any],
        account_id: FromQuery[str] = "",
        status: FromQuery[StatusFilter] = StatusFilter.ALL,
        symbol: FromQuery[str] = "",
        side: FromQuery[str] = "",
        since: FromQuery[str] = "",
        cursor: FromQuery[str] = "",
    ) -> Template:
        filters = Filters(account_id, status, symbol.strip().upper(), side, since)
        table = await _table(request, filters, cursor)
        if is_htmx(request) and request.headers.get("hx-target") == "orders-table":
            return fragment(request, "partials/orders_table.html", context=table)
        caller = caller_of(request)
        accounts = await trading_of(request).accounts.list_accounts(caller.principal)
        return page(
            request,
            "orders.html",
            title="Orders",
            context={**table, "accounts": accounts, "idempotency_key": _fresh_key()},
        )

    @get("/{order_id:str}/row")
    async def row(self, request: Request[Any, Any, Any], order_id: FromPath[str]) -> Template:
        order = await trading_of(request).accounts.order(caller_of(request).principal, order_id)
        return fragment(request, "partials/orders_row.html", context={"o": order})

    @post("/{order_id:str}/cancel", guards=[ACTING], status_code=200)
    async def cancel(self, request: Request[Any, Any, Any], order_id: FromPath[str]) -> Template:
        order = await trading_of(request).orders.cancel(caller_of(request).principal, order_id)
        return fragment(request, "partials/orders_row.html", context={"o": order})

    @post("/", guards=[ACTING], status_code=200)
    async def place(
        self,
        request: Request[Any, Any, Any],
        data: Annotated[PlaceOrderForm, FORM],
    ) -> Template:
        order: Order | None = None
        replayed = False
        problem: DomainError | None = None
        try:
            result = await trading_of(request).orders.submit(_command(request, data))
            order, replayed = result.order, result.replayed
        except NotFound:
            raise  # another owner's account: the 404 page, as for the API
        except DomainError as exc:  # bad terms (lot size, tick, notional), a form field
            problem = exc
        status, code = 200, None
        if problem is not None:
            status, code = domain_status(problem), problem.code
        elif order is not None and _refused(order):
            status, code = 422, "ORDER_" + order.status.value.upper()
        context = {
            "order": order,
            "replayed": replayed,
            "problem": problem,
            "idempotency_key": _fresh_key(),
        }
        if is_htmx(request):
            headers = {"HX-Trigger": ORDERS_CHANGED} if order is not None else {}
            return fragment(
                request,
                "partials/orders_placed.html",
                status_code=status,
                code=code,
                context=context,
                headers=headers,
            )
        filters = Filters(account_id=data.account_id.strip())
        table = await _table(request, filters, None)
        accounts = await trading_of(request).accounts.list_accounts(caller_of(request).principal)
        return page(
            request,
            "orders.html",
            title="Orders",
            status_code=status,
            context={**table, **context, "accounts": accounts},
        )


def _refused(order: Order) -> bool:
    return order.status in (OrderStatus.DENIED, OrderStatus.REJECTED)
