"""A tool's answer: the sentence a model acts on, and the same facts as structured content."""

from __future__ import annotations

import json

from mcp_types import CallToolResult, TextContent

from adapters.mcp.gateway import BulwarkError, Json


def result(sentence: str, structured: Json) -> CallToolResult:
    """A tool's answer: the sentence a model acts on, and the same facts as data."""
    data = {"summary": sentence, **structured}
    return CallToolResult(
        content=[TextContent(type="text", text=f"{sentence}\n{json.dumps(data)}")],
        structured_content=data,
    )


def failure(exc: BulwarkError, **facts: object) -> CallToolResult:
    """Bulwark refused the call (or could not be reached): its code and what it said, as a
    tool error; `facts` the model needs to retry (the idempotency key of an order)."""
    error: Json = {"code": exc.code, "status": exc.status, "message": exc.message}
    problem = exc.as_json()
    for extra in ("errors", "retry_after"):
        if problem.get(extra) is not None:
            error[extra] = problem[extra]
    text = f"{exc.code}: {exc.message}"
    if exc.problem.retry_after is not None:
        text += f" (retry after {exc.problem.retry_after:g} s)"
    return CallToolResult(
        content=[TextContent(type="text", text=text)],
        structured_content={"error": error, **facts},
        is_error=True,
    )
