"""A desk's walkthrough through the API, then a scrape of /metrics (shared by metrics tests)."""

from __future__ import annotations

from dataclasses import dataclass

from prometheus_client.metrics_core import Metric
from prometheus_client.parser import text_string_to_metric_families

from domain.principals import Role
from ports.trading.broker import BrokerErrorCode
from tests.http.core_helpers import order_body, resting_limit, submit
from tests.http.harness import PASSCODE, Harness

ACCOUNT = "acc-metrics-1"


@dataclass(frozen=True)
class Scrape:
    """A scrape parsed into families, and the ids the walkthrough made (never label values)."""

    text: str
    families: dict[str, Metric]
    ids: frozenset[str]

    def label_sets(self, family: str) -> set[frozenset[str]]:
        """The label names of each sample of a family (bucket `le` and `quantile` left out)."""
        return {
            frozenset(set(sample.labels) - {"le", "quantile"})
            for sample in self.families[family].samples
        }

    def values(self, family: str, label: str) -> set[str]:
        return {s.labels[label] for s in self.families[family].samples if label in s.labels}


def parse(text: str, ids: frozenset[str] = frozenset()) -> Scrape:
    return Scrape(text, {f.name: f for f in text_string_to_metric_families(text)}, ids)


async def walkthrough_scrape(h: Harness) -> Scrape:
    """Log in, place accepted, rejected and broker-failed orders, read one back, pull and
    resume the kill switch, all with a WebSocket client connected; then scrape."""
    owner = await h.user()
    officer = await h.user(Role.RISK_OFFICER)
    account = await h.account(owner, ACCOUNT)
    session = await h.client.websocket_connect(f"/ws/events?token={owner.access_token}")
    with session as ws:
        assert ws.receive_json(timeout=5.0)["type"] == "welcome"
        accepted = await submit(h, owner, resting_limit(account, time_in_force="gtc"))
        assert accepted.status_code == 201, accepted.text
        order_id = accepted.json()["order"]["id"]
        rejected = await submit(h, owner, order_body(account, quantity="1000000"))
        assert rejected.json()["order"]["status"] == "denied", rejected.text
        h.container.core.paper_broker().fail_next(1, BrokerErrorCode.UNAVAILABLE, ["submit"])
        await submit(h, owner, resting_limit(account))
        read = await h.client.get(f"/api/v1/orders/{order_id}", headers=owner.headers)
        assert read.status_code == 200, read.text
        assert (await h.client.get("/no-such-page")).status_code == 404
        scope = {"kind": "account", "id": account}
        pulled = await h.client.post(
            "/api/v1/kill-switch/activate",
            json={"passcode": PASSCODE, "scope": scope},
            headers=owner.headers,
        )
        assert pulled.status_code == 201, pulled.text
        resumed = await h.client.post(
            "/api/v1/kill-switch/resume",
            json={
                "passcode": PASSCODE,
                "scope": scope,
                "approver_username": officer.username,
                "approver_passcode": PASSCODE,
            },
            headers=owner.headers,
        )
        assert resumed.status_code == 200, resumed.text
        scraped = await h.client.get("/metrics")
        assert scraped.status_code == 200, scraped.text
    ids = frozenset({account, owner.id, officer.id, order_id, pulled.json()["id"]})
    return parse(scraped.text, ids)
