"""A requester of the MCP tasks extension (`io.modelcontextprotocol/tasks`) built on the SDK's
own client-extension surface: it declares the extension on every request, claims the
`resultType: "task"` answer of `tools/call`, and finishes it as the extension's specification
says a client does: poll `tasks/get` at the server's interval, show each new input request to
the user once and answer it with `tasks/update`, and return the final `CallToolResult` (a
failed task raises its JSON-RPC error)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from typing import Any, ClassVar, Literal

import anyio
from mcp.client.extension import ClaimContext, ClientExtension, ResultClaim
from mcp.shared.exceptions import MCPError
from mcp_types import CallToolResult, ErrorData, Request, RequestParams, Result
from pydantic import ConfigDict, Field

TASKS = "io.modelcontextprotocol/tasks"
TERMINAL = frozenset({"completed", "failed", "cancelled"})

# Shown an input request (its key and the request): answers it (an elicitation's result).
OnInput = Callable[[str, dict[str, Any]], Awaitable[dict[str, Any]]]


class CreateTaskResult(Result):
    model_config = ConfigDict(extra="allow", populate_by_name=True)
    result_type: Literal["task"] = Field("task", alias="resultType")
    task_id: str = Field(alias="taskId")
    status: str
    status_message: str | None = Field(None, alias="statusMessage")
    poll_interval_ms: int | None = Field(None, alias="pollIntervalMs")


class TaskIdParams(RequestParams):  # camelCase on the wire, as every MCP model
    task_id: str


class UpdateParams(TaskIdParams):
    input_responses: dict[str, Any]


class GetTask(Request[TaskIdParams, Literal["tasks/get"]]):
    name_param: ClassVar[str | None] = "taskId"  # the Mcp-Name header the spec asks for
    method: Literal["tasks/get"] = "tasks/get"
    params: TaskIdParams


class UpdateTask(Request[UpdateParams, Literal["tasks/update"]]):
    name_param: ClassVar[str | None] = "taskId"
    method: Literal["tasks/update"] = "tasks/update"
    params: UpdateParams


class CancelTask(Request[TaskIdParams, Literal["tasks/cancel"]]):
    name_param: ClassVar[str | None] = "taskId"
    method: Literal["tasks/cancel"] = "tasks/cancel"
    params: TaskIdParams


class DetailedTask(Result):
    model_config = ConfigDict(extra="allow", populate_by_name=True)
    task_id: str = Field(alias="taskId")
    status: str
    status_message: str | None = Field(None, alias="statusMessage")
    poll_interval_ms: int | None = Field(None, alias="pollIntervalMs")
    input_requests: dict[str, Any] | None = Field(None, alias="inputRequests")
    result: dict[str, Any] | None = None
    error: dict[str, Any] | None = None


class TasksRequester(ClientExtension):
    """The extension's requester side; `on_input` is the user answering an input request,
    `seen` every task handle and state it polled (for a test to read)."""

    identifier = TASKS

    def __init__(self, on_input: OnInput, *, poll_cap_s: float = 0.2) -> None:
        self._on_input = on_input
        self._poll_cap_s = poll_cap_s
        self.handles: list[CreateTaskResult] = []
        self.states: list[DetailedTask] = []

    def claims(self) -> Sequence[ResultClaim[Any]]:
        return (ResultClaim(result_type="task", model=CreateTaskResult, resolve=self._resolve),)

    async def _resolve(self, handle: CreateTaskResult, ctx: ClaimContext) -> CallToolResult:
        self.handles.append(handle)
        answered: set[str] = set()
        interval = handle.poll_interval_ms
        while True:
            await anyio.sleep(min(self._poll_cap_s, (interval or 1000) / 1000))
            task = await ctx.session.send_request(
                GetTask(params=TaskIdParams(task_id=handle.task_id)), DetailedTask
            )
            self.states.append(task)
            interval = task.poll_interval_ms or interval
            if task.status == "completed":
                return CallToolResult.model_validate(task.result or {})
            if task.status == "failed":
                raise MCPError.from_error_data(ErrorData.model_validate(task.error or {}))
            if task.status == "cancelled":
                raise MCPError(-32800, f"task {task.task_id} was cancelled")
            fresh = {k: r for k, r in (task.input_requests or {}).items() if k not in answered}
            if fresh:
                responses = {key: await self._on_input(key, r) for key, r in fresh.items()}
                answered.update(fresh)
                update = UpdateParams(task_id=task.task_id, input_responses=responses)
                await ctx.session.send_request(UpdateTask(params=update), Result)


async def cancel_task(session: Any, task_id: str) -> Result:
    """tasks/cancel of `task_id` on an open session."""
    result: Result = await session.send_request(
        CancelTask(params=TaskIdParams(task_id=task_id)), Result
    )
    return result


async def get_task(session: Any, task_id: str) -> DetailedTask:
    """tasks/get of `task_id` on an open session."""
    task: DetailedTask = await session.send_request(
        GetTask(params=TaskIdParams(task_id=task_id)), DetailedTask
    )
    return task
