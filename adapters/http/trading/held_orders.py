"""Orders held for a person: the queue, approve (decided again and sent), reject."""

from __future__ import annotations

from typing import Any

from litestar import Controller, Request, Response, get, post
from litestar.openapi.datastructures import ResponseSpec
from litestar.params import FromPath, JSONBody

from adapters.http.deps import CallerDep
from adapters.http.key_scopes import needs
from adapters.http.problems import Problem
from adapters.http.schemas.common import DecisionOut
from adapters.http.trading import TradingDep, problems
from adapters.http.trading.held_orders_schemas import HeldOrderOut, HeldOrdersOut, RejectHeldIn
from adapters.http.trading.orders import refusal
from adapters.http.trading.orders_schemas import OrderOut, OrderPlaced
from domain.identity.permissions import Permission

_DECIDED = (
    "409 ORDER_NOT_HELD when the order is no longer held; 409 HOLD_EXPIRED when its hold "
    "lapsed (it is expired, never sent); 403 FORBIDDEN for an agent, a viewer, or a person who "
    "is neither a risk officer, an admin nor the account's owner; 404 for an order not seen."
)
_FOUR_EYES = (
    "With four eyes (BULWARK_HELD_ORDERS_APPROVALS=2), an approval that is not the last is "
    "recorded and answered 202 with the order, still held, the approvals given (by whom, "
    "when) and how many are missing; the same person approving twice answers 409 "
    "SECOND_APPROVER_REQUIRED. "
)


class HeldOrderController(Controller):
    """`/api/v1/orders/held`, `/api/v1/orders/{id}/approve`, `/api/v1/orders/{id}/reject`"""

    path = "/orders"

    @get(
        "/held",
        summary="The queue of orders held for a person's approval",
        description=(
            "Held orders of the accounts the caller may decide (a risk officer, an admin and a "
            "viewer: every account; a person: their own), oldest first, each with the reason "
            "codes of the HOLD rules that hold it, when its hold lapses and the approvals it "
            "was given (four eyes). A lapsed hold is expired as it is read. 403 for an agent."
        ),
        responses=problems(429),
    )
    async def list_held_orders(self, caller: CallerDep, trading: TradingDep) -> HeldOrdersOut:
        held = trading.held_orders
        found = await held.queue(caller.principal)
        required = held.approvals_required
        return HeldOrdersOut(
            items=[HeldOrderOut.from_domain(o, held.expires_at(o), required) for o in found]
        )

    @post(
        "/{order_id:str}/approve",
        summary="Approve a held order: decided again, then sent",
        description=(
            "The gate decides the order again now with its HOLD rules waived (BLOCK rules and "
            "the kill switch still deny): 200 with the order (sent to its broker) and the "
            "decision; 422 ORDER_DENIED (with `reasons`) when the gate now denies it; "
            "422 ORDER_REJECTED when the broker rejects it. " + _FOUR_EYES + _DECIDED
        ),
        status_code=200,
        responses={
            200: ResponseSpec(OrderPlaced, description="The order, approved and sent"),
            202: ResponseSpec(
                HeldOrderOut, description="Four eyes: the approval recorded, the order still held"
            ),
            **problems(400, 404, 409, 422, 429),
        },
        opt=needs(Permission.APPROVE),  # a person's alone: never an agent's key or token
    )
    async def approve_order(
        self,
        order_id: FromPath[str],
        caller: CallerDep,
        trading: TradingDep,
        request: Request[Any, Any, Any],
    ) -> Response[OrderPlaced] | Response[HeldOrderOut] | Response[Problem]:
        held = trading.held_orders
        result = await held.approve(caller.principal, order_id)
        if result.order.is_held:  # four eyes: more approvals are needed
            pending = HeldOrderOut.from_domain(
                result.order, held.expires_at(result.order), held.approvals_required
            )
            return Response(pending, status_code=202)
        order = OrderOut.from_domain(result.order)
        refused = refusal(request, result, order, denied="denied on approval")
        if refused is not None:
            return refused
        decision = None if result.decision is None else DecisionOut.from_domain(result.decision)
        return Response(OrderPlaced(order=order, decision=decision), status_code=200)

    @post(
        "/{order_id:str}/reject",
        summary="Reject a held order with a reason",
        description="200 with the order, canceled with the reviewer's reason. " + _DECIDED,
        status_code=200,
        responses=problems(400, 404, 409, 429),
        opt=needs(Permission.APPROVE),  # deciding a held order is a person's
    )
    async def reject_order(
        self,
        order_id: FromPath[str],
        data: JSONBody[RejectHeldIn],
        caller: CallerDep,
        trading: TradingDep,
    ) -> OrderOut:
        order = await trading.held_orders.reject(caller.principal, order_id, data.reason)
        return OrderOut.from_domain(order)
