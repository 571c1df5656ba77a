"""Orders: submit through the gate (idempotent), list with a cursor, read, cancel."""

from __future__ import annotations

from typing import Annotated, Any

from litestar import Controller, Request, Response, delete, get, post
from litestar.params import FromPath, FromQuery, HeaderParameter, JSONBody, QueryParameter

from adapters.http.deps import CallerDep, ServicesDep
from adapters.http.problems import Problem, problem_response, problem_responses
from adapters.http.schemas.common import DecisionOut
from adapters.http.schemas.orders import OrderIn, OrderOut, OrderPageOut, OrderPlaced
from adapters.http.security import Caller
from application.accounts import OrderQuery
from application.orders import SubmitOrder
from domain.principals import Role
from domain.trading.orders import OrderStatus, Origin, OriginKind, Side

IdempotencyKey = Annotated[
    str | None,
    HeaderParameter(
        name="Idempotency-Key",
        required=False,
        min_length=1,
        max_length=255,
        description="Retries with the same key return the first result, never a second order.",
    ),
]


def origin_of(caller: Caller, strategy_id: str | None) -> Origin:
    if caller.principal.role is Role.AGENT:
        return Origin(OriginKind.AGENT, caller.principal.id)
    if strategy_id is not None:
        return Origin(OriginKind.STRATEGY, strategy_id)
    return Origin(OriginKind.USER, caller.principal.id)


class OrderController(Controller):
    """`/api/v1/orders`"""

    path = "/orders"
    tags = ("orders",)

    @post(
        "/",
        summary="Submit an order through the pre-trade gate",
        description=(
            "201 with the order and the gate's decision when approved (possibly reduced); "
            "422 ORDER_DENIED with the reason codes when the gate denies it (the denied order is "
            "recorded); 422 ORDER_REJECTED when the broker rejects it. "
            "Same Idempotency-Key: same answer (200 with Idempotent-Replayed: true); the key "
            "reused for a different order is 409 CONFLICT. 404 for an account not the caller's."
        ),
        status_code=201,
        responses=problem_responses(
            400,
            401,
            404,
            409,
            413,
            422,
            429,
            notes={422: "ORDER_DENIED (with `reasons`), ORDER_REJECTED or INVALID_ORDER"},
        ),
    )
    async def submit(
        self,
        data: JSONBody[OrderIn],
        caller: CallerDep,
        services: ServicesDep,
        request: Request[Any, Any, Any],
        idempotency_key: IdempotencyKey = None,
    ) -> Response[OrderPlaced] | Response[Problem]:
        result = await services.orders.submit(
            SubmitOrder(
                principal=caller.principal,
                account_id=data.account_id,
                symbol=data.symbol,
                side=data.side,
                quantity=data.quantity,
                origin=origin_of(caller, data.strategy_id),
                order_type=data.order_type,
                time_in_force=data.time_in_force,
                limit_price=data.limit_price,
                stop_price=data.stop_price,
                reduce_only=data.reduce_only,
                client_order_id=data.client_order_id,
                idempotency_key=idempotency_key,
            )
        )
        order = OrderOut.from_domain(result.order)
        headers = {"Idempotent-Replayed": "true"} if result.replayed else {}
        if result.order.status is OrderStatus.DENIED:
            reasons = list(result.order.deny_reasons)
            return problem_response(
                request,
                422,
                "ORDER_DENIED",
                "Order denied by the pre-trade gate",
                "denied: " + ", ".join(reasons),
                reasons=reasons,
                order=order,
                headers=headers,
            )
        if result.order.status is OrderStatus.REJECTED:
            return problem_response(
                request,
                422,
                "ORDER_REJECTED",
                "Order rejected by the broker",
                "the broker rejected the order",
                order=order,
                headers=headers,
            )
        decision = None if result.decision is None else DecisionOut.from_domain(result.decision)
        return Response(
            OrderPlaced(order=order, decision=decision, replayed=result.replayed),
            status_code=200 if result.replayed else 201,
            headers=headers,
        )

    @get(
        "/",
        summary="List orders, newest first, with a cursor",
        description=(
            "Filters: account_id (404 when not the caller's), status (repeatable), symbol, side, "
            "origin_id. Pass `next_cursor` back as `cursor`; 422 INVALID_QUERY for a bad cursor."
        ),
        responses=problem_responses(400, 401, 404, 422, 429),
    )
    async def list_orders(
        self,
        caller: CallerDep,
        services: ServicesDep,
        account_id: FromQuery[str | None] = None,
        status: FromQuery[list[OrderStatus] | None] = None,
        symbol: FromQuery[str | None] = None,
        side: FromQuery[Side | None] = None,
        origin_id: FromQuery[str | None] = None,
        cursor: FromQuery[str | None] = None,
        limit: Annotated[int, QueryParameter(ge=1, le=200)] = 50,
    ) -> OrderPageOut:
        page = await services.accounts.orders(
            caller.principal,
            OrderQuery(
                account_id=account_id,
                status=frozenset(status) if status else None,
                symbol=symbol.upper() if symbol else None,
                side=side,
                origin_id=origin_id,
                cursor=cursor,
                limit=limit,
            ),
        )
        return OrderPageOut(
            items=[OrderOut.from_domain(o) for o in page.items], next_cursor=page.next_cursor
        )

    @get(
        "/{order_id:str}",
        summary="One order",
        description="404 NOT_FOUND for an unknown order or another user's.",
        responses=problem_responses(400, 401, 404, 429),
    )
    async def get_order(
        self, order_id: FromPath[str], caller: CallerDep, services: ServicesDep
    ) -> OrderOut:
        return OrderOut.from_domain(await services.accounts.order(caller.principal, order_id))

    @delete(
        "/{order_id:str}",
        summary="Cancel an open order",
        description=(
            "200 with the order (canceled once the broker no longer lists it); 409 CONFLICT when "
            "it is no longer open; 404 for an unknown order or another user's."
        ),
        status_code=200,
        responses=problem_responses(400, 401, 404, 409, 429),
    )
    async def cancel(
        self, order_id: FromPath[str], caller: CallerDep, services: ServicesDep
    ) -> OrderOut:
        return OrderOut.from_domain(await services.orders.cancel(caller.principal, order_id))
