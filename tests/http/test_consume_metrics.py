"""`bulwark consume`'s own /metrics listener: the meter's families, the token rule, a real port."""

from __future__ import annotations

import socket

import httpx
import pytest
from litestar.testing import AsyncTestClient
from prometheus_client.parser import text_string_to_metric_families

from adapters.memory.clock import FakeClock
from bootstrap.consume_metrics import ConsumeMetricsListener, consume_metrics_app
from tests.http.harness import test_container as make_container
from tests.http.harness import test_settings as make_settings

pytestmark = pytest.mark.serves()


def _families(text: str) -> set[str]:
    return {family.name for family in text_string_to_metric_families(text)}


async def test_the_consume_listener_serves_the_meters_figures() -> None:
    container = make_container(make_settings(), FakeClock())
    container.core.meter().broker_call("paper", "submit", 0.002, "BROKER_REJECTED")

    async with AsyncTestClient(
        consume_metrics_app(container.settings(), container.core())
    ) as client:
        scrape = await client.get("/metrics")
        health = await client.get("/health")

    names = _families(scrape.text)
    assert scrape.status_code == 200
    assert {"bulwark_gate_decision_seconds", "bulwark_broker_call_seconds"} <= names
    assert "process_cpu_seconds" in names
    assert 'code="BROKER_REJECTED"' in scrape.text
    assert health.json() == {"status": "ok", "process": "consume"}


async def test_the_consume_listener_keeps_the_token_rule() -> None:
    with_token = make_container(make_settings(metrics_token="s3cret-token"), FakeClock())
    plain = make_container(make_settings(), FakeClock())
    without = consume_metrics_app(plain.settings(), plain.core())
    async with AsyncTestClient(
        consume_metrics_app(with_token.settings(), with_token.core())
    ) as client:
        refused = await client.get("/metrics")
        wrong = await client.get("/metrics", headers={"Authorization": "Bearer nope"})
        allowed = await client.get("/metrics", headers={"Authorization": "Bearer s3cret-token"})
    async with AsyncTestClient(without) as client:
        open_in_test = await client.get("/metrics")

    assert refused.status_code == 401 and refused.json()["code"] == "METRICS_TOKEN_REQUIRED"
    assert wrong.status_code == 401
    assert allowed.status_code == 200
    assert open_in_test.status_code == 200


async def test_the_listener_answers_on_its_port_and_stops() -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = int(s.getsockname()[1])
    container = make_container(make_settings(consume_metrics_port=str(port)), FakeClock())
    listener = ConsumeMetricsListener(container.settings(), container.core())

    await listener.start()
    try:
        async with httpx.AsyncClient() as client:
            scrape = await client.get(f"http://127.0.0.1:{port}/metrics")
    finally:
        await listener.stop()
    async with httpx.AsyncClient() as client:
        try:
            await client.get(f"http://127.0.0.1:{port}/health", timeout=1)
            closed = False
        except httpx.TransportError:
            closed = True

    assert scrape.status_code == 200
    assert "bulwark_broker_call_seconds" in scrape.text
    assert closed
