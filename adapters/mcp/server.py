"""The agents' MCP server: Bulwark's pre-trade gate, orders, positions, limits, quotes, the kill
switch's state and heartbeats as tools, each a call of Bulwark's own REST API with the agent's
key (adapters/mcp/gateway.py), so no rule is implemented twice."""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from contextlib import AbstractAsyncContextManager
from typing import Annotated, Any, Literal

from mcp.server.context import CallNext, HandlerResult, ServerRequestContext
from mcp.server.mcpserver import Context, MCPServer
from mcp.server.mcpserver.exceptions import ToolError, UnexpectedToolError
from mcp_types import CallToolResult, InputRequiredResult, ToolAnnotations
from mcp_types import Tool as MCPTool
from pydantic import Field, ValidationError

from adapters.mcp.current import bulwark, serving
from adapters.mcp.decisions import (
    approval_sentence,
    denial_sentence,
    held_sentence,
    most_that_fits,
    plain,
    reasons_of,
)
from adapters.mcp.gateway import (
    INTERNAL_ERROR,
    INVALID_CALL,
    NOT_FOUND,
    VALIDATION_ERROR,
    BulwarkError,
    BulwarkGateway,
    FieldProblem,
    Json,
    Problem,
)
from adapters.mcp.resources import register_resources
from adapters.mcp.results import failure, result
from adapters.mcp.scopes import allowed
from adapters.mcp.tasks import HeldOrderTasks
from adapters.mcp.views import (
    granted_accounts,
    limits_of,
    limits_sentence,
    only_account,
    only_agent,
    states_sentence,
)

_log = logging.getLogger(__name__)

# Opens the gateway for one inbound MCP message, given the transport's request (the HTTP
# request on streamable HTTP, None on stdio): the caller's key goes with every call it makes.
GatewayOpener = Callable[[Any], AbstractAsyncContextManager[BulwarkGateway]]

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
            with serving(gateway):
                return await call_next(ctx)

    server: MCPServer[Any] = _BulwarkServer(
        "bulwark",
        instructions=INSTRUCTIONS,
        middleware=[with_gateway],
        log_level="WARNING",
        extensions=[HeldOrderTasks()],
    )
    _register_tools(server)
    register_resources(server)
    return server


class _BulwarkServer(MCPServer[Any]):
    """The SDK's server, whose refusals of a call (arguments that fail a tool's schema, a
    tool that does not exist, a tool that failed) carry `structuredContent.error` with a
    stable code, as every refusal Bulwark's API words does; it lists only the tools the
    caller's scopes allow (adapters/mcp/scopes.py)."""

    async def list_tools(self) -> list[MCPTool]:
        tools = await super().list_tools()
        try:
            gateway = bulwark()
        except LookupError:  # outside a request (the SDK's own use): every tool
            return tools
        return allowed(tools, await gateway.scopes())

    async def call_tool(
        self, name: str, arguments: dict[str, Any], context: Context[Any, Any] | None = None
    ) -> CallToolResult | InputRequiredResult:
        try:
            return await super().call_tool(name, arguments, context)
        except UnexpectedToolError:
            _log.exception("the MCP tool %r failed", name)
            return failure(
                BulwarkError(Problem(500, INTERNAL_ERROR, "Internal error", f"{name} failed"))
            )
        except ToolError as exc:
            if isinstance(exc.__cause__, ValidationError):
                return failure(_invalid_arguments(exc.__cause__))
            if name not in {tool.name for tool in await self.list_tools()}:
                detail = f"no tool named {name!r}: list_tools names them"
                return failure(BulwarkError(Problem(404, NOT_FOUND, "Not found", detail)))
            detail = str(exc).removeprefix(f"Error executing tool {name}: ")
            return failure(BulwarkError(Problem(400, INVALID_CALL, "Invalid tool call", detail)))


def _invalid_arguments(exc: ValidationError) -> BulwarkError:
    """400 VALIDATION_ERROR naming each argument at fault, as the API names a body's fields
    (never the rejected value: it is the caller's data)."""
    said: dict[str, list[str]] = {}
    for error in exc.errors(include_url=False, include_input=False):
        field = ".".join(str(part) for part in error["loc"][:1]) or "arguments"
        message = str(error["msg"])
        if message not in said.setdefault(field, []):
            said[field].append(message)
    errors = [
        FieldProblem(field, " or ".join(messages), source="arguments")
        for field, messages in said.items()
    ]
    detail = "the tool's arguments are invalid"
    return BulwarkError(Problem(400, VALIDATION_ERROR, "Invalid request", detail, errors))


def _register_tools(server: MCPServer[Any]) -> None:
    reads = ToolAnnotations(read_only_hint=True, open_world_hint=False)

    @server.tool(
        description=(
            "Place an order through Bulwark's pre-trade gate. The answer says whether it was "
            "approved (possibly reduced), denied (each reason with its code and what to change), "
            "held for a person's approval (not sent until approved) or rejected by the broker. "
            "Send the same idempotency_key when you retry a call "
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
        algorithm: Annotated[
            str | None,
            Field(
                description="The model or algorithm deciding this order (kept on it).",
                max_length=64,
            ),
        ] = None,
        algorithm_version: Annotated[
            str | None, Field(description="That model's or algorithm's version.", max_length=32)
        ] = None,
    ) -> CallToolResult:
        key = idempotency_key or f"mcp-{uuid.uuid4()}"
        try:
            account = account_id or await only_account()
        except BulwarkError as exc:
            return failure(exc)
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
        # Kept on the order (its attribution); not terms /risk/analyze takes after a denial.
        declared = {"algorithm": algorithm, "algorithm_version": algorithm_version}
        told = {name: value for name, value in declared.items() if value is not None}
        try:
            placed = await bulwark().place_order({**terms, **told}, key)
        except BulwarkError as exc:
            if exc.code == "ORDER_DENIED":
                return await _denied(exc, terms, key)
            if exc.code == "ORDER_REJECTED":
                order = exc.problem.order or {}
                text = f"Rejected by the broker: order {order.get('id')} was not accepted."
                return result(
                    text, {"decision": "rejected", "order": order, "idempotency_key": key}
                )
            # A retry with this key is safe whatever became of the call.
            return failure(exc, idempotency_key=key)
        order, decision = placed.body["order"], placed.body.get("decision")
        replayed = bool(placed.body.get("replayed"))
        if order.get("status") == "held":  # a HOLD rule: waits for a person, not sent
            held = {
                "decision": "held",
                "order": order,
                "reasons": reasons_of((decision or {}).get("verdicts", [])),
                "replayed": replayed,
                "idempotency_key": key,
            }
            return result(held_sentence(order, decision), held)
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
        return result(approval_sentence(order, decision, replayed, key), outcome)

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
            return failure(exc)
        return result(f"Order {order.get('id')} is {order.get('status')}.", {"order": order})

    @server.tool(
        description=(
            "Your orders, newest first: status, quantities, fills and, for a denied order, the "
            "gate's reason codes (deny_reasons); an order a HOLD rule held for a person names "
            "that rule's codes in hold_reasons, kept once it is approved. Pass next_cursor back "
            "as cursor for the next page."
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
            return failure(exc)
        return result(f"{len(page.get('items', []))} orders.", page)

    @server.tool(
        description=(
            "Open positions of your accounts (or of one account): quantity, average price, "
            "mark and unrealized P&L per symbol."
        ),
        annotations=reads,
    )
    async def list_positions(account_id: AccountId = None) -> CallToolResult:
        try:
            accounts = [account_id] if account_id else await granted_accounts()
            books = [await bulwark().positions(a) for a in accounts]
        except BulwarkError as exc:
            return failure(exc)
        held = sum(len(b.get("items", [])) for b in books)
        return result(f"{held} open positions in {len(books)} accounts.", {"accounts": books})

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
            limits = await limits_of(account_id or await only_account(), symbol, side)
        except BulwarkError as exc:
            return failure(exc)
        return result(limits_sentence(limits), limits)

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
            return failure(exc)
        text = (
            f"{quote.get('symbol')}: bid {plain(quote.get('bid'))}, ask {plain(quote.get('ask'))}."
        )
        return result(text, quote)

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
            return failure(exc)
        return result(states_sentence(states), states)

    @server.tool(
        description=(
            "Stop trading now: halt yourself (every account you trade), or one of your accounts "
            "with account_id. Bulwark cancels your open orders at the brokers and confirms it. "
            "You cannot resume: only a person can, after reading your reason."
        ),
        annotations=ToolAnnotations(destructive_hint=True, idempotent_hint=True),
    )
    async def halt_trading(
        reason: Annotated[
            str, Field(description="Why you stop, for the person who will decide to resume.")
        ],
        account_id: Annotated[
            str | None, Field(description="One of your accounts; leave it out to halt yourself.")
        ] = None,
    ) -> CallToolResult:
        try:
            event = await bulwark().halt(reason, account_id)
        except BulwarkError as exc:
            return failure(exc)
        scope = (event.get("scope") or {}).get("key", "your scope")
        confirmed = "confirmed" if event.get("broker_confirmed") else "not yet confirmed"
        text = (
            f"Halted {scope}: {event.get('orders_cancelled', 0)} orders cancelled, "
            f"the brokers' confirmation {confirmed}. Only a person can resume."
        )
        return result(text, event)

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
            beat = await bulwark().heartbeat(agent_id or await only_agent(), status)
        except BulwarkError as exc:
            return failure(exc)
        return result(f"Heartbeat recorded: {beat.get('liveness')}.", beat)


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
    return result(denial_sentence(reasons, codes, fits), outcome)
