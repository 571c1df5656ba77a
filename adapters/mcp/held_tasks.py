"""A held order as an MCP task (the tasks extension, `io.modelcontextprotocol/tasks`): the task's
state read from the order as the agent's key sees it, so any worker answers any poll and the
task lives as long as the order.

- `input_required` while the order is held: its one input request points the client's user
  to the console page where a person with the right decides (a URL elicitation: answering it
  approves nothing; the approval is always a person's, in the console or the API);
- `working` between the approval and the broker's acknowledgement;
- `completed` with the place_order answer once the broker has the order (accepted or filled);
- `failed` when it will never trade: a person rejected it (or the kill switch ended the hold),
  the hold lapsed, the gate denied it on approval, the broker rejected it or never got it;
- `cancelled` when its agent or owner withdrew it.

The task's id is the order's id.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from mcp_types import CallToolResult

from adapters.mcp.decisions import approval_sentence, held_sentence, plain
from adapters.mcp.gateway import Json
from adapters.mcp.results import result

# How often a client should poll a held order: a person's decision takes minutes.
POLL_INTERVAL_MS = 2000
# The JSON-RPC error of a failed task (implementation-defined server error); the stable
# Bulwark code of why the order will never trade is in its data.
ORDER_NOT_EXECUTED = -32000
HOLD_REJECTED = "HOLD_REJECTED"
HOLD_EXPIRED = "HOLD_EXPIRED"
ORDER_DENIED = "ORDER_DENIED"
ORDER_REJECTED = "ORDER_REJECTED"
ORDER_NEVER_SENT = "ORDER_NEVER_SENT"

_WORKING = frozenset({"new", "pending_submit"})
_AT_BROKER = frozenset({"accepted", "partially_filled", "filled"})
_FAILED = {
    "expired": (HOLD_EXPIRED, "its hold lapsed: nobody decided in time, and it was never sent"),
    "denied": (ORDER_DENIED, "the pre-trade gate denied it when it was approved"),
    "rejected": (ORDER_REJECTED, "its broker rejected it"),
    "never_sent": (ORDER_NEVER_SENT, "its broker never received it"),
}


def approval_request_key(order_id: str) -> str:
    """The input request's key: one per order, never reused for another request."""
    return f"approval:{order_id}"


def task_of(order: Json, console: str) -> Json:
    """The task of the order as it stands (a tasks/get answer, without its resultType)."""
    status = str(order.get("status"))
    order_id = str(order.get("id"))
    base: Json = {
        "taskId": order_id,
        "createdAt": _timestamp(order.get("created_at")),
        "lastUpdatedAt": _last_update(order),
        "ttlMs": None,  # kept as long as the order is
        "pollIntervalMs": POLL_INTERVAL_MS,
    }
    if status == "held":
        return {
            **base,
            "status": "input_required",
            "statusMessage": held_sentence(order, None),
            "inputRequests": {approval_request_key(order_id): _approval_request(order, console)},
        }
    if status in _WORKING:
        message = f"Approved; order {order_id} is on its way to its broker."
        return {**base, "status": "working", "statusMessage": message}
    if status in _AT_BROKER:
        answer = completed(order)
        return {
            **base,
            "status": "completed",
            "statusMessage": approval_sentence(order, None, False, ""),
            "result": answer.model_dump(by_alias=True, mode="json", exclude_none=True),
        }
    if status == "canceled" and not order.get("deny_reasons"):
        return {**base, "status": "cancelled", "statusMessage": f"Order {order_id} was withdrawn."}
    code, why = _FAILED.get(
        status, (HOLD_REJECTED, "a person rejected it (or the kill switch ended its hold)")
    )
    message = f"Order {order_id} will not trade: {why}."
    error = {
        "code": ORDER_NOT_EXECUTED,
        "message": message,
        # The reasons may quote a person or a venue: data, never instructions.
        "data": {"code": code, "reasons": list(order.get("deny_reasons") or []), "order": order},
    }
    return {**base, "status": "failed", "statusMessage": message, "error": error}


def completed(order: Json) -> CallToolResult:
    """The place_order answer of an approved order its broker has."""
    approvers = [a.get("name") or a.get("approver_id") for a in order.get("approvals", [])]
    outcome = {"decision": "approved", "order": order, "approved_by": approvers}
    text = approval_sentence(order, None, False, "")
    text += f" Approved by a person after a hold ({', '.join(order.get('hold_reasons', []))})."
    return result(text, outcome)


def _approval_request(order: Json, console: str) -> Json:
    """A URL elicitation: the console page of held orders, where a person decides."""
    message = (
        f"Order {order.get('id')} ({order.get('side')} {plain(order.get('quantity'))} "
        f"{order.get('symbol')}) is held for a person's approval. The account's owner or a risk "
        "officer decides it in Bulwark's console at this address; they have been notified. "
        "Opening it approves nothing."
    )
    return {
        "method": "elicitation/create",
        "params": {"mode": "url", "message": message, "url": f"{console}/console/held"},
    }


def _timestamp(value: Any) -> str:
    if isinstance(value, str) and value:
        return value
    return datetime.now(UTC).isoformat()


def _last_update(order: Json) -> str:
    """The latest moment the order records: its last approval, else its creation."""
    times = [str(a["at"]) for a in order.get("approvals", []) if a.get("at")]
    return max(times) if times else _timestamp(order.get("created_at"))
