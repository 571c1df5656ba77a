"""OpenTelemetry traces over HTTP: one trace per order through gate, store and broker."""

from __future__ import annotations

import json

import pytest
from opentelemetry.trace import SpanKind

from adapters.tracing.asgi import ServerSpans
from domain.principals import Role
from ports.core.tracing import NO_TRACER
from tests.http.core_helpers import order_body, resting_limit, submit
from tests.http.harness import PASSCODE, open_harness
from tests.http.log_capture import captured_logs
from tests.http.tracing_harness import (
    named,
    one,
    parent_id,
    span_id,
    trace_id,
    traced_harness,
)

pytestmark = pytest.mark.serves("analytics", "keys", "review", "safety", "trading")

ORDER_ROUTE = "HTTP POST /api/v1/orders"
CALLER_TRACE = "4bf92f3577b34da6a3ce929d0e0e4736"
CALLER_SPAN = "00f067aa0ba902b7"


async def test_an_order_is_one_trace_from_the_request_through_gate_store_and_broker() -> None:
    async with traced_harness() as (h, exporter):
        # Arrange
        owner = await h.user()
        await h.instrument("AAPL", "190")
        account = await h.account(owner, "acc-1")
        exporter.clear()

        # Act
        response = await submit(h, owner, order_body(account))

        # Assert
        assert response.status_code == 201, response.text
        spans = exporter.get_finished_spans()
    server = one(spans, ORDER_ROUTE)
    batch = one(spans, "orders.batch")
    gate = one(spans, "gate.evaluate")
    broker = one(spans, "broker.submit")
    commits = named(spans, "store.commit")
    assert server.kind is SpanKind.SERVER
    assert server.attributes is not None
    assert server.attributes["http.route"] == "/api/v1/orders"
    assert server.attributes["http.response.status_code"] == 201
    assert {trace_id(s) for s in spans} == {trace_id(server)}
    assert server.parent is None
    assert parent_id(batch) == span_id(server)
    assert {parent_id(s) for s in (gate, broker, *commits)} == {span_id(batch)}
    assert sorted(str((c.attributes or {})["step"]) for c in commits) == [
        "broker_answers",
        "decisions",
    ]
    assert (broker.attributes or {})["broker"] == "paper"
    assert (gate.attributes or {})["approved"] is True


async def test_an_incoming_traceparent_is_continued() -> None:
    async with traced_harness() as (h, exporter):
        # Arrange
        owner = await h.user()
        await h.instrument("AAPL", "190")
        account = await h.account(owner, "acc-1")
        exporter.clear()

        # Act
        response = await submit(
            h, owner, order_body(account), traceparent=f"00-{CALLER_TRACE}-{CALLER_SPAN}-01"
        )

        # Assert
        assert response.status_code == 201, response.text
        spans = exporter.get_finished_spans()
    server = one(spans, ORDER_ROUTE)
    assert f"{trace_id(server):032x}" == CALLER_TRACE
    assert server.parent is not None and server.parent.is_remote
    assert f"{server.parent.span_id:016x}" == CALLER_SPAN
    assert {f"{trace_id(s):032x}" for s in spans} == {CALLER_TRACE}


async def test_a_route_with_an_id_is_named_by_its_template_and_a_cancel_traces_the_broker() -> None:
    async with traced_harness() as (h, exporter):
        # Arrange
        owner = await h.user()
        await h.instrument("AAPL", "190")
        account = await h.account(owner, "acc-1")
        placed = await submit(h, owner, resting_limit(account))
        order_id = placed.json()["order"]["id"]
        exporter.clear()

        # Act
        response = await h.client.delete(f"/api/v1/orders/{order_id}", headers=owner.headers)

        # Assert
        assert response.status_code < 300, response.text
        spans = exporter.get_finished_spans()
    [server] = [s for s in spans if s.kind is SpanKind.SERVER]
    assert server.name == "HTTP DELETE /api/v1/orders/{order_id}"
    assert order_id not in server.name
    cancel = one(spans, "broker.cancel")
    assert parent_id(cancel) == span_id(server)
    assert (cancel.attributes or {})["broker"] == "paper"


async def test_a_kill_switch_activation_traces_its_phases_under_the_request() -> None:
    async with traced_harness() as (h, exporter):
        # Arrange
        owner = await h.user()
        await h.instrument("AAPL", "190")
        account = await h.account(owner, "acc-1")
        await submit(h, owner, resting_limit(account))
        exporter.clear()

        # Act
        response = await h.client.post(
            "/api/v1/kill-switch/activate",
            json={"passcode": PASSCODE, "scope": {"kind": "account", "id": account}},
            headers=owner.headers,
        )

        # Assert
        assert response.status_code == 201, response.text
        spans = exporter.get_finished_spans()
    server = one(spans, "HTTP POST /api/v1/kill-switch/activate")
    engage = one(spans, "killswitch.engage")
    assert parent_id(engage) == span_id(server)
    assert (engage.attributes or {})["confirmed"] is True
    for phase in ("killswitch.halt", "killswitch.broadcast", "killswitch.record"):
        assert parent_id(one(spans, phase)) == span_id(engage), phase
    cancel = one(spans, "killswitch.cancel")
    assert parent_id(cancel) == span_id(engage)
    assert (cancel.attributes or {})["broker"] == "paper"
    assert (cancel.attributes or {})["cancelled"] == 1


async def test_log_lines_written_in_a_request_carry_its_trace_id() -> None:
    async with traced_harness() as (h, exporter):
        owner = await h.user(Role.OWNER)
        exporter.clear()
        # Act
        with captured_logs("info") as stream:
            response = await h.client.get("/api/v1/accounts", headers=owner.headers)
        spans = exporter.get_finished_spans()

    # Assert
    assert response.status_code == 200, response.text
    server = one(spans, "HTTP GET /api/v1/accounts")
    lines = [json.loads(line) for line in stream.getvalue().splitlines()]
    [access] = [line for line in lines if line.get("event") == "request"]
    assert access["trace_id"] == f"{trace_id(server):032x}"
    assert access["span_id"] == f"{span_id(server):016x}"


async def test_probes_are_not_traced() -> None:
    async with traced_harness() as (h, exporter):
        # Act
        health = await h.client.get("/health")
        ready = await h.client.get("/ready")

        # Assert
        assert (health.status_code, ready.status_code) == (200, 200)
        assert exporter.get_finished_spans() == ()


async def test_with_tracing_off_nothing_is_installed() -> None:
    # Arrange
    h, client = await open_harness()

    # Act
    async with client:
        owner = await h.user()
        with captured_logs("info") as stream:
            response = await h.client.get("/api/v1/accounts", headers=owner.headers)

    # Assert
    assert response.status_code == 200
    tracing = h.container.core.tracing()
    assert tracing.provider is None and not tracing.enabled
    assert h.container.trading.orders().tracer is NO_TRACER
    assert h.container.safety.killswitch().tracer is NO_TRACER
    assert not isinstance(h.app.asgi_handler, ServerSpans)
    assert "trace_id" not in stream.getvalue()
