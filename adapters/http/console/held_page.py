"""`/console/held`: the orders a HOLD rule held for a person, and the person's decision.

Over the same HeldOrders use case as /api/v1/orders/held, /approve and /reject: the queue the
caller may read (a viewer and the desk: every account; a person: their own), each order with
the reason codes of the rules that hold it and when its hold lapses. Approve and Reject are
shown only where the caller may decide (domain/trading/holds.py: a risk officer or an admin
for any account, the account's owner or trader for their own); the posts are guarded by role
and the use case refuses the rest (403), another owner's order answers 404, an order no longer
held 409 ORDER_NOT_HELD, a lapsed hold 409 HOLD_EXPIRED -- shown in the page's flash area.
With four eyes (BULWARK_HELD_ORDERS_APPROVALS=2) each row says "1 of 2 approvals, by X"; a first
approval leaves the row in place with that count, and the same person approving again answers
409 SECOND_APPROVER_REQUIRED.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from litestar import Request, get, post
from litestar.params import FromPath
from litestar.response import Redirect, Template

from adapters.http.console.pages import ACTING, ConsolePage, fragment, is_htmx, page, see_other
from adapters.http.security import caller_of
from adapters.http.trading import trading_of
from domain.principals import Principal
from domain.trading.holds import REVIEWERS, may_review
from domain.trading.orders import Order, OrderStatus

HELD_CHANGED = "held-changed"  # the queue re-renders on this event (and every 10 s)


@dataclass(frozen=True, slots=True)
class HeldRow:
    """A held order as the queue shows it: when its hold lapses, whether the caller decides it."""

    order: Order
    expires_at: datetime | None
    decidable: bool
    required: int = 1  # how many people must approve (2: four eyes)
    approved_by_me: bool = False


async def held_rows(request: Request[Any, Any, Any], principal: Principal) -> list[HeldRow]:
    trading = trading_of(request)
    held = trading.held_orders
    found = await held.queue(principal)
    owners: dict[str, str] = {}
    if found and principal.role not in REVIEWERS:
        owners = {a.id: a.owner_id for a in await trading.accounts.list_accounts(principal)}
    return [
        HeldRow(
            o,
            held.expires_at(o),
            may_review(principal, owners.get(o.account_id, "")),
            held.approvals_required,
            o.approved_by(principal.id),
        )
        for o in found
    ]


def outcome_of(order: Order) -> str:
    """What a decision came to, in words: approved and sent (its broker's status), denied on
    approval (the gate decided again), or rejected by the reviewer."""
    if order.status is OrderStatus.DENIED:
        return "denied on approval"
    if order.status is OrderStatus.CANCELED:
        return "rejected"
    if order.status is OrderStatus.REJECTED:
        return "approved, rejected by the broker"
    return f"approved, {order.status.value.replace('_', ' ')}"


class HeldPageController(ConsolePage):
    """`/console/held`"""

    path = "/held"

    @get("/")
    async def held(self, request: Request[Any, Any, Any]) -> Template:
        rows = await held_rows(request, caller_of(request).principal)
        minutes = int(trading_of(request).held_orders.hold_ttl.total_seconds() // 60)
        context = {"rows": rows, "hold_minutes": minutes}
        return page(request, "held.html", title="Held orders", context=context)

    @get("/table")
    async def table(self, request: Request[Any, Any, Any]) -> Template:
        rows = await held_rows(request, caller_of(request).principal)
        return fragment(request, "partials/held_table.html", context={"rows": rows})

    @post("/{order_id:str}/approve", guards=[ACTING], status_code=200)
    async def approve(
        self, request: Request[Any, Any, Any], order_id: FromPath[str]
    ) -> Template | Redirect:
        held = trading_of(request).held_orders
        principal = caller_of(request).principal
        result = await held.approve(principal, order_id)
        if result.order.is_held:  # four eyes: the approval is recorded, one more is needed
            return _pending(request, HeldRow(
                result.order, held.expires_at(result.order), True, held.approvals_required, True
            ))  # fmt: skip
        return _decided(request, result.order)

    @post("/{order_id:str}/reject", guards=[ACTING], status_code=200)
    async def reject(
        self, request: Request[Any, Any, Any], order_id: FromPath[str]
    ) -> Template | Redirect:
        form = await request.form()
        reason = str(form.get("reason", ""))
        order = await trading_of(request).held_orders.reject(
            caller_of(request).principal, order_id, reason
        )
        return _decided(request, order)


def _pending(request: Request[Any, Any, Any], row: HeldRow) -> Template | Redirect:
    """htmx: the row again, with its approvals; a plain post: back to the queue."""
    if not is_htmx(request):
        return see_other(request, "/console/held")
    return fragment(request, "partials/held_row.html", context={"row": row})


def _decided(request: Request[Any, Any, Any], order: Order) -> Template | Redirect:
    """htmx: the decided order's row in place of the held one; a plain post: back to the queue."""
    if not is_htmx(request):
        return see_other(request, "/console/held")
    return fragment(
        request,
        "partials/held_decided.html",
        context={"o": order, "outcome": outcome_of(order)},
        headers={"HX-Trigger": "orders-changed"},
    )
