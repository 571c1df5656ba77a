"""A held order's task, read from the order as it stands: each order status gives the task
status the tasks extension defines, with its payload (input requests, result or error)."""

from __future__ import annotations

from typing import Any

import pytest

from adapters.mcp.held_tasks import (
    HOLD_EXPIRED,
    HOLD_REJECTED,
    ORDER_DENIED,
    ORDER_NEVER_SENT,
    ORDER_NOT_EXECUTED,
    ORDER_REJECTED,
    POLL_INTERVAL_MS,
    task_of,
)
from adapters.mcp.tasks import _without_payload

CONSOLE = "https://bulwark.example"
CREATED = "2026-11-28T10:00:00Z"


def order(status: str, **more: Any) -> dict[str, Any]:
    return {
        "id": "ord-1",
        "account_id": "acc-1",
        "symbol": "AAPL",
        "side": "buy",
        "quantity": "10.00000000",
        "status": status,
        "hold_reasons": ["MAX_ORDER_NOTIONAL"],
        "deny_reasons": [],
        "approvals": [],
        "created_at": CREATED,
        **more,
    }


def test_a_held_order_is_input_required_pointing_to_the_console() -> None:
    # Act
    task = task_of(order("held"), CONSOLE)

    # Assert
    assert (task["taskId"], task["status"]) == ("ord-1", "input_required")
    assert (task["createdAt"], task["lastUpdatedAt"]) == (CREATED, CREATED)
    assert (task["ttlMs"], task["pollIntervalMs"]) == (None, POLL_INTERVAL_MS)
    [(key, request)] = task["inputRequests"].items()
    assert key == "approval:ord-1"
    assert request["method"] == "elicitation/create"
    assert request["params"]["mode"] == "url"
    assert request["params"]["url"] == f"{CONSOLE}/console/held"
    assert "buy 10 AAPL" in request["params"]["message"]
    assert "result" not in task and "error" not in task


@pytest.mark.parametrize("status", ["new", "pending_submit"])
def test_an_approved_order_not_yet_at_its_broker_is_working(status: str) -> None:
    # Act
    task = task_of(order(status), CONSOLE)

    # Assert
    assert task["status"] == "working"
    assert "inputRequests" not in task


@pytest.mark.parametrize("status", ["accepted", "partially_filled", "filled"])
def test_an_approved_order_its_broker_has_completes_with_the_place_order_answer(
    status: str,
) -> None:
    # Arrange
    approval = {"approver_id": "u-1", "name": "risk", "at": "2026-11-28T10:05:00Z"}

    # Act
    task = task_of(order(status, approvals=[approval]), CONSOLE)

    # Assert
    assert task["status"] == "completed"
    assert task["lastUpdatedAt"] == "2026-11-28T10:05:00Z"
    answer = task["result"]
    assert answer.get("isError") in (None, False)
    assert answer["structuredContent"]["decision"] == "approved"
    assert answer["structuredContent"]["approved_by"] == ["risk"]
    assert answer["structuredContent"]["order"]["status"] == status
    assert answer["content"][0]["text"].startswith("Approved: buy 10 AAPL on acc-1")


@pytest.mark.parametrize(
    ("status", "reasons", "code"),
    [
        ("canceled", ["too big for today"], HOLD_REJECTED),
        ("expired", [], HOLD_EXPIRED),
        ("denied", ["TRADING_HALTED"], ORDER_DENIED),
        ("rejected", [], ORDER_REJECTED),
        ("never_sent", ["not at the broker"], ORDER_NEVER_SENT),
    ],
)
def test_an_order_that_will_never_trade_fails_its_task_with_a_stable_code(
    status: str, reasons: list[str], code: str
) -> None:
    # Act
    task = task_of(order(status, deny_reasons=reasons), CONSOLE)

    # Assert
    assert task["status"] == "failed"
    error = task["error"]
    assert error["code"] == ORDER_NOT_EXECUTED
    assert (error["data"]["code"], error["data"]["reasons"]) == (code, reasons)
    for reason in reasons:  # what a person or venue wrote stays in the data
        assert reason not in error["message"]
        assert reason not in task["statusMessage"]


def test_a_withdrawn_order_is_a_cancelled_task() -> None:
    # Act
    task = task_of(order("canceled"), CONSOLE)

    # Assert
    assert task["status"] == "cancelled"
    assert "error" not in task


def test_a_task_handle_carries_the_state_without_its_payload() -> None:
    # Act
    handle = _without_payload(task_of(order("held"), CONSOLE))

    # Assert
    assert handle["status"] == "input_required"
    assert "inputRequests" not in handle
