"""The console's overview: trading states, open orders, P&L and margin per account, alerts
(halted scopes, margin calls, market-data breakers), owner-scoped, and its polled fragment."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import datetime

import pytest

from adapters.market_data.failover import FailoverConfig, FailoverMarketData
from adapters.market_data.replay import ReplayMarketData
from application.market_data.providers import ProviderService
from application.market_data.stream_monitor import KafkaReport
from application.trading.in_doubt import DoubtfulOrder
from application.trading.in_doubt_watch import InDoubtSnapshot
from domain.monitoring.streams import AlertKind, StreamAlert, StreamThresholds
from domain.principals import Role
from tests.http.console.helpers import signed_in
from tests.http.harness import Harness, serving_market_data, swap_in_bundle
from tests.http.test_killswitch import account_scope, activate, resting_order
from tests.http.test_margin import leveraged

pytestmark = pytest.mark.serves("trading", "safety", "market_data", "devices", "console")


async def test_an_owner_sees_their_orders_pnl_and_a_margin_call(market: Harness) -> None:
    owner = await market.user(Role.OWNER)
    await market.account(owner, "acc-1")
    await resting_order(market, owner, "acc-1")
    await leveraged(market, owner, "acc-call", equity=50_000)
    other = await market.user(Role.OWNER)
    await market.account(other, "theirs")
    async with signed_in(market, owner.username) as client:
        page = await client.get("/console")

    assert page.status_code == 200
    assert '<p class="figure" id="ov-open-orders">1</p>' in page.text
    assert 'href="/console/orders?status=open"' in page.text
    assert 'data-account="acc-1"' in page.text and 'data-account="acc-call"' in page.text
    assert "theirs" not in page.text
    assert "acc-call: margin call" in page.text
    assert 'hx-trigger="every 5s, ov-refresh from:body"' in page.text
    assert 'href="/console/accounts"' in page.text  # the P&L / exposure charts


async def test_a_halted_scope_is_an_alert_on_the_polled_fragment(market: Harness) -> None:
    owner = await market.user(Role.OWNER)
    await market.account(owner, "acc-1")
    async with signed_in(market, owner.username) as client:
        before = await client.htmx("GET", "/console/overview")
        halted = await activate(market, owner, account_scope("acc-1"), reason="runaway")
        after = await client.htmx("GET", "/console/overview")

    assert halted.status_code == 201, halted.text
    assert "<html" not in before.text  # a fragment, not a page
    assert "account:acc-1 is halted" not in before.text
    assert "account:acc-1 is halted: runaway" in after.text
    assert 'data-scope="account:acc-1" data-state="halted"' in after.text


@pytest.fixture
async def failing_feed(
    harness: Harness, monkeypatch: pytest.MonkeyPatch
) -> AsyncIterator[FailoverMarketData]:
    """The synthetic provider first, a replay provider behind it (to fail over to)."""
    (synthetic,) = harness.container.market_data.market_feed().providers()
    feed = FailoverMarketData(
        [[synthetic], [ReplayMarketData(harness.clock, quotes=[])]], harness.clock, FailoverConfig()
    )
    service = ProviderService(feed, harness.clock, harness.container.core.audit())
    async with serving_market_data(harness, providers=service) as client:
        monkeypatch.setattr(harness, "client", client)
        monkeypatch.setattr(harness, "app", client.app)  # the console's client
        yield feed


async def test_an_open_breaker_is_an_alert(
    harness: Harness, failing_feed: FailoverMarketData
) -> None:
    risk = await harness.user(Role.RISK_OFFICER)
    failing_feed.failover(None)  # the active provider's breaker forced open
    async with signed_in(harness, risk.username) as client:
        page = await client.get("/console")

    assert "synthetic: breaker open" in page.text
    assert 'data-source="providers"' in page.text


async def test_no_alert_says_so(market: Harness) -> None:
    owner = await market.user(Role.OWNER)
    await market.account(owner, "acc-1", cash="1000")
    async with signed_in(market, owner.username) as client:
        page = await client.get("/console")

    assert "No alert" in page.text


class StreamsWithALagAlert:
    """The stream monitor's report with one consumer group over its lag threshold."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def snapshot(self) -> KafkaReport:
        alert = StreamAlert(AlertKind.LAG, "bulwark-orders", 5000.0, 2000.0, self.now)
        return KafkaReport(self.now, 60.0, StreamThresholds(), (), (), (alert,))


@pytest.mark.parametrize(("role", "shown"), [(Role.RISK_OFFICER, True), (Role.OWNER, False)])
async def test_stream_alerts_are_for_the_desk(
    harness: Harness, monkeypatch: pytest.MonkeyPatch, role: Role, shown: bool
) -> None:
    streams = StreamsWithALagAlert(harness.clock.now())
    swap_in_bundle(monkeypatch, harness.bundle("core"), "streams", streams)
    user = await harness.user(role)
    async with signed_in(harness, user.username) as client:
        page = await client.get("/console")

    assert page.status_code == 200
    assert ("lag on bulwark-orders: 5000 over 2000" in page.text) is shown


async def test_an_order_in_doubt_is_an_alert_for_its_owner_only(market: Harness) -> None:
    owner = await market.user(Role.OWNER)
    await market.account(owner, "acc-1")
    other = await market.user(Role.OWNER)
    await market.account(other, "theirs")
    watch = market.container.safety.in_doubt_watch()
    watch.snapshot = InDoubtSnapshot(
        (
            DoubtfulOrder("o-mine", "c-1", "acc-1", "paper", "BROKER_UNAVAILABLE: lookup"),
            DoubtfulOrder("o-theirs", "c-2", "theirs", "paper", "BROKER_UNAVAILABLE: lookup"),
        ),
        market.clock.now(),
    )
    async with signed_in(market, owner.username) as client:
        fragment = await client.htmx("GET", "/console/overview")

    assert "o-mine (acc-1) never acknowledged by paper" in fragment.text
    assert "o-theirs" not in fragment.text
