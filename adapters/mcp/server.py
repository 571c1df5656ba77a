"""The agents' MCP server: Bulwark's pre-trade gate, orders, positions, limits, quotes, the kill
switch's state and heartbeats as tools, each a call of Bulwark's own REST API with the agent's
key (adapters/mcp/gateway.py), so no rule is implemented twice."""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Iterator
from contextlib import AbstractAsyncContextManager, contextmanager
from contextvars import ContextVar
from typing import Annotated, Any, Literal

from mcp.server.context import CallNext, HandlerResult, ServerRequestContext
from mcp.server.mcpserver import MCPServer
from mcp.server.mcpserver.exceptions import ResourceError
from mcp_types import CallToolResult, TextContent, ToolAnnotations
from pydantic import Field

from adapters.mcp.decisions import (
    approval_sentence,
    denial_sentence,
    most_that_fits,
    plain,
    reasons_of,
)
from adapters.mcp.gateway import BulwarkError, BulwarkGateway, Json, Problem

# Opens the gateway for one inbound MCP message, given the transport's request (the HTTP
# request on streamable HTTP, None on stdio): the caller's key goes with every call it makes.
GatewayOpener = Callable[[Any], AbstractAsyncContextManager[BulwarkGateway]]

_GATEWAY: ContextVar[BulwarkGateway] = ContextVar("bulwark_mcp_gateway")

INSTRUCTIONS = (
    "Bulwark is the risk and safety control plane in front of the broker: every order you "
    "place passes its pre-trade gate, which may approve, reduce or deny it with stable reason "
    "codes. Call my_limits before sizing an order, place_order to trade (reuse the same "
    "idempotency_key when you retry), kill_switch_state when you are denied TRADING_HALTED, "
    "and heartbeat regularly: an agent that stops beating is declared dead and halted."
)

Quantity = Annotated[
    str | float,
    Field(description='How many units, as a decimal string ("10", "0.5") or a number.'),
]
Price = Annotated[
    str | float | None,
    Field(description="A price as a decimal string or number; only for limit/stop orders."),
]
AccountId = Annotated[
    str | None,
    Field(description="The account to act on; leave it out when you trade a single account."),
]


def build_server(open_gateway: GatewayOpener) -> MCPServer[Any]:
    """The MCP server, its tools reaching Bulwark through the gateway `open_gateway` gives."""

    async def with_gateway(
        ctx: ServerRequestContext[Any, Any], call_next: CallNext
    ) -> HandlerResult:
        async with open_gateway(ctx.request) as gateway:
            token = _GATEWAY.set(gateway)
            try:
                return await call_next(ctx)
            finally:
                _GATEWAY.reset(token)

    server: MCPServer[Any] = MCPServer(
        "bulwark", instructions=INSTRUCTIONS, middleware=[with_gateway], log_level="WARNING"
    )
    _register_tools(server)
    _register_resources(server)
    return server


def bulwark() -> BulwarkGateway:
    """The gateway of the message being handled (set by the server's middleware)."""
    return _GATEWAY.get()


def _register_tools(server: MCPServer[Any]) -> None:
    reads = ToolAnnotations(read_only_hint=True, open_world_hint=False)

    @server.tool(
        description=(
            "Place an order through Bulwark's pre-trade gate. The answer says whether it was "
            "approved (possibly reduced), denied (each reason with its code and what to change) "
            "or rejected by the broker. Send the same idempotency_key when you retry a call "
            "whose answer you did not get: you get the same order back, never a second one. "
            "Leave it out and a fresh key is made (returned in the answer)."
        ),
        annotations=ToolAnnotations(destructive_hint=False, idempotent_hint=True),
    )
    async def place_order(
        symbol: Annotated[str, Field(description="The instrument's symbol, e.g. AAPL.")],
        side: Annotated[Literal["buy", "sell"], Field(description="buy or sell.")],
        quantity: Quantity,
        account_id: AccountId = None,
        order_type: Annotated[
            Literal["market", "limit", "stop", "stop_limit"], Field(description="Order type.")
        ] = "market",
        limit_price: Price = None,
        stop_price: Price = None,
        time_in_force: Annotated[
            Literal["day", "gtc", "ioc", "fok"], Field(description="How long it may rest.")
        ] = "day",
        reduce_only: Annotated[
            bool, Field(description="Only shrink an existing position, never grow it.")
        ] = False,
        idempotency_key: Annotated[
            str | None, Field(description="Your key for this order; reuse it on a retry.")
        ] = None,
    ) -> CallToolResult:
        key = idempotency_key or f"mcp-{uuid.uuid4()}"
        try:
            account = account_id or await _only_account()
        except BulwarkError as exc:
            return _failure(exc)
        terms: Json = {
            "account_id": account,
            "symbol": symbol,
            "side": side,
            "quantity": quantity,
            "order_type": order_type,
            "time_in_force": time_in_force,
            "reduce_only": reduce_only,
        }
        for name, price in (("limit_price", limit_price), ("stop_price", stop_price)):
            if price is not None:
                terms[name] = price
        try:
            placed = await bulwark().place_order(terms, key)
        except BulwarkError as exc:
            if exc.code == "ORDER_DENIED":
                return await _denied(exc, terms, key)
            if exc.code == "ORDER_REJECTED":
                order = exc.problem.order or {}
                text = f"Rejected by the broker: order {order.get('id')} was not accepted."
                return _result(
                    text, {"decision": "rejected", "order": order, "idempotency_key": key}
                )
            return _failure(exc)
        order, decision = placed.body["order"], placed.body.get("decision")
        replayed = bool(placed.body.get("replayed"))
        reduced = decision is not None and decision.get("quantity") != decision.get(
            "requested_quantity"
        )
        outcome = {
            "decision": "reduced" if reduced else "approved",
            "order": order,
            "reasons": reasons_of((decision or {}).get("verdicts", [])),
            "warnings": (decision or {}).get("warnings", []),
            "replayed": replayed,
            "idempotency_key": key,
        }
        return _result(approval_sentence(order, decision, replayed, key), outcome)

    @server.tool(
        description=(
            "Cancel one of your open orders by its id. An order that is not yours answers "
            "NOT_FOUND; one no longer open answers CONFLICT."
        ),
        annotations=ToolAnnotations(destructive_hint=True, idempotent_hint=True),
    )
    async def cancel_order(
        order_id: Annotated[str, Field(description="The order's id, as place_order gave it.")],
    ) -> CallToolResult:
        try:
            order = await bulwark().cancel_order(order_id)
        except BulwarkError as exc:
            return _failure(exc)
        return _result(f"Order {order.get('id')} is {order.get('status')}.", {"order": order})

    @server.tool(
        description=(
            "Your orders, newest first: status, quantities, fills and, for a denied order, the "
            "gate's reason codes. Pass next_cursor back as cursor for the next page."
        ),
        annotations=reads,
    )
    async def list_orders(
        account_id: AccountId = None,
        status: Annotated[
            str | None, Field(description="Only this status, e.g. new, filled, denied.")
        ] = None,
        symbol: Annotated[str | None, Field(description="Only this symbol.")] = None,
        limit: Annotated[int, Field(description="At most this many (1 to 200).")] = 20,
        cursor: Annotated[str | None, Field(description="next_cursor of the last page.")] = None,
    ) -> CallToolResult:
        try:
            page = await bulwark().orders(
                account_id=account_id, status=status, symbol=symbol, limit=limit, cursor=cursor
            )
        except BulwarkError as exc:
            return _failure(exc)
        return _result(f"{len(page.get('items', []))} orders.", page)

    @server.tool(
        description=(
            "Open positions of your accounts (or of one account): quantity, average price, "
            "mark and unrealized P&L per symbol."
        ),
        annotations=reads,
    )
    async def list_positions(account_id: AccountId = None) -> CallToolResult:
        try:
            accounts = [account_id] if account_id else await _accounts()
            books = [await bulwark().positions(a) for a in accounts]
        except BulwarkError as exc:
            return _failure(exc)
        held = sum(len(b.get("items", [])) for b in books)
        return _result(f"{held} open positions in {len(books)} accounts.", {"accounts": books})

    @server.tool(
        description=(
            "The limits that bind your next order of `symbol` and the room left under each: "
            "the largest quantity each size limit still allows, the account's equity and buying "
            "power, the trading state of your scopes, and the gate's verdict on a one-unit "
            "probe. Call it before sizing an order; nothing is placed."
        ),
        annotations=reads,
    )
    async def my_limits(
        symbol: Annotated[str, Field(description="The instrument you intend to trade.")],
        side: Annotated[Literal["buy", "sell"], Field(description="buy or sell.")] = "buy",
        account_id: AccountId = None,
    ) -> CallToolResult:
        try:
            limits = await _limits(account_id or await _only_account(), symbol, side)
        except BulwarkError as exc:
            return _failure(exc)
        return _result(_limits_sentence(limits), limits)

    @server.tool(
        description=(
            "The freshest quote of a symbol: bid, ask, last, sizes, its source and age. "
            "SYMBOL_NOT_FOUND when no source has one at most max_age_s old."
        ),
        annotations=reads,
    )
    async def get_quote(
        symbol: Annotated[str, Field(description="The instrument's symbol, e.g. AAPL.")],
        max_age_s: Annotated[
            float, Field(description="The oldest quote you accept, in seconds (default 5).")
        ] = 5.0,
    ) -> CallToolResult:
        try:
            quote = await bulwark().quote(symbol, max_age_s)
        except BulwarkError as exc:
            return _failure(exc)
        text = (
            f"{quote.get('symbol')}: bid {plain(quote.get('bid'))}, ask {plain(quote.get('ask'))}."
        )
        return _result(text, quote)

    @server.tool(
        description=(
            "The kill switch's trading state of every scope that binds you (global, your "
            "accounts, yourself): active, reducing (only reductions) or halted (no orders)."
        ),
        annotations=reads,
    )
    async def kill_switch_state() -> CallToolResult:
        try:
            states = await bulwark().trading_states()
        except BulwarkError as exc:
            return _failure(exc)
        return _result(_states_sentence(states), states)

    @server.tool(
        description=(
            "Tell Bulwark you are alive. Beat at least every few seconds: an agent whose "
            "heartbeats stop is declared dead and its scope is halted until a person resumes it."
        ),
        annotations=ToolAnnotations(destructive_hint=False, idempotent_hint=True),
    )
    async def heartbeat(
        status: Annotated[
            str, Field(description="How you are, in a word (ok, degraded...).")
        ] = "ok",
        agent_id: Annotated[str | None, Field(description="Leave it out: your own agent.")] = None,
    ) -> CallToolResult:
        try:
            beat = await bulwark().heartbeat(agent_id or await _only_agent(), status)
        except BulwarkError as exc:
            return _failure(exc)
        return _result(f"Heartbeat recorded: {beat.get('liveness')}.", beat)


def _register_resources(server: MCPServer[Any]) -> None:
    @server.resource(
        "bulwark://decisions",
        name="recent-decisions",
        description="Your 20 most recent orders with the gate's decision and reason codes.",
        mime_type="application/json",
    )
    async def recent_decisions() -> str:
        with _as_resource_error():
            agents = (await bulwark().whoami()).get("items", [])
            mine = agents[0]["agent_id"] if len(agents) == 1 else None
            page = await bulwark().orders(origin_id=mine, limit=20)
        decisions = [
            {
                "order_id": o.get("id"),
                "account_id": o.get("account_id"),
                "symbol": o.get("symbol"),
                "side": o.get("side"),
                "quantity": o.get("quantity"),
                "requested_quantity": o.get("requested_quantity"),
                "status": o.get("status"),
                "deny_reasons": o.get("deny_reasons", []),
                "created_at": o.get("created_at"),
            }
            for o in page.get("items", [])
        ]
        return json.dumps({"decisions": decisions})

    @server.resource(
        "bulwark://rules/{account_id}/{symbol}",
        name="rules",
        description=(
            "The rules that bind your orders of a symbol on an account: each size limit with "
            "its rule id, reason code and the room it leaves, the sector limit, and the "
            "trading state of your scopes."
        ),
        mime_type="application/json",
    )
    async def rules(account_id: str, symbol: str) -> str:
        with _as_resource_error():
            return json.dumps(await _limits(account_id, symbol, "buy"))


@contextmanager
def _as_resource_error() -> Iterator[None]:
    """Bulwark's refusal of a resource read, told with its code (not an internal error)."""
    try:
        yield
    except BulwarkError as exc:
        raise ResourceError(f"{exc.code}: {exc.message}") from None


async def _agent() -> Json:
    """The caller's own agent (an agent key sees only itself)."""
    agents = (await bulwark().whoami()).get("items", [])
    if len(agents) != 1:
        raise _usage("several agents answer to these credentials: name the agent_id")
    agent: Json = agents[0]
    return agent


async def _only_agent() -> str:
    return str((await _agent())["agent_id"])


async def _accounts() -> list[str]:
    return [str(a) for a in (await _agent()).get("account_ids", [])]


async def _only_account() -> str:
    accounts = await _accounts()
    if len(accounts) != 1:
        raise _usage(
            f"you may trade {len(accounts)} accounts ({', '.join(accounts)}): name the account_id"
        )
    return accounts[0]


def _usage(detail: str) -> BulwarkError:
    return BulwarkError(Problem(400, "VALIDATION_ERROR", "Missing argument", detail))


async def _limits(account_id: str, symbol: str, side: str) -> Json:
    """The room left under each limit for an order of `symbol`, from a one-unit probe."""
    gateway = bulwark()
    account = await gateway.account(account_id)
    probe = {"account_id": account_id, "symbol": symbol, "side": side, "quantity": "1"}
    analysis = await gateway.analyze(probe)
    states = await gateway.trading_states()
    decision = analysis.get("decision", {})
    return {
        "account_id": account_id,
        "symbol": symbol,
        "side": side,
        "equity": account.get("equity"),
        "buying_power": account.get("buying_power"),
        "limits": [
            {
                "control": room.get("control"),
                "code": room.get("code"),
                "rule_id": room.get("rule_id"),
                "room_quantity": room.get("capacity"),
            }
            for room in analysis.get("headroom", [])
        ],
        "sector": analysis.get("sector"),
        "sector_limit": analysis.get("sector_limit"),
        "probe_approved": decision.get("approved"),
        "probe_reasons": reasons_of(decision.get("verdicts", [])),
        "trading_states": states.get("scopes", []),
    }


def _limits_sentence(limits: Json) -> str:
    rooms = [
        f"{room['control']} allows {plain(room['room_quantity'])}" for room in limits["limits"]
    ]
    halted = [s for s in limits["trading_states"] if s.get("state") != "active"]
    text = f"{limits['side']} {limits['symbol']} on {limits['account_id']}: "
    text += "; ".join(rooms) if rooms else "no size limit binds it"
    text += f"; buying power {plain(limits['buying_power'])}."
    if halted:
        text += " " + _states_sentence({"scopes": halted})
    return text


def _states_sentence(states: Json) -> str:
    scopes = states.get("scopes", [])
    stopped = [s for s in scopes if s.get("state") != "active"]
    if not stopped:
        return f"Trading is active in all {len(scopes)} scopes that bind you."
    said = [
        f"{s['scope'].get('kind', 'scope')} {s['scope'].get('id') or ''} is {s['state']}".replace(
            "  ", " "
        )
        for s in stopped
    ]
    return "Not active: " + "; ".join(said) + "."


async def _denied(exc: BulwarkError, terms: Json, key: str) -> CallToolResult:
    """A denial with each reason's message and the quantity that would fit (POST
    /risk/analyze on the same terms: nothing stored or sent)."""
    codes = list(exc.problem.reasons or [])
    order = exc.problem.order or {}
    reasons: list[Json] = [{"code": c} for c in codes]
    fits = None
    try:
        analysis = await bulwark().analyze(terms)
    except BulwarkError:
        analysis = None
    if analysis is not None:
        verdicts = analysis.get("decision", {}).get("verdicts", [])
        reasons = reasons_of(verdicts, codes) or reasons
        fits = most_that_fits(codes, analysis.get("headroom", []), terms["quantity"])
    outcome = {
        "decision": "denied",
        "order": order,
        "reasons": reasons,
        "most_that_fits": None if fits is None else plain(fits),
        "idempotency_key": key,
    }
    return _result(denial_sentence(reasons, codes, fits), outcome)


def _result(sentence: str, structured: Json) -> CallToolResult:
    """A tool's answer: the sentence a model acts on, and the same facts as data."""
    data = {"summary": sentence, **structured}
    return CallToolResult(
        content=[TextContent(type="text", text=f"{sentence}\n{json.dumps(data)}")],
        structured_content=data,
    )


def _failure(exc: BulwarkError) -> CallToolResult:
    """Bulwark refused the call: its code and what it said, as a tool error."""
    error = {"code": exc.code, "status": exc.status, "message": exc.message}
    problem = exc.as_json()
    if problem.get("errors"):
        error["errors"] = problem["errors"]
    return CallToolResult(
        content=[TextContent(type="text", text=f"{exc.code}: {exc.message}")],
        structured_content={"error": error},
        is_error=True,
    )
