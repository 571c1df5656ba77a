"""/metrics after a walkthrough: every family the desk's dashboards use, with low-cardinality
labels (route templates and codes, never an account, order or user id)."""

from __future__ import annotations

import re

import pytest

from tests.http.harness import Harness
from tests.http.metrics_walkthrough import Scrape, walkthrough_scrape

pytestmark = pytest.mark.serves("review", "safety", "trading")

# An id-like value: long hex or digits runs, UUIDs, or Bulwark's prefixed ids (ord-..., ks-...).
ID_LIKE = re.compile(r"[0-9a-f]{12,}|\d{6,}|^(ord|cl|ks|acc|usr|ak)-", re.IGNORECASE)


@pytest.fixture
async def scrape(market: Harness) -> Scrape:
    return await walkthrough_scrape(market)


def labels(*names: str) -> set[frozenset[str]]:
    return {frozenset(names)}


async def test_red_per_route_template_with_unmatched_for_what_no_route_took(
    scrape: Scrape,
) -> None:
    # Assert
    assert scrape.label_sets("bulwark_http_requests") == labels("method", "route", "status")
    assert scrape.label_sets("bulwark_http_request_duration_seconds") == labels("method", "route")
    routes = scrape.values("bulwark_http_requests", "route")
    assert {"/api/v1/orders", "/api/v1/kill-switch/activate", "unmatched"} <= routes
    assert any(r.startswith("/api/v1/orders/{order_id") for r in routes), routes
    assert {"201", "200", "404"} <= scrape.values("bulwark_http_requests", "status")


async def test_gate_decisions_by_outcome_and_reason_and_their_latency(scrape: Scrape) -> None:
    # Assert
    decisions = scrape.families["bulwark_gate_decisions"]
    outcomes = {(s.labels["outcome"], s.labels["reason"]) for s in decisions.samples}
    assert ("accepted", "none") in outcomes
    assert any(o == "rejected" and r != "none" for o, r in outcomes), outcomes
    assert scrape.label_sets("bulwark_gate_decision_seconds") == labels("outcome")
    assert scrape.values("bulwark_gate_decision_seconds", "outcome") == {"accepted", "rejected"}


async def test_kill_switch_phases_and_activations(scrape: Scrape) -> None:
    # Assert
    assert scrape.values("bulwark_kill_switch_phase_seconds", "phase") == {
        "halted",
        "broadcast",
        "cancels_sent",
        "broker_confirmed",
    }
    runs = scrape.families["bulwark_kill_switch_activations"].samples
    assert {(s.labels["trigger"], s.labels["confirmed"]) for s in runs if s.value} == {
        ("manual", "true")
    }


async def test_broker_calls_timed_and_failures_counted_per_adapter_and_operation(
    scrape: Scrape,
) -> None:
    # Assert
    assert scrape.label_sets("bulwark_broker_call_seconds") == labels("adapter", "operation")
    assert scrape.values("bulwark_broker_call_seconds", "adapter") == {"paper"}
    assert {"submit", "cancel_all", "open_orders"} <= scrape.values(
        "bulwark_broker_call_seconds", "operation"
    )
    errors = scrape.families["bulwark_broker_call_errors"].samples
    assert {
        (s.labels["adapter"], s.labels["operation"], s.labels["code"])
        for s in errors
        if s.name.endswith("_total")
    } == {("paper", "submit", "BROKER_UNAVAILABLE")}


async def test_gauges_outbox_breakers_websocket_clients_and_the_process(scrape: Scrape) -> None:
    # Assert
    assert scrape.families["bulwark_outbox_backlog"].samples[0].value == 0
    assert scrape.families["bulwark_websocket_clients"].samples[0].value == 1
    breakers = scrape.families["bulwark_provider_breaker_state"]
    assert scrape.label_sets("bulwark_provider_breaker_state") == labels("provider", "state")
    assert sum(s.value for s in breakers.samples) == len(scrape.values(breakers.name, "provider"))
    assert "process_cpu_seconds" in scrape.families
    assert "python_info" in scrape.families


async def test_no_label_value_is_an_id(scrape: Scrape) -> None:
    # Assert
    values = {
        value
        for family in scrape.families.values()
        for sample in family.samples
        for name, value in sample.labels.items()
        if name not in {"le", "quantile"}
    }
    assert values
    assert not values & scrape.ids
    assert not [v for v in values if any(i in v for i in scrape.ids)]
    assert not [v for v in values if ID_LIKE.search(v)], values
