"""HTTP market-data providers: the feed's health report for everyone, failover for supervisors."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from adapters.market_data.failover import FailoverConfig, FailoverMarketData
from adapters.market_data.replay import ReplayMarketData
from application.market_data.providers import FailoverCommand, ProviderService
from bootstrap.containers.application import build_container
from bootstrap.settings import SettingsError
from domain.errors import Forbidden
from domain.principals import Principal, Role
from ports.market_data.marketdata import Quote, RateLimitUsage
from tests.http.core_helpers import assert_problem
from tests.http.harness import Harness, serving_market_data
from tests.http.harness import test_settings as settings_with

pytestmark = pytest.mark.serves("market_data")

PROVIDERS = "/api/v1/providers"
FAILOVER = "/api/v1/providers/failover"


class BudgetedReplay(ReplayMarketData):
    """A replay provider that reports a request budget, as a metered API would."""

    def rate_limit(self) -> RateLimitUsage | None:
        return RateLimitUsage(limit=200, remaining=150)


@asynccontextmanager
async def synthetic_then_replay(
    harness: Harness,
    monkeypatch: pytest.MonkeyPatch,
    replay_class: type[ReplayMarketData] = ReplayMarketData,
) -> AsyncIterator[FailoverMarketData]:
    """The harness served (its API and console client) over a feed of the container's synthetic
    provider first and a replay provider quoting AAPL at 190 behind it; the feed."""
    now = harness.clock.now()
    replay = replay_class(
        harness.clock,
        quotes=[Quote("AAPL", Decimal("189.9"), Decimal("190.1"), Decimal(190), now)],
    )
    (synthetic,) = harness.container.market_data.market_feed().providers()
    feed = FailoverMarketData([[synthetic], [replay]], harness.clock, FailoverConfig())
    service = ProviderService(feed, harness.clock, harness.container.core.audit())
    async with serving_market_data(harness, providers=service) as client:
        monkeypatch.setattr(harness, "client", client)
        monkeypatch.setattr(harness, "app", client.app)  # the console's client
        yield feed


@pytest.fixture
async def feed(
    harness: Harness, monkeypatch: pytest.MonkeyPatch
) -> AsyncIterator[FailoverMarketData]:
    """The container's synthetic provider first, a replay provider with a budget behind it."""
    async with synthetic_then_replay(harness, monkeypatch, BudgetedReplay) as served:
        yield served


# -- GET /providers -------------------------------------------------------------------


@pytest.mark.parametrize("role", [Role.OWNER, Role.ADMIN])
async def test_any_user_sees_the_configured_feed(harness: Harness, role: Role) -> None:
    user = await harness.user(role)

    response = await harness.client.get(PROVIDERS, headers=user.headers)

    assert response.status_code == 200, response.text
    body = response.json()
    assert (body["active"], body["pinned"]) == ("synthetic", None)
    assert body["call_timeout_seconds"] == 2.0
    assert body["breaker"] == {
        "window_size": 20,
        "minimum_calls": 5,
        "failure_rate_threshold": 0.5,
        "slow_call_seconds": 1.0,
        "slow_rate_threshold": 0.8,
        "open_seconds": 30.0,
        "half_open_calls": 3,
    }
    assert body["consensus"] == {
        "mad_multiplier": 3.0,
        "floor_bps": 10.0,
        "tolerance_bps": 50.0,
        "min_agreeing": 2,
    }
    [synthetic] = body["providers"]
    assert synthetic["name"] == "synthetic" and synthetic["tier"] == 0
    assert synthetic["state"] == "closed" and synthetic["active"] is True


async def test_an_agent_sees_the_feed_too(harness: Harness) -> None:
    owner = await harness.user()
    await harness.account(owner, "acc-1")
    key = await harness.agent_key(owner, "agent-1", ("acc-1",))

    response = await harness.client.get(PROVIDERS, headers={"X-API-Key": key})

    assert response.status_code == 200, response.text


async def test_the_report_shows_calls_latency_and_rate_limits(
    harness: Harness, feed: FailoverMarketData
) -> None:
    owner = await harness.user()
    await harness.instrument("AAPL", "190")
    await feed.quote("AAPL")

    response = await harness.client.get(PROVIDERS, headers=owner.headers)

    assert response.status_code == 200, response.text
    synthetic, replay = response.json()["providers"]
    assert (synthetic["calls"], synthetic["failures"], synthetic["window_calls"]) == (1, 0, 1)
    assert synthetic["latency_p50_ms"] == 0.0  # the fake clock does not move during a call
    assert synthetic["rate_limit"] is None
    assert (replay["name"], replay["tier"], replay["active"], replay["calls"]) == (
        "replay",
        1,
        False,
        0,
    )
    assert replay["rate_limit"] == {
        "limit": 200,
        "remaining": 150,
        "used_fraction": 0.25,
        "resets_at": None,
    }
    assert replay["latency_p50_ms"] is None


async def test_the_report_needs_credentials(harness: Harness) -> None:
    response = await harness.client.get(PROVIDERS)

    assert_problem(response, 401, "UNAUTHENTICATED")


async def test_without_a_feed_the_report_is_not_found(harness: Harness) -> None:
    owner = await harness.user()

    async with serving_market_data(harness, providers=None) as client:
        response = await client.get(PROVIDERS, headers=owner.headers)

    assert_problem(response, 404, "NOT_FOUND")


# -- POST /providers/failover ---------------------------------------------------------


async def test_a_risk_officer_fails_over_and_restores(
    harness: Harness, feed: FailoverMarketData
) -> None:
    risk = await harness.user(Role.RISK_OFFICER)

    switched = await harness.client.post(FAILOVER, json={}, headers=risk.headers)
    during = (await harness.client.get(PROVIDERS, headers=risk.headers)).json()
    harness.clock.advance(timedelta(minutes=10))  # a forced breaker does not half-open
    restored = await harness.client.post(FAILOVER, json={"restore": True}, headers=risk.headers)

    assert switched.status_code == 200, switched.text
    assert switched.json() == {
        "previous": "synthetic",
        "active": "replay",
        "pinned": None,
        "restored": False,
    }
    synthetic, replay = during["providers"]
    assert (synthetic["state"], synthetic["forced_open"], synthetic["active"]) == (
        "open",
        True,
        False,
    )
    assert synthetic["transitions"][-1]["reason"] == "manual failover"
    assert replay["active"] is True and during["active"] == "replay"
    assert restored.status_code == 200, restored.text
    assert restored.json() == {
        "previous": "replay",
        "active": "synthetic",
        "pinned": None,
        "restored": True,
    }
    assert feed.active() == "synthetic"
    entries = await harness.container.core.audit().entries(limit=10)
    audited = [(e.actor, e.action, e.outcome) for e in entries if e.action.startswith("marketdata")]
    assert sorted(audited) == [
        (risk.id, "marketdata.failover", "ok"),
        (risk.id, "marketdata.restore", "ok"),
    ]


async def test_an_admin_pins_a_named_provider(harness: Harness, feed: FailoverMarketData) -> None:
    admin = await harness.user(Role.ADMIN)

    response = await harness.client.post(FAILOVER, json={"to": "replay"}, headers=admin.headers)

    assert response.status_code == 200, response.text
    assert response.json()["pinned"] == "replay" and response.json()["active"] == "replay"
    assert (await feed.quote("AAPL")).last == Decimal(190)
    report = (await harness.client.get(PROVIDERS, headers=admin.headers)).json()
    assert report["pinned"] == "replay"
    assert [p["pinned"] for p in report["providers"]] == [False, True]


async def test_an_unknown_provider_is_not_found_and_audited(
    harness: Harness, feed: FailoverMarketData
) -> None:
    admin = await harness.user(Role.ADMIN)

    response = await harness.client.post(FAILOVER, json={"to": "bloomberg"}, headers=admin.headers)

    body = assert_problem(response, 404, "UNKNOWN_PROVIDER")
    assert "bloomberg" in body["detail"]
    [entry] = await harness.container.core.audit().entries(target="bloomberg")
    assert (entry.outcome, entry.details) == ("refused", {"code": "UNKNOWN_PROVIDER"})
    assert feed.active() == "synthetic"


async def test_failing_over_with_no_other_provider_is_a_conflict(harness: Harness) -> None:
    risk = await harness.user(Role.RISK_OFFICER)  # the default feed: synthetic alone

    response = await harness.client.post(FAILOVER, json={}, headers=risk.headers)

    assert_problem(response, 409, "NO_PROVIDER_AVAILABLE")
    assert harness.container.market_data.market_feed().active() == "synthetic"


async def test_a_target_and_a_restore_together_are_refused(
    harness: Harness, feed: FailoverMarketData
) -> None:
    admin = await harness.user(Role.ADMIN)

    response = await harness.client.post(
        FAILOVER, json={"to": "replay", "restore": True}, headers=admin.headers
    )

    assert_problem(response, 422, "INVALID_FAILOVER")
    assert feed.pinned() is None


@pytest.mark.parametrize(
    ("body", "field"),
    [({"to": ""}, "to"), ({"to": "a b"}, "to"), ({"restore": "yes"}, "restore"), ({"x": 1}, "x")],
)
async def test_a_malformed_request_names_the_field(
    harness: Harness, feed: FailoverMarketData, body: dict[str, Any], field: str
) -> None:
    admin = await harness.user(Role.ADMIN)

    response = await harness.client.post(FAILOVER, json=body, headers=admin.headers)

    problem_body = assert_problem(response, 400, "VALIDATION_ERROR")
    assert [e["field"] for e in problem_body["errors"]] == [field]


@pytest.mark.parametrize("role", [Role.OWNER, Role.TRADER])
async def test_failover_is_forbidden_to_other_roles(
    harness: Harness, feed: FailoverMarketData, role: Role
) -> None:
    user = await harness.user(role)

    response = await harness.client.post(FAILOVER, json={}, headers=user.headers)

    assert_problem(response, 403, "FORBIDDEN")
    assert feed.active() == "synthetic"


async def test_failover_is_forbidden_to_an_agent(
    harness: Harness, feed: FailoverMarketData
) -> None:
    owner = await harness.user()
    await harness.account(owner, "acc-1")
    key = await harness.agent_key(owner, "agent-1", ("acc-1",))

    response = await harness.client.post(FAILOVER, json={}, headers={"X-API-Key": key})

    assert_problem(response, 403, "FORBIDDEN")


async def test_openapi_documents_the_provider_routes(harness: Harness) -> None:
    document = (await harness.client.get("/schema/openapi.json")).json()

    report = document["paths"]["/api/v1/providers"]["get"]
    failover = document["paths"]["/api/v1/providers/failover"]["post"]
    assert report["tags"] == failover["tags"] == ["market_data"]
    assert "market_data" in [tag["name"] for tag in document["tags"]]
    assert failover["operationId"] == "switchMarketDataProviders"
    example = report["responses"]["200"]["content"]["application/json"]["examples"]
    assert next(iter(example.values()))["value"]["active"] == "alpaca"
    assert set(failover["responses"]) >= {"200", "400", "401", "403", "404", "409", "422"}
    assert "UNKNOWN_PROVIDER" in failover["responses"]["404"]["description"]
    assert "NO_PROVIDER_AVAILABLE" in failover["responses"]["409"]["description"]


async def test_the_service_itself_refuses_a_trader(harness: Harness) -> None:
    service = harness.container.market_data.provider_service()

    with pytest.raises(Forbidden):
        await service.failover(FailoverCommand(Principal("trader-1", Role.TRADER)))

    assert harness.container.market_data.market_feed().active() == "synthetic"
    assert await harness.container.core.audit().entries(target="synthetic") == []


# -- wiring from the settings ---------------------------------------------------------


def test_the_feed_puts_the_primary_first_then_the_fallbacks(tmp_path: Path) -> None:
    quotes = tmp_path / "quotes.csv"
    quotes.write_text("symbol,at,bid,ask,last\nAAPL,2026-01-05T14:00:00Z,189.9,190.1,190\n")
    settings = settings_with(market_data="replay", market_data_replay_path=str(quotes))

    feed = build_container(settings).market_data.market_feed()

    assert [p.name for p in feed.providers()] == ["replay", "synthetic"]
    assert [h.tier for h in feed.health()] == [0, 1]


def test_no_fallback_leaves_the_primary_alone() -> None:
    settings = settings_with(market_data_fallbacks="none")

    assert [p.name for p in build_container(settings).market_data.market_feed().providers()] == [
        "synthetic"
    ]


def test_the_feed_settings_reach_the_breakers() -> None:
    settings = settings_with(
        market_data_call_timeout_seconds="0.5",
        market_data_breaker_window="8",
        market_data_breaker_minimum_calls="4",
        market_data_breaker_open_seconds="5",
    )

    config = build_container(settings).market_data.market_feed().settings()

    assert config.call_timeout_s == 0.5
    assert (config.breaker.window_size, config.breaker.minimum_calls) == (8, 4)
    assert config.breaker.open_s == 5.0


def test_replay_without_a_path_cannot_build_the_feed() -> None:
    container = build_container(settings_with(market_data_fallbacks="replay"))

    with pytest.raises(SettingsError, match="BULWARK_MARKET_DATA_REPLAY_PATH"):
        container.market_data.market_feed()


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"market_data_fallbacks": "synthetic,none"}, "stands alone"),
        ({"market_data_fallbacks": "alpaca"}, "BULWARK_ALPACA_KEY_ID"),
        (
            {"market_data_breaker_window": "3", "market_data_breaker_minimum_calls": "4"},
            "BULWARK_MARKET_DATA_BREAKER_MINIMUM_CALLS",
        ),
        ({"market_data_fallbacks": "bloomberg"}, "BULWARK_MARKET_DATA_FALLBACKS"),
    ],
)
def test_feed_settings_that_cannot_work_are_refused(
    overrides: dict[str, str], message: str
) -> None:
    with pytest.raises(SettingsError, match=message):
        settings_with(**overrides)
