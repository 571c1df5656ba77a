"""The console's desk pages: risk rules (edit, dry run), agents and keys, providers and
failover, streams, signals, succession -- each for the roles that may see it, refusing the
changes a role may not make (403, and no button)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import datetime, timedelta
from typing import Any

import pytest

from adapters.http.console import desk_streams
from adapters.market_data.failover import FailoverMarketData
from application.market_data.stream_monitor import KafkaReport
from domain.market_data.bars import Timeframe
from domain.market_data.signals import Pattern, Signal
from domain.monitoring.streams import (
    AlertKind,
    GroupLag,
    StreamAlert,
    StreamThresholds,
    TopicStats,
)
from domain.principals import Role
from tests.http.console.helpers import real_status, signed_in
from tests.http.harness import Harness, User, swap_in_bundle
from tests.http.test_providers import synthetic_then_replay

pytestmark = [
    pytest.mark.serves("trading", "safety", "market_data", "devices", "strategies", "console"),
    pytest.mark.shares_app(),
]

RULES = "/api/v1/risk-rules"
PAGES = [
    "/console/risk",
    "/console/agents",
    "/console/providers",
    "/console/streams",
    "/console/signals",
    "/console/succession",
]


async def global_rule(harness: Harness, officer: User, max_quantity: str = "10") -> dict[str, Any]:
    response = await harness.client.post(
        RULES,
        headers=officer.headers,
        json={
            "rule_type": "MAX_ORDER_QUANTITY",
            "params": {"max_quantity": max_quantity},
            "scope": "global",
            "name": "Desk size cap",
        },
    )
    assert response.status_code == 201, response.text
    body: dict[str, Any] = response.json()
    return body


@pytest.fixture
async def two_providers(
    harness: Harness, monkeypatch: pytest.MonkeyPatch
) -> AsyncIterator[FailoverMarketData]:
    """The container's synthetic provider first, a replay provider behind it."""
    async with synthetic_then_replay(harness, monkeypatch) as feed:
        yield feed


# -- who sees what ------------------------------------------------------------------------


@pytest.mark.parametrize("path", PAGES)
async def test_every_desk_page_renders_for_a_risk_officer(harness: Harness, path: str) -> None:
    officer = await harness.user(Role.RISK_OFFICER)
    async with signed_in(harness, officer.username) as client:
        response = await client.get(path)

    assert response.status_code == 200, response.text
    assert 'aria-current="page"' in response.text


@pytest.mark.parametrize("path", [p for p in PAGES if p != "/console/streams"])
async def test_an_owner_sees_the_desk_pages_but_not_the_streams(
    harness: Harness, path: str
) -> None:
    owner = await harness.user(Role.OWNER)
    async with signed_in(harness, owner.username) as client:
        page = await client.get(path)
        streams = await client.get("/console/streams")

    assert page.status_code == 200, page.text
    assert real_status(streams) == 403 and "FORBIDDEN" in streams.text


# -- risk rules ---------------------------------------------------------------------------


@pytest.mark.own_app("a global rule binds every account of the instance")
async def test_an_owner_reads_a_global_rule_but_has_no_save_button_and_is_refused(
    harness: Harness,
) -> None:
    officer = await harness.user(Role.RISK_OFFICER)
    owner = await harness.user(Role.OWNER)
    rule = await global_rule(harness, officer)
    async with signed_in(harness, owner.username) as client:
        page = await client.get("/console/risk")
        refused = await client.htmx(
            "POST",
            f"/console/risk/rules/{rule['id']}",
            data={"name": "mine now", "action": "warn", "param.max_quantity": "1000000"},
        )
    stored = await harness.client.get(f"{RULES}/{rule['id']}", headers=officer.headers)

    assert "Desk size cap" in page.text
    assert f'hx-post="/console/risk/rules/{rule["id"]}"' not in page.text
    assert real_status(refused) == 403 and "FORBIDDEN" in refused.text
    assert stored.json()["params"] == {"max_quantity": "10"}


@pytest.mark.own_app("a global rule binds every account of the instance")
async def test_a_rule_edit_that_does_not_validate_shows_the_field_and_the_code(
    harness: Harness,
) -> None:
    officer = await harness.user(Role.RISK_OFFICER)
    rule = await global_rule(harness, officer)
    async with signed_in(harness, officer.username) as client:
        await client.get("/console/risk")
        response = await client.htmx(
            "POST",
            f"/console/risk/rules/{rule['id']}",
            data={"name": "cap", "action": "block", "is_active": "on", "param.max_quantity": "-5"},
        )
        plain = await client.post(
            f"/console/risk/rules/{rule['id']}", {"action": "block", "param.max_quantity": "x"}
        )
    stored = await harness.client.get(f"{RULES}/{rule['id']}", headers=officer.headers)

    assert response.status_code == 200  # htmx swaps the form back in, with its error...
    assert real_status(response) == 422  # ...and the real status in X-Bulwark-Status
    assert 'data-field="params.max_quantity"' in response.text
    assert "INVALID_RULE" in response.text
    assert 'aria-invalid="true"' in response.text
    assert 'value="-5"' in response.text  # what was typed stays, beside its error
    assert real_status(plain) == 422 and "INVALID_RULE" in plain.text
    assert "<h1>Risk rules</h1>" in plain.text  # without htmx: the whole page, with the error
    assert stored.json()["params"] == {"max_quantity": "10"}


@pytest.mark.own_app("a global rule binds every account of the instance")
async def test_a_risk_officer_saves_a_rule_edit(harness: Harness) -> None:
    officer = await harness.user(Role.RISK_OFFICER)
    rule = await global_rule(harness, officer)
    async with signed_in(harness, officer.username) as client:
        await client.get("/console/risk")
        response = await client.htmx(
            "POST",
            f"/console/risk/rules/{rule['id']}",
            data={"name": "Bigger cap", "action": "warn", "param.max_quantity": "25"},
        )
    stored = (await harness.client.get(f"{RULES}/{rule['id']}", headers=officer.headers)).json()

    assert response.status_code == 200, response.text
    assert "saved" in response.text and response.headers["hx-trigger"] == "rules-changed"
    assert (stored["name"], stored["action"], stored["is_active"]) == ("Bigger cap", "warn", False)
    assert stored["params"] == {"max_quantity": "25"}


async def test_an_owner_edits_an_own_rule_and_another_owners_rule_is_not_found(
    harness: Harness,
) -> None:
    owner = await harness.user(Role.OWNER)
    other = await harness.user(Role.OWNER)
    await harness.account(owner, "acc-own")
    created = await harness.client.post(
        RULES,
        headers=owner.headers,
        json={"rule_type": "MAX_ORDER_NOTIONAL", "params": {"max_notional": "5000"}},
    )
    rule_id = created.json()["id"]
    edit = {"action": "block", "is_active": "on", "param.max_notional": "7500"}
    async with signed_in(harness, owner.username) as client:
        page = await client.get("/console/risk")
        saved = await client.htmx("POST", f"/console/risk/rules/{rule_id}", data=edit)
    async with signed_in(harness, other.username) as stranger:
        foreign_page = await stranger.get("/console/risk")
        foreign = await stranger.htmx("POST", f"/console/risk/rules/{rule_id}", data=edit)

    assert f'hx-post="/console/risk/rules/{rule_id}"' in page.text
    assert saved.status_code == 200 and "saved" in saved.text
    assert rule_id not in foreign_page.text
    assert real_status(foreign) == 404 and "NOT_FOUND" in foreign.text


@pytest.mark.own_app("a global rule binds every account of the instance")
async def test_a_dry_run_shows_every_reason_and_places_no_order(market: Harness) -> None:
    harness = market
    officer = await harness.user(Role.RISK_OFFICER)
    owner = await harness.user(Role.OWNER)
    account = await harness.account(owner, "acc-dry")
    rule = await global_rule(harness, officer)
    order = {"account_id": account, "symbol": "aapl", "side": "buy", "quantity": "50"}
    async with signed_in(harness, officer.username) as client:
        await client.get("/console/risk")
        # 10,000 AAPL at 190: over the size cap, and 1.9 M of one sector in a 1 M account.
        current = await client.htmx(
            "POST", "/console/risk/dry-run", data={**order, "quantity": "10000"}
        )
        edited = await client.htmx(
            "POST",
            "/console/risk/dry-run",
            data={
                **order,
                "rule_id": rule["id"],
                "action": "block",
                "is_active": "on",
                "param.max_quantity": "100",
            },
        )
    orders = await harness.client.get(
        "/api/v1/orders", params={"account_id": account}, headers=owner.headers
    )

    assert current.status_code == 200, current.text
    assert 'data-outcome="denied"' in current.text
    reasons = current.text.split("Denied by:")[1].split("</p>")[0]
    assert "MAX_ORDER_QUANTITY" in reasons and "SECTOR_CONCENTRATION" in reasons
    assert "the current rules" in current.text
    assert edited.status_code == 200, edited.text
    assert 'data-outcome="approved"' in edited.text
    assert f"<code>{rule['id']}</code> as edited" in edited.text
    assert orders.status_code == 200 and orders.json()["items"] == []


@pytest.mark.own_app("a global rule binds every account of the instance")
async def test_a_dry_run_of_an_invalid_edit_names_the_field(market: Harness) -> None:
    harness = market
    officer = await harness.user(Role.RISK_OFFICER)
    owner = await harness.user(Role.OWNER)
    account = await harness.account(owner, "acc-bad")
    rule = await global_rule(harness, officer)
    async with signed_in(harness, officer.username) as client:
        await client.get("/console/risk")
        response = await client.htmx(
            "POST",
            "/console/risk/dry-run",
            data={
                "account_id": account,
                "symbol": "AAPL",
                "side": "buy",
                "quantity": "1",
                "rule_id": rule["id"],
                "param.max_quantity": "lots",
            },
        )

    assert response.status_code == 200
    assert 'data-field="params.max_quantity"' in response.text and "INVALID_RULE" in response.text


# -- agents -------------------------------------------------------------------------------


async def test_a_new_agent_key_is_shown_once_then_only_its_masked_prefix(
    harness: Harness,
) -> None:
    owner = await harness.user(Role.OWNER)
    account = await harness.account(owner, "acc-agent")
    await harness.agent_key(owner, "bot-1", (account,))
    agent = harness.id("bot-1")
    async with signed_in(harness, owner.username) as client:
        before = await client.get("/console/agents")
        issued = await client.htmx(
            "POST", "/console/agents/keys", data={"agent_id": agent, "label": "ci"}
        )
        after = await client.get("/console/agents")
        table = await client.htmx("GET", "/console/agents/table")

    assert before.status_code == 200 and agent in before.text and account in before.text
    assert "pending" in before.text
    assert issued.status_code == 200, issued.text
    secret = issued.text.split('id="new-api-key" class="secret">')[1].split("<")[0]
    assert secret.startswith("bwk_")
    assert "shown this once" in issued.text
    assert issued.headers["cache-control"] == "no-store"
    key_id = secret.removeprefix("bwk_").split("_")[0]
    assert secret not in after.text and secret not in table.text
    assert f"bwk_{key_id}_••••" in after.text


async def test_revoking_a_key_and_another_owners_agent_is_not_found(harness: Harness) -> None:
    owner = await harness.user(Role.OWNER)
    other = await harness.user(Role.OWNER)
    account = await harness.account(owner, "acc-a")
    await harness.agent_key(owner, "bot-a", (account,))
    agent = harness.id("bot-a")
    keys = await harness.client.get(f"/api/v1/agents/{agent}/keys", headers=owner.headers)
    key_id = keys.json()["items"][0]["key_id"]
    async with signed_in(harness, other.username) as stranger:
        foreign_page = await stranger.get("/console/agents")
        foreign = await stranger.htmx("POST", "/console/agents/keys", data={"agent_id": agent})
        foreign_revoke = await stranger.htmx(
            "POST", f"/console/agents/{agent}/keys/{key_id}/revoke", data={}
        )
    async with signed_in(harness, owner.username) as client:
        await client.get("/console/agents")
        revoked = await client.htmx("POST", f"/console/agents/{agent}/keys/{key_id}/revoke")
    after = await harness.client.get(f"/api/v1/agents/{agent}/keys", headers=owner.headers)

    assert agent not in foreign_page.text
    assert real_status(foreign) == 404 and real_status(foreign_revoke) == 404
    assert revoked.status_code == 200 and 'class="revoked"' in revoked.text
    assert after.json()["items"][0]["revoked_at"] is not None


# -- providers ----------------------------------------------------------------------------


async def test_breakers_are_shown_and_an_owner_has_no_failover(
    harness: Harness, two_providers: FailoverMarketData
) -> None:
    owner = await harness.user(Role.OWNER)
    async with signed_in(harness, owner.username) as client:
        page = await client.get("/console/providers")
        refused = await client.htmx("POST", "/console/providers/failover", data={"mode": "away"})

    assert page.status_code == 200
    assert 'id="provider-synthetic" data-breaker="closed"' in page.text
    assert 'id="provider-replay" data-breaker="closed"' in page.text
    assert "failover-away" not in page.text and "Pin replay" not in page.text
    assert real_status(refused) == 403 and "FORBIDDEN" in refused.text
    assert two_providers.active() == "synthetic"


@pytest.mark.own_app("a failover moves every user to the other feed")
async def test_a_risk_officer_fails_over_and_restores(
    harness: Harness, two_providers: FailoverMarketData
) -> None:
    officer = await harness.user(Role.RISK_OFFICER)
    async with signed_in(harness, officer.username) as client:
        page = await client.get("/console/providers")
        away = await client.htmx("POST", "/console/providers/failover", data={"mode": "away"})
        active_after_away = two_providers.active()
        restored = await client.htmx(
            "POST", "/console/providers/failover", data={"mode": "restore"}
        )
        unknown = await client.htmx(
            "POST", "/console/providers/failover", data={"mode": "pin", "to": "nobody"}
        )

    assert 'id="failover-away"' in page.text and "data-confirm" in page.text
    assert away.status_code == 200, away.text
    assert active_after_away == "replay"
    assert 'data-breaker="open"' in away.text and "(forced)" in away.text
    assert "Failed over" in away.text
    assert restored.status_code == 200 and two_providers.active() == "synthetic"
    assert real_status(unknown) == 404 and "UNKNOWN_PROVIDER" in unknown.text


# -- streams, signals ---------------------------------------------------------------------


async def test_the_streams_page_says_kafka_is_off(harness: Harness) -> None:
    officer = await harness.user(Role.RISK_OFFICER)
    async with signed_in(harness, officer.username) as client:
        response = await client.get("/console/streams")

    assert response.status_code == 200
    assert "Kafka is not configured (BULWARK_KAFKA_BOOTSTRAP" in response.text


def signal(ident: str, symbol: str, pattern: Pattern, minutes_ago: int, now: datetime) -> Signal:
    at = now - timedelta(minutes=minutes_ago)
    return Signal(ident, symbol, Timeframe.M5, pattern, 0.6, at, at, reason=f"reason {ident}")


class FakeStreams:
    """A stream monitor as the page reads it: one report, whatever the broker says."""

    def __init__(self, report: KafkaReport) -> None:
        self.reports = 0
        self._report = report

    async def report(self) -> KafkaReport:
        self.reports += 1
        return self._report


async def test_the_streams_page_shows_topics_groups_alerts_and_the_lag_chart(
    harness: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    now = harness.clock.now()
    report = KafkaReport(
        at=now,
        window_s=60.0,
        thresholds=StreamThresholds(),
        topics=(TopicStats("bulwark.orders", 120, 2.0, 12.5, 80.0, 95.0),),
        groups=(GroupLag.of("bulwark-risk", {("bulwark.orders", 0): 7, ("bulwark.orders", 1): 5}),),
        alerts=(StreamAlert(AlertKind.LAG, "bulwark-risk", 12, 10, now),),
    )
    swap_in_bundle(monkeypatch, harness.bundle("core"), "streams", FakeStreams(report))
    monkeypatch.setattr(desk_streams, "HISTORY", desk_streams.LagHistory())
    officer = await harness.user(Role.RISK_OFFICER)
    async with signed_in(harness, officer.username) as client:
        page = await client.get("/console/streams")
        chart = await client.get("/console/streams/lag.json")

    assert page.status_code == 200
    assert "bulwark.orders" in page.text and "2.00" in page.text and "12.5 ms" in page.text
    assert "bulwark-risk" in page.text and ">12<" in page.text and ">7<" in page.text
    assert 'data-chart-src="/console/streams/lag.json"' in page.text
    body = chart.json()
    assert body["series"] == {"bulwark-risk": [12]} and len(body["x"]) == 1


@pytest.mark.own_app("the market's signals are every user's")
async def test_recent_signals_are_filtered_by_symbol_source_and_age(harness: Harness) -> None:
    now = harness.clock.now()
    await harness.container.strategies.signal_repository().add(
        [
            signal("sig-new-aapl", "AAPL", Pattern.EMA_CROSSOVER, 5, now),
            signal("sig-old-aapl", "AAPL", Pattern.EMA_CROSSOVER, 300, now),
            signal("sig-new-msft", "MSFT", Pattern.VWAP_DEVIATION, 5, now),
        ]
    )
    owner = await harness.user(Role.OWNER)
    async with signed_in(harness, owner.username) as client:
        everything = await client.get("/console/signals")
        filtered = await client.htmx(
            "GET",
            "/console/signals",
            params={"symbol": "aapl", "source": "ema_crossover", "since": "1h"},
        )

    assert all(f"reason {i}" in everything.text for i in ("sig-new-aapl", "sig-old-aapl"))
    assert "reason sig-new-msft" in everything.text and 'hx-trigger="every 10s"' in everything.text
    assert "reason sig-new-aapl" in filtered.text
    assert "reason sig-old-aapl" not in filtered.text and "MSFT" not in filtered.text


async def test_signal_filters_are_checked(harness: Harness) -> None:
    officer = await harness.user(Role.RISK_OFFICER)
    async with signed_in(harness, officer.username) as client:
        filters = {"since": "1h", "symbol": "aapl"}
        good = await client.htmx("GET", "/console/signals", params=filters)
        bad = await client.get("/console/signals", params={"source": "astrology"})

    assert good.status_code == 200 and "<html" not in good.text
    assert real_status(bad) == 422 and "VALIDATION_ERROR" in bad.text and "source" in bad.text


# -- succession ---------------------------------------------------------------------------


@pytest.mark.own_app("it moves the clock")
async def test_an_owner_enrols_then_checking_in_moves_the_deadline(harness: Harness) -> None:
    owner = await harness.user(Role.OWNER)
    succession = harness.container.safety.succession()
    async with signed_in(harness, owner.username) as client:
        before = await client.get("/console/succession")
        enrolled = await client.post(
            "/console/succession/enrol", {"check_in_days": "30", "grace_days": "7"}
        )
        first = await succession.status(owner.principal)
        harness.clock.advance(timedelta(minutes=10).total_seconds())
        checked = await client.htmx("POST", "/console/succession/check-in")
    second = await succession.status(owner.principal)

    assert "Not enrolled" in before.text
    assert enrolled.status_code == 303
    assert checked.status_code == 200 and 'id="checked-in"' in checked.text
    assert second.deadline == first.deadline + timedelta(minutes=10)
    assert second.deadline.strftime("%Y-%m-%d %H:%M:%S") in checked.text


async def test_a_risk_officer_has_no_succession_and_cannot_check_in(harness: Harness) -> None:
    officer = await harness.user(Role.RISK_OFFICER)
    async with signed_in(harness, officer.username) as client:
        page = await client.get("/console/succession")
        refused = await client.htmx("POST", "/console/succession/check-in")

    assert 'id="succession-not-owner"' in page.text and 'id="check-in"' not in page.text
    assert real_status(refused) == 403
