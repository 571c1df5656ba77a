"""Orders: submit through the gate (idempotent), list with a cursor, read, cancel."""

from __future__ import annotations

import hashlib
from collections.abc import Awaitable, Callable
from dataclasses import replace
from enum import Enum
from typing import Annotated, Any

import msgspec
import structlog
from litestar import Controller, MediaType, Request, Response, delete, get, post
from litestar.openapi.datastructures import ResponseSpec
from litestar.params import FromPath, FromQuery, HeaderParameter, JSONBody, QueryParameter
from litestar.serialization import encode_json, get_serializer

from adapters.http.deps import CallerDep
from adapters.http.problems import Problem, problem_response, problem_responses
from adapters.http.schemas.common import DecisionOut
from adapters.http.security import Caller, caller_of
from adapters.http.trading import TradingDep, trading_of
from adapters.http.trading.orders_schemas import OrderIn, OrderOut, OrderPageOut, OrderPlaced
from application.trading.accounts import OrderQuery
from application.trading.orders import OrderResult, SubmitOrder, origin_for
from domain.errors import Conflict
from domain.trading.orders import Channel, OrderStatus, Origin, Side
from ports.core.idempotency import Claim, ClaimStatus, IdempotencyStore, IdempotencyUnavailable

_log = structlog.get_logger("bulwark.http.orders")

# A retry with the same Idempotency-Key gets the stored answer for a day (then the orders
# table's unique key still replays the order itself). A claim lapses after 30 s, so a request
# whose instance died frees its key; a slow one that outlives it is still one order (same key).
RESULT_TTL_SECONDS = 24 * 3600.0
CLAIM_TTL_SECONDS = 30.0
IN_PROGRESS_RETRY_AFTER_SECONDS = 1

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


# The MCP server's gateway (adapters/mcp/gateway.py) says its orders came through it; any other
# call is the REST API's. It names the way in, it grants nothing.
ChannelHeader = Annotated[
    str | None,
    HeaderParameter(
        name="X-Bulwark-Channel",
        required=False,
        pattern="^(api|mcp)$",
        description=(
            "The way the order came in, kept as its origin's channel: `mcp` from Bulwark's MCP "
            "server; absent: `api`."
        ),
    ),
]


def origin_of(caller: Caller, strategy_id: str | None, channel: Channel = Channel.API) -> Origin:
    return origin_for(caller.principal, strategy_id, channel)


class OrderController(Controller):
    """`/api/v1/orders`"""

    path = "/orders"

    @post(
        "/",
        summary="Submit an order through the pre-trade gate",
        description=(
            "201 with the order and the gate's decision when approved (possibly reduced); "
            "202 with the order (status `held`) and the decision (`holds`: the reason codes) "
            "when a HOLD rule holds it for a person's approval (GET /orders/held); "
            "422 ORDER_DENIED with the reason codes when the gate denies it (the denied order is "
            "recorded); 422 ORDER_REJECTED when the broker rejects it; 422 INVALID_QUANTITY / "
            "INVALID_PRICE (nothing recorded) for a quantity off the lot size or above the "
            "maximum notional, or a price off the tick size. Numbers are decimal strings "
            "(400 VALIDATION_ERROR naming the field otherwise). "
            "Same Idempotency-Key: same answer (200 with Idempotent-Replayed: true); the key "
            "reused for a different order is 409 CONFLICT; while the first request with the key "
            "is still running, 409 IDEMPOTENCY_IN_PROGRESS with Retry-After. "
            "404 for an account not the caller's. `algorithm` / `algorithm_version`: the model "
            "or algorithm that decided the order, as an agent or a bot declares it (kept in the "
            "order's `attribution`; 422 INVALID_ATTRIBUTION when not printable or padded). "
            "503 OVERLOADED with Retry-After when this worker's order path would make the order "
            "wait past its bound (BULWARK_ADMISSION_MAX_WAIT_MS): nothing was read or recorded, "
            "so the same order may be sent again after Retry-After, with the same "
            "Idempotency-Key."
        ),
        status_code=201,
        responses={
            # The handler answers either an order or a problem, so Litestar cannot infer these.
            201: ResponseSpec(OrderPlaced, description="The order, placed (or reduced)"),
            202: ResponseSpec(OrderPlaced, description="The order, held for a person"),
            200: ResponseSpec(OrderPlaced, description="A replay of the same Idempotency-Key"),
            **problem_responses(
                400,
                401,
                404,
                409,
                413,
                422,
                429,
                503,
                notes={
                    409: "CONFLICT or IDEMPOTENCY_IN_PROGRESS (with Retry-After)",
                    503: "OVERLOADED (with Retry-After): refused before it was read",
                    422: "ORDER_DENIED (with `reasons`), ORDER_REJECTED, INVALID_ORDER, "
                    "INVALID_QUANTITY, INVALID_PRICE or INVALID_ATTRIBUTION (`errors` names the "
                    "field)",
                },
            ),
        },
    )
    async def place_order(
        self,
        data: JSONBody[OrderIn],
        request: Request[Any, Any, Any],
        idempotency_key: IdempotencyKey = None,
        channel: ChannelHeader = None,
    ) -> Response[OrderPlaced] | Response[Problem]:
        # The caller and the trading bundle straight from the request, not as dependencies: each
        # dependency Litestar resolves costs the hottest route a few microseconds.
        caller, trading = caller_of(request), trading_of(request)
        command = SubmitOrder(
            principal=caller.principal,
            account_id=data.account_id,
            symbol=data.symbol,
            side=data.side,
            quantity=data.quantity,
            origin=origin_of(caller, data.strategy_id, Channel(channel or Channel.API)),
            order_type=data.order_type,
            time_in_force=data.time_in_force,
            limit_price=data.limit_price,
            stop_price=data.stop_price,
            reduce_only=data.reduce_only,
            client_order_id=data.client_order_id,
            idempotency_key=idempotency_key,
            algorithm=data.algorithm,
            algorithm_version=data.algorithm_version,
        )
        store = trading.idempotency
        if idempotency_key is None or store is None:
            return _answer(request, await trading.orders.submit(command))
        key = f"orders:{caller.principal.id}:{data.account_id}:{idempotency_key}"
        return await _once(
            request, store, key, _fingerprint(data), lambda: trading.orders.submit(command)
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
        trading: TradingDep,
        account_id: FromQuery[str | None] = None,
        status: FromQuery[list[OrderStatus] | None] = None,
        symbol: FromQuery[str | None] = None,
        side: FromQuery[Side | None] = None,
        origin_id: FromQuery[str | None] = None,
        cursor: FromQuery[str | None] = None,
        limit: Annotated[int, QueryParameter(ge=1, le=200)] = 50,
    ) -> OrderPageOut:
        page = await trading.accounts.orders(
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
        return OrderPageOut.from_page(page)

    @get(
        "/{order_id:str}",
        summary="One order",
        description="404 NOT_FOUND for an unknown order or another user's.",
        responses=problem_responses(400, 401, 404, 429),
    )
    async def get_order(
        self, order_id: FromPath[str], caller: CallerDep, trading: TradingDep
    ) -> OrderOut:
        return OrderOut.from_domain(await trading.accounts.order(caller.principal, order_id))

    @delete(
        "/{order_id:str}",
        summary="Cancel an open order",
        description=(
            "200 with the order (canceled once the broker no longer lists it; a held order, "
            "never sent, is withdrawn at once); 409 CONFLICT when it is no longer open; 404 for "
            "an unknown order or another user's."
        ),
        status_code=200,
        responses=problem_responses(400, 401, 404, 409, 429),
    )
    async def cancel_order(
        self, order_id: FromPath[str], caller: CallerDep, trading: TradingDep
    ) -> OrderOut:
        return OrderOut.from_domain(await trading.orders.cancel(caller.principal, order_id))


def refusal(
    request: Request[Any, Any, Any],
    result: OrderResult,
    order: OrderOut,
    *,
    denied: str = "denied",
    headers: dict[str, str] | None = None,
) -> Response[Any] | None:
    """The 422 problem of an order the gate denied (its reasons after `denied`) or the broker
    rejected; None for any other outcome."""
    if result.order.status is OrderStatus.DENIED:
        reasons = list(result.order.deny_reasons)
        return problem_response(
            request,
            422,
            "ORDER_DENIED",
            "Order denied by the pre-trade gate",
            f"{denied}: " + ", ".join(reasons),
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
    return None


def _answer(request: Request[Any, Any, Any], result: OrderResult) -> Response[Any]:
    """The HTTP answer to a submission: 201 placed, 202 held (200 replayed), 422 denied or
    rejected."""
    order = OrderOut.from_domain(result.order)
    headers = {"Idempotent-Replayed": "true"} if result.replayed else {}
    refused = refusal(request, result, order, headers=headers)
    if refused is not None:
        return refused
    decision = None if result.decision is None else DecisionOut.from_domain(result.decision)
    placed = 202 if result.order.status is OrderStatus.HELD else 201
    # Encoded here by msgspec, once: Litestar passes bytes through as they are.
    return Response(
        _PLACED.encode(OrderPlaced(order=order, decision=decision, replayed=result.replayed)),
        status_code=200 if result.replayed else placed,
        headers=headers,
        media_type=MediaType.JSON,
    )


class _Stored(msgspec.Struct, array_like=True, frozen=True):
    """An answer as a retry with the same key gets it, rendered once (bytes)."""

    status: int
    media_type: str
    headers: dict[str, str]
    body: bytes


_STORED_ENCODER = msgspec.msgpack.Encoder()
_PLACED = msgspec.json.Encoder()
_STORED_DECODER = msgspec.msgpack.Decoder(_Stored)


def _fingerprint(data: OrderIn) -> str:
    """The decoded body, re-encoded (field order fixed, defaults filled in), hashed."""
    return hashlib.sha256(msgspec.json.encode(data)).hexdigest()


async def _once(
    request: Request[Any, Any, Any],
    store: IdempotencyStore,
    key: str,
    fingerprint: str,
    submit: Callable[[], Awaitable[OrderResult]],
) -> Response[Any]:
    """Runs `submit` once per key across instances; later requests get the stored answer."""
    claim = await _claim(store, key, fingerprint)
    if claim is None:  # no store: the orders table's unique key still keeps one order
        return _answer(request, await submit())
    if claim.status is ClaimStatus.MISMATCH:
        raise Conflict("idempotency key reused with a different order")
    if claim.status is ClaimStatus.IN_PROGRESS:
        wait = IN_PROGRESS_RETRY_AFTER_SECONDS
        return problem_response(
            request,
            409,
            "IDEMPOTENCY_IN_PROGRESS",
            "Request in progress",
            "a request with this Idempotency-Key is still being processed",
            headers={"Retry-After": str(wait)},
            retry_after=float(wait),
        )
    if claim.status is ClaimStatus.DONE:
        replay = _replay(claim.result)
        # An unreadable stored answer: the orders table's unique key answers instead.
        return replay if replay is not None else _answer(request, await submit())
    try:
        result = await submit()
    except BaseException:
        await _release(store, key)
        raise
    # What a retry sees is what a replay from the orders table would say: 200 (not 201),
    # Idempotent-Replayed and `replayed: true`, the same denial or rejection (422).
    stored = _stored(request, _answer(request, replace(result, replayed=True)))
    await _complete(store, key, stored)
    return _answer(request, result)


async def _claim(store: IdempotencyStore, key: str, fingerprint: str) -> Claim | None:
    try:
        claim = await store.claim(key, fingerprint, CLAIM_TTL_SECONDS)
    except IdempotencyUnavailable as exc:
        _log.warning("idempotency_store_unavailable", step="claim", error_type=_cause(exc))
        return None
    return claim


async def _release(store: IdempotencyStore, key: str) -> None:
    try:
        await store.release(key)
    except IdempotencyUnavailable as exc:  # the claim lapses on its own
        _log.warning("idempotency_store_unavailable", step="release", error_type=_cause(exc))


async def _complete(store: IdempotencyStore, key: str, stored: bytes) -> None:
    try:
        await store.complete(key, stored, RESULT_TTL_SECONDS)
    except IdempotencyUnavailable as exc:  # a retry then replays from the orders table
        _log.warning("idempotency_store_unavailable", step="complete", error_type=_cause(exc))


def _stored(request: Request[Any, Any, Any], response: Response[Any]) -> bytes:
    content = response.content
    if isinstance(content, bytes):  # already encoded (an order placed)
        body = content
    else:
        encoders = request.route_handler.resolve_type_encoders()
        body = encode_json(content, serializer=get_serializer(encoders))
    media = response.media_type or "application/json"
    return _STORED_ENCODER.encode(
        _Stored(
            status=response.status_code or 200,
            media_type=media.value if isinstance(media, Enum) else str(media),
            headers={str(k): str(v) for k, v in response.headers.items()},
            body=body,
        )
    )


def _replay(raw: bytes | None) -> Response[Any] | None:
    try:
        stored = _STORED_DECODER.decode(raw or b"")
    except msgspec.DecodeError:
        _log.warning("idempotency_result_unreadable")
        return None
    return Response(
        stored.body,
        status_code=stored.status,
        media_type=stored.media_type,
        headers=stored.headers,
    )


def _cause(exc: BaseException) -> str:
    """The underlying error's type (its message may name the server)."""
    return type(exc.__cause__ or exc).__name__
