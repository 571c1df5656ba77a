"""The MCP tasks extension (`io.modelcontextprotocol/tasks`, 2026-07-28) for held orders.

A client that declares the extension on its `tools/call` gets a task handle (`resultType:
"task"`) in place of place_order's "held" answer, and follows it with `tasks/get` until a
person decides (adapters/mcp/held_tasks.py maps the order to the task). `tasks/update`
acknowledges the client's answers to the task's input request, which decide nothing;
`tasks/cancel` withdraws the held order. A client that did not declare the extension, or
speaks an older revision, gets the "held" answer as before.

Every method reads the order through the caller's own key: another owner's order, or an
order id that is no task, answers INVALID_PARAMS as an unknown task.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from mcp.server.context import CallNext, HandlerResult, ServerRequestContext
from mcp.server.extension import Extension, MethodBinding
from mcp.shared.exceptions import MCPError
from mcp_types import INVALID_PARAMS, CallToolRequestParams, CallToolResult, RequestParams
from mcp_types.version import MODERN_PROTOCOL_VERSIONS
from pydantic import Field

from adapters.mcp.current import bulwark
from adapters.mcp.gateway import BulwarkError, Json
from adapters.mcp.held_tasks import task_of

TASKS = "io.modelcontextprotocol/tasks"
_MODERN = frozenset(MODERN_PROTOCOL_VERSIONS)
# The tools whose answer may become a task: an order held for a person.
_TASK_TOOLS = frozenset({"place_order"})
# The HTTP statuses that mean "no such order for this key".
_UNKNOWN = frozenset({400, 404})


class TaskParams(RequestParams):
    """`tasks/get` and `tasks/cancel`: the task's id (`taskId` on the wire)."""

    task_id: str = Field(min_length=1, max_length=200)


class UpdateTaskParams(TaskParams):
    """`tasks/update`: the client's answers to the task's input requests, by key."""

    input_responses: dict[str, Any] = Field(default_factory=dict)


class HeldOrderTasks(Extension):
    """Held orders as tasks (see the module docstring)."""

    identifier = TASKS

    def methods(self) -> Sequence[MethodBinding]:
        return (
            MethodBinding("tasks/get", TaskParams, _get, _MODERN),
            MethodBinding("tasks/update", UpdateTaskParams, _update, _MODERN),
            MethodBinding("tasks/cancel", TaskParams, _cancel, _MODERN),
        )

    async def intercept_tool_call(
        self,
        params: CallToolRequestParams,
        ctx: ServerRequestContext[Any, Any],
        call_next: CallNext,
    ) -> HandlerResult:
        answer = await call_next(ctx)
        if params.name not in _TASK_TOOLS or not _declared(ctx):
            return answer
        order = _held_order(answer)
        if order is None:
            return answer
        return {"resultType": "task", **_without_payload(task_of(order, bulwark().origin))}


def _declared(ctx: ServerRequestContext[Any, Any]) -> bool:
    """The request declared the extension, on a revision that carries task handles."""
    if ctx.protocol_version not in _MODERN:
        return False
    capabilities = ctx.session.client_capabilities
    declared = capabilities.extensions if capabilities is not None else None
    return declared is not None and TASKS in declared


def _held_order(answer: HandlerResult) -> Json | None:
    """The order of a place_order answer that says it is held (None for any other)."""
    if not isinstance(answer, CallToolResult) or answer.is_error:
        return None
    data = answer.structured_content or {}
    order = data.get("order")
    if data.get("decision") != "held" or not isinstance(order, dict):
        return None
    return order


def _without_payload(task: Json) -> Json:
    """A CreateTaskResult carries the task's state only, not its input requests or result."""
    return {k: v for k, v in task.items() if k not in {"inputRequests", "result", "error"}}


async def _order(task_id: str) -> Json:
    """The task's order as the caller's key sees it; an unknown task otherwise."""
    try:
        return await bulwark().order(task_id)
    except BulwarkError as exc:
        if exc.status in _UNKNOWN:
            raise MCPError(INVALID_PARAMS, f"unknown task {task_id!r}") from None
        raise MCPError(INVALID_PARAMS, f"task {task_id!r}: {exc.code}") from None


async def _get(ctx: ServerRequestContext[Any, Any], params: TaskParams) -> HandlerResult:
    return task_of(await _order(params.task_id), bulwark().origin)


async def _update(ctx: ServerRequestContext[Any, Any], params: UpdateTaskParams) -> HandlerResult:
    """Acknowledged: the only input request is a pointer to the console, whose answer (the
    user opened it or not) changes nothing. The task must be the caller's."""
    await _order(params.task_id)
    return {}


async def _cancel(ctx: ServerRequestContext[Any, Any], params: TaskParams) -> HandlerResult:
    """Withdraw the held order (DELETE /orders/{id}: the trade scope, the caller's own)."""
    order = await _order(params.task_id)
    if order.get("status") == "held":
        try:
            await bulwark().cancel_order(params.task_id)
        except BulwarkError as exc:
            data = {"code": exc.code, "status": exc.status}
            raise MCPError(INVALID_PARAMS, f"task {params.task_id!r}: {exc.code}", data) from None
    return {}
